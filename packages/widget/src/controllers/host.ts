/**
 * What the reactive controllers (Lit's `ReactiveController`, the split Shoelace and Lit recommend) need from
 * `<kofi-stake>`: its configuration, the backend in effect, the form's quote request, and each other.
 *
 * The element keeps its properties and rendering; the controllers own behaviour and state:
 * - `WalletController`: the host wallet or the built-in picker's, its events, connect/disconnect, the account.
 * - `ChainController`: protocol and position reads, the refresh and countdown timers, `kofi-claimable`.
 * - `QuoteController`: debounced quotes, aborted when the form changes.
 * - `TransactionController`: review, simulation, signing (the signing lock), stages, receipt, reload recovery.
 *
 * Members prefixed `_` are internal: the manifest (custom-elements.json) leaves them out.
 */

import type { Sponsor } from "@kofi/core";
import type { ReactiveControllerHost } from "lit";
import {
  type ActionKind,
  type KofiBackend,
  type KofiErrorLike,
  legacyActionOf,
  type QuoteRequest,
} from "../backend.ts";
import type { BeforeSubmit } from "../events.ts";
import { emit } from "../events.ts";
import type { ExitPath } from "../exit-options.ts";
import type { ChainController } from "./chain-controller.ts";
import type { QuoteController } from "./quote-controller.ts";
import type { TransactionController } from "./transaction-controller.ts";
import type { WalletController } from "./wallet-controller.ts";

/** Every read or quote gives up after this long (a node that never answers shows `timeout`). */
export const REQUEST_TIMEOUT_MS = 15_000;

export interface StakeHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly isConnected: boolean;
  readonly hasUpdated: boolean;
  readonly network: string;
  readonly nodeUrl: string | undefined;
  readonly wallet: unknown;
  readonly walletPicker: "built-in" | "none";
  readonly slippageBps: number;
  readonly maxDiscountBps: number;
  readonly beforeSubmit: BeforeSubmit | undefined;
  /** Pays the user's gas (the element's `sponsor` property). */
  readonly sponsor: Sponsor | undefined;
  /** The host's `backend`, else the one the registered factory built. */
  readonly _backend: KofiBackend | null;
  readonly _exitPaths: readonly ExitPath[];
  /** The wallet's network when it differs from the backend's. */
  readonly _wrongNetwork: { actual: string; expected: string } | null;
  /** What the form asks a quote for, or null (no amount, or one the field refuses). */
  _quoteRequest(): QuoteRequest | null;
  /** Empties the amount field (after a transaction succeeded). */
  _clearAmount(): void;
  readonly _wallets: WalletController;
  readonly _chain: ChainController;
  readonly _quotes: QuoteController;
  readonly _tx: TransactionController;
}

/** `kofi-error` for an error shown to the user. */
export function emitError(host: EventTarget, error: KofiErrorLike, action?: ActionKind): void {
  emit(host, "kofi-error", {
    code: error.code,
    message: error.message,
    ...(action ? { action, legacyAction: legacyActionOf(action) } : {}),
    ...(error.cause !== undefined ? { cause: error.cause } : {}),
  });
}
