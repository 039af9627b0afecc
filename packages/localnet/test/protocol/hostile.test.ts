/**
 * The Kofi Move against hostile validators (issue 12, section 2), staged through the localnet's validator API
 * (`validatorOps`, `setStakeLimits`: the same functions behind the admin endpoints) on the framework model:
 * eviction recovered and every ticket paid, deposits split around maximum stake, allowlists and a commission
 * limit, the largest withdrawal, and the on-chain APR at the localnet's default 7 %.
 */
import { describe, expect, it } from "vitest";
import type { Address } from "../../src/runtime/port.ts";
import { setStakeLimits, validatorOps } from "../../src/validators.ts";
import { APT, DAY, EPOCH, Kit, LOCKUP } from "../kofi-testkit.ts";

type Validator = {
  pool: Address;
  active: bigint;
  commission_bps: bigint;
  next_commission_bps: bigint;
  deposit_room: bigint;
  allowlisted: boolean;
};
type State = {
  validators: Validator[];
  idle_apt: bigint;
  ticket_liabilities: bigint;
  max_withdrawal_kapt: bigint;
  deposit_capacity_apt: bigint;
  apr: { enough_history: boolean; apr_ppm: bigint; window_secs: bigint };
};

const state = (k: Kit) => k.view("protocol_state")[0] as State;

/** controlled APT >= kAPT supply + open tickets + protocol equity (the backing). */
function expectFullyBacked(k: Kit, step = "") {
  const s = k.solvency();
  expect(
    s.controlled >= s.userLiabilities + s.equity,
    `${step}: ${s.controlled} < ${s.userLiabilities} + ${s.equity}`,
  ).toBe(true);
}

function split(k: Kit, apt: bigint): { pools: Address[]; amounts: bigint[]; fees: bigint[] } {
  const [pools, amounts, fees] = k.view("quote_deposit_split", [apt]) as [Address[], bigint[], bigint[]];
  return { pools, amounts, fees };
}

