// Degradation detection and the state file's merge, on hand-made pool samples (no chain).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, detectDegradation, failedRatio, recordProposals } from "../src/keeper/checks.ts";
import type { PoolSample } from "../src/keeper/pools.ts";
import { emptyState, loadState, mergeStates, saveState } from "../src/keeper/state.ts";

const A = `0x${"a".repeat(64)}` as const;
const B = `0x${"b".repeat(64)}` as const;
const sample = (pool: `0x${string}`, over: Partial<PoolSample> = {}): PoolSample => ({
  pool,
  enabled: true,
  validatorState: "active",
  active: 1_000n,
  pendingInactive: 0n,
  inactive: 0n,
  commissionBps: 500n,
  nextCommissionBps: 500n,
  allowlisted: true,
  proposals: { successful: 10n, failed: 0n },
  ...over,
});
const fresh = () => emptyState(`0x${"1".repeat(64)}`, 4);

describe("keeper degradation checks", () => {
  it("a healthy pool raises nothing; history keeps one entry per epoch with the largest counts", () => {
    const s = fresh();
    recordProposals(s, 7n, [sample(A, { proposals: { successful: 3n, failed: 0n } })]);
    recordProposals(s, 7n, [sample(A, { proposals: { successful: 9n, failed: 1n } })]);
    recordProposals(s, 8n, [sample(A, { proposals: { successful: 2n, failed: 0n } })]);
    expect(s.history[A]).toEqual([
      { epoch: "7", successful: "9", failed: "1" },
      { epoch: "8", successful: "2", failed: "0" },
    ]);
    expect(detectDegradation(s, 8n, [sample(A)])).toEqual({ raised: [], cleared: [] });
  });

  it("failed proposals above the threshold alert once, stay standing, and clear when an epoch is healthy", () => {
    const s = fresh();
    const t = { ...DEFAULT_THRESHOLDS, maxFailedBps: 2_500n };
    const bad = sample(A, { proposals: { successful: 1n, failed: 3n } });
    recordProposals(s, 5n, [bad, sample(B)]);
    expect(failedRatio(s, A, t)).toEqual({ epoch: 5n, successful: 1n, failed: 3n, bps: 7_500n });
    const first = detectDegradation(s, 5n, [bad, sample(B)], t);
    expect(first.raised.map((a) => [a.kind, a.pool])).toEqual([["failed_proposals", A]]);
    expect(first.raised[0]?.message).toBe("3 of 4 proposals failed in epoch 5 (75.0 % > 25.0 %)");
    expect(detectDegradation(s, 5n, [bad, sample(B)], t).raised).toEqual([]); // standing: not again
    // a new epoch without proposals yet is judged on the last epoch that had some: still standing
    const empty = sample(A, { proposals: { successful: 0n, failed: 0n } });
    recordProposals(s, 6n, [empty]);
    expect(detectDegradation(s, 6n, [empty], t)).toEqual({ raised: [], cleared: [] });
    const ok = sample(A, { proposals: { successful: 4n, failed: 1n } }); // 20 % <= 25 %
    recordProposals(s, 6n, [ok]);
    expect(detectDegradation(s, 6n, [ok], t).cleared).toEqual([`failed_proposals:${A}`]);
    // exactly at the threshold is not above it
    const edge = fresh();
    recordProposals(edge, 1n, [sample(A, { proposals: { successful: 3n, failed: 1n } })]);
    expect(detectDegradation(edge, 1n, [sample(A)], t).raised).toEqual([]);
  });

  it("a commission raise: pending (next cycle) is standing, taking effect is an event against the last seen", () => {
    const s = fresh();
    expect(detectDegradation(s, 1n, [sample(A)]).raised).toEqual([]);
    const pending = sample(A, { nextCommissionBps: 1_500n });
    const r1 = detectDegradation(s, 1n, [pending]).raised;
    expect(r1.map((a) => a.kind)).toEqual(["commission_raise_pending"]);
    expect(r1[0]?.data).toEqual({ fromBps: 500n, toBps: 1_500n });
    const now = sample(A, { commissionBps: 1_500n, nextCommissionBps: 1_500n });
    const r2 = detectDegradation(s, 2n, [now]);
    expect(r2.raised.map((a) => [a.kind, a.message])).toEqual([
      ["commission_raised", "commission raised from 5.0 % to 15.0 %"],
    ]);
    expect(r2.cleared).toEqual([`commission_raise_pending:${A}`]);
    expect(detectDegradation(s, 3n, [now]).raised).toEqual([]); // seen: no repeat
    // a lowered commission is no alert; the first sight of a pool is no "raise"
    expect(
      detectDegradation(s, 4n, [sample(A, { commissionBps: 300n, nextCommissionBps: 300n })]).raised,
    ).toEqual([]);
    expect(
      detectDegradation(s, 4n, [sample(B, { commissionBps: 9_000n, nextCommissionBps: 9_000n })]).raised,
    ).toEqual([]);
  });

  it("evicted / not allowlisted and a validator leaving the set alert, per pool", () => {
    const s = fresh();
    const r = detectDegradation(s, 3n, [
      sample(A, { allowlisted: false }),
      sample(B, { validatorState: "pending_inactive", proposals: null }),
    ]).raised;
    expect(r.map((a) => [a.kind, a.pool])).toEqual([
      ["not_allowlisted", A],
      ["left_validator_set", B],
    ]);
    expect(r[1]?.message).toMatch(/left the active set \(pending_inactive\)/);
    // inactive next epoch: the same condition, no second alert; back in the set: cleared
    expect(
      detectDegradation(s, 4n, [sample(A, { allowlisted: false }), sample(B, { validatorState: "inactive" })])
        .raised,
    ).toEqual([]);
    expect(detectDegradation(s, 5n, [sample(A, { allowlisted: false }), sample(B)]).cleared).toEqual([
      `left_validator_set:${B}`,
    ]);
    // a joining validator (pending_active) is not "left"
    expect(detectDegradation(fresh(), 1n, [sample(A, { validatorState: "pending_active" })]).raised).toEqual(
      [],
    );
  });
});

