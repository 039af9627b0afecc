import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedAprEffect, grossAprPpm } from "./expectedApr.ts";
import { observedRewardRate } from "./rewardRate.ts";
import {
  PPM,
  proposalRatioPpm,
  proposeWeights,
  rewardRatioPpm,
  type ScoringInput,
  type ScoringPool,
} from "./score.ts";

const APT = 100_000_000n;
const addr = (i: number) => `0x${i.toString(16).padStart(64, "0")}` as `0x${string}`;

function pool(i: number, o: Partial<ScoringPool> = {}): ScoringPool {
  return {
    pool: addr(i),
    weightBps: 0n,
    cap: 1_000_000n * APT,
    enabled: true,
    protocolStake: { active: 100n * APT, pendingInactive: 0n },
    validatorState: "active",
    commissionBps: 500n,
    nextCommissionBps: 500n,
    proposals: null,
    allowlistingEnabled: false,
    allowlisted: true,
    ...o,
  };
}

function input(pools: ScoringPool[], o: Partial<ScoringInput> = {}): ScoringInput {
  return {
    pools,
    totalWeightBps: 10_000n,
    maxCommissionBps: 10_000n,
    rewardRate: { numerator: 7n * 7200n, denominator: 100n * 31_536_000n },
    totalStakedApt: pools.reduce((s, p) => s + p.protocolStake.active + p.protocolStake.pendingInactive, 0n),
    idleApt: 0n,
    ...o,
  };
}

const weights = (i: ScoringInput, maxShareBps?: bigint) =>
  proposeWeights(i, maxShareBps === undefined ? {} : { maxShareBps }).pools.map((p) => p.proposedWeightBps);

