/**
 * Quotes on the host's swap venues (`@kofi/adapters`): buying kAPT/stkAPT with APT (the entry router, compared
 * with minting) and selling them for APT (the exit router, plus the deprecated registry swaps). Every venue
 * quote is signable as the venue built it: its entry function is allowlisted and its payload kept for signing.
 */
import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import {
  type ChainReader,
  chainReader,
  createEntryRouter,
  createExitRouter,
  type KofiTokens,
  kofiRateProvider,
  kofiVenueAdapter,
  resolveKofiTokens,
} from "@kofi/adapters";
import {
  type KofiClient,
  minOutFromQuote,
  quoteUnstake,
  type RegistrySwapAdapter,
  type SwapAdapter,
  toKofiError,
} from "@kofi/core";
import { normalizeAddress } from "./allowlist.ts";
import type { EntryRoute, Quote, QuoteOptions, QuoteRequest } from "./backend.ts";
import { toEntryPayload } from "./entry-payload.ts";

export interface VenueOptions {
  /** The host's venues, built from the chain reader and token addresses (`CoreBackendOptions.exits`). */
  exits?: (context: { reader: ChainReader; tokens: KofiTokens }) => readonly SwapAdapter[];
  /** Per-venue quote deadline, ms. */
  exitTimeoutMs: number;
  /** Deprecated registry swaps (`CoreBackendOptions.swaps`). */
  swaps: readonly RegistrySwapAdapter[];
  quoteTtlMs: number;
}

/** What the backend does with a venue's quote so that it can be signed as quoted. */
export interface SwapQuoteKeeper {
  /** Allowlists a venue's entry function (the widget signs only allowlisted functions). */
  allow(fn: string): void;
  /** Remembers the venue's payload behind a quote, signed as is. */
  keepSwap(quote: Quote, kind: string, payload: InputEntryFunctionData, minOut: bigint): void;
}

export interface VenueContext {
  reader: ChainReader;
  tokens: KofiTokens;
  adapters: readonly SwapAdapter[];
}

type ExitRequest = Extract<QuoteRequest, { action: "instant_exit" }>;

type SwapQuoteFields = Pick<
  Quote,
  "request" | "tokenIn" | "amountIn" | "tokenOut" | "amountOut" | "route" | "expiresAt"
>;

export class VenueQuotes {
  private context: Promise<VenueContext> | null = null;

  constructor(
    private readonly client: KofiClient,
    private readonly network: string,
    private readonly options: VenueOptions,
    private readonly keeper: SwapQuoteKeeper,
  ) {}

  /**
   * A signable swap quote: the venue's payload as the widget's, its min-out as the venue computed it, no Kofi
   * fee; kept so that it is signed exactly as quoted.
   */
  private offer(
    kind: string,
    fields: SwapQuoteFields,
    payload: InputEntryFunctionData,
    minOut: bigint,
  ): Quote {
    const quote: Quote = {
      request: fields.request,
      tokenIn: fields.tokenIn,
      amountIn: fields.amountIn,
      tokenOut: fields.tokenOut,
      amountOut: fields.amountOut,
      minOut,
      fee: 0n,
      payload: toEntryPayload(payload),
      route: fields.route,
      expiresAt: fields.expiresAt,
    };
    this.keeper.keepSwap(quote, kind, payload, minOut);
    return quote;
  }

  /** Whether the host configured venues (`exits`); without them there is no entry comparison. */
  get configured(): boolean {
    return this.options.exits !== undefined;
  }

  /** The chain reader, token addresses and adapters, built once (again after a failure). */
  venueContext(): Promise<VenueContext> {
    const factory = this.options.exits;
    if (!factory) throw { code: "invalid_config", message: "No venue is configured." };
    this.context ??= (async () => {
      const reader = chainReader(this.client.aptos);
      const tokens = await resolveKofiTokens(this.client);
      return { reader, tokens, adapters: factory({ reader, tokens }) };
    })().catch((e: unknown) => {
      this.context = null;
      throw e;
    });
    return this.context;
  }

