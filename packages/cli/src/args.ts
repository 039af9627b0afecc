import { KofiError, normalizeAddress, parseAmount, type TokenSymbol } from "@kofi/core";
import { UsageError } from "./io.ts";

const NEGATIVE = /^-\d|^-\.\d/;
const MARK = "\u0000neg:";

/**
 * `node:util` parseArgs reads `-5` as an unknown short option (and suggests quoting it); a token that looks like a
 * negative number is hidden from it and given back as a positional, so the amount parser can say what is wrong.
 */
export function hideNegatives(argv: readonly string[]): string[] {
  return argv.map((a) => (NEGATIVE.test(a) ? `${MARK}${a}` : a));
}

export function unhide(value: string): string {
  return value.startsWith(MARK) ? value.slice(MARK.length) : value;
}

/** An amount the user types: a strict decimal, above 0 (0 would only come back as a chain abort). */
export function parsePositiveAmount(text: string, symbol: TokenSymbol): bigint {
  const v = parseAmount(unhide(text), symbol);
  if (v === 0n)
    throw new KofiError("invalid_amount", `Invalid ${symbol} amount "0": it must be above 0.`, {
      hint: "Give a decimal such as 1.5.",
    });
  return v;
}

/** A non-negative decimal amount (limits, caps may be 0). */
export function parseAmountArg(text: string, symbol: TokenSymbol): bigint {
  return parseAmount(unhide(text), symbol);
}

export function parseAddressArg(text: string, what: string): `0x${string}` {
  return normalizeAddress(unhide(text), what);
}

/** A whole number (bps, counts): digits only. */
export function parseWhole(text: string, what: string, max?: bigint): bigint {
  const t = unhide(text);
  if (!/^\d+$/.test(t)) throw new UsageError(`${what} takes a whole number, got "${t}"`);
  const v = BigInt(t);
  if (max !== undefined && v > max) throw new UsageError(`${what} takes at most ${max}, got "${t}"`);
  return v;
}
