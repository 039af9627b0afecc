import { describe, expect, it } from "vitest";
import { aprFromSamples, SECONDS_PER_YEAR } from "./apr.ts";

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
