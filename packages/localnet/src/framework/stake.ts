import type { Address } from "../runtime/port.ts";
import { changeSupply } from "./coin.ts";
import { FRAMEWORK, T, type TxContext } from "./context.ts";
import * as perf from "./performance.ts";
import * as limits from "./stake_limits.ts";
import { nowSeconds, stakingConfig } from "./time.ts";

/** `0x1::stake::StakePool` (coins as `{value}` like the real resource). */
export interface StakePool {
  active: { value: bigint };
  inactive: { value: bigint };
  pending_active: { value: bigint };
  pending_inactive: { value: bigint };
  locked_until_secs: bigint;
  operator_address: Address;
  delegated_voter: Address;
}
/** `0x1::stake::ValidatorSet`, reduced to pool addresses. */
export interface ValidatorSet {
  active_validators: Address[];
  pending_inactive: Address[];
  pending_active: Address[];
}

export const VALIDATOR_STATUS_PENDING_ACTIVE = 1n;
export const VALIDATOR_STATUS_ACTIVE = 2n;
export const VALIDATOR_STATUS_PENDING_INACTIVE = 3n;
export const VALIDATOR_STATUS_INACTIVE = 4n;

export function initializeStakePool(ctx: TxContext, pool: Address, operator: Address): void {
  ctx.journal.moveTo<StakePool>(pool, T.stakePool, {
    active: { value: 0n },
    inactive: { value: 0n },
    pending_active: { value: 0n },
    pending_inactive: { value: 0n },
    locked_until_secs: 0n,
    operator_address: operator,
    delegated_voter: pool,
  });
}

export function getStake(ctx: TxContext, pool: Address) {
  const p = ctx.journal.borrow<StakePool>(pool, T.stakePool);
  return {
    active: p.active.value,
    inactive: p.inactive.value,
    pendingActive: p.pending_active.value,
    pendingInactive: p.pending_inactive.value,
  };
}

export function validatorState(ctx: TxContext, pool: Address): bigint {
  const vs = ctx.journal.borrow<ValidatorSet>(FRAMEWORK, T.validatorSet);
  if (vs.pending_active.includes(pool)) return VALIDATOR_STATUS_PENDING_ACTIVE;
  if (vs.active_validators.includes(pool)) return VALIDATOR_STATUS_ACTIVE;
  if (vs.pending_inactive.includes(pool)) return VALIDATOR_STATUS_PENDING_INACTIVE;
  return VALIDATOR_STATUS_INACTIVE;
}

/** `stake::is_current_epoch_validator`: active or pending_inactive. */
export function isCurrentEpochValidator(ctx: TxContext, pool: Address): boolean {
  const s = validatorState(ctx, pool);
  return s === VALIDATOR_STATUS_ACTIVE || s === VALIDATOR_STATUS_PENDING_INACTIVE;
}

export function lockupSecs(ctx: TxContext, pool: Address): bigint {
  return ctx.journal.borrow<StakePool>(pool, T.stakePool).locked_until_secs;
}

/** `stake::add_stake`: to pending_active while the validator is in the current set, else straight to active. */
export function addStake(ctx: TxContext, pool: Address, amount: bigint): void {
  if (amount === 0n) return;
  // add_stake_with_cap (stake.move v1.39): voting power increase limit, then the maximum stake
  if (limits.tracksVotingPowerIncrease(ctx, pool)) limits.updateVotingPowerIncrease(ctx, amount);
  const current = isCurrentEpochValidator(ctx, pool);
  const p = ctx.journal.borrowMut<StakePool>(pool, T.stakePool);
  if (current) p.pending_active.value += amount;
  else p.active.value += amount;
  limits.assertMaxStake(ctx, pool);
}

/** `stake::unlock`: active -> pending_inactive (capped at active). */
export function unlock(ctx: TxContext, pool: Address, amount: bigint): bigint {
  const p = ctx.journal.borrowMut<StakePool>(pool, T.stakePool);
  const a = amount < p.active.value ? amount : p.active.value;
  p.active.value -= a;
  p.pending_inactive.value += a;
  return a;
}

/** `stake::reactivate_stake`: pending_inactive -> active (capped). */
export function reactivate(ctx: TxContext, pool: Address, amount: bigint): bigint {
  const p = ctx.journal.borrowMut<StakePool>(pool, T.stakePool);
  const a = amount < p.pending_inactive.value ? amount : p.pending_inactive.value;
  p.pending_inactive.value -= a;
  p.active.value += a;
  return a;
}

/**
 * `stake::withdraw`: an inactive validator past its lockup first inactivates all pending_inactive; then
 * takes min(amount, inactive) out of the pool. Returns the coins taken.
 */
