import { describe, expect, it } from "vitest";
import { Chain } from "../chain.ts";
import { normalizeAddress } from "../runtime/address.ts";
import { MoveAbort } from "../runtime/port.ts";

const APT = 100_000_000n;
const alice = normalizeAddress("0xa11ce");
const bob = normalizeAddress("0xb0b");
const owner = normalizeAddress("0x0123");

/** 1 % rewards per epoch, 1 h epochs, 14-day lockup; one pool with the given commission. */
function setup(commissionBps = 0n) {
  const c = new Chain({
    genesisTimeSecs: 1_700_000_000n,
    epochIntervalSecs: 3600n,
    rewardRate: { bpsPerEpoch: 100n },
  });
  const pool = c.createValidator(owner, commissionBps, 1_000_000n * APT);
  c.mint(alice, 10_000n * APT);
  c.mint(bob, 10_000n * APT);
  return { c, pool };
}
const stakeOf = (c: Chain, pool: `0x${string}`, who: `0x${string}`) =>
  c.view((rt) => rt.framework.getStake(pool, who));
function run(c: Chain, who: `0x${string}`, f: Parameters<Chain["execute"]>[1]) {
  const r = c.execute(who, f);
  return r;
}

describe("delegation pool model", () => {
  it("add_stake fee ≈ one epoch of rewards, held by the null shareholder, refunded at the next epoch", () => {
    const { c, pool } = setup();
    const fee = c.view((rt) => rt.framework.getAddStakeFee(pool, 1000n * APT));
    expect(fee).toBe((1000n * APT * 100n * 10_000n) / (100n * 10_000n + 10_000n * 10_000n)); // amount*r/(1+r)
    const r = run(c, alice, (rt, s) => rt.framework.addStake(s, pool, 1000n * APT));
    expect(r.success).toBe(true);
    expect(r.events.find((e) => e.type === "0x1::delegation_pool::AddStake")?.data.add_stake_fee).toBe(fee);
    expect(stakeOf(c, pool, alice).active).toBe(1000n * APT - fee);
    c.advanceEpochs(1); // pending_active -> active without rewards; fee refunded to the pool
    expect(stakeOf(c, pool, alice).active).toBeGreaterThanOrEqual(1000n * APT - 1n);
    expect(stakeOf(c, pool, alice).active).toBeLessThanOrEqual(1000n * APT);
    c.advanceEpochs(1); // now earning: +1 %
    const a = stakeOf(c, pool, alice).active;
    expect(a).toBeGreaterThanOrEqual(1010n * APT - 2n);
    expect(a).toBeLessThanOrEqual(1010n * APT);
  });

  it("operator commission is taken from rewards", () => {
    const { c, pool } = setup(1000n); // 10 %
    run(c, alice, (rt, s) => rt.framework.addStake(s, pool, 1000n * APT));
    c.advanceEpochs(1);
    const before = stakeOf(c, pool, alice).active;
    const opBefore = stakeOf(c, pool, owner).active;
    c.advanceEpochs(1);
    const gained = stakeOf(c, pool, alice).active - before;
    // 1 % rewards, 90 % to delegators (views price shares without a sync, hence the 0.1 % tolerance)
    expect(gained).toBeGreaterThanOrEqual((before * 899n) / 100_000n);
    expect(gained).toBeLessThanOrEqual((before * 901n) / 100_000n);
    // the operator (also the owner-delegator here) earns its own 0.9 % plus 10 % of all rewards
    const total = 1_001_000n * APT;
    const opGain = stakeOf(c, pool, owner).active - opBefore;
    expect(opGain).toBeGreaterThan((opBefore * 90n) / 10_000n + (total * 10n) / 10_000n - 10n * APT);
    expect(c.view((rt) => rt.framework.operatorCommissionPercentage(pool))).toBe(1000n);
  });

  it("minimums: 10 APT active (abort), unlock rounded up to keep pending_inactive >= 10 APT, full unlock below", () => {
    const { c, pool } = setup();
    const r = run(c, alice, (rt, s) => rt.framework.addStake(s, pool, 5n * APT));
    expect(r.success).toBe(false);
    expect(r.vmStatus).toBe(
      "Move abort in 0x1::delegation_pool: EDELEGATOR_ACTIVE_BALANCE_TOO_LOW(0x10008): Delegator's active balance cannot be less than `MIN_COINS_ON_SHARES_POOL`.",
    );
    run(c, alice, (rt, s) => rt.framework.addStake(s, pool, 100n * APT));
    c.advanceEpochs(1);
    expect(run(c, alice, (rt, s) => rt.framework.unlock(s, pool, 5n * APT)).success).toBe(true);
    const s1 = stakeOf(c, pool, alice);
    expect(s1.pendingInactive).toBeGreaterThanOrEqual(10n * APT);
    expect(s1.pendingInactive).toBeLessThanOrEqual(10n * APT + 1n);
    // unlocking so much that < 10 APT active would remain unlocks everything
    const active = stakeOf(c, pool, alice).active;
    expect(run(c, alice, (rt, s) => rt.framework.unlock(s, pool, active - 5n * APT)).success).toBe(true);
    expect(stakeOf(c, pool, alice).active).toBe(0n);
  });

  it("lockup cycle: pending_inactive becomes withdrawable after 14 days; OLC advances at sync; withdraw is capped", () => {
    const { c, pool } = setup();
    run(c, alice, (rt, s) => rt.framework.addStake(s, pool, 100n * APT));
    c.advanceEpochs(1);
    run(c, alice, (rt, s) => rt.framework.unlock(s, pool, 50n * APT));
    expect(c.view((rt) => rt.framework.getPendingWithdrawal(pool, alice)).withdrawable).toBe(false);
    // withdraw before the lockup ends: nothing happens (no abort)
    const bal0 = c.aptBalance(alice);
    const w0 = run(c, alice, (rt, s) => rt.framework.withdraw(s, pool, 50n * APT));
    expect(w0.success).toBe(true);
    expect(c.aptBalance(alice)).toBe(bal0 - w0.gasUsed * 100n);
    const lockup = c.view((rt) => rt.framework.getLockupSecs(pool));
    expect(lockup).toBe(1_700_000_000n + 1_209_600n);
    c.advanceSeconds(1_209_600n);
    const pw = c.view((rt) => rt.framework.getPendingWithdrawal(pool, alice));
    expect(pw.withdrawable).toBe(true);
    expect(c.view((rt) => rt.framework.observedLockupCycle(pool))).toBe(0n);
    const s = stakeOf(c, pool, alice);
    expect(s.inactive).toBe(pw.amount);
    expect(s.pendingInactive).toBe(0n);
    const bal = c.aptBalance(alice);
    const w = run(c, alice, (rt, s2) => rt.framework.withdraw(s2, pool, 1_000_000n * APT)); // capped
    expect(w.success).toBe(true);
    expect(c.view((rt) => rt.framework.observedLockupCycle(pool))).toBe(1n);
    expect(c.aptBalance(alice)).toBe(bal + pw.amount - w.gasUsed * 100n);
    expect(stakeOf(c, pool, alice).inactive).toBe(0n);
    // the lockup renewed for another 14 days
    expect(c.view((rt) => rt.framework.getLockupSecs(pool))).toBeGreaterThan(lockup);
  });

  it("one pending withdrawal per delegator: add_stake side-withdraws inactive stake to the delegator", () => {
    const { c, pool } = setup();
    run(c, alice, (rt, s) => rt.framework.addStake(s, pool, 100n * APT));
    c.advanceEpochs(1);
    run(c, alice, (rt, s) => rt.framework.unlock(s, pool, 20n * APT));
    c.advanceSeconds(1_209_600n);
    const inactive = stakeOf(c, pool, alice).inactive;
    expect(inactive).toBeGreaterThan(20n * APT - 1n);
    const bal = c.aptBalance(alice);
    const r = run(c, alice, (rt, s) => rt.framework.unlock(s, pool, 10n * APT)); // new unlock executes the old withdrawal
    expect(r.success).toBe(true);
    expect(r.events.some((e) => e.type === "0x1::delegation_pool::WithdrawStake")).toBe(true);
    expect(c.aptBalance(alice)).toBe(bal + inactive - r.gasUsed * 100n);
    const s = stakeOf(c, pool, alice);
    expect(s.inactive).toBe(0n);
    expect(s.pendingInactive).toBeGreaterThanOrEqual(10n * APT - 1n);
  });

  it("inactive validator: state 3 then 4, no lockup renewal, can_withdraw_pending_inactive after the lockup", () => {
    const { c, pool } = setup();
    run(c, alice, (rt, s) => rt.framework.addStake(s, pool, 100n * APT));
    c.advanceEpochs(1);
    run(c, alice, (rt, s) => rt.framework.unlock(s, pool, 30n * APT));
    c.leaveValidatorSet(pool);
    expect(c.view((rt) => rt.framework.getValidatorState(pool))).toBe(3n);
    c.advanceEpochs(1);
    expect(c.view((rt) => rt.framework.getValidatorState(pool))).toBe(4n);
    expect(c.view((rt) => rt.framework.canWithdrawPendingInactive(pool))).toBe(false);
    // no fee when adding to an inactive validator
    expect(c.view((rt) => rt.framework.getAddStakeFee(pool, 100n * APT))).toBe(0n);
    const lockup = c.view((rt) => rt.framework.getLockupSecs(pool));
    c.advanceSeconds(1_209_600n);
    expect(c.view((rt) => rt.framework.getLockupSecs(pool))).toBe(lockup);
    expect(c.view((rt) => rt.framework.canWithdrawPendingInactive(pool))).toBe(true);
    const pi = stakeOf(c, pool, alice).pendingInactive;
    const bal = c.aptBalance(alice);
    const r = run(c, alice, (rt, s) => rt.framework.withdraw(s, pool, pi));
    expect(r.success).toBe(true);
    expect(c.aptBalance(alice)).toBe(bal + pi - r.gasUsed * 100n);
  });

  it("unknown pool aborts EDELEGATION_POOL_DOES_NOT_EXIST; zero withdraw aborts EWITHDRAW_ZERO_STAKE", () => {
    const { c, pool } = setup();
    expect(() => c.view((rt) => rt.framework.getStake(bob, alice))).toThrow(MoveAbort);
    const r = run(c, alice, (rt, s) => rt.framework.addStake(s, bob, 100n * APT));
    expect(r.vmStatus).toMatch(
      /^Move abort in 0x1::delegation_pool: EDELEGATION_POOL_DOES_NOT_EXIST\(0x10003\)/,
    );
    const w = run(c, alice, (rt, s) => rt.framework.withdraw(s, pool, 0n));
    expect(w.vmStatus).toMatch(/EWITHDRAW_ZERO_STAKE\(0x1000b\)/);
  });

  it("insufficient APT: coin EINSUFFICIENT_BALANCE(0x10006)", () => {
    const { c, pool } = setup();
    const r = run(c, alice, (rt, s) => rt.framework.addStake(s, pool, 1_000_000n * APT));
    expect(r.vmStatus).toBe(
      "Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006): Not enough coins to complete transaction",
    );
  });
});