describe("proposeWeights: examples", () => {
  it("equal pools split evenly; the odd bps goes to the lowest address", () => {
    expect(weights(input([pool(3), pool(1), pool(2)]))).toEqual([3333n, 3334n, 3333n]);
  });

  it("commission: 5 % vs 10 % → scores 0.95 : 0.90 of the same concentration", () => {
    const r = proposeWeights(input([pool(1), pool(2, { commissionBps: 1000n, nextCommissionBps: 1000n })]), {
      maxShareBps: 10_000n,
    });
    const [a, b] = r.pools;
    expect(a?.commissionFactorPpm).toBe(950_000n);
    expect(b?.commissionFactorPpm).toBe(900_000n);
    // each holds half the protocol's stake: concentration 1 − 0.5 × 0.5 = 0.75
    expect(a?.concentrationFactorPpm).toBe(750_000n);
    expect(a?.scorePpm).toBe(712_500n);
    expect(b?.scorePpm).toBe(675_000n);
    // 10000 × 712500 / 1387500 = 5135.1…, 10000 × 675000 / 1387500 = 4864.8…
    expect([a?.proposedWeightBps, b?.proposedWeightBps]).toEqual([5135n, 4865n]);
  });

  it("next-cycle commission counts: the higher of now and next", () => {
    const r = proposeWeights(input([pool(1), pool(2, { nextCommissionBps: 1500n })]));
    expect(r.pools[1]?.effectiveCommissionBps).toBe(1500n);
  });

  it("allowlisting on and the protocol not listed: ineligible, weight 0", () => {
    const r = proposeWeights(
      input([pool(1), pool(2), pool(3, { allowlistingEnabled: true, allowlisted: false })]),
    );
    expect(r.pools[2]?.ineligible).toEqual(["allowlisted_out"]);
    expect(r.pools.map((p) => p.proposedWeightBps)).toEqual([5000n, 5000n, 0n]);
    // allowlisting on with the protocol listed is fine
    const ok = proposeWeights(input([pool(1), pool(2, { allowlistingEnabled: true, allowlisted: true })]));
    expect(ok.pools[1]?.eligible).toBe(true);
  });

  it("commission above the protocol's max, inactive validator, disabled pool: ineligible", () => {
    const r = proposeWeights(
      input(
        [
          pool(1),
          pool(2),
          pool(3, { nextCommissionBps: 2000n }),
          pool(4, { validatorState: "pending_inactive" }),
          pool(5, { enabled: false }),
        ],
        { maxCommissionBps: 1500n },
      ),
    );
    expect(r.pools.map((p) => p.ineligible)).toEqual([
      [],
      [],
      ["commission_above_max"],
      ["validator_not_active"],
      ["disabled"],
    ]);
    expect(r.pools.map((p) => p.proposedWeightBps)).toEqual([5000n, 5000n, 0n, 0n, 0n]);
  });

  it("max share: one good pool and one bad one still split at most 60/40 with a 6000 bps max share", () => {
    const r = proposeWeights(input([pool(1), pool(2, { proposals: { successful: 1n, failed: 9n } })]), {
      maxShareBps: 6000n,
    });
    expect(r.pools.map((p) => p.proposedWeightBps)).toEqual([6000n, 4000n]);
  });

  it("per-pool cap: a cap of 10 % of the protocol's APT limits the pool to 1000 bps", () => {
    const r = proposeWeights(input([pool(1, { cap: 20n * APT }), pool(2), pool(3)]), {
      maxShareBps: 10_000n,
    });
    // protocol APT = 300; cap 20 → 666 bps
    expect(r.pools[0]?.limitBps).toBe(666n);
    expect(r.pools[0]?.proposedWeightBps).toBe(666n);
    expect(r.pools.reduce((s, p) => s + p.proposedWeightBps, 0n)).toBe(10_000n);
  });

  it("infeasible: one eligible pool under a 5000 bps max share", () => {
    const r = proposeWeights(input([pool(1), pool(2, { validatorState: "inactive" })]));
    expect(r.feasible).toBe(false);
    expect(r.infeasibleReason).toBe("limits_below_total");
    expect(r.pools.every((p) => p.proposedWeightBps === 0n)).toBe(true);
    const none = proposeWeights(input([pool(1, { enabled: false })]));
    expect(none.infeasibleReason).toBe("no_eligible_pool");
  });

  it("proposal history: Σ successful / Σ total over the epochs given and this one", () => {
    expect(proposalRatioPpm([{ successful: 3n, failed: 1n }, null, { successful: 1n, failed: 3n }])).toBe(
      500_000n,
    );
    expect(proposalRatioPpm([null, { successful: 0n, failed: 0n }])).toBeNull();
    const r = proposeWeights(input([pool(1, { proposals: { successful: 2n, failed: 0n } }), pool(2)]), {
      proposalHistory: { [addr(1)]: [{ successful: 0n, failed: 2n }] },
    });
    expect(r.pools[0]?.proposalRatioPpm).toBe(500_000n);
  });

  it("reward ratio: observed rewards over what the chain's rate pays after commission", () => {
    const rate = { numerator: 1n, denominator: 100_000n }; // 0.001 % an epoch (4.38 % a year at 2 h epochs)
    const principal = 1000n * APT;
    const full = (principal * 95n) / 10_000_000n; // one epoch, 5 % commission
    const at = (s: bigint, e: bigint, active: bigint) => ({
      atSecs: s,
      epoch: e,
      active,
      pendingInactive: 0n,
    });
    const o = observedRewardRate(at(0n, 1n, principal), at(7200n, 2n, principal + full));
    expect(rewardRatioPpm(o, rate, 500n)).toBe(PPM);
    const half = observedRewardRate(at(0n, 1n, principal), at(7200n, 2n, principal + full / 2n));
    expect(rewardRatioPpm(half, rate, 500n)).toBe(500_000n);
    // no epoch end between the samples: no figure
    expect(
      rewardRatioPpm(observedRewardRate(at(0n, 1n, principal), at(10n, 1n, principal)), rate, 500n),
    ).toBeNull();
    // a decrease (an unlock matured) is not a rate
    expect(observedRewardRate(at(0n, 1n, principal), at(7200n, 2n, principal - 1n))).toMatchObject({
      ok: false,
      reason: "stake_decreased",
    });
  });

  it("expected APR: gross from the rate and epoch interval, minus commission, times performance", () => {
    const i = input([pool(1), pool(2, { commissionBps: 1000n, nextCommissionBps: 1000n })]);
    expect(grossAprPpm(i.rewardRate, 7200n)).toBe(70_000n); // 7 %
    const e = expectedAprEffect(proposeWeights(i, { maxShareBps: 10_000n }), i.rewardRate, 7200n);
    expect(e.pools.map((p) => p.expectedAprPpm)).toEqual([66_500n, 63_000n]);
    // proposed 5135/4865 vs current 0/0
    expect(e.proposedWeightsAprPpm).toBe((5135n * 66_500n + 4865n * 63_000n) / 10_000n);
    expect(e.currentWeightsAprPpm).toBe(0n);
  });
});

// ---- property tests

