import type { KofiClient } from "@kofi/core";
import { annualiseBps, shortfallBps, toBps } from "../core/bps.ts";
import type { ChainReader } from "../core/chain.ts";
import type { Quote, QuoteRequest } from "../core/quote.ts";
import { fairValueWithRate, type RateProvider } from "../core/rateProvider.ts";
import type { SwapAdapter } from "../core/swapAdapter.ts";
import type { Address, ExitToken, KofiTokens } from "../core/tokens.ts";
import { checkQuote, type GuardVerdict, type QuoteGuard } from "./guard.ts";
import { type StandardPath, standardPath } from "./standardPath.ts";
import { AdapterTimeoutError, withTimeout } from "./timeout.ts";

export interface ExitRouterOptions {
  client: KofiClient;
  reader: ChainReader;
  tokens: KofiTokens;
  rates: RateProvider;
  adapters: readonly SwapAdapter[];
  /** Per-adapter deadline for one quote (default 2500 ms). */
  timeoutMs?: number;
  guard?: QuoteGuard;
  /** Quote "winding-down" venues (with a warning). Default true; "defunct" venues are never quoted. */
  includeWindingDown?: boolean;
  /** Disable adapters by id. */
  disabled?: readonly string[];
  /** Sender forwarded to adapters (aggregators build transactions for it). */
  sender?: Address;
}

/** One venue's answer. A failing or slow venue is reported here, never thrown. */
export type VenueResult =
  | {
      adapterId: string;
      status: "ok";
      quote: Quote;
      netApt: bigint;
      guard: GuardVerdict;
      /** Cost of leaving now instead of the ticket, annualised over the wait; `undefined` without a standard path. */
      annualisedCostBps: bigint | undefined;
      ms: number;
    }
  | { adapterId: string; status: "no-route" | "unsupported" | "skipped"; reason: string; ms: number }
  | { adapterId: string; status: "timeout" | "error"; error: string; ms: number };

export interface ExitOptions {
  token: ExitToken;
  amount: bigint;
  ledgerVersion: bigint;
  /** Protocol fair value of `amount` in APT (kAPT 1:1, stkAPT at the vault rate). */
  fairValueApt: bigint;
  /** The withdrawal-ticket path; `undefined` when it cannot be quoted now (e.g. withdrawals paused). */
  standard: StandardPath | undefined;
  /** Why the standard path is missing. */
  standardError?: string;
  /** Quoted venues ranked by APT received net of gas; blocked quotes last. */
  ranked: Extract<VenueResult, { status: "ok" }>[];
  /** Every venue, in adapter order, including failures. */
  venues: VenueResult[];
  /** The best unblocked option, if any. */
  best: Extract<VenueResult, { status: "ok" }> | undefined;
  /** Earliest expiry of the ranked quotes (refresh after it). */
  expiresAtMs: number;
  /** Router CPU time spent outside awaits (ms, approximate). */
  routerCpuMs: number;
}

/**
 * The exit router: quotes every enabled adapter in parallel, each with its own timeout, at one pinned ledger
 * version, next to the protocol's standard path; ranks by APT net of gas; applies the quote guard.
 */
