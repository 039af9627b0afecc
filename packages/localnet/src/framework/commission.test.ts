import { describe, expect, it } from "vitest";
import { Chain } from "../chain.ts";
import { normalizeAddress } from "../runtime/address.ts";
import type { Runtime } from "../runtime/port.ts";
import * as cm from "./commission.ts";
import type { FrameworkImpl } from "./index.ts";

// Tests written from aptos-framework release v1.39, delegation_pool.move: update_commission_percentage,
// operator_commission_percentage(_next_lockup_cycle), is_next_commission_percentage_effective,
// synchronize_delegation_pool (commission to beneficiary_for_operator, next commission adopted),
// set_beneficiary_for_operator.
const APT = 100_000_000n;
const DAY = 86_400n;
const alice = normalizeAddress("0xa11ce");
const owner = normalizeAddress("0x0123");
const payee = normalizeAddress("0xbe4e");
const ctxOf = (rt: Runtime) => (rt.framework as FrameworkImpl).ctx;

/** 1 % rewards per epoch, 1 h epochs, 14-day lockup; one pool (owner = operator) with `bps` commission. */
function setup(bps: bigint) {
  const c = new Chain({
    genesisTimeSecs: 1_700_000_000n,
    epochIntervalSecs: 3600n,
    rewardRate: { bpsPerEpoch: 100n },
  });
  const pool = c.createValidator(owner, bps, 1_000_000n * APT);
  c.mint(alice, 10_000n * APT);
  c.mint(owner, 10n * APT);
  const asOwner = (f: (ctx: ReturnType<typeof ctxOf>) => void) => c.execute(owner, (rt) => f(ctxOf(rt)));
  const view = <R>(f: (ctx: ReturnType<typeof ctxOf>) => R) => c.view((rt) => f(ctxOf(rt)));
  c.execute(alice, (rt, s) => rt.framework.addStake(s, pool, 1000n * APT));
  c.advanceEpochs(1);
  return { c, pool, asOwner, view };
}
const aliceGainOverOneEpoch = (c: Chain, pool: `0x${string}`) => {
  const before = c.view((rt) => rt.framework.getStake(pool, alice)).active;
  c.advanceEpochs(1);
  return { before, gain: c.view((rt) => rt.framework.getStake(pool, alice)).active - before };
};

describe("commission changes (delegation_pool.move v1.39)", () => {
  it("update_commission_percentage: at most +10 points (ETOO_LARGE_COMMISSION_INCREASE), <= 100 % (EINVALID_COMMISSION_PERCENTAGE)", () => {
    const { asOwner } = setup(500n);
    expect(asOwner((x) => cm.updateCommissionPercentage(x, owner, 1501n)).vmStatus).toMatch(
      /ETOO_LARGE_COMMISSION_INCREASE\(0x10014\)/,
    );
    expect(asOwner((x) => cm.updateCommissionPercentage(x, owner, 10_001n)).vmStatus).toMatch(
      /EINVALID_COMMISSION_PERCENTAGE\(0x10005\)/,
    );
    expect(asOwner((x) => cm.updateCommissionPercentage(x, owner, 1500n)).success).toBe(true);
    // decreases are not limited
    expect(asOwner((x) => cm.updateCommissionPercentage(x, owner, 0n)).success).toBe(true);
  });

  it("takes effect at the next lockup cycle: rewards until then pay the old commission, after it the new one", () => {
    const { c, pool, asOwner, view } = setup(0n);
    const r = asOwner((x) => cm.updateCommissionPercentage(x, owner, 1000n));
    expect(r.success).toBe(true);
    expect(r.events.map((e) => e.type)).toContain("0x1::delegation_pool::CommissionPercentageChange");
    expect(view((x) => cm.operatorCommissionPercentageNextLockupCycle(x, pool))).toBe(1000n);
    expect(view((x) => cm.operatorCommissionPercentage(x, pool))).toBe(0n);
    expect(view((x) => cm.isNextCommissionPercentageEffective(x, pool))).toBe(false);
    // still 0 % this lockup cycle: alice keeps the whole 1 %
    const a = aliceGainOverOneEpoch(c, pool);
    expect(a.gain).toBeGreaterThanOrEqual((a.before * 100n) / 10_000n - 2n);
    // past the lockup (14 days from genesis): the next commission is effective
    c.advanceSeconds(14n * DAY);
    expect(view((x) => cm.isNextCommissionPercentageEffective(x, pool))).toBe(true);
    expect(view((x) => cm.operatorCommissionPercentage(x, pool))).toBe(1000n);
    c.execute(alice, (rt) => rt.framework.synchronizeDelegationPool(pool));
    const b = aliceGainOverOneEpoch(c, pool);
    expect(b.gain).toBeLessThanOrEqual((b.before * 90n) / 10_000n + 2n);
    expect(b.gain).toBeGreaterThanOrEqual((b.before * 90n) / 10_000n - 2n);
  });

  it("too late in the lockup cycle (under a quarter of it left): ETOO_LATE_COMMISSION_CHANGE", () => {
    const { c, asOwner, view } = setup(0n);
    expect(view((x) => cm.minRemainingSecsForCommissionChange(x))).toBe((14n * DAY) / 4n);
    c.advanceSeconds(11n * DAY); // 3 days left of 14
    expect(asOwner((x) => cm.updateCommissionPercentage(x, owner, 100n)).vmStatus).toMatch(
      /ETOO_LATE_COMMISSION_CHANGE\(0x30015\)/,
    );
  });

  it("commission is paid to beneficiary_for_operator once the operator sets one", () => {
    const { c, pool, asOwner, view } = setup(1000n);
    expect(view((x) => cm.beneficiaryForOperator(x, owner))).toBe(owner);
    asOwner((x) => cm.setBeneficiaryForOperator(x, owner, payee));
    expect(view((x) => cm.beneficiaryForOperator(x, owner))).toBe(payee);
    c.advanceEpochs(1);
    const r = c.execute(alice, (rt) => rt.framework.synchronizeDelegationPool(pool));
    const ev = r.events.find((e) => e.type === "0x1::delegation_pool::DistributeCommission");
    expect(ev?.data.beneficiary).toBe(payee);
    expect(ev?.data.operator).toBe(owner);
    // 10 % of two epochs' 1 % (~10,000 + ~10,110 APT): the epoch before the change was not synchronized yet,
    // and "any existing unpaid commission rewards will be paid to the new beneficiary" (the function's doc)
    const got = c.view((rt) => rt.framework.getStake(pool, payee)).active;
    expect(got).toBeGreaterThan(2010n * APT);
    expect(got).toBeLessThan(2012n * APT);
    // the operator keeps only its delegator share (2 × 0.9 % on 1,000,000 APT), no commission
    expect(c.view((rt) => rt.framework.getStake(pool, owner)).active).toBeLessThan(1_018_100n * APT);
    expect(ev?.data.commission_active).toBeGreaterThanOrEqual(got - 1n);
  });
});
