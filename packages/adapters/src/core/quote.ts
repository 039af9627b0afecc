/**
 * Quote types: defined once in `@kofi/core` (`registry/venue.ts`, as `SwapQuote`, `SwapQuoteRequest`, …) with
 * the `SwapAdapter` interface; the names this package has always used are kept here.
 */
export type {
  SwapFee as FeeItem,
  SwapGasEstimate as GasEstimate,
  SwapHop as Hop,
  SwapQuote as Quote,
  SwapQuoteRequest as QuoteRequest,
} from "@kofi/core";

import type { SwapQuote } from "@kofi/core";

/** Default soft TTL of a quote: prices move, so UIs refresh after this. */
export const DEFAULT_QUOTE_TTL_MS = 15_000;

export const isExpired = (q: Pick<SwapQuote, "expiresAtMs">, nowMs: number = Date.now()): boolean =>
  nowMs >= q.expiresAtMs;
