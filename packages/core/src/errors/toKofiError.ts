import { kofiErrors } from "../generated/abi.ts";
import { type DecodeContext, decodeMoveAbort } from "./decodeMoveAbort.ts";
import { KofiError, type KofiErrorCode } from "./KofiError.ts";

export interface ToKofiErrorContext {
  /** The configured Kofi package address; aborts from other addresses are not looked up in the Kofi table. */
  kofiAddress?: string | undefined;
  /** Transaction hash, if known. */
  hash?: string | undefined;
}

/** Reads a string field from an unknown value without trusting its shape. */
function field(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined;
  return (value as Record<string, unknown>)[key];
}

/** Collects every human-readable text an error-like value carries (message, data.message, vm_status, cause...). */
function texts(value: unknown, depth = 0): string[] {
  if (depth > 4 || value === undefined || value === null) return [];
  if (typeof value === "string") return [value];
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return [String(value)];
  const out: string[] = [];
  for (const key of [
    "message",
    "vm_status",
    "vmStatus",
    "error_code",
    "errorCode",
    "reason",
    "name",
    "code",
  ]) {
    const v = field(value, key);
    if (typeof v === "string" || typeof v === "number") out.push(String(v));
  }
  for (const key of ["data", "error", "cause", "response", "transaction"]) {
    const v = field(value, key);
    if (v !== undefined && v !== value) out.push(...texts(v, depth + 1));
  }
  if (out.length === 0 && typeof value === "object") {
    try {
      out.push(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
    } catch {
      out.push(Object.prototype.toString.call(value));
    }
  }
  return out;
}

const PATTERNS: [KofiErrorCode, RegExp][] = [
  [
    "user_rejected",
    /user rejected|rejected the request|user denied|denied by user|user declined|user cancel|cancelled by user|"?status"?:\s*"?rejected|^rejected$/i,
  ],
  [
    "insufficient_gas",
    /INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE|insufficient balance for (transaction )?fee|insufficient.*gas/i,
  ],
  ["sequence_number", /SEQUENCE_NUMBER_TOO_(OLD|NEW|BIG)|sequence number/i],
  ["wrong_network", /BAD_CHAIN_ID|chain[_ ]id mismatch|wrong network/i],
  ["timeout", /timed? ?out|ETIMEDOUT|TimeoutError|WaitForTransactionError|deadline exceeded/i],
  [
    "network",
    /fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|socket hang up|network ?error|Failed to fetch|NetworkError|Load failed|UND_ERR/i,
  ],
  ["invalid_address", /Hex string is too short|invalid account address|not a valid address/i],
];

/**
 * Normalises anything thrown (ts-sdk errors, wallet errors, strings, plain objects, failed transactions)
 * into a `KofiError`. A `KofiError` is returned unchanged.
 */
export function toKofiError(value: unknown, context: ToKofiErrorContext = {}): KofiError {
  if (value instanceof KofiError) return value;
  const all = texts(value);
  const joined = all.join(" | ");
  const message = all[0] ?? String(value);
  const ctx: DecodeContext = { kofiAddress: context.kofiAddress, errors: kofiErrors };
  const cause = value;
  const hash =
    context.hash ?? (typeof field(value, "hash") === "string" ? (field(value, "hash") as string) : undefined);

  // Each text alone first: the named form's doc runs to the end of its text, and must not take in the texts
  // joined after it (a failed transaction carries the same vm_status as message and vm_status).
  const abort =
    all.map((t) => decodeMoveAbort(t, ctx)).find((a) => a !== undefined) ?? decodeMoveAbort(joined, ctx);
  if (abort) {
    const vmStatus = all.find((t) => t.includes("Move abort")) ?? joined;
    const label = `${abort.module}::${abort.name ?? `0x${abort.code.toString(16)}`}`;
    const text = abort.doc ? `${abort.doc} (${label})` : `Move abort ${label}`;
    let code: KofiErrorCode = "move_abort";
    if (abort.module === "config" && abort.name === "E_PAUSED") code = "paused";
    else if (
      abort.module === "config" &&
      (abort.name === "E_NOT_ADMIN" || abort.name === "E_NOT_PENDING_ADMIN")
    )
      code = "not_admin";
    else if (
      abort.name === "EINSUFFICIENT_BALANCE" &&
      (abort.module === "coin" || abort.module === "fungible_asset")
    )
      code = "insufficient_balance";
    return new KofiError(code, text, { cause, abort, vmStatus, hash });
  }

  // EIP-1193-style rejection code, used by some wallets (numeric `code: 4001`).
  if (field(value, "code") === 4001) return new KofiError("user_rejected", message, { cause, hash });
  for (const [code, pattern] of PATTERNS) {
    if (pattern.test(joined)) return new KofiError(code, message, { cause, hash });
  }
  return new KofiError("unknown", message, { cause, hash });
}
