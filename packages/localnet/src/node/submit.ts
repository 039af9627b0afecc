import {
  Deserializer,
  RawTransaction,
  TransactionAuthenticator,
  TransactionPayloadEntryFunction,
  TransactionPayloadScript,
} from "@aptos-labs/ts-sdk";
import type { Chain, TxRecord } from "../chain.ts";
import { accountExists } from "../framework/accounts.ts";
import { aptBalance } from "../framework/coin.ts";
import { FRAMEWORK, T, ZERO_ADDRESS } from "../framework/context.ts";
import { BYTECODE_UNSUPPORTED } from "../framework/sdk_bindings.ts";
import { MAX_GAS_AMOUNT, MAX_GAS_UNIT_PRICE, MIN_GAS_UNIT_PRICE, MIN_TRANSACTION_GAS_UNITS } from "../gas.ts";
import type { Registry } from "../registry.ts";
import { bytesToHex, sha3, utf8 } from "../runtime/address.ts";
import { verifyEd25519 } from "../runtime/crypto.ts";
import type { NodeFunction } from "../runtime/functions.ts";
import type { Address } from "../runtime/port.ts";
import { anyValidSignature, txAuth, verifyTxAuth } from "./auth.ts";
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

const TX_PREFIX = sha3(utf8("APTOS::Transaction"));

