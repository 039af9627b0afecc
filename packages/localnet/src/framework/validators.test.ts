import { describe, expect, it } from "vitest";
import { Chain, type StakeLimits } from "../chain.ts";
import { normalizeAddress } from "../runtime/address.ts";
import type { Runtime } from "../runtime/port.ts";
import { FRAMEWORK, T } from "./context.ts";
import type { FrameworkImpl } from "./index.ts";
import * as perf from "./performance.ts";
import * as stake from "./stake.ts";
import type { VotingPowerTotals } from "./stake_limits.ts";

// Tests written from aptos-framework release v1.39, stake.move: add_stake_with_cap (update_voting_power_increase,
// ESTAKE_EXCEEDS_MAX), update_stake_pool / calculate_rewards_amount (ValidatorPerformance),
// get_current_epoch_proposal_counts, on_new_epoch (minimum stake, total_voting_power, re-indexing).
const APT = 100_000_000n;
const alice = normalizeAddress("0xa11ce");
const bob = normalizeAddress("0xb0b");
const owners = [normalizeAddress("0x0123"), normalizeAddress("0x0456")];
const ctxOf = (rt: Runtime) => (rt.framework as FrameworkImpl).ctx;

function setup(o: { limits?: StakeLimits; bpsPerEpoch?: bigint; validators?: number } = {}) {
  const c = new Chain({
    genesisTimeSecs: 1_700_000_000n,
    epochIntervalSecs: 3600n,
    rewardRate: { bpsPerEpoch: o.bpsPerEpoch ?? 100n },
    stakeLimits: o.limits,
  });
  const pools = owners.slice(0, o.validators ?? 1).map((w) => c.createValidator(w, 0n, 1_000_000n * APT));
  c.mint(alice, 300_000n * APT);
  c.mint(bob, 300_000n * APT);
  for (const w of owners) c.mint(w, 10n * APT);
  const add = (who: `0x${string}`, pool: `0x${string}`, amount: bigint) =>
    c.execute(who, (rt, s) => rt.framework.addStake(s, pool, amount));
  const view = <R>(f: (ctx: ReturnType<typeof ctxOf>) => R) => c.view((rt) => f(ctxOf(rt)));
  return { c, pools, add, view, pool: pools[0] as `0x${string}` };
}
const vset = (c: Chain) => c.resource<stake.ValidatorSet & VotingPowerTotals>(FRAMEWORK, T.validatorSet);

describe("stake limits (stake.move v1.39)", () => {
  it("add_stake above the maximum stake aborts ESTAKE_EXCEEDS_MAX (0x10007)", () => {
    const { pool, add } = setup({ limits: { maximumStake: 1_001_000n * APT } });
    expect(add(alice, pool, 1_000n * APT).success).toBe(true);
    const r = add(bob, pool, 11n * APT);
    expect(r.vmStatus).toBe(
      "Move abort in 0x1::stake: ESTAKE_EXCEEDS_MAX(0x10007): Total stake exceeds maximum allowed.",
    );
  });

  it("per-epoch voting power increase: 20 % of the set's total voting power, reset at the epoch end", () => {
    const { c, pool, add } = setup();
    expect(vset(c)?.total_voting_power).toBe(1_000_000n * APT);
    expect(add(alice, pool, 150_000n * APT).success).toBe(true);
    expect(vset(c)?.total_joining_power).toBe(150_000n * APT);
    const r = add(bob, pool, 60_000n * APT); // 210,000 > 200,000
    expect(r.vmStatus).toBe(
      "Move abort in 0x1::stake: EVOTING_POWER_INCREASE_EXCEEDS_LIMIT(0x1000d): Voting power increase has exceeded the limit for this current epoch.",
    );
    expect(add(bob, pool, 50_000n * APT).success).toBe(true); // exactly 200,000
    c.advanceEpochs(1);
    expect(vset(c)?.total_joining_power).toBe(0n);
    expect(add(bob, pool, 60_000n * APT).success).toBe(true);
  });

  it("a validator whose next-epoch voting power falls below the minimum stake leaves the set at the epoch end", () => {
    const { c, pool, view } = setup({ bpsPerEpoch: 0n });
    const owner = owners[0] as `0x${string}`;
    expect(c.execute(owner, (rt, s) => rt.framework.unlock(s, pool, 100n * APT)).success).toBe(true);
    c.advanceEpochs(1); // pending_inactive still counts: 1,000,000 APT
    expect(view((x) => stake.validatorState(x, pool))).toBe(stake.VALIDATOR_STATUS_ACTIVE);
    c.advanceSeconds(14n * 86_400n); // lockup ends: pending_inactive -> inactive, 999,900 APT < 1,000,000
    expect(view((x) => stake.validatorState(x, pool))).toBe(stake.VALIDATOR_STATUS_INACTIVE);
    expect(vset(c)?.active_validators).toEqual([]);
    expect(vset(c)?.total_voting_power).toBe(0n);
  });
});

describe("validator performance (stake.move v1.39 ValidatorPerformance)", () => {
  it("rewards scale with successful / total proposals: a validator missing half earns half", () => {
    const { c, pools, view } = setup({ validators: 2 });
    const [full, half] = pools as [`0x${string}`, `0x${string}`];
    c.internalTx(FRAMEWORK, (ctx) =>
      perf.setProposalBehaviour(ctx, half, { successful_per_epoch: 5n, failed_per_epoch: 5n }),
    );
    const before = [full, half].map((p) => view((x) => stake.getStake(x, p)).active);
    c.advanceEpochs(1);
    const gain = [full, half].map((p, i) => view((x) => stake.getStake(x, p)).active - (before[i] ?? 0n));
    expect(gain[0]).toBe(10_000n * APT); // 1 % of 1,000,000 APT
    expect(gain[1]).toBe(5_000n * APT); // * 5 / 10
  });

  it("no proposals counted: no rewards (calculate_rewards_amount with a zero denominator)", () => {
    const { c, pool, view } = setup();
    c.internalTx(FRAMEWORK, (ctx) =>
      perf.setProposalBehaviour(ctx, pool, { successful_per_epoch: 0n, failed_per_epoch: 0n }),
    );
    c.advanceEpochs(1);
    expect(view((x) => stake.getStake(x, pool)).active).toBe(1_000_000n * APT);
  });

  it("get_current_epoch_proposal_counts: counts recorded this epoch by index, reset at the epoch end; out of range aborts", () => {
    const { c, pools, view } = setup({ validators: 2 });
    const [p0, p1] = pools as [`0x${string}`, `0x${string}`];
    expect(view((x) => perf.validatorIndex(x, p0))).toBe(0n);
    expect(view((x) => perf.validatorIndex(x, p1))).toBe(1n);
    c.internalTx(FRAMEWORK, (ctx) => perf.recordProposals(ctx, p1, 3n, 7n));
    expect(view((x) => perf.getCurrentEpochProposalCounts(x, 1n))).toEqual([3n, 7n]);
    expect(view((x) => perf.getCurrentEpochProposalCounts(x, 0n))).toEqual([0n, 0n]);
    expect(() => view((x) => perf.getCurrentEpochProposalCounts(x, 2n))).toThrow(/VECTOR_OPERATION_ERROR/);
    const before = view((x) => stake.getStake(x, p1)).active;
    c.advanceEpochs(1); // 3 + 1 successful (the default behaviour), 7 failed: 4 / 11
    expect(view((x) => stake.getStake(x, p1)).active - before).toBe((before * 100n * 4n) / (10_000n * 11n));
    expect(view((x) => perf.getCurrentEpochProposalCounts(x, 1n))).toEqual([0n, 0n]);
  });
});
