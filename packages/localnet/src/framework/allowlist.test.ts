import { describe, expect, it } from "vitest";
import { Chain } from "../chain.ts";
import { normalizeAddress } from "../runtime/address.ts";
import type { Address, Runtime } from "../runtime/port.ts";
import * as al from "./allowlist.ts";
import * as dp from "./delegation.ts";
import type { FrameworkImpl } from "./index.ts";

// Tests written from aptos-framework release v1.39, delegation_pool.move: enable_delegators_allowlisting,
// allowlist_delegator, remove_delegator_from_allowlist, disable_delegators_allowlisting, evict_delegator,
// assert_delegator_allowlisted (add_stake, reactivate_stake).
const APT = 100_000_000n;
const alice = normalizeAddress("0xa11ce");
const bob = normalizeAddress("0xb0b");
const owner = normalizeAddress("0x0123");
const ctxOf = (rt: Runtime) => (rt.framework as FrameworkImpl).ctx;

function setup() {
  const c = new Chain({
    genesisTimeSecs: 1_700_000_000n,
    epochIntervalSecs: 3600n,
    rewardRate: { bpsPerEpoch: 100n },
  });
  const pool = c.createValidator(owner, 0n, 1_000_000n * APT);
  c.mint(alice, 10_000n * APT);
  c.mint(bob, 10_000n * APT);
  c.mint(owner, 10n * APT); // gas
  const asOwner = (f: (ctx: ReturnType<typeof ctxOf>) => void) => c.execute(owner, (rt) => f(ctxOf(rt)));
  const add = (who: Address, amount: bigint) =>
    c.execute(who, (rt, s) => rt.framework.addStake(s, pool, amount));
  const view = <R>(f: (ctx: ReturnType<typeof ctxOf>) => R) => c.view((rt) => f(ctxOf(rt)));
  return { c, pool, asOwner, add, view };
}

describe("delegator allowlisting (delegation_pool.move v1.39)", () => {
  it("off by default: everyone is allowlisted; get_delegators_allowlist aborts EDELEGATORS_ALLOWLISTING_NOT_ENABLED", () => {
    const { pool, view } = setup();
    expect(view((x) => al.allowlistingEnabled(x, pool))).toBe(false);
    expect(view((x) => al.delegatorAllowlisted(x, pool, alice))).toBe(true);
    expect(() => view((x) => al.getDelegatorsAllowlist(x, pool))).toThrow(
      /EDELEGATORS_ALLOWLISTING_NOT_ENABLED\(0x30018\)/,
    );
  });

  it("enable: add_stake of a delegator not on the list aborts EDELEGATOR_NOT_ALLOWLISTED (0x50019); allowlisted one succeeds", () => {
    const { pool, asOwner, add, view } = setup();
    expect(asOwner((x) => al.enableDelegatorsAllowlisting(x, owner)).success).toBe(true);
    expect(view((x) => al.getDelegatorsAllowlist(x, pool))).toEqual([]);
    const r = add(alice, 100n * APT);
    expect(r.success).toBe(false);
    expect(r.vmStatus).toBe(
      "Move abort in 0x1::delegation_pool: EDELEGATOR_NOT_ALLOWLISTED(0x50019): Cannot add/reactivate stake unless being allowlisted by the pool owner.",
    );
    asOwner((x) => al.allowlistDelegator(x, owner, alice));
    expect(view((x) => al.getDelegatorsAllowlist(x, pool))).toEqual([alice]);
    expect(add(alice, 100n * APT).success).toBe(true);
    expect(add(bob, 100n * APT).success).toBe(false);
  });

  it("only the pool owner: another account aborts EOWNER_CAP_NOT_FOUND (0x60001)", () => {
    const { c } = setup();
    const r = c.execute(alice, (rt) => al.enableDelegatorsAllowlisting(ctxOf(rt), alice));
    expect(r.vmStatus).toMatch(/EOWNER_CAP_NOT_FOUND\(0x60001\)/);
  });

  it("remove keeps the stake; disable drops the list and reopens add_stake; allowlist ops need it enabled", () => {
    const { c, pool, asOwner, add, view } = setup();
    add(alice, 100n * APT);
    asOwner((x) => al.enableDelegatorsAllowlisting(x, owner));
    asOwner((x) => al.allowlistDelegator(x, owner, alice));
    asOwner((x) => al.removeDelegatorFromAllowlist(x, owner, alice));
    expect(view((x) => al.delegatorAllowlisted(x, pool, alice))).toBe(false);
    const active = c.view((rt) => rt.framework.getStake(pool, alice)).active;
    expect(active).toBeGreaterThan(99n * APT);
    expect(asOwner((x) => al.disableDelegatorsAllowlisting(x, owner)).success).toBe(true);
    expect(add(bob, 100n * APT).success).toBe(true);
    const r = asOwner((x) => al.allowlistDelegator(x, owner, alice));
    expect(r.vmStatus).toMatch(/EDELEGATORS_ALLOWLISTING_NOT_ENABLED\(0x30018\)/);
  });

  it("reactivate_stake is refused to a delegator that is not allowlisted", () => {
    const { c, pool, asOwner, add } = setup();
    add(alice, 100n * APT);
    c.advanceEpochs(1);
    expect(c.execute(alice, (rt, s) => rt.framework.unlock(s, pool, 20n * APT)).success).toBe(true);
    asOwner((x) => al.enableDelegatorsAllowlisting(x, owner));
    const r = c.execute(alice, (rt) => dp.reactivateStake(ctxOf(rt), alice, pool, 20n * APT));
    expect(r.vmStatus).toMatch(/EDELEGATOR_NOT_ALLOWLISTED\(0x50019\)/);
    asOwner((x) => al.allowlistDelegator(x, owner, alice));
    expect(c.execute(alice, (rt) => dp.reactivateStake(ctxOf(rt), alice, pool, 20n * APT)).success).toBe(
      true,
    );
  });

  it("evict_delegator unlocks the whole active stake to pending_inactive; allowlisted ones abort ECANNOT_EVICT_ALLOWLISTED_DELEGATOR", () => {
    const { c, pool, asOwner, add, view } = setup();
    add(alice, 500n * APT);
    c.advanceEpochs(2); // active and earning
    asOwner((x) => al.enableDelegatorsAllowlisting(x, owner));
    asOwner((x) => al.allowlistDelegator(x, owner, alice));
    expect(asOwner((x) => al.evictDelegator(x, owner, alice)).vmStatus).toMatch(
      /ECANNOT_EVICT_ALLOWLISTED_DELEGATOR\(0x3001a\)/,
    );
    asOwner((x) => al.removeDelegatorFromAllowlist(x, owner, alice));
    const before = c.view((rt) => rt.framework.getStake(pool, alice));
    const r = asOwner((x) => al.evictDelegator(x, owner, alice));
    expect(r.success).toBe(true);
    expect(r.events.map((e) => e.type)).toContain("0x1::delegation_pool::EvictDelegator");
    const after = c.view((rt) => rt.framework.getStake(pool, alice));
    expect(after.active).toBe(0n);
    expect(after.pendingInactive).toBeGreaterThanOrEqual(before.active - 1n);
    expect(after.pendingInactive).toBeLessThanOrEqual(before.active);
    expect(view((x) => al.delegatorAllowlisted(x, pool, alice))).toBe(false);
    // nothing left to evict: a no-op without the event
    expect(asOwner((x) => al.evictDelegator(x, owner, alice)).events.map((e) => e.type)).not.toContain(
      "0x1::delegation_pool::EvictDelegator",
    );
  });
});
