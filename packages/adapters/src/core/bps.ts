import { SECONDS_PER_YEAR } from "@kofi/core";

/** Basis-point arithmetic in bigint (never a float in a money path). 10_000 bps = 100 %. */
export const BPS = 10_000n;
/**
 * `rewards::SECONDS_PER_YEAR` through `@kofi/core` (generated ABI): exit costs are annualised over the same
 * year as the protocol's APR they are compared with.
 */
export { SECONDS_PER_YEAR };

/** `floor(amount * (10000 - slippageBps) / 10000)`; slippage must be 0..10000 bps. */
export function minOutWithSlippage(amount: bigint, slippageBps: bigint): bigint {
  if (slippageBps < 0n || slippageBps > BPS)
    throw new RangeError(`slippage ${slippageBps} bps is outside 0..10000`);
  return (amount * (BPS - slippageBps)) / BPS;
}

/**
 * How far `actual` falls short of `reference`, in bps of `reference`, rounded toward zero (negative when
 * `actual` is above it, i.e. a premium). 0 when the reference is 0.
 */
export function shortfallBps(actual: bigint, reference: bigint): bigint {
  if (reference <= 0n) return 0n;
  return ((reference - actual) * BPS) / reference;
}

/** Annualise a cost in bps paid to save `seconds`: `costBps * year / seconds` (0 when nothing is saved). */
export function annualiseBps(costBps: bigint, seconds: bigint): bigint {
  if (seconds <= 0n) return 0n;
  return (costBps * SECONDS_PER_YEAR) / seconds;
}

/** Convert a user-facing slippage (number or bigint of bps) to a validated bigint. */
export function toBps(value: bigint | number, what = "bps"): bigint {
  if (typeof value === "number" && !Number.isInteger(value))
    throw new RangeError(`${what} must be an integer number of bps`);
  const v = BigInt(value);
  if (v < 0n || v > BPS) throw new RangeError(`${what} ${v} is outside 0..10000`);
  return v;
}

/**
 * Parse a non-negative decimal string (e.g. a percentage "0.123") into an integer scaled by `10^decimals`,
 * truncating extra digits. Used for venue APIs that report numbers as decimals.
 */
export function parseDecimal(input: string | number, decimals: number): bigint {
  const s = typeof input === "number" ? numberToPlain(input) : input.trim();
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === ""))
    throw new RangeError(`not a decimal: ${JSON.stringify(input)}`);
  const whole = BigInt(m[2] || "0");
  const frac = (m[3] ?? "").slice(0, decimals).padEnd(decimals, "0");
  const v = whole * 10n ** BigInt(decimals) + BigInt(frac || "0");
  return m[1] ? -v : v;
}

/** A JS number rendered without exponent (for JSON numbers from HTTP venues). */
function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

/** Render base units with `decimals` as an exact decimal string ("1.5", "0.00000001"). */
export function formatUnits(amount: bigint, decimals: number): string {
  const neg = amount < 0n;
  const abs = neg ? -amount : amount;
  const scale = 10n ** BigInt(decimals);
  const frac = (abs % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${abs / scale}${frac ? `.${frac}` : ""}`;
}
