import { describe, expect, it } from "vitest";
import { exchangeRateAt, streamingAt, vaultAssetsAt } from "../vault/math.ts";
import {
  aprFromSamples,
  aprFromState,
  aprFromStream,
  MAX_PLAUSIBLE_APR_PPM,
  protocolApr,
  SECONDS_PER_YEAR,
} from "./apr.ts";
import type { ProtocolState } from "./state.ts";

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
  it("aprFromState gives the same figure from a protocol state (stream, rate and time of one read)", () => {
    const vault = {
      totalKapt: 999_900_000_000n,
      totalShares: 1_000_000_000_000n,
      deadShares: 100_000_000n,
      streamAmount: 1_000_000_000n,
      streamReleased: 200_000_000n,
      streamStart: 1_000n,
      streamEnd: 8_200n,
    };
    for (const now of [1_000n, 3_000n, 8_199n, 8_200n, 9_000n]) {
      // The fields protocol_state fills from the vault at `now`; the rest do not enter the APR.
      const state = {
        rate: exchangeRateAt(vault, now),
        vaultKapt: vaultAssetsAt(vault, now),
        streamingKapt: streamingAt(vault, now),
        stream: { amount: vault.streamAmount, start: vault.streamStart, end: vault.streamEnd },
        nowSecs: now,
      } as ProtocolState;
      expect(aprFromState(state)).toEqual(aprFromStream(vault, now));
    }
    expect(
      aprFromState({
        ...({} as ProtocolState),
        rate: { numerator: 1n, denominator: 1n },
        stream: { amount: 0n, start: 0n, end: 0n },
        nowSecs: 0n,
      }).aprPpm,
    ).toBe(0n);
  });
});

describe("protocolApr (the figure people see)", () => {
  // Only the fields protocolApr reads; a real state has them all.
  const state = (stream: { amount: bigint; start: bigint; end: bigint }, nowSecs: bigint) =>
    ({
      stream,
      nowSecs,
      rate: { numerator: 1_000_000_000_000n, denominator: 1_000_000_000_000n },
    }) as ProtocolState;
  it("a fresh protocol: not available, no rewards yet", () => {
    expect(protocolApr(state({ amount: 0n, start: 0n, end: 0n }, 100n))).toEqual({
      available: false,
      reason: "no_rewards_yet",
      rawAprPpm: 0n,
    });
  });
  it("a stream that ended: not available until the next sync", () => {
    const r = protocolApr(state({ amount: 1_000n, start: 0n, end: 7_200n }, 7_200n));
    expect(r).toMatchObject({ available: false, reason: "stream_ended" });
  });
  it("a plausible live stream: its APR and window", () => {
    // 7 % a year of 10,000 APT over a 2 h window
    const amount = (1_000_000_000_000n * 70_000n * 7_200n) / (SECONDS_PER_YEAR * 1_000_000n);
    const r = protocolApr(state({ amount, start: 0n, end: 7_200n }, 3_600n));
    expect(r.available).toBe(true);
    if (r.available) {
      expect(r.aprPpm).toBeGreaterThan(69_000n);
      expect(r.aprPpm).toBeLessThanOrEqual(70_000n);
      expect(r.windowSecs).toBe(7_200n);
    }
  });
  it("14 days of rewards streamed over 2 h (a late sync): withheld as catch_up, never shown", () => {
    const amount = (1_000_000_000_000n * 70_000n * 14n * 86_400n) / (SECONDS_PER_YEAR * 1_000_000n);
    const r = protocolApr(state({ amount, start: 0n, end: 7_200n }, 60n));
    expect(r).toMatchObject({ available: false, reason: "catch_up" });
    if (!r.available) expect(r.rawAprPpm).toBeGreaterThan(MAX_PLAUSIBLE_APR_PPM);
  });
  it("its inlined stream formula agrees with aprFromState", () => {
    const s = state({ amount: 12_345_678n, start: 0n, end: 7_200n }, 100n); // about 5.4 %
    const r = protocolApr(s);
    expect(r.available && r.aprPpm).toBe(aprFromState(s).aprPpm);
  });
});
