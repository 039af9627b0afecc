/**
 * Amounts: strict parsing of what a user types into octas, validation, and locale formatting.
 * Pure bigint arithmetic; a JS float never holds money.
 */

export const DECIMALS = 8;
export const ONE = 10n ** BigInt(DECIMALS);

/** APT kept back when the user presses Max on an APT amount, for gas. 0.02 APT. */
export const DEFAULT_GAS_RESERVE = 2_000_000n;

export type ParseResult =
  | { readonly ok: true; readonly value: bigint }
  | { readonly ok: false; readonly reason: "empty" | "invalid" | "too_many_decimals" };

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;
const SPACES = /[\s\u00a0\u202f\u2009]/g;

/** Replaces Arabic-Indic and Persian digits with ASCII ones. */
export function normalizeDigits(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= ARABIC_INDIC_ZERO && c <= ARABIC_INDIC_ZERO + 9) out += String(c - ARABIC_INDIC_ZERO);
    else if (c >= EXTENDED_ARABIC_INDIC_ZERO && c <= EXTENDED_ARABIC_INDIC_ZERO + 9)
      out += String(c - EXTENDED_ARABIC_INDIC_ZERO);
    else out += ch;
  }
  return out;
}

/** The decimal separator of a locale ("." for en, "," for fr, "٫" for ar). */
export function decimalSeparator(locale: string): string {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal");
  return part?.value ?? ".";
}

/**
 * Parses a user-typed amount into octas. Accepts ASCII or Arabic-Indic digits, "." or the locale's
 * decimal separator, and surrounding or inner spaces. Rejects signs, exponents, grouping separators,
 * more than one separator and more than `decimals` fraction digits (never rounds).
 */
export function parseAmount(input: string, locale = "en", decimals = DECIMALS): ParseResult {
  const text = normalizeDigits(input).replace(SPACES, "");
  if (text === "") return { ok: false, reason: "empty" };
  const sep = decimalSeparator(locale);
  const separators = new Set([".", sep, "\u066b"]);
  let intPart = "";
  let fracPart = "";
  let seenSep = false;
  for (const ch of text) {
    if (ch >= "0" && ch <= "9") {
      if (seenSep) fracPart += ch;
      else intPart += ch;
    } else if (separators.has(ch) && !seenSep) {
      seenSep = true;
    } else {
      return { ok: false, reason: "invalid" };
    }
  }
  if (intPart === "" && fracPart === "") return { ok: false, reason: "invalid" };
  if (fracPart.length > decimals) return { ok: false, reason: "too_many_decimals" };
  const scale = 10n ** BigInt(decimals);
  const value = BigInt(intPart || "0") * scale + BigInt((fracPart || "0").padEnd(decimals, "0"));
  return { ok: true, value };
}

/** Octas as a plain ASCII decimal string ("1.5", "0.00000001"), for inputs and `setAmount`. */
export function toDecimalString(value: bigint, decimals = DECIMALS): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const int = abs / scale;
  const frac = (abs % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

export interface FormatOptions {
  /** Fraction digits shown at most (truncated, never rounded up). Default 4. */
  readonly maxFractionDigits?: number;
  /** Fraction digits always shown. Default 0. */
  readonly minFractionDigits?: number;
  readonly decimals?: number;
}

/**
 * Formats octas for display in a locale: integer part through `Intl.NumberFormat` on a bigint,
 * fraction digits through the same locale's digits, truncated towards zero.
 */
export function formatAmount(value: bigint, locale: string, options: FormatOptions = {}): string {
  const decimals = options.decimals ?? DECIMALS;
  const maxFrac = Math.min(options.maxFractionDigits ?? 4, decimals);
  const minFrac = Math.min(options.minFractionDigits ?? 0, maxFrac);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const int = abs / scale;
  let frac = (abs % scale).toString().padStart(decimals, "0").slice(0, maxFrac);
  while (frac.length > minFrac && frac.endsWith("0")) frac = frac.slice(0, -1);
  const intText = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(int);
  let out = intText;
  if (frac.length > 0) {
    const digits = new Intl.NumberFormat(locale, {
      minimumIntegerDigits: frac.length,
      useGrouping: false,
    }).format(BigInt(frac));
    out = `${intText}${decimalSeparator(locale)}${digits}`;
  }
  if (negative && (int > 0n || /[1-9]/.test(frac))) {
    // Let the locale place the minus sign.
    const minus = new Intl.NumberFormat(locale).formatToParts(-1).find((p) => p.type === "minusSign");
    out = `${minus?.value ?? "-"}${out}`;
  }
  return out;
}

/** Basis points as a locale percentage, e.g. 712 → "7.12%". Integer maths; Intl only places symbols. */
export function formatBps(bps: number, locale: string): string {
  const number = formatAmount(BigInt(Math.trunc(bps)), locale, { decimals: 2, maxFractionDigits: 2 });
  const parts = new Intl.NumberFormat(locale, { style: "percent" }).formatToParts(0);
  return parts.map((p) => (p.type === "integer" ? number : p.value)).join("");
}

/** The rate numerator/denominator applied to an amount, floored (as the vault does). */
export function mulDiv(amount: bigint, numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) return 0n;
  return (amount * numerator) / denominator;
}

/** A fraction as a decimal string with `digits` fraction digits (floored), e.g. a rate "1.0234". */
/**
 * Digits a rate is shown with, everywhere (stake tab, quotes, position, review) and like the CLI: the rate
 * grows by about 2e-6 a day at 7 % APR, so fewer digits hide the yield moving.
 */
export const RATE_DIGITS = 8;

/** kAPT per stkAPT with exactly `RATE_DIGITS` fraction digits, truncated: "1.00012345". */
export function formatRate(rate: { numerator: bigint; denominator: bigint }, locale: string): string {
  const scaled = mulDiv(ONE, rate.numerator, rate.denominator);
  return formatAmount(scaled, locale, { maxFractionDigits: RATE_DIGITS, minFractionDigits: RATE_DIGITS });
}

export function formatFraction(numerator: bigint, denominator: bigint, locale: string, digits = 6): string {
  const scaled = mulDiv(ONE, numerator, denominator);
  return formatAmount(scaled, locale, { maxFractionDigits: digits, minFractionDigits: Math.min(2, digits) });
}

export type AmountIssue =
  | { readonly kind: "zero" }
  | { readonly kind: "below_minimum"; readonly minimum: bigint }
  | { readonly kind: "over_balance"; readonly balance: bigint }
  | { readonly kind: "gas_reserve"; readonly reserve: bigint };

export interface AmountLimits {
  readonly balance?: bigint;
  readonly minimum?: bigint;
  /** Set only when the token is APT: the amount plus this must fit in the balance. */
  readonly gasReserve?: bigint;
}

/** Checks a parsed amount against balance, minimum and gas reserve; `null` when fine. */
export function checkAmount(value: bigint, limits: AmountLimits): AmountIssue | null {
  if (value <= 0n) return { kind: "zero" };
  if (limits.balance !== undefined && value > limits.balance)
    return { kind: "over_balance", balance: limits.balance };
  if (limits.minimum !== undefined && value < limits.minimum)
    return { kind: "below_minimum", minimum: limits.minimum };
  if (
    limits.balance !== undefined &&
    limits.gasReserve !== undefined &&
    value + limits.gasReserve > limits.balance
  )
    return { kind: "gas_reserve", reserve: limits.gasReserve };
  return null;
}

/** What Max fills in: the balance, less the gas reserve for APT; never negative. */
export function maxSpendable(balance: bigint, gasReserve = 0n): bigint {
  return balance > gasReserve ? balance - gasReserve : 0n;
}
