import { describe, expect, it } from "vitest";
import {
  checkAmount,
  decimalSeparator,
  formatAmount,
  formatBps,
  formatFraction,
  formatRate,
  maxSpendable,
  mulDiv,
  normalizeDigits,
  parseAmount,
  toDecimalString,
} from "./amount.ts";

describe("parseAmount", () => {
  it("parses integers and fractions into octas", () => {
    expect(parseAmount("1")).toEqual({ ok: true, value: 100_000_000n });
    expect(parseAmount("1.5")).toEqual({ ok: true, value: 150_000_000n });
    expect(parseAmount("0.00000001")).toEqual({ ok: true, value: 1n });
    expect(parseAmount(".5")).toEqual({ ok: true, value: 50_000_000n });
    expect(parseAmount("2.")).toEqual({ ok: true, value: 200_000_000n });
    expect(parseAmount(" 12 345.1 ")).toEqual({ ok: true, value: 1_234_510_000_000n });
  });
  it("keeps precision far beyond 2^53", () => {
    expect(parseAmount("123456789012345678.12345678")).toEqual({
      ok: true,
      value: 12345678901234567812345678n,
    });
  });
  it("rejects more than 8 decimals instead of rounding", () => {
    expect(parseAmount("0.000000001")).toEqual({ ok: false, reason: "too_many_decimals" });
    expect(parseAmount("1.123456789")).toEqual({ ok: false, reason: "too_many_decimals" });
  });
  it("reports empty input separately", () => {
    expect(parseAmount("")).toEqual({ ok: false, reason: "empty" });
    expect(parseAmount("   ")).toEqual({ ok: false, reason: "empty" });
  });
  it("rejects signs, exponents, letters, grouping commas and double separators", () => {
    for (const bad of ["-1", "+1", "1e5", "abc", "1,000.5", "1.2.3", ".", "0x10", "Infinity", "NaN"]) {
      expect(parseAmount(bad, "en")).toEqual({ ok: false, reason: "invalid" });
    }
  });
  it("accepts the locale's decimal separator", () => {
    expect(parseAmount("1,5", "fr")).toEqual({ ok: true, value: 150_000_000n });
    expect(parseAmount("1.5", "fr")).toEqual({ ok: true, value: 150_000_000n });
    expect(parseAmount("1,5", "en")).toEqual({ ok: false, reason: "invalid" });
  });
  it("accepts Arabic-Indic digits and the Arabic decimal separator", () => {
    expect(normalizeDigits("١٢٣")).toBe("123");
    expect(normalizeDigits("۴۵")).toBe("45");
    expect(parseAmount("١٫٥", "ar")).toEqual({ ok: true, value: 150_000_000n });
    expect(parseAmount("٢", "ar")).toEqual({ ok: true, value: 200_000_000n });
  });
  it("supports other decimal counts", () => {
    expect(parseAmount("1.25", "en", 2)).toEqual({ ok: true, value: 125n });
    expect(parseAmount("1.255", "en", 2)).toEqual({ ok: false, reason: "too_many_decimals" });
  });
});

describe("toDecimalString", () => {
  it("round-trips with parseAmount", () => {
    for (const v of [0n, 1n, 10n, 100_000_000n, 150_000_000n, 12345678901234567812345678n]) {
      const text = toDecimalString(v);
      expect(parseAmount(text)).toEqual({ ok: true, value: v });
    }
    expect(toDecimalString(150_000_000n)).toBe("1.5");
    expect(toDecimalString(1n)).toBe("0.00000001");
    expect(toDecimalString(-150_000_000n)).toBe("-1.5");
  });
});

