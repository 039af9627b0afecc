import { shortfallBps, toBps } from "../core/bps.ts";
import type { ChainReader } from "../core/chain.ts";
import type { Quote, QuoteRequest } from "../core/quote.ts";
import { fairValueWithRate, type RateProvider } from "../core/rateProvider.ts";
import type { SwapAdapter } from "../core/swapAdapter.ts";
import type { Address, ExitToken, KofiTokens } from "../core/tokens.ts";
import { AdapterTimeoutError, withTimeout } from "./timeout.ts";

export interface EntryRouterOptions {
  reader: ChainReader;
  tokens: KofiTokens;
  rates: RateProvider;
  /** Kofi itself (`kofiVenueAdapter`): the mint path every venue is compared with. */
  kofi: SwapAdapter;
  /** DEXes / aggregators that may sell kAPT or stkAPT for APT. */
  adapters: readonly SwapAdapter[];
  /** Per-venue deadline (default 2500 ms). */
  timeoutMs?: number;
  disabled?: readonly string[];
  sender?: Address;
}

/** One way in. `valueApt` is what the received tokens are worth at the protocol rate (kAPT 1:1). */
export type EntryResult =
  | {
      adapterId: string;
      status: "ok";
      quote: Quote;
      /** Protocol value of `quote.amountOut` in APT, minus gas. */
      netValueApt: bigint;
      /** How much more (positive) or less (negative) than minting this route yields, in bps of the mint's value. */
      vsMintBps: bigint | undefined;
      ms: number;
    }
  | { adapterId: string; status: "no-route" | "unsupported" | "skipped"; reason: string; ms: number }
  | { adapterId: string; status: "timeout" | "error"; error: string; ms: number };

export interface EntryOptions {
  token: ExitToken;
  amountApt: bigint;
  ledgerVersion: bigint;
  /** Minting through Kofi (`undefined` when paused / failed: see `venues`). */
  mint: Extract<EntryResult, { status: "ok" }> | undefined;
  /** Every ok route (mint included), best value first. */
  ranked: Extract<EntryResult, { status: "ok" }>[];
  venues: EntryResult[];
  best: Extract<EntryResult, { status: "ok" }> | undefined;
  /** True when a venue beats minting (e.g. stkAPT trading at a discount). */
  buyBeatsMint: boolean;
}

/**
 * The entry router: for `amountApt` APT in, compares minting kAPT / stkAPT through Kofi with buying them on
 * the venues, at one pinned ledger version, each venue under its own deadline; ranks by the protocol value of
 * what is received, net of gas. Failures are reported per venue, never thrown.
 */
export function createEntryRouter(o: EntryRouterOptions) {
  const timeoutMs = o.timeoutMs ?? 2_500;
  async function getEntryOptions(args: {
    token: ExitToken;
    amountApt: bigint;
    slippageBps: bigint | number;
  }): Promise<EntryOptions> {
    const slippageBps = toBps(args.slippageBps, "slippage");
    if (args.amountApt <= 0n) throw new RangeError("amount must be positive");
    const ledgerVersion = await o.reader.ledgerVersion();
    const request: QuoteRequest = {
      tokenIn: o.tokens.APT,
      tokenOut: o.tokens[args.token],
      amountIn: args.amountApt,
      slippageBps,
      ledgerVersion,
      ...(o.sender ? { sender: o.sender } : {}),
    };
    const all = [o.kofi, ...o.adapters];
    const [rate, ...results] = await Promise.all([
      o.rates.rate({ ledgerVersion }),
      ...all.map((a) => quoteOne(a, request)),
    ]);
    const value = (q: Quote) => fairValueWithRate(args.token, q.amountOut, rate) - q.gas.octas;
    const venues = results.map((r) => (r.status === "ok" ? { ...r, netValueApt: value(r.quote) } : r));
    const mint = venues[0]?.status === "ok" ? venues[0] : undefined;
    const ok = venues.filter((v): v is Extract<EntryResult, { status: "ok" }> => v.status === "ok");
    for (const v of ok)
      v.vsMintBps =
        mint && mint.netValueApt > 0n ? -shortfallBps(v.netValueApt, mint.netValueApt) : undefined;
    const ranked = [...ok].sort((x, y) =>
      x.netValueApt === y.netValueApt ? 0 : x.netValueApt > y.netValueApt ? -1 : 1,
    );
    const best = ranked[0];
    return {
      token: args.token,
      amountApt: args.amountApt,
      ledgerVersion,
      mint,
      ranked,
      venues,
      best,
      buyBeatsMint:
        best !== undefined &&
        mint !== undefined &&
        best.adapterId !== mint.adapterId &&
        best.netValueApt > mint.netValueApt,
    };
  }

  async function quoteOne(a: SwapAdapter, request: QuoteRequest): Promise<EntryResult> {
    const id = a.meta.id;
    const start = performance.now();
    const ms = () => Math.round(performance.now() - start);
    if (o.disabled?.includes(id))
      return { adapterId: id, status: "skipped", reason: "disabled by the host", ms: 0 };
    if (a.meta.liveness === "defunct")
      return { adapterId: id, status: "skipped", reason: "venue is defunct", ms: 0 };
    try {
      const q = await withTimeout(id, timeoutMs, async (signal) => {
        if (!(await a.supports(request.tokenIn, request.tokenOut))) return "unsupported" as const;
        return a.quote({ ...request, signal });
      });
      if (q === "unsupported")
        return { adapterId: id, status: "unsupported", reason: "pair not supported", ms: ms() };
      if (!q) return { adapterId: id, status: "no-route", reason: "no pool, route or paused", ms: ms() };
      if (
        q.amountIn !== request.amountIn ||
        q.ledgerVersion !== request.ledgerVersion ||
        q.minAmountOut > q.amountOut
      )
        return { adapterId: id, status: "error", error: `${id}: inconsistent quote`, ms: ms() };
      return { adapterId: id, status: "ok", quote: q, netValueApt: 0n, vsMintBps: undefined, ms: ms() };
    } catch (e) {
      if (e instanceof AdapterTimeoutError)
        return { adapterId: id, status: "timeout", error: e.message, ms: ms() };
      return { adapterId: id, status: "error", error: e instanceof Error ? e.message : String(e), ms: ms() };
    }
  }

  return { getEntryOptions };
}
