import { minOutWithSlippage, shortfallBps } from "./bps.ts";
import type { FeeItem, GasEstimate, Hop, Quote, QuoteRequest } from "./quote.ts";
import { DEFAULT_QUOTE_TTL_MS } from "./quote.ts";

/** Assemble a `Quote` from venue numbers: min-out, discount to fair value, expiry. Pure. */
export function makeQuote(args: {
  adapterId: string;
  request: QuoteRequest;
  amountOut: bigint;
  /** Output at the venue's spot price for the same input (fees included), for price impact. */
  spotOut: bigint | undefined;
  /** Price impact the venue reports itself (aggregators), used when `spotOut` is unknown. */
  reportedImpactBps?: bigint;
  route: Hop[];
  fees: FeeItem[];
  gas: GasEstimate;
  warnings?: string[];
  venueData?: unknown;
  nowMs?: number;
  ttlMs?: number;
  minAmountOut?: bigint;
}): Quote {
  const now = args.nowMs ?? Date.now();
  const { signal: _signal, ...r } = args.request;
  const impact =
    args.spotOut !== undefined ? shortfallBps(args.amountOut, args.spotOut) : (args.reportedImpactBps ?? 0n);
  return {
    adapterId: args.adapterId,
    request: r,
    amountIn: r.amountIn,
    amountOut: args.amountOut,
    minAmountOut: args.minAmountOut ?? minOutWithSlippage(args.amountOut, r.slippageBps),
    priceImpactBps: impact < 0n ? 0n : impact,
    discountToFairBps:
      r.fairValueOut === undefined ? undefined : shortfallBps(args.amountOut, r.fairValueOut),
    route: args.route,
    fees: args.fees,
    gas: args.gas,
    ledgerVersion: r.ledgerVersion,
    quotedAtMs: now,
    expiresAtMs: now + (args.ttlMs ?? DEFAULT_QUOTE_TTL_MS),
    warnings: args.warnings ?? [],
    venueData: args.venueData,
  };
}

export function gasEstimate(units: bigint, unitPrice: bigint): GasEstimate {
  return { units, unitPrice, octas: units * unitPrice, simulated: false };
}