  async entryRoutes(amount: bigint, to: "kAPT" | "stkAPT", options: QuoteOptions): Promise<EntryRoute[]> {
    const ctx = await this.venueContext();
    const router = createEntryRouter({
      reader: ctx.reader,
      tokens: ctx.tokens,
      rates: kofiRateProvider(this.client),
      kofi: kofiVenueAdapter({ client: this.client, reader: ctx.reader, tokens: ctx.tokens }),
      adapters: ctx.adapters,
      timeoutMs: this.options.exitTimeoutMs,
      ...(options.account ? { sender: options.account as `0x${string}` } : {}),
    });
    const x = await router.getEntryOptions({
      token: to,
      amountApt: amount,
      slippageBps: options.slippageBps,
    });
    const name = (id: string) => ctx.adapters.find((a) => a.meta.id === id)?.meta.name ?? id;
    const routes: EntryRoute[] = [];
    for (const r of x.ranked) {
      if (r.adapterId === "kofi") continue;
      const adapter = ctx.adapters.find((a) => a.meta.id === r.adapterId);
      const base = {
        id: r.adapterId,
        venue: name(r.adapterId),
        tokenOut: to,
        amountOut: r.quote.amountOut,
        vsMintBps: r.vsMintBps === undefined ? null : Number(r.vsMintBps),
      };
      let quote: Quote | undefined;
      if (adapter && options.account) {
        try {
          const built = await adapter.buildPayload(r.quote, { recipient: options.account as `0x${string}` });
          this.keeper.allow(built.data.function);
          const q = r.quote;
          // The protocol value of what is bought, from the router's own reading of the rate (net value + gas).
          const fairOut = r.netValueApt + q.gas.octas;
          const aptAddress = normalizeAddress(ctx.tokens.APT);
          const feeIn = q.fees
            .filter((f) => normalizeAddress(f.token) === aptAddress)
            .reduce((sum, f) => sum + f.amount, 0n);
          quote = this.offer(
            `buy:${r.adapterId}`,
            {
              request: { action: "buy", amount, to, venue: r.adapterId },
              tokenIn: "APT",
              amountIn: amount,
              tokenOut: to,
              amountOut: q.amountOut,
              route: {
                venue: base.venue,
                priceImpactBps: Number(q.priceImpactBps),
                discountBps: amount > 0n ? Number(((amount - fairOut) * 10_000n) / amount) : 0,
                fairValueApt: fairOut,
                ...(feeIn > 0n ? { feeIn } : {}),
              },
              expiresAt: q.expiresAtMs,
            },
            built.data,
            built.minAmountOut,
          );
        } catch {
          quote = undefined; // shown for comparison, not offered: its payload cannot be built
        }
      }
      routes.push(quote ? { ...base, quote } : base);
    }
    for (const v of x.venues) {
      if (v.adapterId === "kofi" || v.status === "ok" || v.status === "unsupported" || v.status === "skipped")
        continue;
      routes.push({
        id: v.adapterId,
        venue: name(v.adapterId),
        tokenOut: to,
        amountOut: 0n,
        vsMintBps: null,
        unavailable: v.status,
      });
    }
    return routes;
  }

  /** `@kofi/adapters` exit router: every venue in parallel at one ledger version; failures are skipped. */
  async exitQuotesThroughRouter(request: ExitRequest, options: QuoteOptions): Promise<Quote[]> {
    if (!this.options.exits) return [];
    let ctx: VenueContext;
    try {
      ctx = await this.venueContext();
    } catch (e) {
      throw toKofiError(e, { kofiAddress: this.client.kofiAddress });
    }
    const router = createExitRouter({
      client: this.client,
      reader: ctx.reader,
      tokens: ctx.tokens,
      rates: kofiRateProvider(this.client),
      adapters: ctx.adapters,
      timeoutMs: this.options.exitTimeoutMs,
      ...(options.account ? { sender: options.account as `0x${string}` } : {}),
    });
    const x = await router.getExitOptions({
      token: request.from,
      amount: request.amount,
      slippageBps: options.slippageBps,
    });
    const out: Quote[] = [];
    for (const venue of x.ranked) {
      const adapter = ctx.adapters.find((a) => a.meta.id === venue.adapterId);
      if (!adapter) continue;
      try {
        const built = await adapter.buildPayload(
          venue.quote,
          options.account ? { recipient: options.account as `0x${string}` } : {},
        );
        this.keeper.allow(built.data.function);
        const q = venue.quote;
        const quote = this.offer(
          `swap:${adapter.meta.id}`,
          {
            request,
            tokenIn: request.from,
            amountIn: request.amount,
            tokenOut: "APT",
            amountOut: q.amountOut,
            route: {
              venue: adapter.meta.name,
              discountBps: Number(q.discountToFairBps ?? 0n),
              priceImpactBps: Number(q.priceImpactBps),
              fairValueApt: x.fairValueApt,
            },
            expiresAt: q.expiresAtMs,
          },
          built.data,
          built.minAmountOut,
        );
        out.push(quote);
      } catch {
        // a venue whose payload cannot be built is not offered
      }
    }
    return out;
  }

  /** The deprecated registry swaps, quoted one by one without the router. */
  async exitQuotesThroughSwaps(request: ExitRequest, options: QuoteOptions): Promise<Quote[]> {
    const swaps = this.options.swaps.filter((s) => !s.networks || s.networks.includes(this.network));
    if (swaps.length === 0) return [];
    // Fair value: kAPT redeems 1:1 for APT; stkAPT at the vault rate.
    const fair =
      request.from === "kAPT" ? request.amount : (await quoteUnstake(this.client, request.amount)).kaptOut;
    const quotes = await Promise.all(
      swaps.map(async (swap): Promise<Quote | null> => {
        try {
          const { amountOut } = await swap.quote(this.client, {
            from: request.from,
            to: "APT",
            amountIn: request.amount,
          });
          if (amountOut <= 0n) return null;
          const minOut = minOutFromQuote(amountOut, options.slippageBps);
          const payload = await swap.buildSwap(this.client, {
            from: request.from,
            to: "APT",
            amountIn: request.amount,
            minAmountOut: minOut,
          });
          this.keeper.allow(payload.function);
          const discountBps = fair > amountOut ? Number(((fair - amountOut) * 10_000n) / fair) : 0;
          const quote = this.offer(
            `swap:${swap.id}`,
            {
              request,
              tokenIn: request.from,
              amountIn: request.amount,
              tokenOut: "APT",
              amountOut,
              route: { venue: swap.name, discountBps, fairValueApt: fair },
              expiresAt: Date.now() + Math.min(this.options.quoteTtlMs, 15_000),
            },
            payload,
            minOut,
          );
          return quote;
        } catch {
          return null; // one venue failing is not an error: the others may still route
        }
      }),
    );
    return quotes.filter((q): q is Quote => q !== null);
  }
}