export function createExitRouter(o: ExitRouterOptions) {
  const timeoutMs = o.timeoutMs ?? 2_500;

  async function getExitOptions(args: {
    token: ExitToken;
    amount: bigint;
    slippageBps: bigint | number;
  }): Promise<ExitOptions> {
    const slippageBps = toBps(args.slippageBps, "slippage");
    if (args.amount <= 0n) throw new RangeError("amount must be positive");
    let cpu = 0;
    // round 1: pin the ledger version (and read chain time) for every read below
    const info = await o.reader.aptos.getLedgerInfo();
    let mark = performance.now();
    const ledgerVersion = BigInt(info.ledger_version);
    const nowSecs = BigInt(info.ledger_timestamp) / 1_000_000n;
    const request: QuoteRequest = {
      tokenIn: o.tokens[args.token],
      tokenOut: o.tokens.APT,
      amountIn: args.amount,
      slippageBps,
      ledgerVersion,
      ...(o.sender ? { sender: o.sender } : {}),
    };
    // round 2: the rate, the standard path and every venue, all in parallel
    const rateP = o.rates.rate({ ledgerVersion });
    const standardP = withTimeout("standard-path", timeoutMs, () =>
      standardPath(o.client, args.token, args.amount, nowSecs, ledgerVersion),
    ).then(
      (value) => ({ value, error: undefined }),
      (e: unknown) => ({ value: undefined, error: e instanceof Error ? e.message : String(e) }),
    );
    const venueP = o.adapters.map((a) => quoteOne(a, request));
    cpu += performance.now() - mark;
    const [rate, std, ...venues] = await Promise.all([rateP, standardP, ...venueP]);
    const standard = std.value;
    mark = performance.now();
    const fairValueApt = fairValueWithRate(args.token, args.amount, rate);
    for (const v of venues) {
      if (v.status !== "ok") continue;
      // discount to fair value and the guard need the rate: applied once it is known
      v.quote.request = { ...v.quote.request, fairValueOut: fairValueApt };
      v.quote.discountToFairBps = shortfallBps(v.quote.amountOut, fairValueApt);
      v.guard = checkQuote(v.quote, o.guard);
      v.quote.warnings.push(...v.guard.reasons);
    }
    const ok = venues.filter((v): v is Extract<VenueResult, { status: "ok" }> => v.status === "ok");
    const finalOk = ok.map((v) => {
      const annual = standard
        ? annualiseBps(shortfallBps(v.netApt, standard.aptAtUnlock), standard.waitSecs)
        : undefined;
      return { ...v, annualisedCostBps: annual };
    });
    const ranked = [...finalOk].sort((x, y) => {
      const bx = x.guard.level === "block" ? 1 : 0;
      const by = y.guard.level === "block" ? 1 : 0;
      if (bx !== by) return bx - by;
      return x.netApt === y.netApt ? 0 : x.netApt > y.netApt ? -1 : 1;
    });
    const byId = new Map(finalOk.map((v) => [v.adapterId, v]));
    const all = venues.map((v) => byId.get(v.adapterId) ?? v);
    const best = ranked.find((r) => r.guard.level !== "block");
    const expiresAtMs = ranked.length ? Math.min(...ranked.map((r) => r.quote.expiresAtMs)) : Date.now();
    cpu += performance.now() - mark;
    return {
      token: args.token,
      amount: args.amount,
      ledgerVersion,
      fairValueApt,
      standard,
      ...(std.error ? { standardError: std.error } : {}),
      ranked,
      venues: all,
      best,
      expiresAtMs,
      routerCpuMs: cpu,
    };
  }

  async function quoteOne(a: SwapAdapter, request: QuoteRequest): Promise<VenueResult> {
    const id = a.meta.id;
    const start = performance.now();
    const ms = () => Math.round((performance.now() - start) * 1000) / 1000;
    if (o.disabled?.includes(id))
      return { adapterId: id, status: "skipped", reason: "disabled by the host", ms: 0 };
    if (a.meta.liveness === "defunct")
      return { adapterId: id, status: "skipped", reason: "venue is defunct", ms: 0 };
    if (a.meta.liveness === "winding-down" && o.includeWindingDown === false) {
      return { adapterId: id, status: "skipped", reason: "venue is winding down", ms: 0 };
    }
    try {
      // one deadline for the whole venue (supports + quote)
      const q = await withTimeout(id, timeoutMs, async (signal) => {
        if (!(await a.supports(request.tokenIn, request.tokenOut))) return "unsupported" as const;
        return a.quote({ ...request, signal });
      });
      if (q === "unsupported")
        return { adapterId: id, status: "unsupported", reason: "pair not supported", ms: ms() };
      if (!q)
        return { adapterId: id, status: "no-route", reason: "no pool or route for this pair", ms: ms() };
      const bad = inconsistency(q, request);
      if (bad)
        return { adapterId: id, status: "error", error: `${id}: inconsistent quote: ${bad}`, ms: ms() };
      if (a.meta.liveness === "winding-down") q.warnings.push(`${id}: venue is winding down`);
      if (a.meta.liveness === "unknown") q.warnings.push(`${id}: venue liveness unknown`);
      const guard: GuardVerdict = { level: "ok", reasons: [] }; // set by getExitOptions once the rate is known
      return {
        adapterId: id,
        status: "ok",
        quote: q,
        netApt: q.amountOut - q.gas.octas,
        guard,
        annualisedCostBps: undefined,
        ms: ms(),
      };
    } catch (e) {
      if (e instanceof AdapterTimeoutError)
        return { adapterId: id, status: "timeout", error: e.message, ms: ms() };
      return { adapterId: id, status: "error", error: e instanceof Error ? e.message : String(e), ms: ms() };
    }
  }

  /** Re-quote one venue at the latest ledger version (same request otherwise). */
  async function refresh(q: Quote): Promise<Quote | null> {
    const a = o.adapters.find((x) => x.meta.id === q.adapterId);
    if (!a) throw new Error(`no adapter ${q.adapterId}`);
    const ledgerVersion = await o.reader.ledgerVersion();
    const token: ExitToken = q.request.tokenIn === o.tokens.stkAPT ? "stkAPT" : "kAPT";
    const { signal: _s, fairValueOut: _f, ...rest } = q.request;
    const [fair, fresh] = await Promise.all([
      o.rates.fairValueApt(token, q.amountIn, { ledgerVersion }),
      withTimeout(a.meta.id, timeoutMs, (signal) => a.quote({ ...rest, ledgerVersion, signal })),
    ]);
    if (!fresh) return null;
    fresh.request = { ...fresh.request, fairValueOut: fair };
    fresh.discountToFairBps = shortfallBps(fresh.amountOut, fair);
    const guard = checkQuote(fresh, o.guard);
    fresh.warnings.push(...guard.reasons);
    return fresh;
  }

  return { getExitOptions, refresh };
}

/** Third-party adapters are checked, not trusted: a quote must describe the request it answers. */
function inconsistency(q: Quote, r: QuoteRequest): string | undefined {
  if (q.amountIn !== r.amountIn) return `amountIn ${q.amountIn} != requested ${r.amountIn}`;
  if (q.amountOut < 0n || q.minAmountOut < 0n) return "negative amount";
  if (q.minAmountOut > q.amountOut) return "minAmountOut above amountOut";
  if (q.request.tokenIn !== r.tokenIn || q.request.tokenOut !== r.tokenOut)
    return "tokens differ from the request";
  if (q.ledgerVersion !== r.ledgerVersion)
    return `read at version ${q.ledgerVersion}, not ${r.ledgerVersion}`;
  return undefined;
}