describe("formatAmount", () => {
  it("groups the integer part and truncates the fraction (never rounds up)", () => {
    expect(formatAmount(123_456_789_999_999n, "en")).toBe("1,234,567.8999");
    expect(formatAmount(199_999_999n, "en", { maxFractionDigits: 2 })).toBe("1.99");
    expect(formatAmount(100_000_000n, "en")).toBe("1");
    expect(formatAmount(100_000_000n, "en", { minFractionDigits: 2 })).toBe("1.00");
    expect(formatAmount(1n, "en", { maxFractionDigits: 8 })).toBe("0.00000001");
    expect(formatAmount(1n, "en")).toBe("0");
  });
  it("formats amounts beyond Number precision exactly", () => {
    expect(formatAmount(12345678901234567812345678n, "en", { maxFractionDigits: 8 })).toBe(
      "123,456,789,012,345,678.12345678",
    );
  });
  it("uses the locale's separators and digits", () => {
    expect(decimalSeparator("fr")).toBe(",");
    const fr = formatAmount(123_456_750_000_000n, "fr");
    expect(fr.replace(/\s/g, " ")).toBe("1 234 567,5");
    const ar = formatAmount(150_000_000n, "ar");
    const sep = decimalSeparator("ar");
    const one = new Intl.NumberFormat("ar").format(1);
    const five = new Intl.NumberFormat("ar").format(5);
    expect(ar).toBe(`${one}${sep}${five}`);
  });
  it("writes Arabic-Indic digits where the locale uses them, and parses them back", () => {
    const text = formatAmount(123_456_750_000_000n, "ar-EG");
    expect(text).toBe("١٬٢٣٤٬٥٦٧٫٥");
    expect(parseAmount(text.replace(/٬/g, ""), "ar-EG")).toEqual({ ok: true, value: 123_456_750_000_000n });
    expect(formatAmount(5_000_000n, "ar-EG")).toBe("٠٫٠٥");
  });
  it("keeps leading zeros of the fraction in non-Latin digits", () => {
    const zero = new Intl.NumberFormat("ar").format(0);
    const five = new Intl.NumberFormat("ar").format(5);
    expect(formatAmount(5_000_000n, "ar")).toBe(`${zero}${decimalSeparator("ar")}${zero}${five}`);
  });
  it("places the minus sign for negatives", () => {
    expect(formatAmount(-150_000_000n, "en")).toBe("-1.5");
    expect(formatAmount(-1n, "en")).toBe("0");
  });
});

describe("formatBps and fractions", () => {
  it("formats basis points as a percentage", () => {
    expect(formatBps(712, "en")).toBe("7.12%");
    expect(formatBps(1000, "en")).toBe("10%");
    expect(formatBps(5, "en")).toBe("0.05%");
    expect(formatBps(750, "fr").replace(/\s/g, " ")).toBe("7,5 %");
  });
  it("formats a rate fraction with floor semantics", () => {
    expect(formatFraction(3n, 2n, "en")).toBe("1.50");
    expect(formatFraction(2n, 3n, "en", 4)).toBe("0.6666");
    expect(mulDiv(10n, 2n, 3n)).toBe(6n);
    // The rate: always 8 digits, truncated, so the yield is seen moving (the CLI shows 8 too).
    expect(formatRate({ numerator: 100_000_012n, denominator: 100_000_000n }, "en")).toBe("1.00000012");
    expect(formatRate({ numerator: 1n, denominator: 1n }, "en")).toBe("1.00000000");
    expect(formatRate({ numerator: 2n, denominator: 3n }, "fr")).toBe("0,66666666");
    expect(mulDiv(10n, 2n, 0n)).toBe(0n);
  });
});

describe("checkAmount and maxSpendable", () => {
  const balance = 1_000_000_000n; // 10 APT
  it("flags zero, over balance, below minimum and the gas reserve", () => {
    expect(checkAmount(0n, { balance })).toEqual({ kind: "zero" });
    expect(checkAmount(balance + 1n, { balance })).toEqual({ kind: "over_balance", balance });
    expect(checkAmount(1_000n, { balance, minimum: 10_000_000n })).toEqual({
      kind: "below_minimum",
      minimum: 10_000_000n,
    });
    expect(checkAmount(balance, { balance, gasReserve: 2_000_000n })).toEqual({
      kind: "gas_reserve",
      reserve: 2_000_000n,
    });
    expect(checkAmount(balance - 2_000_000n, { balance, gasReserve: 2_000_000n })).toBeNull();
    expect(checkAmount(5n, {})).toBeNull();
  });
  it("keeps the gas reserve on Max and never goes negative", () => {
    expect(maxSpendable(balance, 2_000_000n)).toBe(998_000_000n);
    expect(maxSpendable(1_000n, 2_000_000n)).toBe(0n);
    expect(maxSpendable(balance)).toBe(balance);
    expect(checkAmount(maxSpendable(balance, 2_000_000n), { balance, gasReserve: 2_000_000n })).toBeNull();
  });
});
