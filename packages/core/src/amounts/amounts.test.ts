import { describe, expect, it } from "vitest";
import { KofiError } from "../errors/KofiError.ts";
import { formatAmount } from "./format.ts";
import { assertU64, formatRaw, parseAmount, parseKapt, U64_MAX } from "./parse.ts";
import { minOutFromQuote } from "./slippage.ts";

function rejects(input: string, why: RegExp) {
  let caught: unknown;
  try {
    parseAmount(input);
  } catch (e) {
    caught = e;
  }
  expect(caught, input).toBeInstanceOf(KofiError);
  expect((caught as KofiError).code).toBe("invalid_amount");
  expect((caught as KofiError).message).toMatch(why);
}

describe("parseAmount", () => {
  it("parses plain decimals into octas", () => {
    expect(parseAmount("1")).toBe(100_000_000n);
    expect(parseAmount("1.5")).toBe(150_000_000n);
    expect(parseAmount("0.00000001")).toBe(1n);
    expect(parseAmount("0")).toBe(0n);
    expect(parseAmount(".5")).toBe(50_000_000n);
    expect(parseAmount("2.")).toBe(200_000_000n);
    expect(parseAmount("007.10")).toBe(710_000_000n);
    expect(parseKapt("184467440737.09551615")).toBe(U64_MAX);
  });
  it("rejects everything else with a message saying why", () => {
    rejects("", /empty/);
    rejects("1e3", /exponent/);
    rejects("1E3", /exponent/);
    rejects("-1", /negative/);
    rejects("+1", /sign/);
    rejects("NaN", /not a number/);
    rejects("Infinity", /not a number/);
    rejects(" 1", /whitespace/);
    rejects("1 ", /whitespace/);
    rejects("1,000", /separator/);
    rejects("1_000", /separator/);
    rejects("0x10", /plain decimal/);
    rejects("1.2.3", /plain decimal/);
    rejects(".", /plain decimal/);
    rejects("abc", /plain decimal/);
    rejects("0.000000001", /8 decimals, got 9/);
    rejects("184467440737.09551616", /u64 maximum/);
    rejects("99999999999999999999", /u64 maximum/);
  });
  it("rejects non-strings", () => {
    expect(() => parseAmount(1 as unknown as string)).toThrow(/expected a decimal string/);
  });
});

describe("formatRaw / formatAmount", () => {
  it("round-trips exactly", () => {
    for (const s of ["0", "1", "1.5", "0.00000001", "184467440737.09551615", "12345.6789"]) {
      expect(formatRaw(parseAmount(s))).toBe(s);
    }
  });
  it("formats with Intl, no floats, truncating extra decimals", () => {
    expect(formatAmount(123456789012345678n, { locale: "en-US" })).toBe("1,234,567,890.12345678");
    expect(formatAmount(123456789012345678n, { locale: "de-DE" })).toBe("1.234.567.890,12345678");
    expect(formatAmount(123456789012345678n, { locale: "fr-FR" })).toMatch(/^1\s234\s567\s890,12345678$/);
    expect(formatAmount(199_999_999n, { locale: "en-US", maxDecimals: 2 })).toBe("1.99");
    expect(formatAmount(100_000_000n, { locale: "en-US", minDecimals: 2, symbol: "kAPT" })).toBe("1.00 kAPT");
    expect(formatAmount(U64_MAX, { locale: "en-US", grouping: false })).toBe("184467440737.09551615");
    expect(formatAmount(150_000_000n, { locale: "ar-EG" })).toBe("١٫٥");
  });
});

describe("minOutFromQuote", () => {
  it("floors quote * (10000 - bps) / 10000", () => {
    expect(minOutFromQuote(10_000n, 50n)).toBe(9_950n);
    expect(minOutFromQuote(999n, 1)).toBe(998n);
    expect(minOutFromQuote(U64_MAX, 0n)).toBe(U64_MAX);
    expect(minOutFromQuote(123n, 10_000n)).toBe(0n);
    expect(() => minOutFromQuote(1n, 10_001n)).toThrow(KofiError);
  });
});

describe("amount errors say how to fix them", () => {
  it("a fractional slippage number is invalid_amount (not a RangeError), with a hint in basis points", () => {
    const e = (() => {
      try {
        minOutFromQuote(1_000n, 0.5);
      } catch (caught) {
        return caught as KofiError;
      }
    })();
    expect(e).toBeInstanceOf(KofiError);
    expect(e?.code).toBe("invalid_amount");
    expect(e?.hint).toMatch(/basis points/);
    expect(() => minOutFromQuote(1n, -1)).toThrow(/expected 0\.\.10000/);
  });
  it("assertU64 hints at bigint octas", () => {
    try {
      assertU64(1.5 as unknown as bigint, "APT amount");
    } catch (e) {
      expect((e as KofiError).hint).toMatch(/parseApt/);
      return;
    }
    throw new Error("expected a KofiError");
  });
});
