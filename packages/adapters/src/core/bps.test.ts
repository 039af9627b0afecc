import { describe, expect, it } from "vitest";
import { checkQuote } from "../router/guard.ts";
import { withTimeout } from "../router/timeout.ts";
import { annualiseBps, formatUnits, minOutWithSlippage, parseDecimal, shortfallBps, toBps } from "./bps.ts";

describe("bps math (bigint only)", () => {
  it("min-out floors", () => {
    expect(minOutWithSlippage(1_000_000n, 50n)).toBe(995_000n);
    expect(minOutWithSlippage(999n, 50n)).toBe(994n);
    expect(minOutWithSlippage(5n, 0n)).toBe(5n);
    expect(() => minOutWithSlippage(5n, 10_001n)).toThrow();
  });
  it("shortfall and premium", () => {
    expect(shortfallBps(995n, 1_000n)).toBe(50n);
    expect(shortfallBps(1_010n, 1_000n)).toBe(-100n);
    expect(shortfallBps(1n, 0n)).toBe(0n);
  });
  it("annualises a cost over the time saved", () => {
    // 50 bps to save 14 days ~ 1303 bps a year
    expect(annualiseBps(50n, 14n * 86_400n)).toBe(1303n);
    expect(annualiseBps(50n, 0n)).toBe(0n);
  });
  it("decimal strings both ways, exactly", () => {
    expect(parseDecimal("10.00000001", 8)).toBe(1_000_000_001n);
    expect(parseDecimal("0.5", 2)).toBe(50n);
    expect(parseDecimal(0.12, 2)).toBe(12n);
    expect(parseDecimal("1.239", 2)).toBe(123n);
    expect(formatUnits(1_000_000_001n, 8)).toBe("10.00000001");
    expect(formatUnits(100n, 2)).toBe("1");
    expect(() => parseDecimal("1e5", 2)).toThrow();
  });
  it("validates slippage", () => {
    expect(toBps(50)).toBe(50n);
    expect(() => toBps(0.5)).toThrow();
    expect(() => toBps(-1n)).toThrow();
  });
});

describe("quote guard", () => {
  it("ok / warn / block on discount and impact", () => {
    expect(checkQuote({ discountToFairBps: 10n, priceImpactBps: 5n }).level).toBe("ok");
    expect(checkQuote({ discountToFairBps: 150n, priceImpactBps: 5n }).level).toBe("warn");
    expect(checkQuote({ discountToFairBps: 10n, priceImpactBps: 400n }).level).toBe("block");
    const g = { warnDiscountBps: 1n, blockDiscountBps: 2n };
    expect(checkQuote({ discountToFairBps: 2n, priceImpactBps: 0n }, g).reasons[0]).toMatch(
      /block threshold/,
    );
    expect(checkQuote({ discountToFairBps: undefined, priceImpactBps: 0n }).level).toBe("ok");
  });
});

describe("withTimeout", () => {
  it("rejects after the deadline and aborts the signal; passes values through", async () => {
    let aborted = false;
    await expect(
      withTimeout("x", 20, (signal) => {
        signal.addEventListener("abort", () => {
          aborted = true;
        });
        return new Promise(() => {});
      }),
    ).rejects.toThrow(/no answer within 20 ms/);
    expect(aborted).toBe(true);
    expect(await withTimeout("y", 1_000, async () => 7)).toBe(7);
  });
});
