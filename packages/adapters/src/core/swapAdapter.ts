import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import type { AdapterMeta } from "./meta.ts";
import type { Quote, QuoteRequest } from "./quote.ts";
import type { Address } from "./tokens.ts";

/** An entry-function payload ready for `aptos.transaction.build.simple` or a wallet. */
export interface EntryPayload {
  /** Includes `abi`, so building never fetches a module ABI. */
  data: InputEntryFunctionData;
}

/** A swap payload: it enforces `minAmountOut` on chain. */
export interface SwapPayload extends EntryPayload {
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
  supports(tokenIn: Address, tokenOut: Address): boolean | Promise<boolean>;
  /** Quote exact-in. `null` = no route. Errors are thrown (the router reports them). */
  quote(request: QuoteRequest): Promise<Quote | null>;
  /** The transaction for a quote; its on-chain min-out is exactly `quote.minAmountOut`. */
  buildPayload(quote: Quote, options?: { recipient?: Address }): SwapPayload | Promise<SwapPayload>;
}
