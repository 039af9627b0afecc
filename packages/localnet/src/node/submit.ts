import { createPublicKey, type KeyObject, verify } from "node:crypto";
import {
  AccountAuthenticatorEd25519,
  AccountAuthenticatorNoAccountAuthenticator,
  AccountAuthenticatorSingleKey,
  Deserializer,
  Ed25519PublicKey,
  Ed25519Signature,
  RawTransaction,
  TransactionAuthenticator,
  TransactionAuthenticatorEd25519,
  TransactionAuthenticatorSingleSender,
  TransactionPayloadEntryFunction,
} from "@aptos-labs/ts-sdk";
import type { Chain, TxRecord } from "../chain.ts";
import { accountExists } from "../framework/accounts.ts";
import { aptBalance } from "../framework/coin.ts";
import { T } from "../framework/context.ts";
import { MAX_GAS_AMOUNT, MAX_GAS_UNIT_PRICE, MIN_GAS_UNIT_PRICE, MIN_TRANSACTION_GAS_UNITS } from "../gas.ts";
import type { Registry } from "../registry.ts";
import { bytesToHex, sha3, utf8 } from "../runtime/address.ts";
import type { NodeFunction } from "../runtime/functions.ts";
import type { Address } from "../runtime/port.ts";
import { ApiError, invalidInput, VM, vmValidation, vmVerification } from "./errors.ts";
import {
  ArgError,
  decodeBcsArg,
  formatMoveType,
  type MoveType,
  parseMoveType,
  substitute,
  TypeParseError,
} from "./move_type.ts";

const RAW_TX_PREFIX = sha3(utf8("APTOS::RawTransaction"));
const TX_PREFIX = sha3(utf8("APTOS::Transaction"));
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

const keyCache = new Map<string, KeyObject>();
function ed25519Key(pk: Uint8Array): KeyObject {
  const hex = Buffer.from(pk).toString("hex");
  let k = keyCache.get(hex);
  if (!k) {
    k = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, pk]), format: "der", type: "spki" });
    if (keyCache.size > 10_000) keyCache.clear();
    keyCache.set(hex, k);
  }
  return k;
}

