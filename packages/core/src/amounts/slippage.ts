import { KofiError } from "../errors/KofiError.ts";

/** Default slippage tolerance: 50 bps (0.5 %). */
export const DEFAULT_SLIPPAGE_BPS = 50n;

/**
 * `min_out = floor(quote * (10000 - slippageBps) / 10000)` in bigint. `slippageBps` is 0..10000.
 */
export function minOutFromQuote(quote: bigint, slippageBps: bigint | number = DEFAULT_SLIPPAGE_BPS): bigint {
  const hint = "Give the slippage in whole basis points from 0 to 10000 (50 = 0.5 %).";
  if (typeof slippageBps === "number" && !Number.isInteger(slippageBps)) {
    throw new KofiError("invalid_amount", `Invalid slippage ${slippageBps} bps: not a whole number.`, {
      hint,
    });
  }
  const bps = BigInt(slippageBps);
  if (bps < 0n || bps > 10_000n) {
    throw new KofiError("invalid_amount", `Invalid slippage ${bps} bps: expected 0..10000.`, { hint });
  }
  return (quote * (10_000n - bps)) / 10_000n;
}
