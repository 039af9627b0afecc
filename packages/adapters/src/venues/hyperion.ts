import { entry, OBJ_METADATA, view } from "../core/abiJson.ts";
import { big, type ChainReader, toEntryFunctionAbi } from "../core/chain.ts";
import { gasEstimate, makeQuote } from "../core/finalize.ts";
import type { AdapterMeta } from "../core/meta.ts";
import type { Quote, QuoteRequest } from "../core/quote.ts";
import type { SwapAdapter, SwapPayload } from "../core/swapAdapter.ts";
import { type Address, type KofiTokens, normalize } from "../core/tokens.ts";
import { VENUES } from "./mainnet.ts";

/**
 * Hyperion CLMM. Signatures from `Hyperionxyz/hyperion-interface` @595fec8 (`sources/v3/router_v3.move`,
 * `sources/v3/pool_v3.move`); the fullnode ABI strings below are those signatures as the node prints them.
 */
export function hyperionAbi(address: Address) {
  const pool = `0x1::object::Object<${address}::pool_v3::LiquidityPoolV3>`;
  return {
    swap_batch: entry("swap_batch", ["vector<address>", OBJ_METADATA, OBJ_METADATA, "u64", "u64", "address"]),
    get_batch_amount_out: view(
      "get_batch_amount_out",
      ["vector<address>", "u64", OBJ_METADATA, OBJ_METADATA],
      ["u64"],
    ),
    liquidity_pool_address_safe: view(
      "liquidity_pool_address_safe",
      [OBJ_METADATA, OBJ_METADATA, "u8"],
      ["bool", "address"],
    ),
    current_tick_and_price: view("current_tick_and_price", ["address"], ["u32", "u128"]),
    supported_inner_assets: view("supported_inner_assets", [pool], [`vector<${OBJ_METADATA}>`]),
    get_fee_rate: view("get_fee_rate", ["u8"], ["u64"]),
    get_amount_out: view("get_amount_out", [pool, OBJ_METADATA, "u64"], ["u64", "u64"]),
  } as const;
}

const PPM = 1_000_000n;

/**
 * The fee rate in millionths. `pool_v3.move` @595fec8 documents `fee_rate` over `FEE_RATE_DENOMINATOR =
 * 1000000`; `get_fee_rate`'s own unit is not stated, so the rate is checked against the fee the pool charges
 * for the same input (`get_amount_out`'s second value, rounded up by the pool): millionths if it matches,
 * bps (x100) if that matches, else the charged fee itself gives the rate (with `unit: "measured"`).
 */
export function hyperionFeeRatePpm(
  rate: bigint,
  amountIn: bigint,
  feeCharged: bigint,
): { ppm: bigint; unit: "ppm" | "bps" | "measured" } {
  const near = (den: bigint) => {
    const f = (amountIn * rate) / den;
    return feeCharged >= f && feeCharged <= f + 1n;
  };
  if (amountIn === 0n || near(PPM)) return { ppm: rate, unit: "ppm" };
  if (near(10_000n)) return { ppm: rate * 100n, unit: "bps" };
  return { ppm: (feeCharged * PPM) / amountIn, unit: "measured" };
}

/** Estimated gas units of one `swap_batch` hop (an estimate; `Quote.gas.simulated` is false). */
export const HYPERION_SWAP_GAS_UNITS = 1_500n;
const Q128 = 1n << 128n;

export interface HyperionOptions {
  reader: ChainReader;
  tokens: KofiTokens;
  /** Package address (default: mainnet). The localnet hosts it at the same address. */
  address?: Address;
  /** Fee tiers to look for pools in (default [0] = 0.01 %, where the Kofi pools live). */
  feeTiers?: readonly number[];
}

