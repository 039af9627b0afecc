import { frameworkAbort } from "../runtime/errors.ts";
import type { Address } from "../runtime/port.ts";
import { FRAMEWORK, T, type TxContext } from "./context.ts";
import type { StakePool, ValidatorSet } from "./stake.ts";
import { stakingConfig } from "./time.ts";

/**
 * The stake pool limits of `0x1::stake` (aptos-framework release v1.39, `stake.move`):
 * - `add_stake_with_cap` calls `update_voting_power_increase(amount)` for a pool in the active or
 *   pending_active set: `ValidatorSet.total_joining_power` grows by the amount and must stay
 *   `<= total_voting_power * voting_power_increase_limit / 100` (when `total_voting_power > 0`), else
 *   `EVOTING_POWER_INCREASE_EXCEEDS_LIMIT`;
 * - then the pool's next-epoch voting power (`get_next_epoch_voting_power`: active + pending_active +
 *   pending_inactive) must stay `<= maximum_stake`, else `ESTAKE_EXCEEDS_MAX`;
 * - `on_new_epoch` keeps in the set only validators whose next-epoch voting power is `>= minimum_stake`,
 *   sets `total_voting_power` to the sum of the kept ones and `total_joining_power` to 0.
 * The two totals are optional here so states saved before they existed load (0 = no increase limit, as in
 * the real check).
 */
export interface VotingPowerTotals {
  total_voting_power?: bigint;
  total_joining_power?: bigint;
}

const E = {
  exceedsMax: () =>
    frameworkAbort(
      "stake",
      "ESTAKE_EXCEEDS_MAX",
      "invalid_argument",
      7,
      "Total stake exceeds maximum allowed.",
    ),
  increaseExceedsLimit: () =>
    frameworkAbort(
      "stake",
      "EVOTING_POWER_INCREASE_EXCEEDS_LIMIT",
      "invalid_argument",
      13,
      "Voting power increase has exceeded the limit for this current epoch.",
    ),
};

/** `get_next_epoch_voting_power`: pending_active + active + pending_inactive. */
export function nextEpochVotingPower(p: Readonly<StakePool>): bigint {
  return p.pending_active.value + p.active.value + p.pending_inactive.value;
}

/** `update_voting_power_increase(amount)` (called only for active / pending_active validators). */
export function updateVotingPowerIncrease(ctx: TxContext, amount: bigint): void {
  const limit = stakingConfig(ctx).voting_power_increase_limit;
  const vs = ctx.journal.borrowMut<ValidatorSet & VotingPowerTotals>(FRAMEWORK, T.validatorSet);
  vs.total_joining_power = (vs.total_joining_power ?? 0n) + amount;
  const total = vs.total_voting_power ?? 0n;
  if (total > 0n && vs.total_joining_power > (total * limit) / 100n) throw E.increaseExceedsLimit();
}

/** Whether `add_stake` counts toward the increase limit: the pool is in the active or pending_active set. */
export function tracksVotingPowerIncrease(ctx: TxContext, pool: Address): boolean {
  const vs = ctx.journal.borrow<ValidatorSet>(FRAMEWORK, T.validatorSet);
  return vs.active_validators.includes(pool) || vs.pending_active.includes(pool);
}

/** The `ESTAKE_EXCEEDS_MAX` check at the end of `add_stake_with_cap`. */
export function assertMaxStake(ctx: TxContext, pool: Address): void {
  const p = ctx.journal.borrow<StakePool>(pool, T.stakePool);
  if (nextEpochVotingPower(p) > stakingConfig(ctx).maximum_stake) throw E.exceedsMax();
}

/**
 * The set update of `on_new_epoch` after pending_active validators joined: drop those below `minimum_stake`,
 * recompute `total_voting_power`, reset `total_joining_power`. Returns the validators that left.
 */
export function applyMinimumStake(ctx: TxContext): Address[] {
  const min = stakingConfig(ctx).minimum_stake;
  const vs = ctx.journal.borrowMut<ValidatorSet & VotingPowerTotals>(FRAMEWORK, T.validatorSet);
  const kept: Address[] = [];
  const left: Address[] = [];
  let total = 0n;
  for (const pool of vs.active_validators) {
    const power = nextEpochVotingPower(ctx.journal.borrow<StakePool>(pool, T.stakePool));
    if (power >= min) {
      kept.push(pool);
      total += power;
    } else left.push(pool);
  }
  vs.active_validators = kept;
  vs.total_voting_power = total;
  vs.total_joining_power = 0n;
  return left;
}

/** Genesis: the set's total voting power (genesis ends with `on_new_epoch`). */
export function recomputeTotalVotingPower(ctx: TxContext): void {
  const vs = ctx.journal.borrowMut<ValidatorSet & VotingPowerTotals>(FRAMEWORK, T.validatorSet);
  let total = 0n;
  for (const pool of vs.active_validators)
    total += nextEpochVotingPower(ctx.journal.borrow<StakePool>(pool, T.stakePool));
  vs.total_voting_power = total;
  vs.total_joining_power = 0n;
}