/** Native (OpenSSL) Ed25519 verification; ~20x faster than a JS implementation. */
export function verifyEd25519(pk: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean {
  if (pk.length !== 32 || sig.length !== 64) return false;
  try {
    return verify(null, msg, ed25519Key(pk), sig);
  } catch {
    return false;
  }
}

/** A decoded, validated call, ready to execute. */
export interface PreparedTx {
  hash: `0x${string}`;
  sender: Address;
  sequenceNumber: bigint;
  maxGasAmount: bigint;
  gasUnitPrice: bigint;
  expirationTimestampSecs: bigint;
  fn: NodeFunction;
  typeArgs: string[];
  args: unknown[];
  payloadJson: unknown;
  signatureJson: unknown;
}

interface Auth {
  /** Simulation without a public key (`AccountAuthenticatorNoAccountAuthenticator`): no key checks. */
  none?: boolean;
  publicKey: Uint8Array;
  signature: Uint8Array;
  authKey: `0x${string}`;
  json: unknown;
}

function authOf(a: TransactionAuthenticator): Auth {
  let inner: unknown = a;
  if (a instanceof TransactionAuthenticatorSingleSender) inner = a.sender;
  if (inner instanceof AccountAuthenticatorNoAccountAuthenticator) {
    return {
      none: true,
      publicKey: new Uint8Array(32),
      signature: new Uint8Array(64),
      authKey: "0x",
      json: { type: "no_account_signature" },
    };
  }
  if (a instanceof TransactionAuthenticatorEd25519 || inner instanceof AccountAuthenticatorEd25519) {
    const x = inner as { public_key: Ed25519PublicKey; signature: Ed25519Signature };
    const pk = x.public_key.toUint8Array();
    const sig = x.signature.toUint8Array();
    const json = { public_key: bytesToHex(pk), signature: bytesToHex(sig), type: "ed25519_signature" };
    if (a instanceof TransactionAuthenticatorSingleSender) {
      return {
        publicKey: pk,
        signature: sig,
        authKey: authKey(pk, 0),
        json: { sender: { ...json, type: "ed25519_signature" }, type: "single_sender" },
      };
    }
    return { publicKey: pk, signature: sig, authKey: authKey(pk, 0), json };
  }
  if (inner instanceof AccountAuthenticatorSingleKey) {
    const pkAny = inner.public_key;
    const sigAny = inner.signature;
    const pkInner = pkAny.publicKey;
    const sigInner = sigAny.signature;
    if (!(pkInner instanceof Ed25519PublicKey) || !(sigInner instanceof Ed25519Signature)) {
      throw vmValidation(
        "INVALID_SIGNATURE",
        VM.INVALID_SIGNATURE,
        "only Ed25519 single keys are supported by the localnet",
      );
    }
    const pk = pkInner.toUint8Array();
    const sig = sigInner.toUint8Array();
    return {
      publicKey: pk,
      signature: sig,
      authKey: bytesToHex(sha3(pkAny.bcsToBytes(), Uint8Array.of(2))),
      json: {
        sender: {
          public_key: { value: bytesToHex(pk), type: "ed25519" },
          signature: { value: bytesToHex(sig), type: "ed25519" },
          type: "single_key_signature",
        },
        type: "single_sender",
      },
    };
  }
  throw vmValidation(
    "INVALID_SIGNATURE",
    VM.INVALID_SIGNATURE,
    "unsupported authenticator (the localnet verifies Ed25519 and SingleKey Ed25519 senders)",
  );
}

function authKey(pk: Uint8Array, scheme: number): `0x${string}` {
  return bytesToHex(sha3(pk, Uint8Array.of(scheme)));
}

/** Decode a BCS SignedTransaction with the ts-sdk's deserializers; 400 invalid_input if malformed. */
export function decodeSigned(body: Uint8Array): {
  raw: RawTransaction;
  rawBytes: Uint8Array;
  auth: TransactionAuthenticator;
} {
  try {
    const d = new Deserializer(body);
    const raw = RawTransaction.deserialize(d);
    const rawLen = body.length - d.remaining();
    const auth = TransactionAuthenticator.deserialize(d);
    if (d.remaining() !== 0) throw new Error(`${d.remaining()} trailing bytes`);
    return { raw, rawBytes: body.subarray(0, rawLen), auth };
  } catch (e) {
    throw invalidInput(`Failed to deserialize input into SignedTransaction: ${(e as Error).message}`);
  }
}

/** Resolve an entry function and decode its BCS arguments with the ABI (verification errors as the VM names them). */
export function resolveCall(
  reg: Registry,
  address: Address,
  module: string,
  name: string,
  typeArgs: string[],
  rawArgs: Uint8Array[],
  kind: "entry" | "view",
): { fn: NodeFunction; args: unknown[] } {
  const fid = `${address}::${module}::${name}`;
  const fail =
    kind === "entry"
      ? vmVerification
      : (s: string, c: number, d?: string) => invalidInput(`${s}: ${d ?? ""}`.trim(), c);
  if (!reg.module(address, module))
    throw fail("LINKER_ERROR", VM.LINKER_ERROR, `module ${address}::${module} does not exist`);
  const fn = reg.fn(address, module, name);
  if (!fn)
    throw fail(
      "FUNCTION_RESOLUTION_FAILURE",
      VM.FUNCTION_RESOLUTION_FAILURE,
      `function ${fid} does not exist`,
    );
  if (kind === "entry" && !fn.abi.is_entry) {
    throw fail(
      "EXECUTE_ENTRY_FUNCTION_CALLED_ON_NON_ENTRY_FUNCTION",
      VM.EXECUTE_ENTRY_FUNCTION_CALLED_ON_NON_ENTRY_FUNCTION,
      `${fid} is not an entry function`,
    );
  }
  if (kind === "view" && !fn.abi.is_view)
    throw invalidInput(`function ${fid} is not marked as a view function`);
  if (typeArgs.length !== fn.abi.generic_type_params.length) {
    throw fail(
      "NUMBER_OF_TYPE_ARGUMENTS_MISMATCH",
      VM.NUMBER_OF_TYPE_ARGUMENTS_MISMATCH,
      `${fid} expects ${fn.abi.generic_type_params.length} type arguments, got ${typeArgs.length}`,
    );
  }
  let targs: MoveType[];
  try {
    targs = typeArgs.map((t) => parseMoveType(t));
  } catch (e) {
    throw fail("FAILED_TO_DESERIALIZE_ARGUMENT", VM.FAILED_TO_DESERIALIZE_ARGUMENT, (e as Error).message);
  }
  const params = paramTypes(reg, fn, targs);
  if (rawArgs.length !== params.length) {
    throw fail(
      "NUMBER_OF_ARGUMENTS_MISMATCH",
      VM.NUMBER_OF_ARGUMENTS_MISMATCH,
      `${fid} expects ${params.length} arguments, got ${rawArgs.length}`,
    );
  }
  const args = params.map((t, i) => {
    try {
      return decodeBcsArg(t, rawArgs[i] as Uint8Array);
    } catch (e) {
      if (e instanceof ArgError || e instanceof TypeParseError) {
        throw fail(
          "FAILED_TO_DESERIALIZE_ARGUMENT",
          VM.FAILED_TO_DESERIALIZE_ARGUMENT,
          `argument ${i} of ${fid} is not a valid ${formatMoveType(t)}: ${e.message}`,
        );
      }
      throw e;
    }
  });
  return { fn, args };
}

/** Parameter types after the leading signer(s), with type arguments substituted. */
export function paramTypes(reg: Registry, fn: NodeFunction, targs: MoveType[]): MoveType[] {
  return fn.abi.params
    .filter((p) => p !== "&signer" && p !== "signer")
    .map((p) => substitute(reg.type(p), targs));
}

/**
 * Full validation of a signed transaction, in the order the node's VM validator applies it. Throws ApiError;
 * on success nothing has changed yet.
 */
export function prepare(chain: Chain, reg: Registry, body: Uint8Array, simulate: boolean): PreparedTx {
  const { raw, rawBytes, auth: authenticator } = decodeSigned(body);
  const sender = raw.sender.toStringLong() as Address;
  const auth = authOf(authenticator);
  if (auth.none && !simulate)
    throw vmValidation("INVALID_SIGNATURE", VM.INVALID_SIGNATURE, "a signature is required");
  // signature (simulation carries a zeroed signature and must not carry a valid one)
  if (simulate) {
    if (
      auth.signature.some((b) => b !== 0) &&
      verifyEd25519(auth.publicKey, concat(RAW_TX_PREFIX, rawBytes), auth.signature)
    ) {
      throw invalidInput("Simulated transactions must not have a valid signature");
    }
  } else if (!verifyEd25519(auth.publicKey, concat(RAW_TX_PREFIX, rawBytes), auth.signature)) {
    throw vmValidation("INVALID_SIGNATURE", VM.INVALID_SIGNATURE);
  }
  // gas parameters
  if (raw.max_gas_amount > MAX_GAS_AMOUNT) {
    throw vmValidation(
      "MAX_GAS_UNITS_EXCEEDS_MAX_GAS_UNITS_BOUND",
      VM.MAX_GAS_UNITS_EXCEEDS_MAX_GAS_UNITS_BOUND,
    );
  }
  if (raw.max_gas_amount < MIN_TRANSACTION_GAS_UNITS) {
    throw vmValidation(
      "MAX_GAS_UNITS_BELOW_MIN_TRANSACTION_GAS_UNITS",
      VM.MAX_GAS_UNITS_BELOW_MIN_TRANSACTION_GAS_UNITS,
    );
  }
  if (raw.gas_unit_price < MIN_GAS_UNIT_PRICE && !simulate) {
    throw vmValidation("GAS_UNIT_PRICE_BELOW_MIN_BOUND", VM.GAS_UNIT_PRICE_BELOW_MIN_BOUND);
  }
  if (raw.gas_unit_price > MAX_GAS_UNIT_PRICE)
    throw vmValidation("GAS_UNIT_PRICE_ABOVE_MAX_BOUND", VM.GAS_UNIT_PRICE_ABOVE_MAX_BOUND);
  // chain id
  if (raw.chain_id.chainId !== chain.chainId) throw vmValidation("BAD_CHAIN_ID", VM.BAD_CHAIN_ID);
  // account, auth key, sequence number
  const ctx = chain.readContext();
  if (!accountExists(ctx, sender))
    throw vmValidation("SENDING_ACCOUNT_DOES_NOT_EXIST", VM.SENDING_ACCOUNT_DOES_NOT_EXIST);
  const acct = ctx.journal.borrow<{ authentication_key: string; sequence_number: bigint }>(sender, T.account);
  if (!auth.none && acct.authentication_key !== auth.authKey)
    throw vmValidation("INVALID_AUTH_KEY", VM.INVALID_AUTH_KEY);
  if (raw.sequence_number < acct.sequence_number)
    throw vmValidation("SEQUENCE_NUMBER_TOO_OLD", VM.SEQUENCE_NUMBER_TOO_OLD);
  if (raw.sequence_number > acct.sequence_number)
    throw vmValidation("SEQUENCE_NUMBER_TOO_NEW", VM.SEQUENCE_NUMBER_TOO_NEW);
  // expiration against the host clock (the SDK sets it from the client's clock; chain time may be advanced)
  if (raw.expiration_timestamp_secs <= BigInt(Math.floor(Date.now() / 1000))) {
    throw vmValidation("TRANSACTION_EXPIRED", VM.TRANSACTION_EXPIRED);
  }
  // balance for max gas
  if (aptBalance(ctx, sender) < raw.max_gas_amount * raw.gas_unit_price) {
    throw vmValidation(
      "INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE",
      VM.INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE,
    );
  }
  // payload
  if (!(raw.payload instanceof TransactionPayloadEntryFunction)) {
    throw vmValidation(
      "FEATURE_UNDER_GATING",
      VM.FEATURE_UNDER_GATING,
      "the localnet executes entry function payloads only",
    );
  }
  const ef = raw.payload.entryFunction;
  const address = ef.module_name.address.toStringLong() as Address;
  const module = ef.module_name.name.identifier;
  const name = ef.function_name.identifier;
  const typeArgs = ef.type_args.map((t) => t.toString());
  const rawArgs = ef.args.map((a) => a.bcsToBytes());
  const { fn, args } = resolveCall(reg, address, module, name, typeArgs, rawArgs, "entry");
  const hash = bytesToHex(sha3(TX_PREFIX, Uint8Array.of(0), body)) as `0x${string}`;
  return {
    hash,
    sender,
    sequenceNumber: raw.sequence_number,
    maxGasAmount: raw.max_gas_amount,
    gasUnitPrice: raw.gas_unit_price,
    expirationTimestampSecs: raw.expiration_timestamp_secs,
    fn,
    typeArgs,
    args,
    payloadJson: {
      function: `${displayModuleAddress(address)}::${module}::${name}`,
      type_arguments: typeArgs,
      arguments: args.map((a, i) => argJson(reg, fn, i, a, typeArgs)),
      type: "entry_function_payload",
    },
    signatureJson: auth.json,
  };
}

function displayModuleAddress(a: Address): string {
  return /^0x0{63}[0-9a-f]$/.test(a) ? `0x${a[65]}` : a;
}

function argJson(reg: Registry, fn: NodeFunction, i: number, v: unknown, typeArgs: string[]): unknown {
  const t = paramTypes(
    reg,
    fn,
    typeArgs.map((x) => parseMoveType(x)),
  )[i] as MoveType;
  if (t.k === "u8" || t.k === "u16" || t.k === "u32") return Number(v);
  if (t.k === "vector" && t.item.k === "u8" && v instanceof Uint8Array) return bytesToHex(v);
  return jsonish(v);
}

function jsonish(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return bytesToHex(v);
  if (Array.isArray(v)) return v.map(jsonish);
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonish(x)]));
  return v;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Execute a prepared transaction (atomic; aborts only charge gas). */
export function executePrepared(chain: Chain, p: PreparedTx, simulate: boolean): TxRecord {
  const fn = p.fn;
  const needsSigner = fn.abi.params[0] === "&signer" || fn.abi.params[0] === "signer";
  return chain.execute(
    p.sender,
    (rt, signer) => fn.run(rt, p.args, needsSigner ? signer : undefined, p.typeArgs),
    {
      hash: p.hash,
      sequenceNumber: p.sequenceNumber,
      maxGasAmount: p.maxGasAmount,
      gasUnitPrice: p.gasUnitPrice === 0n ? 100n : p.gasUnitPrice,
      expirationTimestampSecs: p.expirationTimestampSecs,
      payload: p.payloadJson,
      signature: p.signatureJson,
      simulate,
    },
  );
}

export { ApiError };