export function hyperionAdapter(o: HyperionOptions): SwapAdapter {
  const address = o.address ?? VENUES.hyperion.package;
  const abi = hyperionAbi(address);
  const fid = (m: string, f: string) => `${address}::${m}::${f}` as const;
  const tiers = o.feeTiers ?? [0];
  const known = new Set<Address>([o.tokens.APT, o.tokens.kAPT, o.tokens.stkAPT]);
  const meta: AdapterMeta = {
    id: "hyperion",
    name: "Hyperion",
    kind: "clmm",
    packages: [address],
    liveness: VENUES.hyperion.liveness,
    livenessSource: VENUES.hyperion.livenessSource,
    quoteSource: "view",
  };

  /** Pool addresses never change once created: found pools are cached, misses are asked again. */
  const poolCache = new Map<string, Address>();
  async function findPool(r: QuoteRequest, tier: number): Promise<Address | undefined> {
    const key = `${[r.tokenIn, r.tokenOut].sort().join(":")}:${tier}`;
    const hit = poolCache.get(key);
    if (hit) return hit;
    const [exists, pool] = await o.reader.view(
      fid("pool_v3", "liquidity_pool_address_safe"),
      abi.liquidity_pool_address_safe,
      [r.tokenIn, r.tokenOut, tier],
      r.ledgerVersion,
    );
    if (!exists) return undefined;
    const p = normalize(pool);
    poolCache.set(key, p);
    return p;
  }

  /** Token order and fee rate of a pool are immutable: read once. */
  const infoCache = new Map<Address, { tokenA: Address; fee: bigint }>();
  async function poolInfo(pool: Address, tier: number, lv: bigint) {
    const hit = infoCache.get(pool);
    if (hit) return hit;
    const [[assets], [feeRate]] = await Promise.all([
      o.reader.view(fid("pool_v3", "supported_inner_assets"), abi.supported_inner_assets, [pool], lv),
      o.reader.view(fid("pool_v3", "get_fee_rate"), abi.get_fee_rate, [tier], lv),
    ]);
    const info = { tokenA: normalize((assets as unknown[])[0]), fee: big(feeRate) };
    infoCache.set(pool, info);
    return info;
  }

  /** Amount out and spot price of one pool, all reads in parallel (one round once caches are warm). */
  async function quotePool(r: QuoteRequest, tier: number) {
    const pool = await findPool(r, tier);
    if (!pool) return undefined;
    const [[out], [hopOut, hopFee], [, sqrt], info] = await Promise.all([
      o.reader.view(
        fid("router_v3", "get_batch_amount_out"),
        abi.get_batch_amount_out,
        [[pool], r.amountIn, r.tokenIn, r.tokenOut],
        r.ledgerVersion,
      ),
      // the pool's own (out, fee) for the same input: exact fee, and a cross-check of the router view
      o.reader.view(
        fid("pool_v3", "get_amount_out"),
        abi.get_amount_out,
        [pool, r.tokenIn, r.amountIn],
        r.ledgerVersion,
      ),
      o.reader.view(
        fid("pool_v3", "current_tick_and_price"),
        abi.current_tick_and_price,
        [pool],
        r.ledgerVersion,
      ),
      poolInfo(pool, tier, r.ledgerVersion),
    ]);
    return {
      tier,
      pool,
      out: big(out),
      hopOut: big(hopOut),
      feePaid: big(hopFee),
      sqrtP: big(sqrt),
      ...info,
    };
  }

  return {
    meta,
    supports: (a, b) => a !== b && known.has(normalize(a)) && known.has(normalize(b)),
    async quote(r) {
      const [gasPrice, ...found] = await Promise.all([
        o.reader.gasUnitPrice(),
        ...tiers.map((t) => quotePool(r, t)),
      ]);
      let best: NonNullable<(typeof found)[number]> | undefined;
      for (const f of found) if (f && (!best || f.out > best.out)) best = f;
      if (!best) return null;
      const { sqrtP } = best;
      const unit = hyperionFeeRatePpm(best.fee, r.amountIn, best.feePaid);
      const fee = unit.ppm;
      const aToB = best.tokenA === r.tokenIn;
      const p2 = sqrtP * sqrtP;
      const spotGross = aToB ? (r.amountIn * p2) / Q128 : (r.amountIn * Q128) / p2;
      const spotOut = (spotGross * (PPM - fee)) / PPM;
      return makeQuote({
        adapterId: meta.id,
        request: r,
        amountOut: best.out,
        spotOut,
        route: [
          {
            venue: "hyperion",
            pool: best.pool,
            tokenIn: r.tokenIn,
            tokenOut: r.tokenOut,
            amountIn: r.amountIn,
            amountOut: best.out,
            feeRatePpm: fee,
          },
        ],
        fees: [
          {
            label: "LP fee",
            token: r.tokenIn,
            amount: best.feePaid,
            includedInOut: true,
          },
        ],
        warnings: [
          ...(best.hopOut === best.out
            ? []
            : [`hyperion: pool_v3::get_amount_out says ${best.hopOut}, router_v3 says ${best.out}`]),
          ...(unit.unit === "ppm"
            ? []
            : [`hyperion: get_fee_rate ${best.fee} read as ${unit.unit} (fee charged ${best.feePaid})`]),
        ],
        gas: gasEstimate(HYPERION_SWAP_GAS_UNITS, gasPrice),
        venueData: { pools: [best.pool], feeTier: best.tier },
      });
    },
    buildPayload(q: Quote, options = {}): SwapPayload {
      const pools = (q.venueData as { pools?: Address[] } | undefined)?.pools;
      if (!pools?.length) throw new Error("hyperion: this quote was not made by the hyperion adapter");
      const recipient = options.recipient ?? q.request.sender;
      if (!recipient) throw new Error("hyperion: a recipient (or the quote's sender) is required");
      return {
        minAmountOut: q.minAmountOut,
        data: {
          function: fid("router_v3", "swap_batch"),
          functionArguments: [
            pools,
            q.request.tokenIn,
            q.request.tokenOut,
            q.amountIn,
            q.minAmountOut,
            recipient,
          ],
          abi: toEntryFunctionAbi(abi.swap_batch),
        },
      };
    },
  };
}
