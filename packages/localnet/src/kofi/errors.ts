/**
 * The Kofi error constants: reason and doc comment from the generated ABI (`kofiErrors`), `std::error`
 * category from docs/protocol.md ("Error codes"; the ABI does not carry categories). The Move sources use
 * exactly these categories (`error::<category>(E_...)`).
 */
import { kofiErrors } from "@kofi/core/abi";
import type { ErrorCategory } from "../runtime/port.ts";

export interface KofiError {
  reason: bigint;
  category: ErrorCategory;
  doc: string;
}

/** Category of every error constant, per module (docs/protocol.md). */
export const ERROR_CATEGORIES: Record<string, Record<string, ErrorCategory>> = {
  config: {
    E_NOT_ADMIN: "permission_denied",
    E_NOT_PENDING_ADMIN: "permission_denied",
    E_FEE_TOO_HIGH: "invalid_argument",
    E_PAUSED: "invalid_state",
    E_INVALID_ACTION: "invalid_argument",
    E_OUT_OF_BOUNDS: "invalid_argument",
  },
  staking_manager: {
    E_POOL_NOT_FOUND: "not_found",
    E_POOL_EXISTS: "already_exists",
    E_NOT_DELEGATION_POOL: "invalid_argument",
    E_BAD_WEIGHTS: "invalid_argument",
    E_LENGTH_MISMATCH: "invalid_argument",
    E_NO_ELIGIBLE_POOL: "invalid_state",
    E_TOO_MANY_POOLS: "out_of_range",
    E_SEED_TOO_SMALL: "invalid_argument",
    E_INSUFFICIENT_UNLOCKABLE: "invalid_state",
    E_POOL_DISABLED: "invalid_state",
  },
  vault: {
    E_ZERO_SHARES: "invalid_argument",
    E_NOT_SEEDED: "invalid_state",
    E_ALREADY_SEEDED: "already_exists",
    E_SEED_TOO_SMALL: "invalid_argument",
  },
  gateway: {
    E_ZERO_AMOUNT: "invalid_argument",
    E_BELOW_MIN_DEPOSIT: "invalid_argument",
    E_SLIPPAGE: "invalid_argument",
    E_BELOW_MIN_WITHDRAWAL: "invalid_argument",
  },
  withdrawals: {
    E_TICKET_NOT_FOUND: "not_found",
    E_NOT_TICKET_OWNER: "permission_denied",
    E_TICKET_NOT_READY: "invalid_state",
    E_EMPTY_BATCH: "invalid_argument",
    E_BATCH_TOO_LARGE: "out_of_range",
    E_INSUFFICIENT_LIQUIDITY: "invalid_state",
    E_SELF_TRANSFER: "invalid_argument",
  },
};

/** Looks up one error constant; undefined when the ABI or the category table lacks it. */
export function kofiError(module: string, name: string): KofiError | undefined {
  const errs = (kofiErrors as Record<string, Record<string, { code: number | bigint; doc: string }>>)[module];
  const e = errs?.[name];
  const category = ERROR_CATEGORIES[module]?.[name];
  if (e === undefined || category === undefined) return undefined;
  return { reason: BigInt(e.code), category, doc: e.doc };
}