describe("hostile validators", () => {
  it("validator X evicts us: deposits go elsewhere, anyone recovers the stake, every ticket is paid, kAPT stays backed", async () => {
    const k = new Kit();
    const u = k.user(1, 10_000n * APT);
    const keeper = k.user(2, APT);
    for (let i = 0; i < 3; i++) k.call(u, "gateway", "deposit", [1_000n * APT, 0n]);
    k.chain.advanceEpochs(1);
    const r = k.call(u, "gateway", "request_withdrawal", [500n * APT]);
    const ticket = k.events(r, "withdrawals::WithdrawalRequested")[0]?.ticket as Address;
    const victim = k.events(r, "staking_manager::Unlocked")[0]?.pool as Address;
    const protocol = k.protocolAddress();
    const [activeBefore] = k.move("staking_manager", "pool_stake", [victim]) as [bigint];
    await validatorOps(k.chain, victim).evictNow(protocol);
    const [, , evicted] = k.move("staking_manager", "pool_stake", [victim]) as [bigint, bigint, bigint];
    expect(evicted).toBeGreaterThanOrEqual(activeBefore);
    const v = state(k).validators.find((x) => x.pool === victim) as Validator;
    expect(v.active).toBe(0n);
    expect(v.allowlisted).toBe(false);
    expect(v.deposit_room).toBe(0n);
    expectFullyBacked(k, "check 1");
    // deposits keep working, never on the evicting pool
    const d = k.call(u, "gateway", "deposit", [200n * APT, 0n]);
    expect(k.events(d, "staking_manager::Delegated").map((e) => e.pool)).not.toContain(victim);
    // a second ticket after the eviction
    const r2 = k.call(u, "gateway", "request_withdrawal", [100n * APT]);
    const ticket2 = k.events(r2, "withdrawals::WithdrawalRequested")[0]?.ticket as Address;
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    // a keeper with no authority recovers the evicted stake
    const w = k.call(keeper, "staking_manager", "withdraw_inactive_stake", [victim]);
    const recovered = k.events(w, "staking_manager::InactiveWithdrawn")[0]?.amount as bigint;
    expect(recovered).toBeGreaterThanOrEqual(evicted);
    expectFullyBacked(k, "check 2");
    const before = k.apt(u);
    k.call(u, "gateway", "claim", [[ticket, ticket2]]);
    expect(k.apt(u) - before).toBeGreaterThan(600n * APT - 10n);
    expect(state(k).ticket_liabilities).toBe(0n);
    // the recovered APT goes back to work along the weights, on the pools that take it
    const b = k.call(keeper, "staking_manager", "rebalance", []);
    const parts = k.events(b, "staking_manager::Delegated");
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.map((e) => e.pool)).not.toContain(victim);
    expect(state(k).idle_apt).toBeLessThan(APT);
    // re-delegating pays the framework's add-stake fee (about one epoch of rewards on the amount) out of the
    // protocol's own margin: kAPT and tickets stay backed at once, the equity after the epoch's fee refund
    const s = k.solvency();
    expect(s.controlled >= s.userLiabilities, `${s.controlled} < ${s.userLiabilities}`).toBe(true);
    k.chain.advanceEpochs(1);
    expectFullyBacked(k, "after the rebalance's epoch");
  });

  it("maximum stake: a deposit larger than any one pool can take is split; more than all can take aborts with nothing changed", () => {
    const k = new Kit();
    const u = k.user(1, 10_000_000n * APT);
    // each stake pool holds its validator's 2,000,000 APT plus the seed: leave 1,000 APT of room
    setStakeLimits(k.chain, { maximumStake: 2_001_011n * APT });
    const cap = state(k).deposit_capacity_apt;
    expect(cap).toBeGreaterThan(2_900n * APT);
    expect(cap).toBeLessThan(3_100n * APT);
    const s = split(k, 1_500n * APT);
    expect(s.pools.length).toBe(2);
    expect(s.amounts.reduce((a, b) => a + b, 0n)).toBe(1_500n * APT);
    const [fee, kaptOut] = k.view("quote_deposit", [1_500n * APT]) as [bigint, bigint];
    expect(fee).toBe(s.fees.reduce((a, b) => a + b, 0n));
    const d = k.call(u, "gateway", "deposit", [1_500n * APT, 0n]);
    expect(k.events(d, "staking_manager::Delegated").map((e) => e.pool)).toEqual(s.pools);
    expect(k.kapt(u)).toBe(kaptOut);
    const left = state(k).deposit_capacity_apt;
    k.fails(u, "gateway", "deposit", [left + 1n, 0n], "staking_manager", "E_INSUFFICIENT_CAPACITY");
    k.viewFails("quote_deposit_split", [left + 1n], "E_INSUFFICIENT_CAPACITY");
    k.call(u, "gateway", "deposit", [left, 0n]);
    expect(state(k).deposit_capacity_apt).toBe(0n);
    k.fails(u, "gateway", "deposit", [APT, 0n], "staking_manager", "E_NO_ELIGIBLE_POOL");
  });

  it("allowlisting without the protocol and a commission raise above the admin's limit stop deposits to a pool", async () => {
    const k = new Kit(); // commissions 10 %, 5 %, 0 %
    const u = k.user(1);
    const [p0, p1, p2] = k.pools as [Address, Address, Address];
    await validatorOps(k.chain, p2).enableAllowlisting();
    expect(split(k, 100n * APT).pools).not.toContain(p2);
    k.call(k.admin, "config", "set_max_commission_bps", [800n]);
    // p0 (10 %) is above the limit; p1 raises to 15 % from the next lockup cycle
    await validatorOps(k.chain, p1).updateCommission(1_500n);
    const v1 = state(k).validators.find((x) => x.pool === p1) as Validator;
    expect(v1.commission_bps).toBe(500n);
    expect(v1.next_commission_bps).toBe(1_500n);
    expect(state(k).validators.map((v) => v.deposit_room)).toEqual([0n, 0n, 0n]);
    k.fails(u, "gateway", "deposit", [100n * APT, 0n], "staking_manager", "E_NO_ELIGIBLE_POOL");
    // p2 lists the protocol again: deposits resume there only
    await validatorOps(k.chain, p2).allowlist(k.protocolAddress());
    const d = k.call(u, "gateway", "deposit", [100n * APT, 0n]);
    expect(k.events(d, "staking_manager::Delegated").map((e) => e.pool)).toEqual([p2]);
    // "Z raises commission to 100 %" at once: out of selection
    k.call(k.admin, "config", "set_max_commission_bps", [10_000n]);
    await validatorOps(k.chain, p0).setCommissionNow(10_000n);
    k.call(k.admin, "config", "set_max_commission_bps", [9_000n]);
    expect(split(k, 100n * APT).pools).not.toContain(p0);
  });

  it("the largest withdrawal now: requests up to it succeed, one octa more aborts E_INSUFFICIENT_UNLOCKABLE", () => {
    const k = new Kit();
    const u = k.user(1, 10_000_000n * APT);
    // (the default per-epoch voting power increase limit would refuse 5M APT in one epoch: raise it)
    setStakeLimits(k.chain, { votingPowerIncreaseLimitPct: 100n });
    k.call(u, "gateway", "deposit", [5_000_000n * APT, 0n]); // pending_active this epoch
    const max = k.view("max_withdrawal")[0] as bigint;
    expect(state(k).max_withdrawal_kapt).toBe(max);
    expect(max).toBeLessThan(k.kapt(u));
    k.fails(u, "gateway", "request_withdrawal", [max + 1n], "staking_manager", "E_INSUFFICIENT_UNLOCKABLE");
    k.call(u, "gateway", "request_withdrawal", [max]);
  });

  it("the on-chain APR at 7 %: not enough history first, then within 0.5 pp of 7 % net of commission and fee, with or without syncs", () => {
    const k = new Kit({ rewardRate: { aprBps: 700n }, commissions: [500n, 1_000n, 700n] });
    const u = k.user(1, 1_000_000n * APT);
    k.call(u, "gateway", "deposit_and_stake", [500_000n * APT, 0n]);
    expect(state(k).apr.enough_history).toBe(false);
    expect(state(k).apr.apr_ppm).toBe(0n);
    const expected = (s: State) => {
      const total = s.validators.reduce((t, v) => t + v.active, 0n);
      const net = s.validators.reduce((t, v) => t + v.active * (10_000n - v.commission_bps), 0n);
      return (70_000n * net * 9_000n) / (total * 10_000n * 10_000n);
    };
    k.chain.advanceSeconds(14n * DAY); // 14 days without a sync
    const quiet = state(k);
    expect(quiet.apr.enough_history).toBe(true);
    expect(quiet.apr.window_secs).toBe(14n * DAY);
    const dq = quiet.apr.apr_ppm - expected(quiet);
    expect(dq < 0n ? -dq : dq, `${quiet.apr.apr_ppm} vs ${expected(quiet)}`).toBeLessThanOrEqual(5_000n);
    for (let i = 0; i < 40; i++) {
      k.chain.advanceSeconds(6n * 3_600n);
      k.call(u, "rewards", "sync_rewards", []);
    }
    const synced = state(k);
    expect(synced.apr.window_secs).toBeGreaterThanOrEqual(7n * DAY);
    expect(synced.apr.window_secs).toBeLessThan(8n * DAY);
    const ds = synced.apr.apr_ppm - expected(synced);
    expect(ds < 0n ? -ds : ds, `${synced.apr.apr_ppm} vs ${expected(synced)}`).toBeLessThanOrEqual(5_000n);
    // and within 0.5 pp of 7 % less the 10 % fee alone (6.3 %)
    expect(synced.apr.apr_ppm > 58_000n && synced.apr.apr_ppm < 68_000n).toBe(true);
    expect(k.view("apr")[0]).toEqual(synced.apr);
  });
});
