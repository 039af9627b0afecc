import type { EntryFunctionABI } from "@aptos-labs/ts-sdk";
import { type MoveFunctionJson, toEntryFunctionAbi } from "../core/abiJson.ts";
import { formatUnits, parseDecimal } from "../core/bps.ts";
import type { ChainReader } from "../core/chain.ts";
import { gasEstimate, makeQuote } from "../core/finalize.ts";
import type { AdapterMeta } from "../core/meta.ts";
import type { Hop, Quote } from "../core/quote.ts";
import type { SwapAdapter, SwapPayload } from "../core/swapAdapter.ts";
import { type Address, APT_METADATA, type KofiTokens, normalize } from "../core/tokens.ts";
import { VENUES } from "./mainnet.ts";

/**
 * Panora swap API, shapes as documented (docs.panora.exchange `developer/swap/api` and its examples page,
 * collected in `docs/research/adapters.md` §4.1): `POST {base}/swap?chainId&fromTokenAddress&toTokenAddress&
 * fromTokenAmount&toWalletAddress&slippagePercentage` with header `x-api-key`; amounts in human units. The
 * examples show each hop's `fromToken` / `toToken` as an object `{ tokenType, name, symbol, decimals }`
 * (`tokenType` = FA address or coin type); plain address strings are accepted too.
 */
export interface PanoraTokenJson {
  tokenType?: string;
  address?: string;
  name?: string;
  symbol?: string;
  decimals?: number;
}

/**
 * `panora_swap::router_entry`, the entry the API's `txData` calls: `&signer` then 20 parameters, 32 type
 * parameters (`PanoraExchange/Panora-Contract-Integration-Example` @f955089
 * `dependencies/Panora_Swap/sources/panora_swap.move`). The meaning of each parameter is not documented.
 */
export const PANORA_ROUTER_ENTRY: MoveFunctionJson = {
  name: "router_entry",
  visibility: "public",
  is_entry: true,
  is_view: false,
  generic_type_params: Array.from({ length: 32 }, () => ({ constraints: [] })),
  params: [
    "&signer",
    "0x1::option::Option<signer>",
    "address",
    "u64",
    "u8",
    "vector<u8>",
    "vector<vector<vector<u8>>>",
    "vector<vector<vector<u64>>>",
    "vector<vector<vector<bool>>>",
    "vector<vector<u8>>",
    "vector<vector<vector<address>>>",
    "vector<vector<address>>",
    "vector<vector<address>>",
    "0x1::option::Option<vector<vector<vector<vector<vector<u8>>>>>>",
    "vector<vector<vector<u64>>>",
    "0x1::option::Option<vector<vector<vector<u8>>>>",
    "address",
    "vector<u64>",
    "u64",
    "u64",
    "address",
  ],
  return: [],
};

/** The coin type of APT; Panora names APT by it or by `0xa`. */
const APT_COIN = "0x1::aptos_coin::AptosCoin";

/**
 * A hop token as Panora reports it (object or string) to an address: FA addresses are normalised, APT's coin
 * type becomes its paired FA (`0xa`), other coin types are kept as they are. `undefined` when absent.
 */
export function panoraTokenAddress(t: unknown): Address | undefined {
  if (t === undefined || t === null) return undefined;
  const raw =
    typeof t === "string"
      ? t
      : typeof t === "object"
        ? ((t as PanoraTokenJson).tokenType ?? (t as PanoraTokenJson).address)
        : undefined;
  if (typeof raw !== "string") throw new TypeError(`panora: not a token: ${JSON.stringify(t)}`);
  if (raw === APT_COIN || raw === "0xa") return APT_METADATA;
  if (raw.includes("::")) return raw as Address;
  return normalize(raw);
}

export interface PanoraQuoteJson {
  toTokenAmount: string;
  minToTokenAmount: string;
  priceImpact?: string | number;
  slippagePercentage?: string | number;
  feeAmount?: string | number;
  route?: {
    percentage?: number | string;
    routeTaken?: {
      fromToken?: string | PanoraTokenJson;
      toToken?: string | PanoraTokenJson;
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
          tokenIn: panoraTokenAddress(h.fromToken) ?? r.tokenIn,
          tokenOut: panoraTokenAddress(h.toToken) ?? r.tokenOut,
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
      const fn = v.txData.function as `${string}::${string}::${string}`;
      const [, module, name] = fn.split("::");
      let abi: EntryFunctionABI | undefined;
      if (module === "panora_swap" && name === "router_entry") {
        // the published signature: a txData of another arity would fail at signing; fail here instead
        const want = PANORA_ROUTER_ENTRY.params.length - 1;
        if (v.txData.arguments.length !== want || v.txData.type_arguments.length !== 32) {
          throw new Error(
            `panora: router_entry takes ${want} arguments and 32 type arguments, txData has ${v.txData.arguments.length} and ${v.txData.type_arguments.length}`,
          );
        }
        abi = toEntryFunctionAbi(PANORA_ROUTER_ENTRY);
      }
      return {
        minAmountOut: q.minAmountOut,
        data: {
          function: fn,
          typeArguments: v.txData.type_arguments,
          functionArguments: v.txData.arguments as never,
          ...(abi ? { abi } : {}),
        },
      };
    },
  };
}
