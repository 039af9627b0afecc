import { describe, expect, it } from "vitest";
import {
  applyStake,
  applyUnstake,
  compareRates,
  exchangeRateAt,
  formatRate,
  kaptToShares,
  releasedAt,
  sharesToKapt,
  streamingAt,
  type VaultState,
} from "./math.ts";

const seeded: VaultState = {
  totalKapt: 100_000_000n,
  totalShares: 100_000_000n,
  deadShares: 100_000_000n,
  streamAmount: 0n,
  streamReleased: 0n,
  streamStart: 0n,
  streamEnd: 0n,
};

describe("vault math (mirrors vault.move)", () => {
  it("virtual offsets: 1:1 on a fresh seed, floor on both sides", () => {
    const rate = exchangeRateAt(seeded, 0n);
    expect(rate).toEqual({ numerator: 200_000_000n, denominator: 200_000_000n });
    expect(kaptToShares(123n, rate)).toBe(123n);
    const richer = { numerator: 300_000_001n, denominator: 200_000_000n };
    expect(kaptToShares(10n, richer)).toBe(6n); // floor(10*2e8/300000001) = 6.66 -> 6
    expect(sharesToKapt(10n, richer)).toBe(15n); // floor(10*300000001/2e8) = 15.00000005 -> 15
  });
  it("streams linearly with floor, releases everything at or after the end", () => {
    const v: VaultState = { ...seeded, streamAmount: 1000n, streamStart: 100n, streamEnd: 103n };
    expect(releasedAt(v, 99n)).toBe(0n);
    expect(releasedAt(v, 100n)).toBe(0n);
    expect(releasedAt(v, 101n)).toBe(333n);
    expect(releasedAt(v, 102n)).toBe(666n);
    expect(releasedAt(v, 103n)).toBe(1000n);
    expect(releasedAt({ ...v, streamReleased: 333n }, 102n)).toBe(333n);
    expect(streamingAt(v, 101n)).toBe(667n);
    expect(releasedAt({ ...v, streamEnd: 100n }, 100n)).toBe(1000n); // zero duration releases at once
  });
  it("the rate never falls through stake/unstake round trips", () => {
    let v: VaultState = { ...seeded, streamAmount: 5_000_000n, streamStart: 0n, streamEnd: 600n };
    let prev = exchangeRateAt(v, 0n);
    for (let t = 0n; t < 700n; t += 70n) {
      const s = applyStake(v, 12_345_678n + t, t);
      v = s.state;
      const u = applyUnstake(v, s.shares / 2n, t);
      v = u.state;
      const rate = exchangeRateAt(v, t);
      expect(compareRates(rate, prev)).toBeGreaterThanOrEqual(0);
      prev = rate;
    }
    expect(formatRate(prev, 4)).toMatch(/^1\.0\d{3}$/);
  });
});