/** Native Ed25519 verification (moved to runtime/crypto.ts; re-exported for existing importers). */
export { BYTECODE_UNSUPPORTED, verifyEd25519 };

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
  /** Multi-agent / fee payer secondary signers, in order. */
  secondarySigners: Address[];
  /** The account that pays gas (the fee payer, else the sender). */
  gasPayer: Address;
  /** Sponsored transaction from an account that does not exist yet (sequence number 0): created on execution. */
  createSender: boolean;
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
export function prepare(
  chain: Chain,
  reg: Registry,
  body: Uint8Array,
  simulate: boolean,
  /** The sequence number the sender's next transaction must carry (mempool: after its pending ones). */
  expectedSequence?: (sender: Address) => bigint | undefined,
): PreparedTx {
  const { raw, rawBytes, auth: authenticator } = decodeSigned(body);
  const sender = raw.sender.toStringLong() as Address;
  const auth = txAuth(authenticator);
  const signers = [
    auth.sender,
    ...auth.secondary.map((s) => s.auth),
    ...(auth.feePayer ? [auth.feePayer.auth] : []),
  ];
  if (!simulate && signers.some((s) => s.none))
    throw vmValidation("INVALID_SIGNATURE", VM.INVALID_SIGNATURE, "a signature is required");
  // signatures (simulation carries zeroed signatures and must not carry valid ones)
  if (simulate) {
    if (anyValidSignature(auth, raw, rawBytes))
      throw invalidInput("Simulated transactions must not have a valid signature");
  } else verifyTxAuth(auth, raw, rawBytes);
  const secondary = auth.secondary.map((s) => s.address);
  if (new Set([sender, ...secondary]).size !== secondary.length + 1)
    throw vmValidation("SIGNERS_CONTAIN_DUPLICATES", VM.SIGNERS_CONTAIN_DUPLICATES);
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
  // accounts, auth keys, sequence number (transaction_validation.move v1.39 `prologue_common`,
  // `check_for_replay_protection_regular_txn`, `multi_agent_common_prologue`, `fee_payer_script_prologue`)
  const ctx = chain.readContext();
  const gasPayer = auth.feePayer?.address ?? sender;
  const senderExists = accountExists(ctx, sender);
  // sponsored automatic account creation: a fee payer may pay for a sender that does not exist yet (seq 0)
  const createSender = !senderExists && gasPayer !== sender && raw.sequence_number === 0n;
  const keyOf = (a: Address) =>
    ctx.journal.borrow<{ authentication_key: string }>(a, T.account).authentication_key;
  if (!createSender) {
    if (!senderExists)
      throw vmValidation("SENDING_ACCOUNT_DOES_NOT_EXIST", VM.SENDING_ACCOUNT_DOES_NOT_EXIST);
    if (!auth.sender.none && keyOf(sender) !== auth.sender.authKey)
      throw vmValidation("INVALID_AUTH_KEY", VM.INVALID_AUTH_KEY);
    const committed = chain.sequenceNumberOf(sender);
    const expected = expectedSequence?.(sender) ?? committed;
    if (raw.sequence_number < expected)
      throw vmValidation("SEQUENCE_NUMBER_TOO_OLD", VM.SEQUENCE_NUMBER_TOO_OLD);
    if (raw.sequence_number > expected)
      throw vmValidation("SEQUENCE_NUMBER_TOO_NEW", VM.SEQUENCE_NUMBER_TOO_NEW);
  } else if (auth.sender.authKey !== sender && !auth.sender.none) {
    // the new account's address must be its authentication key (what create_account will store)
    throw vmValidation("INVALID_AUTH_KEY", VM.INVALID_AUTH_KEY);
  }
  // A simulation may name fee payer 0x0 when the sponsor is not known yet: no fee payer account, key or balance
  // is checked and no gas is charged (transaction_validation.move v1.39 `skip_gas_payment`: is_simulation &&
  // gas_payer == @0x0; its auth key check is skipped like any simulation signer without a key).
  const skipGasPayment = simulate && gasPayer === ZERO_ADDRESS;
  for (const s of [...auth.secondary, ...(auth.feePayer && !skipGasPayment ? [auth.feePayer] : [])]) {
    if (!accountExists(ctx, s.address))
      throw vmValidation("SENDING_ACCOUNT_DOES_NOT_EXIST", VM.SENDING_ACCOUNT_DOES_NOT_EXIST, `${s.address}`);
    if (!s.auth.none && keyOf(s.address) !== s.auth.authKey)
      throw vmValidation("INVALID_AUTH_KEY", VM.INVALID_AUTH_KEY, `${s.address}`);
  }
  // expiration against the host clock (the SDK sets it from the client's clock; chain time may be advanced)
  if (raw.expiration_timestamp_secs <= BigInt(Math.floor(Date.now() / 1000))) {
    throw vmValidation("TRANSACTION_EXPIRED", VM.TRANSACTION_EXPIRED);
  }
  // balance of the gas payer for max gas
  if (!skipGasPayment && aptBalance(ctx, gasPayer) < raw.max_gas_amount * raw.gas_unit_price) {
    throw vmValidation(
      "INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE",
      VM.INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE,
    );
  }
  // payload
  if (raw.payload instanceof TransactionPayloadScript)
    throw vmValidation("FEATURE_UNDER_GATING", VM.FEATURE_UNDER_GATING, BYTECODE_UNSUPPORTED);
  if (!(raw.payload instanceof TransactionPayloadEntryFunction)) {
    throw vmValidation(
      "FEATURE_UNDER_GATING",
      VM.FEATURE_UNDER_GATING,
      "the localnet executes entry function payloads only (no multisig or orderless payloads)",
    );
  }
  const ef = raw.payload.entryFunction;
  const address = ef.module_name.address.toStringLong() as Address;
  const module = ef.module_name.name.identifier;
  const name = ef.function_name.identifier;
  if (
    address === FRAMEWORK &&
    ((module === "code" && name === "publish_package_txn") || module === "object_code_deployment")
  ) {
    throw vmValidation("FEATURE_UNDER_GATING", VM.FEATURE_UNDER_GATING, BYTECODE_UNSUPPORTED);
  }
  const typeArgs = ef.type_args.map((t) => t.toString());
  const rawArgs = ef.args.map((a) => a.bcsToBytes());
  const { fn, args } = resolveCall(reg, address, module, name, typeArgs, rawArgs, "entry");
  // every transaction signer fills one leading signer parameter (aptos-vm `validate_combine_signer_and_txn_args`)
  const signerParams = signerParamCount(fn);
  if (signerParams > 0 && signerParams !== secondary.length + 1) {
    throw vmVerification(
      "NUMBER_OF_SIGNER_ARGUMENTS_MISMATCH",
      VM.NUMBER_OF_SIGNER_ARGUMENTS_MISMATCH,
      `${address}::${module}::${name} takes ${signerParams} signer(s), the transaction has ${secondary.length + 1}`,
    );
  }
  const hash = hashOfSigned(body);
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
    secondarySigners: secondary,
    gasPayer,
    createSender,
  };
}

/** The transaction hash of a signed transaction's BCS: sha3-256(sha3-256("APTOS::Transaction") ‖ 0x00 ‖ bytes). */
export function hashOfSigned(body: Uint8Array): `0x${string}` {
  return bytesToHex(sha3(TX_PREFIX, Uint8Array.of(0), body)) as `0x${string}`;
}

/** Number of leading `signer` / `&signer` parameters. */
export function signerParamCount(fn: NodeFunction): number {
  let n = 0;
  while (fn.abi.params[n] === "&signer" || fn.abi.params[n] === "signer") n++;
  return n;
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

/** Execute a prepared transaction (atomic; aborts only charge gas). */
export function executePrepared(chain: Chain, p: PreparedTx, simulate: boolean): TxRecord {
  const fn = p.fn;
  const needsSigner = signerParamCount(fn) > 0;
  const secondary = p.secondarySigners.map((address) => ({ address }));
  return chain.execute(
    p.sender,
    (rt, signer) => fn.run(rt, p.args, needsSigner ? signer : undefined, p.typeArgs, secondary),
    {
      gasPayer: p.gasPayer,
      createSender: p.createSender,
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
