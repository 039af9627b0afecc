import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import type { KofiClient } from "../client/createKofiClient.ts";

/** A payload ready to sign, with the quote it was derived from. */
export interface PreparedAction<Q = unknown> {
  kind: string;
  payload: InputEntryFunctionData;
  quote: Q | undefined;
  /** The `min_out` argument, when the entry has one. */
  minOut: bigint | undefined;
}

/**
 * An intent that `execute` can run: `prepare` quotes (when the entry has a quote view) and builds the payload.
 * `key` identifies the intent for idempotent retries.
 */
export interface KofiAction<Q = unknown> {
  kind: string;
  key: string;
  prepare(client: KofiClient): Promise<PreparedAction<Q>>;
}

/** Slippage input shared by actions with a `min_out`. */
export interface SlippageOptions {
  /** Tolerance in basis points (default 50 = 0.5 %). */
  slippageBps?: bigint | number;
  /** Explicit `min_out`; skips the quote's slippage derivation. */
  minOut?: bigint;
}

/** An action from a fixed payload (no quote), e.g. admin entries. */
export function payloadAction(
  kind: string,
  build: (client: KofiClient) => InputEntryFunctionData,
  key: string,
) {
  return {
    kind,
    key,
    prepare: async (client: KofiClient): Promise<PreparedAction<undefined>> => ({
      kind,
      payload: build(client),
      quote: undefined,
      minOut: undefined,
    }),
  } satisfies KofiAction<undefined>;
}
