import { entry, OBJ_METADATA, view } from "../core/abiJson.ts";
import { big, type ChainReader, toEntryFunctionAbi } from "../core/chain.ts";
import { gasEstimate, makeQuote } from "../core/finalize.ts";
import type { AdapterMeta } from "../core/meta.ts";
import type { Quote } from "../core/quote.ts";
import type { SwapAdapter, SwapPayload } from "../core/swapAdapter.ts";
import { type Address, normalize } from "../core/tokens.ts";
import { VENUES } from "./mainnet.ts";

/**
 * ThalaSwap v2 (FA-native weighted and stable pools). Signatures from `ThalaLabs/integrate-thala` @29c201a
 * `thalaswap_v2_interface/sources/pool.move`: `swap_exact_in_{weighted,stable}_entry(&signer, Object<Pool>,
 * Object<Metadata> in, u64, Object<Metadata> out, u64 min_out)` and `#[view] preview_swap_exact_in_{weighted,
 * stable}(Object<Pool>, in, out, u64, Option<address>): SwapPreview`. Metastable pools (the kind an LST/APT
 * pool is) are not in that file: `Hyperionxyz/hyperion-sdk` @b4bc37a composes `pool::swap_exact_in_metastable`
 * and public integrator code calls `preview_swap_exact_in_metastable` with the stable preview's parameters and
 * the entry `swap_exact_in_metastable_entry`; their parameters are assumed to mirror the stable ones
 * (unverified until a mainnet ABI read). No kAPT/stkAPT pool is known on mainnet, so by default this adapter
 * routes nothing; hosts list pools as they appear.
 */
export function thalaAbi(address: Address) {
  const pool = `0x1::object::Object<${address}::pool::Pool>`;
  const preview = `${address}::pool::SwapPreview`;
  const args = [pool, OBJ_METADATA, "u64", OBJ_METADATA, "u64"];
  const pargs = [pool, OBJ_METADATA, OBJ_METADATA, "u64", "0x1::option::Option<address>"];
  return {
    swap_exact_in_weighted_entry: entry("swap_exact_in_weighted_entry", args),
    swap_exact_in_stable_entry: entry("swap_exact_in_stable_entry", args),
    swap_exact_in_metastable_entry: entry("swap_exact_in_metastable_entry", args),
    preview_swap_exact_in_weighted: view("preview_swap_exact_in_weighted", pargs, [preview]),
    preview_swap_exact_in_stable: view("preview_swap_exact_in_stable", pargs, [preview]),
    preview_swap_exact_in_metastable: view("preview_swap_exact_in_metastable", pargs, [preview]),
    pools: view("pools", [], [`vector<${pool}>`]),
    pool_assets_metadata: view("pool_assets_metadata", [pool], [`vector<${OBJ_METADATA}>`]),
    pool_is_weighted: view("pool_is_weighted", [pool], ["bool"]),
    pool_is_stable: view("pool_is_stable", [pool], ["bool"]),
  } as const;
}

export type ThalaPoolKind = "weighted" | "stable" | "metastable";
export interface ThalaPool {
  pool: Address;
  assets: readonly Address[];
  kind: ThalaPoolKind;
}

export const THALA_SWAP_GAS_UNITS = 1_500n;

/**
 * Find ThalaSwap v2 pools holding one of `tokens` (`pool::pools()` then `pool_assets_metadata` and the pool
 * type of each). One view per pool: call it once at start-up, not per quote.
 */
export async function discoverThalaPools(
  reader: ChainReader,
  tokens: readonly Address[],
  address: Address = VENUES.thalaswapV2.package,
): Promise<ThalaPool[]> {
  const abi = thalaAbi(address);
  const fid = (f: keyof typeof abi) => `${address}::pool::${f}` as const;
  const [list] = await reader.view(fid("pools"), abi.pools, []);
  const want = new Set(tokens.map((t) => normalize(t)));
  const out: ThalaPool[] = [];
  for (const p of (list as unknown[]).map((x) => normalize(x))) {
    const [[assets], [weighted], [stable]] = await Promise.all([
      reader.view(fid("pool_assets_metadata"), abi.pool_assets_metadata, [p]),
      reader.view(fid("pool_is_weighted"), abi.pool_is_weighted, [p]),
      reader.view(fid("pool_is_stable"), abi.pool_is_stable, [p]),
    ]);
    const a = (assets as unknown[]).map((x) => normalize(x));
    if (!a.some((x) => want.has(x))) continue;
    // neither weighted nor stable: the third pool type, metastable
    out.push({ pool: p, assets: a, kind: weighted ? "weighted" : stable ? "stable" : "metastable" });
  }
  return out;
}
/** Probe size for the marginal price (price impact): 0.01 token. */
const PROBE = 1_000_000n;

