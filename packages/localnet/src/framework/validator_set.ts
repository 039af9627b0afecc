/**
 * Validator-set membership as the operator asks for it (`0x1::stake::join_validator_set`,
 * `leave_validator_set`, stake.move release v1.39), with the real checks, over the model's `stake.ts`.
 */
import { frameworkAbort } from "../runtime/errors.ts";
import type { Address, ErrorCategory } from "../runtime/port.ts";
import { FRAMEWORK, T, type TxContext } from "./context.ts";
import {
  getStake,
  joinValidatorSet,
  leaveValidatorSet,
  type StakePool,
  VALIDATOR_STATUS_INACTIVE,
  type ValidatorSet,
  validatorState,
} from "./stake.ts";
import { stakingConfig } from "./time.ts";

const stakeAbort = (name: string, category: ErrorCategory, reason: number, doc: string) =>
  frameworkAbort("stake", name, category, reason, doc);

/** `assert_stake_pool_exists` (stake.move): `ESTAKE_POOL_DOES_NOT_EXIST` (0x1000e). */
export function assertStakePoolExists(ctx: TxContext, pool: Address): void {
  if (!ctx.journal.exists(pool, T.stakePool)) {
    throw stakeAbort(
      "ESTAKE_POOL_DOES_NOT_EXIST",
      "invalid_argument",
      14,
      "Stake pool does not exist at the provided pool address.",
    );
  }
}

function assertOperator(ctx: TxContext, operator: Address, pool: Address): void {
  assertStakePoolExists(ctx, pool);
  if (ctx.journal.borrow<StakePool>(pool, T.stakePool).operator_address !== operator) {
    throw stakeAbort(
      "ENOT_OPERATOR",
      "unauthenticated",
      9,
      "Account does not have the right operator capability.",
    );
  }
}

function assertSetChangeAllowed(ctx: TxContext): void {
  if (!stakingConfig(ctx).allow_validator_set_change) {
    throw stakeAbort(
      "ENO_POST_GENESIS_VALIDATOR_SET_CHANGE_ALLOWED",
      "invalid_argument",
      10,
      "Validators cannot join or leave post genesis on this test network.",
    );
  }
}

/**
 * `0x1::stake::join_validator_set` (stake.move, `join_validator_set_internal`): the operator asks to join;
 * the next-epoch voting power (active + pending_active + pending_inactive) must lie within the configured
 * stake bounds; the pool becomes pending_active. Not modelled: consensus keys, the voting power increase
 * limit, the set size limit.
 */
export function joinValidatorSetAsOperator(ctx: TxContext, operator: Address, pool: Address): void {
  assertSetChangeAllowed(ctx);
  assertOperator(ctx, operator, pool);
  if (validatorState(ctx, pool) !== VALIDATOR_STATUS_INACTIVE) {
    throw stakeAbort(
      "EALREADY_ACTIVE_VALIDATOR",
      "invalid_state",
      4,
      "Account is already a validator or pending validator.",
    );
  }
  const s = getStake(ctx, pool);
  const power = s.active + s.pendingActive + s.pendingInactive;
  const cfg = stakingConfig(ctx);
  if (power < cfg.minimum_stake) {
    throw stakeAbort("ESTAKE_TOO_LOW", "invalid_argument", 2, "Not enough stake to join validator set.");
  }
  if (power > cfg.maximum_stake) {
    throw stakeAbort("ESTAKE_TOO_HIGH", "invalid_argument", 3, "Too much stake to join validator set.");
  }
  joinValidatorSet(ctx, pool);
}

/**
 * `0x1::stake::leave_validator_set(operator, pool)` (stake.move): a pending_active pool is dropped at once;
 * an active one becomes pending_inactive (out of the set at the next epoch). Aborts `ENOT_VALIDATOR` when the
 * pool is neither, `ELAST_VALIDATOR` when it is the last active validator.
 */
export function leaveValidatorSetAsOperator(ctx: TxContext, operator: Address, pool: Address): void {
  assertSetChangeAllowed(ctx);
  assertOperator(ctx, operator, pool);
  const vs = ctx.journal.borrow<ValidatorSet>(FRAMEWORK, T.validatorSet);
  if (!vs.pending_active.includes(pool)) {
    if (!vs.active_validators.includes(pool)) {
      throw stakeAbort("ENOT_VALIDATOR", "invalid_state", 5, "Account is not a validator.");
    }
    if (vs.active_validators.length <= 1) {
      throw stakeAbort("ELAST_VALIDATOR", "invalid_state", 6, "Can't remove last validator.");
    }
  }
  leaveValidatorSet(ctx, pool);
}

/**
 * `0x1::delegation_pool::get_owned_pool_address(owner)` view: aborts `EOWNER_CAP_NOT_FOUND` (0x60001) when
 * `owner` owns no delegation pool.
 */
export function ownedPoolAddress(ctx: TxContext, owner: Address): Address {
  const o = ctx.journal.tryBorrow<{ pool_address: Address }>(owner, T.delegationOwnership);
  if (!o) {
    throw frameworkAbort(
      "delegation_pool",
      "EOWNER_CAP_NOT_FOUND",
      "not_found",
      1,
      "Delegation pool owner capability does not exist at the provided account.",
    );
  }
  return o.pool_address;
}
