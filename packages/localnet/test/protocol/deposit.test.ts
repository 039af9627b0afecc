import { describe, expect, it } from "vitest";
import { APT, EPOCH, Kit } from "../kofi-testkit.ts";

describe("kofi (interpreted move/sources): deposit", () => {
  it("publishes, adds pools, seeds the vault", () => {
    const k = new Kit();
    const [num, den] = k.rate();
    expect(num).toBeGreaterThan(0n);
    expect(den).toBeGreaterThan(0n);
    const v = k.vault();
    expect(v.dead_shares).toBeGreaterThan(0n);
    expect(v.total_shares).toBe(v.dead_shares);
  });

  it("mints kAPT equal to the measured active-stake increase; fee = add-stake fee; quote matches", () => {
    const k = new Kit();
    const u = k.user(1);
    const amount = 1_000n * APT;
    const [fee, kaptOut] = k.view("quote_deposit", [amount]) as [bigint, bigint];
    expect(fee).toBeGreaterThan(0n);
    expect(fee + kaptOut).toBe(amount);
    const pa = k.protocolAddress();
    const before = k.read((rt) => k.pools.map((p) => rt.framework.getStake(p, pa).active));
    const aptBefore = k.apt(u);
    const r = k.call(u, "gateway", "deposit", [amount, kaptOut]);
    const after = k.read((rt) => k.pools.map((p) => rt.framework.getStake(p, pa).active));
    const increase = after.reduce((a, b) => a + b, 0n) - before.reduce((a, b) => a + b, 0n);
    expect(k.kapt(u)).toBe(kaptOut);
    expect(increase).toBe(kaptOut);
    expect(k.apt(u)).toBe(aptBefore - amount);
    const [ev] = k.events(r, "gateway::Deposited");
    expect(ev).toMatchObject({ user: u, apt_amount: amount, fee, kapt_minted: kaptOut });
  });

  it("routes deposits to the most under-weight pool", () => {
    const k = new Kit();
    const u = k.user(1);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = k.call(u, "gateway", "deposit", [100n * APT, 0n]);
      seen.push(String(k.events(r, "gateway::Deposited")[0]?.pool));
    }
    // the first deposit goes to the pool furthest below its weight: equal seeds, so the largest weight
    expect(seen[0]).toBe(k.pools[0]);
    // all three pools receive deposits over time
    expect(new Set(seen).size).toBe(3);
  });

  it("deposit aborts: zero, below minimum, slippage, paused, insufficient APT; state unchanged", () => {
    const k = new Kit();
    const u = k.user(1, 50n * APT);
    k.fails(u, "gateway", "deposit", [0n, 0n], "gateway", "E_ZERO_AMOUNT");
    k.fails(u, "gateway", "deposit", [1_000n, 0n], "gateway", "E_BELOW_MIN_DEPOSIT");
    k.fails(u, "gateway", "deposit", [10n * APT, 10n * APT], "gateway", "E_SLIPPAGE");
    k.fails(u, "gateway", "deposit", [60n * APT, 0n], "0x1::coin", "EINSUFFICIENT_BALANCE");
    k.call(k.admin, "config", "set_paused", [0n, true]);
    k.fails(u, "gateway", "deposit", [10n * APT, 0n], "config", "E_PAUSED");
    k.viewFails("quote_deposit", [0n], "E_ZERO_AMOUNT");
    k.viewFails("quote_deposit", [1_000n], "E_BELOW_MIN_DEPOSIT");
  });

  it("deposit_and_stake: kAPT never leaves the protocol; stkAPT equals the quote", () => {
    const k = new Kit();
    const u = k.user(1);
    k.chain.advanceSeconds(EPOCH / 2n);
    const [fee, kaptOut, stkOut] = k.view("quote_deposit_and_stake", [500n * APT]) as [
      bigint,
      bigint,
      bigint,
    ];
    const r = k.call(u, "gateway", "deposit_and_stake", [500n * APT, stkOut]);
    expect(k.kapt(u)).toBe(0n);
    expect(k.stkapt(u)).toBe(stkOut);
    expect(k.events(r, "gateway::Deposited")[0]).toMatchObject({ fee, kapt_minted: kaptOut });
    expect(k.events(r, "vault::Staked")[0]).toMatchObject({
      user: u,
      kapt_amount: kaptOut,
      stkapt_minted: stkOut,
    });
    k.fails(u, "gateway", "deposit_and_stake", [500n * APT, stkOut * 2n], "gateway", "E_SLIPPAGE");
  });

  it("deposit_and_stake needs a seeded vault", () => {
    const k = new Kit({ bare: true });
    const u = k.user(1);
    k.fails(u, "gateway", "deposit_and_stake", [10n * APT, 0n], "vault", "E_NOT_SEEDED");
  });
});
