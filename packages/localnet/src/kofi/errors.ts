/**
 * The Kofi error constants: reason, `std::error` category and doc comment per module.
 *
 * TEMPORARY: transcribed from docs/protocol.md ("Error codes") until `@kofi/core/abi` (kofiErrors) is
 * generated; then this file only adapts kofiErrors and the spec's category table.
 */
import type { ErrorCategory } from "../runtime/port.ts";

export interface KofiError {
  reason: bigint;
  category: ErrorCategory;
  doc: string;
}

type Row = [name: string, reason: number, category: ErrorCategory, doc: string];

const TABLE: Record<string, Row[]> = {
  config: [
    ["E_NOT_ADMIN", 1, "permission_denied", "The caller is not the protocol admin."],
    [
      "E_NOT_PENDING_ADMIN",
      2,
      "permission_denied",
      "The caller is not the pending admin (or no transfer is pending).",
    ],
    ["E_FEE_TOO_HIGH", 3, "invalid_argument", "The protocol fee exceeds the hard cap MAX_FEE_BPS."],
    ["E_PAUSED", 4, "invalid_state", "This action is paused by the admin."],
    ["E_INVALID_ACTION", 5, "invalid_argument", "Unknown pausable action id."],
    ["E_OUT_OF_BOUNDS", 6, "invalid_argument", "A configuration value is outside the bounds fixed in code."],
  ],
  staking_manager: [
    ["E_POOL_NOT_FOUND", 1, "not_found", "The pool is not in the validator set."],
    ["E_POOL_EXISTS", 2, "already_exists", "The pool is already in the validator set."],
    ["E_NOT_DELEGATION_POOL", 3, "invalid_argument", "The address is not a delegation pool."],
    ["E_BAD_WEIGHTS", 4, "invalid_argument", "Weights of enabled pools must sum to 10000 bps."],
    ["E_LENGTH_MISMATCH", 5, "invalid_argument", "Pool and weight vectors differ in length."],
    [
      "E_NO_ELIGIBLE_POOL",
      6,
      "invalid_state",
      "No enabled, active pool with cap room can take this deposit.",
    ],
    ["E_TOO_MANY_POOLS", 7, "out_of_range", "The validator set is full (MAX_POOLS)."],
    ["E_SEED_TOO_SMALL", 8, "invalid_argument", "A new pool needs a seed of at least MIN_POOL_SEED."],
    [
      "E_INSUFFICIENT_UNLOCKABLE",
      9,
      "invalid_state",
      "The pools cannot unlock this much while keeping their minimums.",
    ],
    ["E_POOL_DISABLED", 10, "invalid_state", "A disabled pool cannot get a weight."],
  ],
  vault: [
    ["E_ZERO_SHARES", 1, "invalid_argument", "The amount is too small to mint or redeem any share."],
    ["E_NOT_SEEDED", 2, "invalid_state", "The vault has not been seeded yet."],
    ["E_ALREADY_SEEDED", 3, "already_exists", "The vault is already seeded."],
    ["E_SEED_TOO_SMALL", 4, "invalid_argument", "The vault seed is below MIN_VAULT_SEED."],
  ],
  gateway: [
    ["E_ZERO_AMOUNT", 1, "invalid_argument", "The amount must be greater than zero."],
    ["E_BELOW_MIN_DEPOSIT", 2, "invalid_argument", "The deposit is below the configured minimum."],
    ["E_SLIPPAGE", 3, "invalid_argument", "The output would be below the caller's min_out."],
    ["E_BELOW_MIN_WITHDRAWAL", 4, "invalid_argument", "The withdrawal is below the configured minimum."],
  ],
  withdrawals: [
    [
      "E_TICKET_NOT_FOUND",
      1,
      "not_found",
      "No ticket exists at this address (never created, or already claimed).",
    ],
    ["E_NOT_TICKET_OWNER", 2, "permission_denied", "The caller does not own this ticket."],
    ["E_TICKET_NOT_READY", 3, "invalid_state", "The ticket's lockup cycle has not ended yet."],
    ["E_EMPTY_BATCH", 4, "invalid_argument", "No tickets were given."],
    ["E_BATCH_TOO_LARGE", 5, "out_of_range", "More than MAX_CLAIM_BATCH tickets in one claim."],
    [
      "E_INSUFFICIENT_LIQUIDITY",
      6,
      "invalid_state",
      "Withdrawn APT does not cover the ticket (should be unreachable).",
    ],
    ["E_SELF_TRANSFER", 7, "invalid_argument", "A ticket cannot be transferred to its owner."],
  ],
};

export const KOFI_ERRORS: Record<string, Record<string, KofiError>> = Object.fromEntries(
  Object.entries(TABLE).map(([module, rows]) => [
    module,
    Object.fromEntries(
      rows.map(([name, reason, category, doc]) => [name, { reason: BigInt(reason), category, doc }]),
    ),
  ]),
);
