/**
 * The one swap-venue interface of the kit (issue 14): DEXes and aggregators that swap kAPT / stkAPT, as
 * `@kofi/adapters`' routers (exit, entry) and venues implement it and the widget quotes through it. Moved here
 * from `@kofi/adapters` (which re-exports it, its old names deprecated); types only, no runtime.
 * The registry's older shape (`kind: "swap"`, `quote(client, …)`) is `RegistrySwapAdapter`.
 */
import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";

/** A long-form account or object address. */
export type VenueAddress = `0x${string}`;

/**
 * Liveness of a venue. "winding-down": the venue froze new activity or announced its end (quoted only with
 * a warning, never silently); "defunct": shut down (never quoted); "unknown": no signal either way.
 */
export type LivenessStatus = "live" | "winding-down" | "defunct" | "unknown";

export type VenueKind = "clmm" | "amm" | "aggregator" | "lending" | "lst";

/** Metadata every adapter declares. */
export interface AdapterMeta {
  /** Stable unique id, e.g. "hyperion". */
  id: string;
  /** Human name. */
  name: string;
  kind: VenueKind;
  /** Mainnet package addresses the adapter calls (long form). */
  packages: readonly `0x${string}`[];
  liveness: LivenessStatus;
  /** Where the liveness claim comes from (URL, repository + commit, date). */
  livenessSource?: string;
  /** How quotes are obtained. */
  quoteSource: "view" | "http" | "simulation";
}

/** A quote request. Amounts in base units (octas for APT/kAPT/stkAPT). */
export interface SwapQuoteRequest {
  tokenIn: VenueAddress;
  tokenOut: VenueAddress;
  amountIn: bigint;
  /** Slippage tolerance embedded as `minAmountOut`, in bps (50 = 0.5 %). */
  slippageBps: bigint;
  /** Read every view at this ledger version (the router pins one version for all adapters). */
  ledgerVersion: bigint;
  /** Fair value of `amountIn` in `tokenOut` (from a `RateProvider`), for `discountToFairBps`. */
  fairValueOut?: bigint;
  /** The account that will sign (some venues need it, e.g. HTTP aggregators building the transaction). */
  sender?: VenueAddress;
  /** Aborts HTTP requests of this quote (the router's per-adapter timeout). */
  signal?: AbortSignal;
}

/** One hop of a route. */
export interface SwapHop {
  venue: string;
  /** Pool (or market) address; for HTTP aggregators, the DEX name reported. */
  pool: string;
  tokenIn: VenueAddress;
  tokenOut: VenueAddress;
  /** Input and output of the hop when the venue reports them. */
  amountIn?: bigint;
  amountOut?: bigint;
  /** Fee rate in millionths (Hyperion's unit) when known. */
  feeRatePpm?: bigint;
}

/** A fee paid along the route (already reflected in `amountOut` when `includedInOut`). */
export interface SwapFee {
  label: string;
  token: VenueAddress;
  amount: bigint;
  includedInOut: boolean;
}

/** Gas in APT octas. `simulated: false` means a per-venue estimate × the node's gas price. */
export interface SwapGasEstimate {
  units: bigint;
  unitPrice: bigint;
  octas: bigint;
  simulated: boolean;
}

/** A swap quote. Amounts are base units (bigint); bps values are bigint. */
export interface SwapQuote {
  adapterId: string;
  request: SwapQuoteRequest;
  amountIn: bigint;
  amountOut: bigint;
  /** What the payload enforces on chain: `floor(amountOut * (1 - slippage))`. */
  minAmountOut: bigint;
  /** Shortfall versus the venue's spot price (fees included), bps. */
  priceImpactBps: bigint;
  /** Shortfall versus the protocol's fair value (`request.fairValueOut`), bps; negative = premium. */
  discountToFairBps: bigint | undefined;
  route: SwapHop[];
  fees: SwapFee[];
  gas: SwapGasEstimate;
  ledgerVersion: bigint;
  quotedAtMs: number;
  expiresAtMs: number;
  warnings: string[];
  /** Venue-specific data the payload builder needs (e.g. Panora's returned transaction). */
  venueData?: unknown;
}

/** An entry-function payload ready for `aptos.transaction.build.simple` or a wallet. */
export interface SwapEntryPayload {
  /** Includes `abi`, so building never fetches a module ABI. */
  data: InputEntryFunctionData;
}

/** A swap payload: it enforces `minAmountOut` on chain. */
export interface SwapPayload extends SwapEntryPayload {
  /** The `minAmountOut` the payload enforces (equal to the quote's). */
  minAmountOut: bigint;
}

/**
 * A DEX or aggregator that swaps kAPT/stkAPT. Implementations must be side-effect free at import, read
 * chain state only at `request.ledgerVersion`, and never throw for "no route" (return `null`).
 */
export interface SwapAdapter {
  readonly meta: AdapterMeta;
  /** Cheap check: can this adapter route `tokenIn -> tokenOut` at all (known pools / supported tokens)? */
  supports(tokenIn: VenueAddress, tokenOut: VenueAddress): boolean | Promise<boolean>;
  /** Quote exact-in. `null` = no route. Errors are thrown (the router reports them). */
  quote(request: SwapQuoteRequest): Promise<SwapQuote | null>;
  /** The transaction for a quote; its on-chain min-out is exactly `quote.minAmountOut`. */
  buildPayload(quote: SwapQuote, options?: { recipient?: VenueAddress }): SwapPayload | Promise<SwapPayload>;
}