const arbPool = (i: number) =>
  fc
    .record({
      cap: fc.oneof(
        { arbitrary: fc.bigInt({ min: 0n, max: 1000n * APT }), weight: 1 },
        { arbitrary: fc.constant(1_000_000n * APT), weight: 3 },
      ),
      enabled: fc.oneof(
        { arbitrary: fc.constant(true), weight: 7 },
        { arbitrary: fc.constant(false), weight: 1 },
      ),
      active: fc.bigInt({ min: 0n, max: 500n * APT }),
      pendingInactive: fc.bigInt({ min: 0n, max: 10n * APT }),
      state: fc.oneof(
        { arbitrary: fc.constant("active" as const), weight: 6 },
        {
          arbitrary: fc.constantFrom(
            "pending_active" as const,
            "pending_inactive" as const,
            "inactive" as const,
          ),
          weight: 1,
        },
      ),
      commissionBps: fc.bigInt({ min: 0n, max: 2_000n }),
      nextCommissionBps: fc.bigInt({ min: 0n, max: 2_500n }),
      proposals: fc.option(
        fc.record({
          successful: fc.bigInt({ min: 0n, max: 1000n }),
          failed: fc.bigInt({ min: 0n, max: 1000n }),
        }),
      ),
      allowlistingEnabled: fc.constantFrom(false, false, true),
      allowlisted: fc.boolean(),
    })
    .map(
      (r): ScoringPool =>
        pool(i + 1, {
          cap: r.cap,
          enabled: r.enabled,
          protocolStake: { active: r.active, pendingInactive: r.pendingInactive },
          validatorState: r.state as ScoringPool["validatorState"],
          commissionBps: r.commissionBps,
          nextCommissionBps: r.nextCommissionBps,
          proposals: r.proposals,
          allowlistingEnabled: r.allowlistingEnabled,
          allowlisted: r.allowlistingEnabled ? r.allowlisted : true,
        }),
    );

const arbInput = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => arbPool(i))),
      fc.bigInt({ min: 1_000n, max: 10_000n }),
      fc.bigInt({ min: 0n, max: 100n * APT }),
      fc.bigInt({ min: 1_000n, max: 10_000n }),
    ),
  )
  .map(([pools, maxCommissionBps, idleApt, maxShareBps]) => ({
    input: input(pools, { maxCommissionBps, idleApt }),
    maxShareBps,
  }));

describe("proposeWeights: invariants (fast-check)", () => {
  it("feasible ⇒ weights sum to the total, none above its limit or the max share, ineligible pools 0", () => {
    let feasible = 0;
    fc.assert(
      fc.property(arbInput, ({ input: i, maxShareBps }) => {
        const r = proposeWeights(i, { maxShareBps });
        const sum = r.pools.reduce((s, p) => s + p.proposedWeightBps, 0n);
        if (!r.feasible) {
          expect(sum).toBe(0n);
          return;
        }
        feasible++;
        expect(sum).toBe(i.totalWeightBps);
        for (const p of r.pools) {
          expect(p.proposedWeightBps >= 0n).toBe(true);
          expect(p.proposedWeightBps <= p.limitBps).toBe(true);
          expect(p.proposedWeightBps * 10_000n <= maxShareBps * i.totalWeightBps).toBe(true);
          if (!p.eligible) expect(p.proposedWeightBps).toBe(0n);
        }
      }),
      { numRuns: 500 },
    );
    // the generator reaches the feasible case often enough for the invariants to mean something
    expect(feasible).toBeGreaterThan(100);
  });

  it("deterministic: the same readings in another order give each pool the same weight", () => {
    fc.assert(
      fc.property(arbInput, ({ input: i, maxShareBps }) => {
        const a = proposeWeights(i, { maxShareBps });
        const b = proposeWeights({ ...i, pools: [...i.pools].reverse() }, { maxShareBps });
        const byPool = (r: typeof a) => Object.fromEntries(r.pools.map((p) => [p.pool, p.proposedWeightBps]));
        expect(byPool(b)).toEqual(byPool(a));
      }),
      { numRuns: 300 },
    );
  });

  it("monotonic: more failed proposals for one pool never raise its weight", () => {
    let compared = 0;
    fc.assert(
      fc.property(
        arbInput,
        fc.nat(),
        fc.bigInt({ min: 1n, max: 1000n }),
        ({ input: i, maxShareBps }, k, extraFailed) => {
          const j = k % i.pools.length;
          const target = i.pools[j] as ScoringPool;
          const worse: ScoringPool = {
            ...target,
            proposals: {
              successful: target.proposals?.successful ?? 1n,
              failed: (target.proposals?.failed ?? 0n) + extraFailed,
            },
          };
          const before = proposeWeights(i, { maxShareBps });
          const after = proposeWeights(
            { ...i, pools: i.pools.map((p, x) => (x === j ? worse : p)) },
            { maxShareBps },
          );
          expect((after.pools[j]?.performancePpm ?? 0n) <= (before.pools[j]?.performancePpm ?? 0n)).toBe(
            true,
          );
          if (before.feasible && after.feasible) {
            if ((before.pools[j]?.proposedWeightBps ?? 0n) > 0n) compared++;
            expect(
              (after.pools[j]?.proposedWeightBps ?? 0n) <= (before.pools[j]?.proposedWeightBps ?? 0n),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
    // cases where the pool had weight to lose and both proposals are feasible
    expect(compared).toBeGreaterThan(100);
  });
});
