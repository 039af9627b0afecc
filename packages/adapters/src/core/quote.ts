import type { Address } from "./tokens.ts";

/** A quote request. Amounts in base units (octas for APT/kAPT/stkAPT). */
export interface QuoteRequest {
  tokenIn: Address;
  tokenOut: Address;
  amountIn: bigint;
  /** Slippage tolerance embedded as `minAmountOut`, in bps (50 = 0.5 %). */
  slippageBps: bigint;
  /** Read every view at this ledger version (the router pins one version for all adapters). */
  ledgerVersion: bigint;
  /** Fair value of `amountIn` in `tokenOut` (from a `RateProvider`), for `discountToFairBps`. */
  fairValueOut?: bigint;
  /** The account that will sign (some venues need it, e.g. HTTP aggregators building the transaction). */
  sender?: Address;
  /** Aborts HTTP requests of this quote (the router's per-adapter timeout). */
  signal?: AbortSignal;
}

/** One hop of a route. */
export interface Hop {
  venue: string;
  /** Pool (or market) address; for HTTP aggregators, the DEX name reported. */
  pool: string;
  tokenIn: Address;
  tokenOut: Address;
  /** Input and output of the hop when the venue reports them. */
  amountIn?: bigint;
  amountOut?: bigint;
  /** Fee rate in millionths (Hyperion's unit) when known. */
  feeRatePpm?: bigint;
}

/** A fee paid along the route (already reflected in `amountOut` when `includedInOut`). */
export interface FeeItem {
  label: string;
  token: Address;
  amount: bigint;
  includedInOut: boolean;
}

/** Gas in APT octas. `simulated: false` means a per-venue estimate × the node's gas price. */
export interface GasEstimate {
  units: bigint;
  unitPrice: bigint;
  octas: bigint;
  simulated: boolean;
}

/** A swap quote. Amounts are base units (bigint); bps values are bigint. */
export interface Quote {
  adapterId: string;
  request: QuoteRequest;
  amountIn: bigint;
  amountOut: bigint;
  /** What the payload enforces on chain: `floor(amountOut * (1 - slippage))`. */
  minAmountOut: bigint;
  /** Shortfall versus the venue's spot price (fees included), bps. */
  priceImpactBps: bigint;
  /** Shortfall versus the protocol's fair value (`request.fairValueOut`), bps; negative = premium. */
  discountToFairBps: bigint | undefined;
  route: Hop[];
  fees: FeeItem[];
  gas: GasEstimate;
  ledgerVersion: bigint;
  quotedAtMs: number;
  expiresAtMs: number;
  warnings: string[];
  /** Venue-specific data the payload builder needs (e.g. Panora's returned transaction). */
  venueData?: unknown;
}

/** Default soft TTL of a quote: prices move, so UIs refresh after this. */
export const DEFAULT_QUOTE_TTL_MS = 15_000;

export const isExpired = (q: Pick<Quote, "expiresAtMs">, nowMs: number = Date.now()): boolean =>
  nowMs >= q.expiresAtMs;
