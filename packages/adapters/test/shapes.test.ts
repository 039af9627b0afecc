import { describe, expect, it } from "vitest";
import { fixedPoint64Raw, fixedPoint64ToBps } from "../src/venues/echelon.ts";
import { hyperionFeeRatePpm } from "../src/venues/hyperion.ts";

/** The shapes the adapters accept where the venues' published material leaves the truth open (issue 15). */
describe("Echelon FixedPoint64: every accepted shape reads the same raw value", () => {
  const raw = (3n << 64n) / 200n; // 1.5 % as FixedPoint64
  for (const [shape, x] of [
    ["{ v } (Echelon's own fixed_point64, as its SDK reads it)", { v: raw.toString() }],
    ["{ value } (aptos_std::fixed_point64)", { value: raw.toString() }],
    ["a bare decimal string", raw.toString()],
    ["a bigint", raw],
  ] as const) {
    it(shape, () => {
      expect(fixedPoint64Raw(x)).toBe(raw);
      expect(fixedPoint64ToBps(fixedPoint64Raw(x))).toBe(150n);
    });
  }
  it("{ v } wins over { value } when a node sends both", () => {
    expect(fixedPoint64Raw({ v: "7", value: "9" })).toBe(7n);
  });
  for (const [what, x] of [
    ["an object with neither field", { inner: "1" }],
    ["a JS number (would lose precision)", 1.5],
    ["null", null],
  ] as const) {
    it(`rejects ${what}`, () => {
      expect(() => fixedPoint64Raw(x)).toThrow(/not a FixedPoint64/);
    });
  }
});

describe("Hyperion get_fee_rate unit, checked against the fee get_amount_out charges", () => {
  const amountIn = 1_000_000_000n;
  it("millionths when the charged fee is amountIn * rate / 1e6 (pool_v3's FEE_RATE_DENOMINATOR)", () => {
    expect(hyperionFeeRatePpm(100n, amountIn, 100_000n)).toEqual({ ppm: 100n, unit: "ppm" });
    // the pool rounds its fee up: one octa over still reads as millionths
    expect(hyperionFeeRatePpm(100n, amountIn, 100_001n)).toEqual({ ppm: 100n, unit: "ppm" });
  });
  it("bps when the charged fee is amountIn * rate / 1e4: converted to millionths (x100)", () => {
    expect(hyperionFeeRatePpm(1n, amountIn, 100_000n)).toEqual({ ppm: 100n, unit: "bps" });
    expect(hyperionFeeRatePpm(30n, amountIn, 3_000_001n)).toEqual({ ppm: 3_000n, unit: "bps" });
  });
  it("measured from the charged fee when neither unit explains it", () => {
    // rate 30 would charge 30_000 (ppm) or 3_000_000 (bps); the pool charged 2_500_000 = 2_500 ppm
    expect(hyperionFeeRatePpm(30n, amountIn, 2_500_000n)).toEqual({ ppm: 2_500n, unit: "measured" });
    // a zero rate with a fee charged is not taken at its word either
    expect(hyperionFeeRatePpm(0n, amountIn, 1_000n)).toEqual({ ppm: 1n, unit: "measured" });
  });
  it("a zero input has nothing to measure: the rate is taken as millionths", () => {
    expect(hyperionFeeRatePpm(2_500n, 0n, 0n)).toEqual({ ppm: 2_500n, unit: "ppm" });
  });
});
