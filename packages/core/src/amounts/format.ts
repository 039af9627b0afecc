import { DECIMALS, OCTAS_PER_UNIT, type TokenSymbol } from "./parse.ts";

export interface FormatAmountOptions {
  /** BCP 47 locale(s) for Intl; default: the runtime's. */
  locale?: string | string[];
  /** Fewest fraction digits to show (default 0). */
  minDecimals?: number;
  /** Most fraction digits to show (default 8); extra digits are truncated toward zero, never rounded up. */
  maxDecimals?: number;
  /** Group the integer part (default true). */
  grouping?: boolean;
  /** Append the token symbol ("1.5 kAPT"). */
  symbol?: TokenSymbol;
}

/**
 * Locale-aware formatting of octas without floats: the integer part goes through
 * `Intl.NumberFormat#format(bigint)`, the fraction digits are computed with bigint math and joined with the
 * locale's decimal separator (read from `formatToParts`).
 */
export function formatAmount(octas: bigint, options: FormatAmountOptions = {}): string {
  const maxDecimals = Math.min(DECIMALS, Math.max(0, options.maxDecimals ?? DECIMALS));
  const minDecimals = Math.min(maxDecimals, Math.max(0, options.minDecimals ?? 0));
  const negative = octas < 0n;
  const abs = negative ? -octas : octas;
  const whole = abs / OCTAS_PER_UNIT;
  let fraction = (abs % OCTAS_PER_UNIT).toString().padStart(DECIMALS, "0").slice(0, maxDecimals);
  fraction = fraction.replace(/0+$/, "").padEnd(minDecimals, "0");

  const intFormat = new Intl.NumberFormat(options.locale, {
    useGrouping: options.grouping ?? true,
    maximumFractionDigits: 0,
  });
  const wholeText = intFormat.format(whole);
  let decimalSeparator = ".";
  let zeroDigit = "0";
  for (const part of new Intl.NumberFormat(options.locale, { minimumFractionDigits: 1 }).formatToParts(1n)) {
    if (part.type === "decimal") decimalSeparator = part.value;
    if (part.type === "integer") zeroDigit = String.fromCodePoint((part.value.codePointAt(0) ?? 49) - 1);
  }
  // Localise fraction digits in scripts that do not use ASCII digits (e.g. "ar-EG").
  const zeroCode = zeroDigit.codePointAt(0) ?? 48;
  const localFraction =
    zeroCode === 48
      ? fraction
      : Array.from(fraction, (d) => String.fromCodePoint(zeroCode + d.charCodeAt(0) - 48)).join("");
  const minus = negative ? "-" : "";
  const number = `${minus}${wholeText}${localFraction ? `${decimalSeparator}${localFraction}` : ""}`;
  return options.symbol ? `${number} ${options.symbol}` : number;
}
