import { describe, expect, it } from "vitest";
import { aprFromSamples, aprFromStream, SECONDS_PER_YEAR } from "./apr.ts";

describe("aprFromSamples", () => {
  it("annualises the rate growth exactly (ppm, floor)", () => {
    const from = { rate: { numerator: 100n, denominator: 100n }, timeSecs: 0n };
    // +1 % over a tenth of a year = 10 % APR
    const to = { rate: { numerator: 101n, denominator: 100n }, timeSecs: SECONDS_PER_YEAR / 10n };
    const apr = aprFromSamples(from, to);
    expect(apr.aprPpm).toBe(100_000n);
    expect(apr.aprPercent).toBe("10.0000");
  });
  it("works with different denominators and gives 0 for no time", () => {
    const from = { rate: { numerator: 200_000_000n, denominator: 200_000_000n }, timeSecs: 10n };
    const to = {
      rate: { numerator: 303_000_000n, denominator: 300_000_000n },
      timeSecs: 10n + SECONDS_PER_YEAR,
    };
    expect(aprFromSamples(from, to).aprPpm).toBe(10_000n);
    expect(aprFromSamples(from, { ...to, timeSecs: 10n }).aprPpm).toBe(0n);
  });
});

describe("aprFromStream", () => {
  it("annualises the live stream over the rate numerator", () => {
    const vault = {
      totalKapt: 999_900_000_000n,
      totalShares: 1_000_000_000_000n,
      deadShares: 100_000_000n,
      streamAmount: 1_000_000_000n,
      streamReleased: 0n,
      streamStart: 0n,
      streamEnd: 7_200n,
    };
    // assets at t=0: 999_900_000_000 + 0 released; numerator = 1e12
    const apr = aprFromStream(vault, 0n);
    expect(apr.aprPpm).toBe((1_000_000_000n * SECONDS_PER_YEAR * 1_000_000n) / (7_200n * 1_000_000_000_000n));
    expect(apr.method).toBe("stream");
    expect(aprFromStream(vault, 7_200n).aprPpm).toBe(0n);
  });
});
