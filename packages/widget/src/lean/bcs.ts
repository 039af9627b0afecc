/**
 * Aptos transaction encoding in BCS, with `@mysten/bcs` (a small, maintained BCS library: the ts-sdk is not
 * loaded on the lean path). Only what a simulation of a Kofi entry function needs: `SignedTransaction` =
 * `RawTransaction` (entry-function payload) + a single-signer authenticator (Ed25519, or SingleKey Ed25519).
 * Field and variant order follow aptos-core's `types/src/transaction` (tested byte for byte against the ts-sdk).
 */
import { type BcsType, bcs } from "@mysten/bcs";

/** `0x1` / `0x00…01` → 32 bytes, big-endian. Throws on anything but 0x and 1 to 64 hex digits. */
export function addressBytes(address: string): Uint8Array {
  const hex = address.trim().toLowerCase();
  if (!/^0x[0-9a-f]{1,64}$/.test(hex)) throw new TypeError(`Invalid address ${JSON.stringify(address)}`);
  const padded = hex.slice(2).padStart(64, "0");
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number.parseInt(padded.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** The long form of an address: 0x and 64 hex digits, lower case. */
export function longAddress(address: string): `0x${string}` {
  return `0x${[...addressBytes(address)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

const Address = bcs.bytes(32).transform({
  input: (a: string) => addressBytes(a),
  output: (b: Uint8Array) => longAddress(`0x${[...b].map((x) => x.toString(16).padStart(2, "0")).join("")}`),
});

// The BCS type is chosen at run time from an ABI string, so its input type is only known there (the values come
// from the reviewed payload and are checked by the BCS writers).
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyBcs = BcsType<any, any>;

const SIMPLE: Record<string, () => AnyBcs> = {
  bool: () => bcs.bool(),
  u8: () => bcs.u8(),
  u16: () => bcs.u16(),
  u32: () => bcs.u32(),
  u64: () => bcs.u64(),
  u128: () => bcs.u128(),
  u256: () => bcs.u256(),
  address: () => Address,
};

/**
 * The BCS type of a Move parameter type as the ABI spells it (`u64`, `address`, `vector<u64>`,
 * `0x1::string::String`, `0x1::object::Object<…>`). Other structs are not encodable here: throws.
 */
export function moveType(type: string): AnyBcs {
  const t = type.trim();
  const vector = /^vector<(.+)>$/.exec(t);
  if (vector) return bcs.vector(moveType(vector[1] as string));
  const make = SIMPLE[t];
  if (make) return make();
  if (/^0x0*1::string::String$/.test(t)) return bcs.string();
  if (/^0x0*1::object::Object<.+>$/.test(t)) return Address;
  throw new TypeError(`Cannot encode a Move argument of type ${t} without the SDK`);
}

/** One entry-function argument: its BCS bytes, per its ABI type. */
export function encodeArgument(type: string, value: unknown): Uint8Array {
  return moveType(type).serialize(value).toBytes();
}

// TypeTag is only needed for type arguments, which Kofi's gateway functions do not take: the lean path
// refuses a payload with type arguments (`encodeEntryFunction`), so the vector below is always empty.
const NoTypeTag = bcs.u8().transform({
  input: (_: never) => {
    throw new TypeError("type arguments are not supported on the lean path");
  },
});

const EntryFunction = bcs.struct("EntryFunction", {
  module: bcs.struct("ModuleId", { address: Address, name: bcs.string() }),
  function: bcs.string(),
  ty_args: bcs.vector(NoTypeTag),
  args: bcs.vector(bcs.byteVector()),
});

const TransactionPayload = bcs.enum("TransactionPayload", {
  Script: null,
  ModuleBundle: null,
  EntryFunction,
});

export const RawTransaction = bcs.struct("RawTransaction", {
  sender: Address,
  sequence_number: bcs.u64(),
  payload: TransactionPayload,
  max_gas_amount: bcs.u64(),
  gas_unit_price: bcs.u64(),
  expiration_timestamp_secs: bcs.u64(),
  chain_id: bcs.u8(),
});

const Ed25519 = bcs.struct("Ed25519Authenticator", {
  public_key: bcs.byteVector(),
  signature: bcs.byteVector(),
});

const AccountAuthenticator = bcs.enum("AccountAuthenticator", {
  Ed25519,
  MultiEd25519: null,
  SingleKey: bcs.struct("SingleKeyAuthenticator", {
    public_key: bcs.enum("AnyPublicKey", { Ed25519: bcs.byteVector() }),
    signature: bcs.enum("AnySignature", { Ed25519: bcs.byteVector() }),
  }),
});

const TransactionAuthenticator = bcs.enum("TransactionAuthenticator", {
  Ed25519,
  MultiEd25519: null,
  MultiAgent: null,
  FeePayer: null,
  SingleSender: AccountAuthenticator,
});

const SignedTransaction = bcs.struct("SignedTransaction", {
  raw_txn: RawTransaction,
  authenticator: TransactionAuthenticator,
});

/** The sender's key, as simulation needs it: legacy Ed25519, or SingleKey (AnyPublicKey) Ed25519. */
export interface SenderKey {
  readonly scheme: "ed25519" | "single_key_ed25519";
  /** The 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
}

export interface EntryCall {
  /** `0xaddr::module::function` */
  readonly function: string;
  readonly typeArguments: readonly string[];
  /** Each argument's BCS bytes (`encodeArgument`). */
  readonly args: readonly Uint8Array[];
}

export interface RawTransactionInput {
  readonly sender: string;
  readonly sequenceNumber: bigint;
  readonly call: EntryCall;
  readonly maxGasAmount: bigint;
  readonly gasUnitPrice: bigint;
  readonly expirationSecs: bigint;
  readonly chainId: number;
}

function rawInput(tx: RawTransactionInput) {
  const [address, module, name] = tx.call.function.split("::");
  if (!address || !module || !name) throw new TypeError(`Invalid function ${tx.call.function}`);
  if (tx.call.typeArguments.length)
    throw new TypeError(`${tx.call.function}: type arguments are not supported on the lean path`);
  return {
    sender: tx.sender,
    sequence_number: tx.sequenceNumber,
    payload: {
      EntryFunction: {
        module: { address, name: module },
        function: name,
        ty_args: [],
        args: tx.call.args.map((a) => [...a]),
      },
    },
    max_gas_amount: tx.maxGasAmount,
    gas_unit_price: tx.gasUnitPrice,
    expiration_timestamp_secs: tx.expirationSecs,
    chain_id: tx.chainId,
  };
}

/**
 * A signed transaction for `POST /v1/transactions/simulate`: the signature is all zeros (64 bytes), as the node
 * requires (a valid signature is refused there).
 */
export function simulationBytes(tx: RawTransactionInput, key: SenderKey): Uint8Array {
  const signature = new Uint8Array(64);
  const authenticator =
    key.scheme === "ed25519"
      ? { Ed25519: { public_key: key.publicKey, signature } }
      : {
          SingleSender: {
            SingleKey: { public_key: { Ed25519: key.publicKey }, signature: { Ed25519: signature } },
          },
        };
  return SignedTransaction.serialize({ raw_txn: rawInput(tx), authenticator }).toBytes();
}

/** The raw transaction alone (tests compare it with the ts-sdk's). */
export function rawTransactionBytes(tx: RawTransactionInput): Uint8Array {
  return RawTransaction.serialize(rawInput(tx)).toBytes();
}