describe("keeper state file", () => {
  it("merge keeps the newer record per action and the union of histories; save/load round-trips", () => {
    const ours = fresh();
    const theirs = fresh();
    const rec = (epoch: string, hash: string, status: "pending" | "committed" | "failed", at: string) => ({
      epoch,
      hash,
      expiresAtSecs: 0,
      status,
      at,
    });
    ours.actions.sync_rewards = rec("5", "0x1", "pending", "2026-01-01T00:00:00.000Z");
    theirs.actions.sync_rewards = rec("5", "0x2", "committed", "2026-01-01T00:00:01.000Z");
    ours.actions.rebalance = rec("6", "0x3", "committed", "2026-01-01T00:00:00.000Z");
    theirs.actions.rebalance = rec("5", "0x4", "committed", "2026-01-01T00:00:09.000Z");
    // one transaction's later news wins (pending -> failed after expiry), whatever the rank
    ours.actions["withdraw_inactive_stake:x"] = rec("5", "0x5", "failed", "2026-01-01T00:01:00.000Z");
    theirs.actions["withdraw_inactive_stake:x"] = rec("5", "0x5", "pending", "2026-01-01T00:00:00.000Z");
    ours.history[A] = [{ epoch: "5", successful: "1", failed: "0" }];
    theirs.history[A] = [
      { epoch: "4", successful: "9", failed: "0" },
      { epoch: "5", successful: "3", failed: "0" },
    ];
    const m = mergeStates(ours, theirs);
    expect(m.actions.sync_rewards?.hash).toBe("0x2");
    expect(m.actions.rebalance?.hash).toBe("0x3");
    expect(m.actions["withdraw_inactive_stake:x"]?.status).toBe("failed");
    expect(m.history[A]).toEqual(theirs.history[A]);

    const path = join(mkdtempSync(join(tmpdir(), "kofi-keeper-")), "state.json");
    saveState(path, m);
    expect(loadState(path, m.kofiAddress, 4)).toEqual(m);
    expect(() => loadState(path, `0x${"2".repeat(64)}`, 4)).toThrow(/another deployment/);
  });
});
