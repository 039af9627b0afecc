/**
 * Property-based tests of the Kofi Move on the localnet: random multi-user sequences (deposits, stakes,
 * unstakes, withdrawal requests, claims, ticket transfers, time, syncs, permissionless rebalances and inactive-stake
 * sweeps, pauses, admin changes (the maximum commission included) and hostile validators: evictions, allowlisting
 * without eviction, stake limits, commission, proposals, leaving the set), every property checked after every step (see test/kofi-properties.ts). A failure prints the
 * shrunk sequence as a readable action list and fast-check's seed/path to replay it.
 *
 * KOFI_PROPERTY_RUNS overrides the number of sequences (CI: 500); `npx tsx bench/run.ts kofi-properties`
 * runs 10,000.
 */
import { describe, expect, it } from "vitest";
import { checkSequences, describeAction, SequenceRunner, Stats } from "../kofi-properties.ts";

const RUNS = Number(process.env.KOFI_PROPERTY_RUNS ?? 500);
/** Fixed so CI is deterministic; KOFI_PROPERTY_SEED=random (or a number) explores further. */
const SEED =
  process.env.KOFI_PROPERTY_SEED === "random" ? undefined : Number(process.env.KOFI_PROPERTY_SEED ?? 12);

describe("kofi properties: random multi-user sequences", () => {
  it(`${RUNS} sequences keep backing, rate, value and ownership after every step`, async () => {
    const stats = new Stats();
    const t0 = performance.now();
    await checkSequences({ numRuns: RUNS, seed: SEED, stats });
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `${stats.sequences} sequences, ${stats.steps} steps in ${secs.toFixed(1)} s; max rounding (octas): ${[
        ...stats.maxRounding,
      ]
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    console.log(`rejections: ${[...stats.rejected].map(([k, v]) => `${k} x${v}`).join("; ")}`);
    // the generator reaches every kind of action, successful, at least once in a run of this size
    for (const kind of [
      "deposit",
      "depositAndStake",
      "stake",
      "unstake",
      "request",
      "unstakeAndRequest",
      "claim",
      "transfer",
      "sync",
      "pause",
      "rebalance",
      "commission",
      "proposals",
      "leave",
      "evict",
      "withdrawInactive",
      "maxCommission",
      "allowlist",
      "stakeLimits",
    ])
      expect(stats.ok.get(kind) ?? 0, `${kind} never succeeded`).toBeGreaterThan(0);
  }, 600_000);

  // Found by the bench (10,000 sequences) once evictions and the full backing check were on: a request unlocked
  // from 3 pools and its requester bore 5 octas of share rounding, above the runner's old flat bound of 4. Since
  // staking_manager::unlock charges each pool's drift once (the test below), the same request bears 3.
  it("a request split over 3 pools bears up to 2 octas of rounding per part, no more", async () => {
    const stats = new Stats();
    const r = new SequenceRunner(stats);
    const APT = 100_000_000n;
    await r.run([
      { a: "deposit", u: 0, apt: 518_941_944n },
      { a: "advance", secs: 14n * 86_400n },
      { a: "disable", pool: 0 },
      { a: "deposit", u: 0, apt: 530_413_483n },
      { a: "deposit", u: 1, apt: 20_000n * APT },
      { a: "depositAndStake", u: 0, apt: 180_421_525n },
      { a: "disable", pool: 1 },
      { a: "request", u: 1, q: { pct: 1 } },
      { a: "advance", secs: 1n },
    ]);
    const lost = stats.maxRounding.get("request") ?? 0n;
    expect(lost).toBe(3n);
    expect(lost).toBeLessThanOrEqual(1n + 2n * 3n);
  });

  // Found by the bench (10,000 sequences) once validators could leave the set: unlocking 1,000,000,002 octas from
  // a pool whose pending_inactive shares are worth more than one octa each moved only 1,000,000,000 to
  // pending_inactive, a measured drift of 2 octas, and the ticket was cut by that drift twice (999,999,998).
  // staking_manager::unlock now charges it once: the ticket is worth exactly what reached pending_inactive.
  it("a request bears the pool's unlock drift once, not twice", async () => {
    const stats = new Stats();
    const r = new SequenceRunner(stats);
    await r.run([
      { a: "deposit", u: 1, apt: 1_000_899_999n },
      { a: "request", u: 1, q: { pct: 1 } },
      { a: "deposit", u: 0, apt: 1_334_533_336n },
      { a: "leave", pool: 0 },
      { a: "advance", secs: 338n * 3_600n },
      { a: "claimAll", u: 1 },
      { a: "request", u: 0, q: { pct: 75 } },
    ]);
    // before the fix the runner itself failed here: "u0 lost 4 octas: fee quoted 0, rounding 4 > 3"
    expect(stats.maxRounding.get("request")).toBe(2n);
  });

  it("a failure reads as a script", () => {
    expect(
      describeAction({ a: "request", u: 1, q: { pct: 100 } }) +
        describeAction({ a: "advance", secs: 14n * 86_400n }),
    ).toBe("request(u1, 100%)advance(14d)");
  });

  it("the runner catches a property violation (a rate that falls)", async () => {
    const r = new SequenceRunner();
    await r.step(0, { a: "deposit", u: 0, apt: 100n * 100_000_000n });
    // lower the rate behind the protocol's back: burn kAPT out of the vault store
    (r as unknown as { rate: [bigint, bigint] }).rate = [10n ** 30n, 1n];
    await expect(r.step(1, { a: "sync", u: 0 })).rejects.toThrow(/rate fell/);
  });
});
