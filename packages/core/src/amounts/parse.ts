import { KofiError } from "../errors/KofiError.ts";

/** APT, kAPT and stkAPT all have 8 decimals. */
export const DECIMALS = 8;
export const OCTAS_PER_UNIT = 100_000_000n;
export const U64_MAX = 18_446_744_073_709_551_615n;

export type TokenSymbol = "APT" | "kAPT" | "stkAPT";

const DECIMAL = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/;

function invalid(input: unknown, why: string): KofiError {
  return new KofiError("invalid_amount", `Invalid amount ${JSON.stringify(String(input))}: ${why}.`);
}

/**
 * Parses a decimal string ("1", "1.5", "0.00000001", ".5", "1.") into octas. Strict: no signs, exponents,
 * spaces, separators, NaN/Infinity, more than 8 decimals, or values above u64 max.
 * Throws `KofiError("invalid_amount")` saying what is wrong.
 */
export function parseAmount(input: string, symbol: TokenSymbol = "APT"): bigint {
  if (typeof input !== "string") throw invalid(input, `expected a decimal string, got ${typeof input}`);
  if (input === "") throw invalid(input, "empty input");
  if (input.trim() !== input) throw invalid(input, "leading or trailing whitespace");
  if (/^[+-]/.test(input))
    throw invalid(input, input.startsWith("-") ? "negative amounts are not allowed" : "no sign allowed");
  if (/[eE]/.test(input) && !/^(NaN|Infinity)$/i.test(input))
    throw invalid(input, "exponent notation is not allowed");
  if (/^(NaN|Infinity)$/i.test(input)) throw invalid(input, "not a number");
  if (/[,_\s]/.test(input)) throw invalid(input, "digit separators are not allowed");
  const match = DECIMAL.exec(input);
  if (!match) throw invalid(input, "not a plain decimal number (digits with an optional '.')");
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? match[3] ?? "";
  if (fraction.length > DECIMALS) {
    throw invalid(input, `${symbol} has ${DECIMALS} decimals, got ${fraction.length}`);
  }
  const octas = BigInt(whole) * OCTAS_PER_UNIT + BigInt(fraction.padEnd(DECIMALS, "0") || "0");
  if (octas > U64_MAX) throw invalid(input, `above the u64 maximum (${formatRaw(U64_MAX)} ${symbol})`);
  return octas;
}

/** Checks that a bigint fits in u64 (used by payload builders). */
export function assertU64(value: bigint, what = "amount"): bigint {
  const hint = 'Pass bigint octas (8 decimals), e.g. parseApt("1.5") or 150_000_000n.';
  if (typeof value !== "bigint") {
    throw new KofiError(
      "invalid_amount",
      `Invalid ${what}: expected a bigint of octas, got ${typeof value}.`,
      {
        hint,
      },
    );
  }
  if (value < 0n) throw new KofiError("invalid_amount", `Invalid ${what}: ${value} is negative.`, { hint });
  if (value > U64_MAX)
    throw new KofiError("invalid_amount", `Invalid ${what}: ${value} is above the u64 maximum.`, { hint });
  return value;
}

/** Exact, locale-free decimal rendering of octas ("1.5", "0.00000001", "2"). */
export function formatRaw(octas: bigint): string {
  const negative = octas < 0n;
  const abs = negative ? -octas : octas;
  const whole = abs / OCTAS_PER_UNIT;
  const fraction = (abs % OCTAS_PER_UNIT).toString().padStart(DECIMALS, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Shorthand parsers. */
export const parseApt = (input: string): bigint => parseAmount(input, "APT");
export const parseKapt = (input: string): bigint => parseAmount(input, "kAPT");
export const parseStkapt = (input: string): bigint => parseAmount(input, "stkAPT");
