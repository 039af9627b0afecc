import { describe, expect, it } from "vitest";
import type { Quote } from "./backend.ts";
import { bestInstant, compareExits } from "./compare.ts";

const base = {
  tokenIn: "stkAPT" as const,
  amountIn: 100_000_000_000n,
  tokenOut: "APT" as const,
  fee: 0n,
  payload: { function: "0x1::m::f", typeArguments: [], functionArguments: [] },
};
const standard: Quote = {
  ...base,
  request: { action: "request_withdrawal", amount: 100_000_000_000n, from: "stkAPT" },
  amountOut: 102_000_000_000n, // 1020 APT at unlock
  minOut: 102_000_000_000n,
  unlockAt: 1_000 + 14 * 86_400,
};
const instant = (amountOut: bigint, discountBps: number, venue = "dex"): Quote => ({
  ...base,
  request: { action: "instant_exit", amount: 100_000_000_000n, from: "stkAPT" },
  amountOut,
  minOut: amountOut,
  route: { venue, priceImpactBps: 10, discountBps, fairValueApt: 102_000_000_000n },
});

describe("compareExits", () => {
  it("gives the APT difference, its share of the standard amount, and the annualised cost", () => {
    const c = compareExits(standard, instant(101_000_000_000n, 98), 300, 1_000);
    expect(c.differenceApt).toBe(1_000_000_000n); // 10 APT more by waiting
    expect(c.differenceBps).toBe(98); // 10 / 1020 = 0.98 %
    expect(c.annualisedBps).toBe(2556); // 10/1020 over 14 days ≈ 25.56 % a year
    expect(c.instantBlocked).toBe(false);
  });
  it("blocks an instant route above max-discount-bps", () => {
    expect(compareExits(standard, instant(90_000_000_000n, 1176), 300, 1_000).instantBlocked).toBe(true);
  });
  it("reports a negative difference when the DEX pays more", () => {
    const c = compareExits(standard, instant(103_000_000_000n, 0), 300, 1_000);
    expect(c.differenceApt).toBe(-1_000_000_000n);
    expect(c.annualisedBps).toBeNull();
  });
  it("has no annualised cost without a wait", () => {
    expect(
      compareExits(standard, instant(101_000_000_000n, 98), 300, standard.unlockAt ?? 0).annualisedBps,
    ).toBeNull();
  });
});

describe("bestInstant", () => {
  it("picks the highest output among allowed routes, else the first", () => {
    const a = instant(100n, 100, "a");
    const b = instant(120n, 50, "b");
    const c = instant(130n, 900, "c");
    expect(bestInstant([a, b, c], 300)).toBe(b);
    expect(bestInstant([c], 300)).toBe(c);
    expect(bestInstant([], 300)).toBeUndefined();
  });
});
