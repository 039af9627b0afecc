import { describe, expect, it } from "vitest";
import { APT, EPOCH, Kit } from "../kofi-testkit.ts";

/** a/b >= c/d for positive fractions */
const geq = ([a, b]: [bigint, bigint], [c, d]: [bigint, bigint]) => a * d >= c * b;

function stakedUser(k: Kit, n: number, kaptAmount: bigint) {
  const u = k.user(n);
  k.call(u, "gateway", "deposit", [kaptAmount + kaptAmount / 100n, 0n]);
  return u;
}

describe("kofi (interpreted move/sources): vault", () => {
  it("stake and unstake round down both ways at the quoted fraction (virtual offset included)", () => {
    const k = new Kit();
    const u = stakedUser(k, 1, 1_000n * APT);
    k.chain.advanceEpochs(3);
    k.call(u, "rewards", "sync_rewards", []);
    k.chain.advanceSeconds(EPOCH / 3n);
    const v = k.vault();
    const [num, den] = k.rate();
    // virtual offset: the fraction is (assets + 1e8, shares + 1e8)
    expect(den).toBe(v.total_shares + 100_000_000n);
    const x = 123_456_789_01n;
    const shares = (x * den) / num;
    expect(k.view("quote_stake", [x])).toEqual([shares]);
    k.call(u, "gateway", "stake", [x, shares]);
    expect(k.stkapt(u)).toBe(shares);
    const [num2, den2] = k.rate();
    const back = (shares * num2) / den2;
    expect(k.view("quote_unstake", [shares])).toEqual([back]);
    const kaptBefore = k.kapt(u);
    const r = k.call(u, "gateway", "unstake", [shares, back]);
    expect(k.kapt(u) - kaptBefore).toBe(back);
    expect(back).toBeLessThanOrEqual(x); // never more than went in within the same second
    expect(k.events(r, "vault::Unstaked")[0]).toMatchObject({
      user: u,
      stkapt_burned: shares,
      kapt_amount: back,
    });
  });

  it("tiny amounts: E_ZERO_SHARES on stake and unstake; E_ZERO_AMOUNT; slippage", () => {
    const k = new Kit();
    const u = stakedUser(k, 1, 100n * APT);
    k.call(u, "gateway", "stake", [50n * APT, 0n]);
    // push the rate above 1 so 1 octa buys no share
    k.chain.advanceEpochs(5);
    k.call(u, "rewards", "sync_rewards", []);
    k.chain.advanceEpochs(1);
    const [num, den] = k.rate();
    expect(num > den).toBe(true);
    k.fails(u, "gateway", "stake", [1n, 0n], "vault", "E_ZERO_SHARES");
    k.viewFails("quote_stake", [1n], "E_ZERO_SHARES");
    k.fails(u, "gateway", "stake", [0n, 0n], "gateway", "E_ZERO_AMOUNT");
    k.fails(u, "gateway", "unstake", [0n, 0n], "gateway", "E_ZERO_AMOUNT");
    k.fails(u, "gateway", "stake", [APT, 10n * APT], "gateway", "E_SLIPPAGE");
    k.fails(u, "gateway", "unstake", [APT, 10n * APT], "gateway", "E_SLIPPAGE");
    k.fails(u, "gateway", "unstake", [k.stkapt(u) + 1n, 0n], "0x1::fungible_asset", "EINSUFFICIENT_BALANCE");
  });

  it("the exchange rate never falls across epochs, stakes, unstakes and withdrawals, and rises overall", () => {
    const k = new Kit();
    const a = stakedUser(k, 1, 5_000n * APT);
    const b = stakedUser(k, 2, 2_000n * APT);
    k.call(a, "gateway", "stake", [4_000n * APT, 0n]);
    let last = k.rate();
    const first = last;
    for (let i = 0; i < 24; i++) {
      k.chain.advanceSeconds(EPOCH / 3n);
      if (i % 4 === 0) k.call(b, "gateway", "stake", [100n * APT, 0n]);
      if (i % 4 === 1) k.call(a, "gateway", "unstake", [50n * APT, 0n]);
      if (i % 4 === 2) k.call(b, "gateway", "request_withdrawal", [20n * APT]);
      if (i % 4 === 3) k.call(a, "rewards", "sync_rewards", []);
      const now = k.rate();
      expect(geq(now, last), `rate fell at step ${i}`).toBe(true);
      last = now;
    }
    expect(last[0] * first[1] > first[0] * last[1]).toBe(true);
  });

  it("streams rewards over one epoch: staking just before an epoch boundary and unstaking after gains nothing measurable", () => {
    const k = new Kit();
    const a = stakedUser(k, 1, 10_000n * APT);
    k.call(a, "gateway", "stake", [10_000n * APT, 0n]);
    k.chain.advanceEpochs(3);
    k.call(a, "rewards", "sync_rewards", []);
    k.chain.advanceEpochs(1); // exactly on a boundary: previous stream fully released
    k.chain.advanceSeconds(EPOCH - 1n); // one second before the next boundary
    const sniper = stakedUser(k, 2, 10_000n * APT);
    const x = 10_000n * APT;
    k.call(sniper, "gateway", "stake", [x, 0n]);
    const shares = k.stkapt(sniper);
    const streamAtStake = k.vault();
    k.chain.advanceSeconds(2n); // the epoch ends: the pools grow
    const r = k.call(sniper, "gateway", "unstake", [shares, 0n]);
    const out = k.events(r, "vault::Unstaked")[0]?.kapt_amount as bigint;
    const synced = k.events(r, "rewards::RewardsSynced")[0];
    expect(synced).toBeDefined();
    const boundaryRewards = synced?.to_vault as bigint;
    expect(boundaryRewards).toBeGreaterThan(0n);
    // what an instant rate jump would have paid the sniper: about half of the boundary rewards
    const naive = (boundaryRewards * shares) / (streamAtStake.total_shares + 100_000_000n);
    const gain = out > x ? out - x : 0n;
    // what linear streaming legitimately releases in 2 seconds of the stream open at the stake
    const linear = (streamAtStake.stream_amount * 2n) / EPOCH + 2n;
    expect(gain).toBeLessThanOrEqual(linear);
    expect(gain * 1000n).toBeLessThan(naive);
  });

  it("donations of kAPT to the vault store and of APT to the protocol account move neither rate nor supply", () => {
    const k = new Kit();
    const a = stakedUser(k, 1, 1_000n * APT);
    k.call(a, "gateway", "stake", [500n * APT, 0n]);
    const pa = k.protocolAddress();
    const donor = stakedUser(k, 2, 400n * APT);
    const rate = k.rate();
    const supply = k.read((rt) => rt.framework.faSupply(k.kaptMeta));
    const d1 = k.chain.execute(donor, (rt, s) => rt.framework.faTransfer(s, k.kaptMeta, pa, 300n * APT), {
      chargeGas: false,
    });
    expect(d1.success).toBe(true);
    const d2 = k.chain.execute(donor, (rt, s) => rt.framework.aptTransfer(s, pa, 1_000n * APT), {
      chargeGas: false,
    });
    expect(d2.success).toBe(true);
    const r = k.call(donor, "rewards", "sync_rewards", []);
    expect(k.events(r, "rewards::RewardsSynced")).toEqual([]);
    expect(k.rate()).toEqual(rate);
    expect(k.read((rt) => rt.framework.faSupply(k.kaptMeta))).toBe(supply);
    expect((k.view("protocol_state")[0] as { idle_apt: bigint }).idle_apt).toBe(0n);
  });

  it("first-depositor inflation: a 1-octa stake plus a huge donation cannot steal from the next staker", () => {
    const k = new Kit();
    const attacker = stakedUser(k, 1, 2_000n * APT);
    k.call(attacker, "gateway", "stake", [1n, 0n]);
    expect(k.stkapt(attacker)).toBe(1n);
    const pa = k.protocolAddress();
    k.chain.execute(attacker, (rt, s) => rt.framework.faTransfer(s, k.kaptMeta, pa, 1_000n * APT), {
      chargeGas: false,
    });
    const victim = stakedUser(k, 2, 100n * APT);
    const x = 100n * APT;
    const [q] = k.view("quote_stake", [x]) as [bigint];
    k.call(victim, "gateway", "stake", [x, q]);
    expect(k.stkapt(victim)).toBe(q);
    k.call(victim, "gateway", "unstake", [q, 0n]);
    expect(k.kapt(victim)).toBeGreaterThanOrEqual(x - 2n);
    // the attacker's share is still worth about 1 octa
    expect(k.view("quote_unstake", [1n])).toEqual([1n]);
  });

  it("fee: capped at MAX_FEE_BPS and minted as kAPT to the treasury; the rest streams into the vault", () => {
    const k = new Kit();
    const treasury = k.user(99, 0n);
    k.fails(k.admin, "config", "set_fee_bps", [2001n], "config", "E_FEE_TOO_HIGH");
    const f = k.call(k.admin, "config", "set_fee_bps", [2000n]);
    expect(k.events(f, "config::FeeChanged")[0]).toEqual({ old_fee_bps: 1000n, new_fee_bps: 2000n });
    k.call(k.admin, "config", "set_treasury", [treasury]);
    const a = stakedUser(k, 1, 1_000n * APT);
    k.call(a, "gateway", "stake", [1_000n * APT, 0n]);
    k.chain.advanceEpochs(2);
    const r = k.call(a, "rewards", "sync_rewards", []);
    const ev = k.events(r, "rewards::RewardsSynced")[0] as Record<string, bigint>;
    expect(ev.rewards).toBeGreaterThan(0n);
    expect(ev.fee).toBe(((ev.rewards as bigint) * 2000n) / 10_000n);
    expect(ev.to_treasury).toBe(ev.fee);
    expect(ev.to_vault).toBe((ev.rewards as bigint) - (ev.fee as bigint));
    expect(k.kapt(treasury)).toBe(ev.fee);
    expect(ev.stream_end).toBe(k.chain.nowSecs() + EPOCH);
  });

  it("rewards go to the treasury while no user holds stkAPT; the rate does not move", () => {
    const k = new Kit();
    const a = stakedUser(k, 1, 1_000n * APT);
    const rate = k.rate();
    k.chain.advanceEpochs(2);
    const r = k.call(a, "rewards", "sync_rewards", []);
    const ev = k.events(r, "rewards::RewardsSynced")[0] as Record<string, bigint>;
    expect(ev.rewards).toBeGreaterThan(0n);
    expect(ev.to_vault).toBe(0n);
    expect(ev.to_treasury).toBe(ev.rewards);
    expect(k.kapt(k.admin)).toBe(ev.rewards); // treasury defaults to @kofi
    k.chain.advanceEpochs(1);
    expect(k.rate()).toEqual(rate);
  });
});