export function withdraw(ctx: TxContext, pool: Address, amount: bigint): bigint {
  const state = validatorState(ctx, pool);
  const now = nowSeconds(ctx);
  const p = ctx.journal.borrowMut<StakePool>(pool, T.stakePool);
  if (state === VALIDATOR_STATUS_INACTIVE && now >= p.locked_until_secs) {
    p.inactive.value += p.pending_inactive.value;
    p.pending_inactive.value = 0n;
  }
  const a = amount < p.inactive.value ? amount : p.inactive.value;
  p.inactive.value -= a;
  return a;
}

export function joinValidatorSet(ctx: TxContext, pool: Address): void {
  const vs = ctx.journal.borrowMut<ValidatorSet>(FRAMEWORK, T.validatorSet);
  if (vs.active_validators.includes(pool) || vs.pending_active.includes(pool)) return;
  vs.pending_inactive = vs.pending_inactive.filter((a) => a !== pool);
  vs.pending_active.push(pool);
}

export function leaveValidatorSet(ctx: TxContext, pool: Address): void {
  const vs = ctx.journal.borrowMut<ValidatorSet>(FRAMEWORK, T.validatorSet);
  if (vs.pending_active.includes(pool)) {
    vs.pending_active = vs.pending_active.filter((a) => a !== pool);
    return;
  }
  if (vs.active_validators.includes(pool)) {
    vs.active_validators = vs.active_validators.filter((a) => a !== pool);
    vs.pending_inactive.push(pool);
  }
}

/** Genesis: put a pool straight into the active set with a fresh lockup. */
export function activateAtGenesis(ctx: TxContext, pool: Address): void {
  const vs = ctx.journal.borrowMut<ValidatorSet>(FRAMEWORK, T.validatorSet);
  if (!vs.active_validators.includes(pool)) vs.active_validators.push(pool);
  const p = ctx.journal.borrowMut<StakePool>(pool, T.stakePool);
  p.active.value += p.pending_active.value;
  p.pending_active.value = 0n;
  p.locked_until_secs = nowSeconds(ctx) + stakingConfig(ctx).recurring_lockup_duration_secs;
  // genesis ends with on_new_epoch: set totals and validator indices
  limits.recomputeTotalVotingPower(ctx);
  perf.reindex(ctx, ctx.journal.borrow<ValidatorSet>(FRAMEWORK, T.validatorSet).active_validators);
}

/**
 * `stake::on_new_epoch` at reconfiguration time `now` (seconds): every validator of the ending epoch earns
 * rewards on active and pending_inactive in proportion to its successful proposals (performance.ts),
 * pending_active becomes active, and
 * pending_inactive becomes inactive if the lockup has expired; then the set changes (pending_active joins,
 * pending_inactive leaves, validators below the minimum stake leave: stake_limits.ts) and active validators
 * whose lockup expired renew it for a full recurring period.
 */
export function onNewEpoch(ctx: TxContext): void {
  const now = nowSeconds(ctx);
  const cfg = stakingConfig(ctx);
  const vs = ctx.journal.borrowMut<ValidatorSet>(FRAMEWORK, T.validatorSet);
  let minted = 0n;
  const current = [...vs.active_validators, ...vs.pending_inactive];
  perf.produceEpochProposals(ctx, current);
  for (const pool of current) {
    // update_stake_pool: rewards scale with successful / total proposals (calculate_rewards_amount)
    const n = perf.proposalCounts(ctx, pool) ?? { successful: 1n, total: 1n };
    const p = ctx.journal.borrowMut<StakePool>(pool, T.stakePool);
    const r = (v: bigint) =>
      perf.rewardsAmount(v, n.successful, n.total, cfg.rewards_rate, cfg.rewards_rate_denominator);
    const ra = r(p.active.value);
    const rp = r(p.pending_inactive.value);
    p.active.value += ra;
    p.pending_inactive.value += rp;
    minted += ra + rp;
    p.active.value += p.pending_active.value;
    p.pending_active.value = 0n;
    if (now >= p.locked_until_secs) {
      p.inactive.value += p.pending_inactive.value;
      p.pending_inactive.value = 0n;
    }
  }
  for (const pool of vs.pending_active) {
    const p = ctx.journal.borrowMut<StakePool>(pool, T.stakePool);
    p.active.value += p.pending_active.value;
    p.pending_active.value = 0n;
  }
  vs.active_validators = [...vs.active_validators, ...vs.pending_active];
  vs.pending_active = [];
  vs.pending_inactive = [];
  // validators below the minimum stake leave the set; totals and indices of the next epoch
  limits.applyMinimumStake(ctx);
  const next = ctx.journal.borrow<ValidatorSet>(FRAMEWORK, T.validatorSet).active_validators;
  perf.reindex(ctx, next);
  for (const pool of next) {
    const p = ctx.journal.borrowMut<StakePool>(pool, T.stakePool);
    if (p.locked_until_secs <= now) p.locked_until_secs = now + cfg.recurring_lockup_duration_secs;
  }
  changeSupply(ctx, minted);
}
