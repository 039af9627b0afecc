import { formatUnits, parseDecimal } from "../core/bps.ts";
import type { ChainReader } from "../core/chain.ts";
import { gasEstimate, makeQuote } from "../core/finalize.ts";
import type { AdapterMeta } from "../core/meta.ts";
import type { Hop, Quote } from "../core/quote.ts";
import type { SwapAdapter, SwapPayload } from "../core/swapAdapter.ts";
import { type Address, APT_METADATA, type KofiTokens, normalize } from "../core/tokens.ts";
import { VENUES } from "./mainnet.ts";

/**
 * Panora swap API, shapes as documented (docs.panora.exchange `developer/swap/api`, collected in
 * `docs/research/adapters.md` §4.1): `POST {base}/swap?chainId&fromTokenAddress&toTokenAddress&
 * fromTokenAmount&toWalletAddress&slippagePercentage` with header `x-api-key`; amounts in human units.
 */
export interface PanoraQuoteJson {
  toTokenAmount: string;
  minToTokenAmount: string;
  priceImpact?: string | number;
  slippagePercentage?: string | number;
  feeAmount?: string | number;
  route?: {
    percentage?: number | string;
    routeTaken?: {
      fromToken?: string;
      toToken?: string;
      percentage?: number | string;
      dexName?: string;
      aggregatorName?: string;
    }[][];
  }[];
  txData: { function: string; type_arguments: string[]; arguments: unknown[] };
}
export interface PanoraSwapResponse {
  fromToken?: { address: string; current_price?: string };
  toToken?: { address: string; current_price?: string };
  fromTokenAmount?: string;
  fromTokenAmountUSD?: string;
  quotes: PanoraQuoteJson[];
}

/** Estimated gas of an aggregator route (an estimate; routes vary). */
export const PANORA_GAS_UNITS = 3_000n;
/** Panora's public docs key placeholder is NOT embedded: hosts pass their own key. */
export interface PanoraOptions {
  apiKey: string;
  tokens: KofiTokens;
  /** For the gas price. */
  reader: ChainReader;
  baseUrl?: string;
  /** 1 = mainnet (Panora is Aptos-only). */
  chainId?: number;
  /** Entry functions the returned `txData` may call, by package address (default: Panora's contract). */
  allowedTargets?: readonly Address[];
  fetch?: typeof fetch;
  /** Decimals of the tokens (default 8 for APT, kAPT, stkAPT). */
  decimals?: (token: Address) => number;
  /** Placeholder wallet when the quote has no sender (the returned transaction is then not usable). */
  quoteWallet?: Address;
}

const short = (a: Address) => (a === APT_METADATA ? "0xa" : a);

export function panoraAdapter(o: PanoraOptions): SwapAdapter {
  const base = (o.baseUrl ?? VENUES.panora.api).replace(/\/+$/, "");
  const allowed = new Set((o.allowedTargets ?? [VENUES.panora.package]).map((a) => normalize(a)));
  const doFetch = o.fetch ?? fetch;
  const dec = o.decimals ?? (() => 8);
  const known = new Set<Address>([o.tokens.APT, o.tokens.kAPT, o.tokens.stkAPT]);
  const meta: AdapterMeta = {
    id: "panora",
    name: "Panora",
    kind: "aggregator",
    packages: [VENUES.panora.package],
    liveness: VENUES.panora.liveness,
    livenessSource: VENUES.panora.livenessSource,
    quoteSource: "http",
  };
  return {
    meta,
    supports: (a, b) => a !== b && known.has(normalize(a)) && known.has(normalize(b)),
    async quote(r) {
      const wallet = r.sender ?? o.quoteWallet ?? "0x1";
      const q = new URLSearchParams({
        chainId: String(o.chainId ?? 1),
        fromTokenAddress: short(r.tokenIn),
        toTokenAddress: short(r.tokenOut),
        fromTokenAmount: formatUnits(r.amountIn, dec(r.tokenIn)),
        toWalletAddress: wallet,
        slippagePercentage: formatUnits(r.slippageBps, 2),
      });
      const [res, gasPrice] = await Promise.all([
        doFetch(`${base}/swap?${q}`, {
          method: "POST",
          headers: { "x-api-key": o.apiKey, accept: "application/json" },
          ...(r.signal ? { signal: r.signal } : {}),
        }),
        o.reader.gasUnitPrice(),
      ]);
      if (!res.ok) {
        const body = await res.text().catch(() => "");
        throw new Error(`panora: HTTP ${res.status}${body ? `: ${body.slice(0, 200)}` : ""}`);
      }
      const json = (await res.json()) as PanoraSwapResponse;
      const best = json.quotes?.[0];
      if (!best) return null;
      const outDec = dec(r.tokenOut);
      const amountOut = parseDecimal(best.toTokenAmount, outDec);
      const minOut = parseDecimal(best.minToTokenAmount, outDec);
      const target = normalize(best.txData.function.split("::")[0] ?? "");
      const warnings: string[] = [];
      if (!allowed.has(target))
        throw new Error(`panora: txData calls ${best.txData.function}, not an allowed target`);
      const ours = (amountOut * (10_000n - r.slippageBps)) / 10_000n;
      if (minOut + 1n < ours) warnings.push("panora: its min-out is looser than the requested slippage");
      if (!r.sender)
        warnings.push("panora: quoted without a sender; re-quote with the signer before building");
      const route: Hop[] = (best.route ?? []).flatMap((leg) =>
        (leg.routeTaken ?? []).flat().map((h) => ({
          venue: "panora",
          pool: `${h.dexName ?? "?"}${h.aggregatorName ? `/${h.aggregatorName}` : ""}`,
          tokenIn: normalize(h.fromToken ?? r.tokenIn),
          tokenOut: normalize(h.toToken ?? r.tokenOut),
        })),
      );
      return makeQuote({
        adapterId: meta.id,
        request: r,
        amountOut,
        minAmountOut: minOut,
        spotOut: undefined,
        reportedImpactBps: best.priceImpact === undefined ? 0n : parseDecimal(best.priceImpact, 2),
        route,
        fees:
          best.feeAmount === undefined
            ? []
            : [
                {
                  label: "Panora fee",
                  token: r.tokenIn,
                  amount: parseDecimal(best.feeAmount, dec(r.tokenIn)),
                  includedInOut: true,
                },
              ],
        gas: gasEstimate(PANORA_GAS_UNITS, gasPrice),
        warnings,
        venueData: { txData: best.txData, wallet },
      });
    },
    buildPayload(q: Quote, options = {}): SwapPayload {
      const v = q.venueData as { txData?: PanoraQuoteJson["txData"]; wallet?: string } | undefined;
      if (!v?.txData) throw new Error("panora: this quote was not made by the panora adapter");
      if (!q.request.sender)
        throw new Error("panora: re-quote with a sender; Panora builds the transaction for one wallet");
      if (options.recipient && normalize(options.recipient) !== normalize(q.request.sender)) {
        throw new Error(
          "panora: the output goes to the quoted wallet; a different recipient needs a new quote",
        );
      }
      return {
        minAmountOut: q.minAmountOut,
        data: {
          function: v.txData.function as `${string}::${string}::${string}`,
          typeArguments: v.txData.type_arguments,
          functionArguments: v.txData.arguments as never,
        },
      };
    },
  };
}
