/**
 * The swap-venue interface is defined once, in `@kofi/core` (`SwapAdapter`, issue 14); this module keeps the names
 * `@kofi/adapters` exported.
 */
import type { SwapAdapter as CoreSwapAdapter, SwapEntryPayload } from "@kofi/core";

export type { SwapPayload } from "@kofi/core";

/** @deprecated Import `SwapAdapter` from `@kofi/core`: the same interface, defined there once. */
export type SwapAdapter = CoreSwapAdapter;

/** @deprecated Import `SwapEntryPayload` from `@kofi/core`. */
export type EntryPayload = SwapEntryPayload;