export function thalaswapV2Adapter(o: {
  reader: ChainReader;
  pools?: readonly ThalaPool[];
  address?: Address;
}): SwapAdapter {
  const address = o.address ?? VENUES.thalaswapV2.package;
  const abi = thalaAbi(address);
  const pools = (o.pools ?? []).map((p) => ({
    ...p,
    pool: normalize(p.pool),
    assets: p.assets.map((a) => normalize(a)),
  }));
  const find = (a: Address, b: Address) =>
    pools.find((p) => p.assets.includes(normalize(a)) && p.assets.includes(normalize(b)));
  const meta: AdapterMeta = {
    id: "thalaswap-v2",
    name: "ThalaSwap v2",
    kind: "amm",
    packages: [address],
    liveness: VENUES.thalaswapV2.liveness,
    livenessSource: VENUES.thalaswapV2.livenessSource,
    quoteSource: "view",
  };
  return {
    meta,
    supports: (a, b) => a !== b && find(a, b) !== undefined,
    async quote(r) {
      const p = find(r.tokenIn, r.tokenOut);
      if (!p) return null;
      const call = (kind: ThalaPoolKind, amount: bigint) => {
        const fn = `preview_swap_exact_in_${kind}` as const;
        return o.reader.view(
          `${address}::pool::${fn}`,
          abi[fn],
          [p.pool, r.tokenIn, r.tokenOut, amount, undefined],
          r.ledgerVersion,
        );
      };
      const probe = r.amountIn < PROBE ? r.amountIn : PROBE;
      const both = (kind: ThalaPoolKind) => Promise.all([call(kind, r.amountIn), call(kind, probe)]);
      const [previews, gasPrice] = await Promise.all([
        // a pool that reports itself stable may be metastable (whether `pool_is_stable` is true for
        // metastable pools is not published): one retry with the metastable preview, then remembered
        both(p.kind).catch(async (e: unknown) => {
          if (p.kind !== "stable") throw e;
          const r2 = await both("metastable");
          p.kind = "metastable";
          return r2;
        }),
        o.reader.gasUnitPrice(),
      ]);
      const [[full], [small]] = previews;
      const f = full as { amount_out: string; total_fee_amount: string; swap_fee_bps?: string };
      const s = small as { amount_out: string };
      const out = big(f.amount_out);
      return makeQuote({
        adapterId: meta.id,
        request: r,
        amountOut: out,
        spotOut: (big(s.amount_out) * r.amountIn) / probe,
        route: [
          {
            venue: "thalaswap-v2",
            pool: p.pool,
            tokenIn: r.tokenIn,
            tokenOut: r.tokenOut,
            amountIn: r.amountIn,
            amountOut: out,
          },
        ],
        fees: [{ label: "swap fee", token: r.tokenIn, amount: big(f.total_fee_amount), includedInOut: true }],
        gas: gasEstimate(THALA_SWAP_GAS_UNITS, gasPrice),
        venueData: { pool: p.pool, kind: p.kind },
      });
    },
    buildPayload(q: Quote): SwapPayload {
      const v = q.venueData as { pool?: Address; kind?: ThalaPoolKind } | undefined;
      if (!v?.pool || !v.kind)
        throw new Error("thalaswap-v2: this quote was not made by the thalaswap-v2 adapter");
      const fn = `swap_exact_in_${v.kind}_entry` as const;
      return {
        minAmountOut: q.minAmountOut,
        data: {
          function: `${address}::pool::${fn}`,
          functionArguments: [v.pool, q.request.tokenIn, q.amountIn, q.request.tokenOut, q.minAmountOut],
          abi: toEntryFunctionAbi(abi[fn]),
        },
      };
    },
  };
}
