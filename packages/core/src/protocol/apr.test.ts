import { describe, expect, it } from "vitest";
import {
  aprFromSamples,
  aprFromState,
  type OnChainApr,
  parseApr,
  protocolApr,
  SECONDS_PER_YEAR,
} from "./apr.ts";

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

const onchain = (over: Partial<OnChainApr> = {}): OnChainApr => ({
  enoughHistory: true,
  aprPpm: 59_000n,
  grossAprPpm: 65_555n,
  stkaptAprPpm: 61_000n,
  windowStart: 1_000n,
  windowSecs: 7n * 86_400n,
  windowRewards: 123n,
  principalSecs: 456n,
  ...over,
});

describe("aprFromState (the chain's trailing-window APR)", () => {
  const rate = { numerator: 1n, denominator: 1n };
  it("reads the on-chain figure, method onchain", () => {
    const r = aprFromState({ apr: onchain(), rate, nowSecs: 5n });
    expect(r).toMatchObject({ aprPpm: 59_000n, aprPercent: "5.9000", method: "onchain" });
  });
  it("0 while the chain has not enough history", () => {
    expect(
      aprFromState({ apr: onchain({ enoughHistory: false, aprPpm: 0n }), rate, nowSecs: 5n }).aprPpm,
    ).toBe(0n);
  });
  it("parseApr reads gateway::AprInfo's JSON (u64/u128 as strings)", () => {
    expect(
      parseApr({
        enough_history: true,
        apr_ppm: "59000",
        gross_apr_ppm: "65555",
        stkapt_apr_ppm: "61000",
        window_start: "1000",
        window_secs: "604800",
        window_rewards: "123",
        principal_secs: "456",
      }),
    ).toEqual(onchain());
  });
});

describe("protocolApr (the figure people see)", () => {
  it("a fresh chain: not available, not enough history", () => {
    expect(protocolApr({ apr: onchain({ enoughHistory: false, aprPpm: 0n }) })).toEqual({
      available: false,
      reason: "not_enough_history",
      rawAprPpm: 0n,
    });
  });
  it("a state without its apr field: not available (never a stream-annualised figure)", () => {
    expect(protocolApr({})).toMatchObject({ available: false, reason: "not_enough_history" });
  });
  it("enough history: the on-chain figure and its window", () => {
    const r = protocolApr({ apr: onchain() });
    expect(r).toEqual({
      available: true,
      aprPpm: 59_000n,
      aprPercent: "5.9000",
      stkaptAprPpm: 61_000n,
      method: "window",
      windowSecs: 604_800n,
    });
  });
});
