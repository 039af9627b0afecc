/** Every error code a Kofi SDK call can throw. */
export type KofiErrorCode =
  | "user_rejected"
  | "insufficient_balance"
  | "insufficient_gas"
  | "move_abort"
  | "paused"
  | "wrong_network"
  | "network"
  | "timeout"
  | "invalid_amount"
  | "invalid_address"
  | "invalid_config"
  | "sequence_number"
  | "simulation_failed"
  | "invalid_argument"
  | "not_admin"
  | "sponsor_failed"
  | "unknown";

/**
 * The decoded Move abort, when `code` is `move_abort` (or `paused`, `not_admin`, `insufficient_balance` from an
 * abort).
 */
export interface MoveAbortInfo {
  /** Module address as written in the vm_status (may be short, e.g. `0x1`). */
  address: string;
  /** Module name, e.g. `gateway`. */
  module: string;
  /** Constant name, e.g. `E_SLIPPAGE`; `undefined` when it could not be decoded. */
  name: string | undefined;
  /** Full abort code, `(category << 16) | reason`. */
  code: number;
  /** `code & 0xffff`. */
  reason: number;
  /** `code >> 16` (std::error category). */
  category: number;
  /** The Move doc comment of the constant, when known. */
  doc: string | undefined;
}

export interface KofiErrorOptions {
  hint?: string;
  cause?: unknown;
  abort?: MoveAbortInfo;
  /** Transaction hash, when the error happened after submission. */
  hash?: string;
  /** Raw vm_status, when the error came from the chain. */
  vmStatus?: string;
}

/** Default hints, one per code, shown when the thrower gives none. */
const DEFAULT_HINTS: Record<KofiErrorCode, string> = {
  user_rejected: "The wallet or user declined the request; nothing was submitted.",
  insufficient_balance: "The account does not hold enough of the token for this amount.",
  insufficient_gas: "Fund the account with more APT to pay for gas, or lower max gas.",
  move_abort: "The Kofi contract rejected the transaction; see `abort` for the constant and its meaning.",
  paused: "The protocol admin paused this action; try again later.",
  wrong_network: "Switch the wallet (or the client) to the network the Kofi client is configured for.",
  network: "The node could not be reached; check the node URL and the connection, then retry.",
  timeout: "The transaction was not confirmed in time; look its hash up before submitting again.",
  invalid_amount: "Give a plain decimal string such as `1.5` with at most 8 decimals.",
  invalid_address: "Give a 0x-prefixed hex account address (64 hex digits, or 0x1..0xf).",
  invalid_config: "Check the options given to createKofiClient.",
  sequence_number:
    "The account's sequence number changed (another transaction in flight?); rebuild and retry.",
  simulation_failed: "The transaction would fail on chain; nothing was submitted.",
  invalid_argument: "An argument is outside what the contract accepts; nothing was sent to the chain.",
  not_admin:
    "Only the protocol admin (`getProtocolState(client).admin`) may call this; sign with the admin key.",
  sponsor_failed:
    "The sponsor (the fee payer) did not sign this transaction; nothing was submitted. Check the gas station, or send without a sponsor.",
  unknown: "Unexpected error; see `cause`.",
};

/**
 * The one error type of the SDK. Check `code` (a stable string) rather than the message.
 *
 * ```ts
 * try { ... } catch (e) { const err = toKofiError(e); if (err.code === "user_rejected") ... }
 * ```
 */
export class KofiError extends Error {
  override readonly name = "KofiError";
  readonly code: KofiErrorCode;
  readonly hint: string;
  readonly abort: MoveAbortInfo | undefined;
  readonly hash: string | undefined;
  readonly vmStatus: string | undefined;

  constructor(code: KofiErrorCode, message: string, options: KofiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint ?? DEFAULT_HINTS[code];
    this.abort = options.abort;
    this.hash = options.hash;
    this.vmStatus = options.vmStatus;
  }

  /** A JSON-safe view (for `--json` output and logs). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      hint: this.hint,
      ...(this.abort ? { abort: this.abort } : {}),
      ...(this.hash ? { hash: this.hash } : {}),
      ...(this.vmStatus ? { vmStatus: this.vmStatus } : {}),
    };
  }
}

export function isKofiError(value: unknown): value is KofiError {
  return value instanceof KofiError;
}
