/**
 * Quotes for what the form says, debounced (250 ms after the last keystroke) and aborted when the form changes
 * again. On Unstake the standard exit and the instant venues are quoted together for the comparison.
 */
import type { ReactiveController } from "lit";
import type { EntryRoute, KofiErrorLike, Quote } from "../backend.ts";
import type * as EntryViewModule from "../entry-view.ts";
import { toKofiError, withTimeout } from "../errors.ts";
import { emitError, REQUEST_TIMEOUT_MS, type StakeHost } from "./host.ts";

/** The entry comparison's view module (`entry-view.ts`), a chunk of its own. */
export type EntryView = typeof EntryViewModule;

/** A venue that gave no quote this time is left out of the comparison (`entry-view.ts` filters the same way). */
export const hasEntryComparison = (entries: readonly EntryRoute[]): boolean =>
  entries.some((e) => e.unavailable === undefined);

export const QUOTE_DEBOUNCE_MS = 250;

export class QuoteController implements ReactiveController {
  /** The quote for the form (on Unstake: the standard exit). */
  quote: Quote | null = null;
  /** Unstake: the instant venues, best first. */
  instant: readonly Quote[] = [];
  /** Deposit: buying the token on venues instead of minting it (issue 15), best first. */
  entries: readonly EntryRoute[] = [];
  loading = false;
  error: KofiErrorLike | null = null;
  /**
   * The entry comparison's view, imported the first time the Stake tab has one to show (venues that quoted), so
   * the visitor's eager chunk does not carry it (issue 15: the lean path never quotes venues). Until it has
   * loaded, the tab renders a placeholder in its place.
   */
  entryView: EntryView | null = null;
  private entryViewLoading: Promise<void> | null = null;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | null = null;

  constructor(private readonly host: StakeHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
  }

  /** Forgets the current quotes (another tab). */
  clear(): void {
    this.quote = null;
    this.instant = [];
    this.entries = [];
    this.error = null;
    this.host.requestUpdate();
  }

  /** Quotes the form again after the debounce; a quote in flight is dropped. */
  schedule(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.loading = this.host._quoteRequest() !== null && this.host._backend !== null;
    this.host.requestUpdate();
    this.timer = setTimeout(() => void this.fetch(), QUOTE_DEBOUNCE_MS);
  }

  /** Imports the entry comparison's view once; a failed import is tried again with the next quote. */
  private loadEntryView(): void {
    this.entryViewLoading ??= import("../entry-view.ts").then(
      (view) => {
        this.entryView = view;
        this.host.requestUpdate();
      },
      () => {
        // The comparison is optional (the mint quote stands alone, as when no venue quotes): not an error.
        this.entryViewLoading = null;
      },
    );
  }

  private async fetch(): Promise<void> {
    const host = this.host;
    const backend = host._backend;
    const request = host._quoteRequest();
    if (!backend || !request) {
      this.quote = null;
      this.instant = [];
      this.entries = [];
      this.error = null;
      this.loading = false;
      host.requestUpdate();
      return;
    }
    const ac = new AbortController();
    this.abort = ac;
    const account = host._wallets.account;
    const options = {
      slippageBps: host.slippageBps,
      signal: ac.signal,
      ...(account ? { account: account.address } : {}),
    };
    this.loading = true;
    host.requestUpdate();
    try {
      if (request.action === "request_withdrawal") {
        const paths = host._exitPaths;
        const [standard, instant] = await Promise.all([
          paths.includes("standard")
            ? withTimeout(backend.quote(request, options), REQUEST_TIMEOUT_MS, "quote")
            : Promise.resolve(null),
          paths.includes("instant")
            ? withTimeout(
                backend.quoteInstant(
                  { action: "instant_exit", amount: request.amount, from: request.from },
                  options,
                ),
                REQUEST_TIMEOUT_MS,
                "quoteInstant",
              ).catch(() => [] as Quote[]) // no route is not an error: the card says so
            : Promise.resolve([] as Quote[]),
        ]);
        if (ac.signal.aborted) return;
        this.quote = standard;
        this.instant = instant;
        this.entries = [];
      } else if (request.action === "deposit" && backend.quoteEntry) {
        const [quote, entries] = await Promise.all([
          withTimeout(backend.quote(request, options), REQUEST_TIMEOUT_MS, "quote"),
          // Venues are a comparison: one that fails or has no route is left out, never an error.
          withTimeout(backend.quoteEntry(request, options), REQUEST_TIMEOUT_MS, "quoteEntry").catch(
            () => [] as EntryRoute[],
          ),
        ]);
        if (ac.signal.aborted) return;
        this.quote = quote;
        this.instant = [];
        this.entries = entries;
        if (hasEntryComparison(entries)) this.loadEntryView();
      } else {
        const quote = await withTimeout(backend.quote(request, options), REQUEST_TIMEOUT_MS, "quote");
        if (ac.signal.aborted) return;
        this.quote = quote;
        this.instant = [];
        this.entries = [];
      }
      this.error = null;
    } catch (e) {
      if (ac.signal.aborted) return;
      this.quote = null;
      this.instant = [];
      this.entries = [];
      this.error = toKofiError(e);
      emitError(host, this.error);
    } finally {
      if (!ac.signal.aborted) this.loading = false;
      host.requestUpdate();
    }
  }
}
