/**
 * ThalaSwap v2 (`pool` module) hosted by the localnet at ThalaSwap v2's mainnet address, with one 50/50
 * weighted APT-kAPT pool, so a second fungible-asset DEX runs end to end.
 *
 * Signatures: `ThalaLabs/integrate-thala` @29c201a `thalaswap_v2_interface/sources/pool.move`
 * (`swap_exact_in_weighted_entry(&signer, Object<Pool>, Object<Metadata>, u64, Object<Metadata>, u64)`,
 * `#[view] preview_swap_exact_in_weighted(Object<Pool>, Object<Metadata>, Object<Metadata>, u64,
 * Option<address>): SwapPreview`, `#[view] pools`, `pool_assets_metadata`, `pool_balances`, `pool_weights`,
 * `pool_swap_fee_bps`, `pool_is_weighted`, `pool_is_stable`; the `SwapPreview` field list).
 * NOT verified (Thala publishes interfaces, not bodies): the exact fee rounding, the protocol-fee split
 * (2000 bps of the fee per the research notes) and the abort code for a short output; the model supports only
 * equal weights, where weighted math is x·y=k. Model-only state: `pool::LocalnetWeightedPool`.
 *
 * Metastable pools (the kind an LST/APT pool is on mainnet) are not in that interface file (2024-11): the
 * names come from later integrators (`Hyperionxyz/hyperion-sdk` @b4bc37a
 * `packages/sdk/src/helper/aggregateSwap/dex/thalaswapV2.ts` composes `pool::swap_exact_in_metastable`;
 * public code calls `#[view] pool::preview_swap_exact_in_metastable(pool, in, out, amount, Option<address>)`
 * and the entry `swap_exact_in_metastable_entry`). Their parameters are taken to mirror the stable ones; the
 * genesis adds one APT-stkAPT metastable pool whose math here is plain x·y=k on the balances (Thala's
 * rate-scaled stable math is not published): the contract (names, parameters, `SwapPreview`) is what is tested.
 */
import { utf8 } from "../../runtime/address.ts";
import type { Address, FunctionBinding, Runtime } from "../../runtime/port.ts";
import { entryFn, moduleAbi, OBJ_METADATA, viewFn } from "../abi.ts";
import { argA, argU, signerOf, venueAbort } from "../support.ts";
import type { VenueGenesisContext, VenuePackage } from "../types.ts";

export const THALASWAP_V2: Address = "0x007730cd28ee1cdc9e999336cbc430f99e7c44397c0aa77516f6f23a78559bb5";
const POOL_T = `${THALASWAP_V2}::pool::LocalnetWeightedPool`;
const POOLS_T = `${THALASWAP_V2}::pool::LocalnetPools`;
const OBJ_POOL = `0x1::object::Object<${THALASWAP_V2}::pool::Pool>`;
const PREVIEW = `${THALASWAP_V2}::pool::SwapPreview`;
const POOL_MOD = `${THALASWAP_V2}::pool`;
const PROTOCOL_SHARE_BPS = 2_000n;

interface WeightedPool {
  /** Model-only: which pool type the entry/preview functions of the pool must match. */
  kind?: "weighted" | "metastable";
  assets: Address[];
  balances: bigint[];
  weights: bigint[];
  swap_fee_bps: bigint;
  protocol_fees: bigint[];
}

function pool(rt: Runtime, addr: Address): WeightedPool {
  if (!rt.storage.exists(addr, POOL_T))
    venueAbort(POOL_MOD, "ERR_POOL_NOT_FOUND", 1n, "No pool here (model code).");
  return rt.storage.borrowMut<WeightedPool>(addr, POOL_T);
}

/** The SwapPreview of an exact-in swap (equal weights: constant product on the post-fee input). */
function preview(p: WeightedPool, tokenIn: Address, tokenOut: Address, amountIn: bigint) {
  const i = p.assets.indexOf(tokenIn);
  const o = p.assets.indexOf(tokenOut);
  if (i < 0 || o < 0 || i === o)
    venueAbort(POOL_MOD, "ERR_POOL_INVALID_ASSET", 2n, "Asset not in pool (model code).");
  const fee = (amountIn * p.swap_fee_bps) / 10_000n;
  const post = amountIn - fee;
  const bi = p.balances[i] as bigint;
  const bo = p.balances[o] as bigint;
  const out = (bo * post) / (bi + post);
  return {
    amount_in: amountIn,
    amount_in_post_fee: post,
    amount_out: out,
    amount_normalized_in: 0n,
    amount_normalized_out: 0n,
    total_fee_amount: fee,
    protocol_fee_amount: (fee * PROTOCOL_SHARE_BPS) / 10_000n,
    idx_in: BigInt(i),
    idx_out: BigInt(o),
    swap_fee_bps: p.swap_fee_bps,
  };
}

const view = (name: string, run: (rt: Runtime, a: readonly unknown[]) => unknown[]): FunctionBinding => ({
  module: "pool",
  name,
  run: (rt, a) => run(rt, a),
});

/** The pool's type, checked by every typed entry/preview (the real pools abort on a type mismatch). */
function typed(rt: Runtime, addr: Address, kind: "weighted" | "metastable"): WeightedPool {
  const p = pool(rt, addr);
  if ((p.kind ?? "weighted") !== kind)
    venueAbort(POOL_MOD, "ERR_POOL_TYPE_MISMATCH", 4n, "Wrong pool type (model code).");
  return p;
}

function swapEntry(kind: "weighted" | "metastable"): FunctionBinding {
  return {
    module: "pool",
    name: `swap_exact_in_${kind}_entry`,
    run: (rt, a, s) => {
      const user = signerOf(s);
      const addr = argA(a, 0);
      const tokenIn = argA(a, 1);
      const amountIn = argU(a, 2);
      const tokenOut = argA(a, 3);
      const minOut = argU(a, 4);
      const p = typed(rt, addr, kind);
      const q = preview(p, tokenIn, tokenOut, amountIn);
      if (q.amount_out < minOut) {
        venueAbort(POOL_MOD, "ERR_INSUFFICIENT_OUTPUT", 3n, "Output below min_amount_out (model code).");
      }
      const fw = rt.framework;
      fw.faTransfer(user, tokenIn, addr, amountIn);
      fw.faTransfer(fw.signerFor(addr), tokenOut, user.address, q.amount_out);
      const i = Number(q.idx_in);
      const o = Number(q.idx_out);
      p.balances[i] = (p.balances[i] as bigint) + amountIn - q.protocol_fee_amount;
      p.protocol_fees[i] = (p.protocol_fees[i] as bigint) + q.protocol_fee_amount;
      p.balances[o] = (p.balances[o] as bigint) - q.amount_out;
      rt.emit(`${POOL_MOD}::SwapEvent`, {
        pool_obj: { inner: addr },
        metadata: p.assets.map((x) => ({ inner: x })),
        idx_in: q.idx_in,
        idx_out: q.idx_out,
        amount_in: amountIn,
        amount_out: q.amount_out,
        total_fee_amount: q.total_fee_amount,
        protocol_fee_amount: q.protocol_fee_amount,
        pool_balances: [...p.balances],
      });
    },
  };
}

export const thalaBindings: FunctionBinding[] = [
  swapEntry("weighted"),
  swapEntry("metastable"),
  view("preview_swap_exact_in_weighted", (rt, a) => [
    preview(typed(rt, argA(a, 0), "weighted"), argA(a, 1), argA(a, 2), argU(a, 3)),
  ]),
  view("preview_swap_exact_in_metastable", (rt, a) => [
    preview(typed(rt, argA(a, 0), "metastable"), argA(a, 1), argA(a, 2), argU(a, 3)),
  ]),
  view("pools", (rt) => [
    rt.storage.exists(THALASWAP_V2, POOLS_T)
      ? [...rt.storage.borrow<{ pools: Address[] }>(THALASWAP_V2, POOLS_T).pools]
      : [],
  ]),
  view("pool_assets_metadata", (rt, a) => [[...pool(rt, argA(a, 0)).assets]]),
  view("pool_balances", (rt, a) => [[...pool(rt, argA(a, 0)).balances]]),
  view("pool_weights", (rt, a) => [[...pool(rt, argA(a, 0)).weights]]),
  view("pool_swap_fee_bps", (rt, a) => [pool(rt, argA(a, 0)).swap_fee_bps]),
  view("pool_is_weighted", (rt, a) => [
    rt.storage.exists(argA(a, 0), POOL_T) && (pool(rt, argA(a, 0)).kind ?? "weighted") === "weighted",
  ]),
  view("pool_is_stable", () => [false]),
];

const p1 = (name: string, ret: string) => viewFn(name, [OBJ_POOL], [ret]);
export const thalaModules = {
  pool: moduleAbi(
    THALASWAP_V2,
    "pool",
    [
      entryFn("swap_exact_in_weighted_entry", [OBJ_POOL, OBJ_METADATA, "u64", OBJ_METADATA, "u64"]),
      entryFn("swap_exact_in_metastable_entry", [OBJ_POOL, OBJ_METADATA, "u64", OBJ_METADATA, "u64"]),
      viewFn(
        "preview_swap_exact_in_weighted",
        [OBJ_POOL, OBJ_METADATA, OBJ_METADATA, "u64", "0x1::option::Option<address>"],
        [PREVIEW],
      ),
      viewFn(
        "preview_swap_exact_in_metastable",
        [OBJ_POOL, OBJ_METADATA, OBJ_METADATA, "u64", "0x1::option::Option<address>"],
        [PREVIEW],
      ),
      viewFn("pools", [], [`vector<${OBJ_POOL}>`]),
      p1("pool_assets_metadata", `vector<${OBJ_METADATA}>`),
      p1("pool_balances", "vector<u64>"),
      p1("pool_weights", "vector<u64>"),
      p1("pool_swap_fee_bps", "u64"),
      p1("pool_is_weighted", "bool"),
      p1("pool_is_stable", "bool"),
    ],
    [
      {
        name: "SwapPreview",
        is_native: false,
        abilities: ["drop"],
        generic_type_params: [],
        fields: [
          { name: "amount_in", type: "u64" },
          { name: "amount_in_post_fee", type: "u64" },
          { name: "amount_out", type: "u64" },
          { name: "amount_normalized_in", type: "u128" },
          { name: "amount_normalized_out", type: "u128" },
          { name: "total_fee_amount", type: "u64" },
          { name: "protocol_fee_amount", type: "u64" },
          { name: "idx_in", type: "u64" },
          { name: "idx_out", type: "u64" },
          { name: "swap_fee_bps", type: "u64" },
        ],
      },
    ],
  ),
};

/** A smaller, slightly better-priced APT-kAPT pool than Hyperion's: small exits route here, large ones don't. */
export const THALA_SEED = {
  apt: 20_000n * 100_000_000n,
  kaptPriceBps: 9_970n,
  swapFeeBps: 5n,
  /** The APT-stkAPT metastable pool: stkAPT at 0.995 x the vault rate, shallower than Hyperion's. */
  metastable: { apt: 5_000n * 100_000_000n, stkaptDiscountBps: 9_950n, swapFeeBps: 4n },
} as const;

export function thalaGenesis(rt: Runtime, ctx: VenueGenesisContext): void {
  const fw = rt.framework;
  const addr = fw.createNamedObject(
    fw.signerFor(THALASWAP_V2),
    utf8(`localnet-weighted:${ctx.kaptMetadata}`),
  );
  const apt: Address = "0x000000000000000000000000000000000000000000000000000000000000000a";
  const kapt = (THALA_SEED.apt * 10_000n) / THALA_SEED.kaptPriceBps;
  fw.faTransfer(ctx.lp, apt, addr, THALA_SEED.apt);
  fw.faTransfer(ctx.lp, ctx.kaptMetadata, addr, kapt);
  rt.storage.moveTo<WeightedPool>(addr, POOL_T, {
    assets: [apt, ctx.kaptMetadata],
    balances: [THALA_SEED.apt, kapt],
    weights: [50n, 50n],
    swap_fee_bps: THALA_SEED.swapFeeBps,
    protocol_fees: [0n, 0n],
  });
  if (!rt.storage.exists(THALASWAP_V2, POOLS_T))
    rt.storage.moveTo(THALASWAP_V2, POOLS_T, { pools: [] as Address[] });
  rt.storage.borrowMut<{ pools: Address[] }>(THALASWAP_V2, POOLS_T).pools.push(addr);

  // metastable APT-stkAPT
  const m = THALA_SEED.metastable;
  const maddr = fw.createNamedObject(
    fw.signerFor(THALASWAP_V2),
    utf8(`localnet-metastable:${ctx.stkaptMetadata}`),
  );
  // stkAPT worth rate * discount APT: stkAPT = apt * den * 10000 / (num * discount)
  const stk =
    (m.apt * ctx.stkaptRate.denominator * 10_000n) / (ctx.stkaptRate.numerator * m.stkaptDiscountBps);
  fw.faTransfer(ctx.lp, apt, maddr, m.apt);
  fw.faTransfer(ctx.lp, ctx.stkaptMetadata, maddr, stk);
  rt.storage.moveTo<WeightedPool>(maddr, POOL_T, {
    kind: "metastable",
    assets: [apt, ctx.stkaptMetadata],
    balances: [m.apt, stk],
    weights: [],
    swap_fee_bps: m.swapFeeBps,
    protocol_fees: [0n, 0n],
  });
  rt.storage.borrowMut<{ pools: Address[] }>(THALASWAP_V2, POOLS_T).pools.push(maddr);
}

export const thalaswapPackage: VenuePackage = {
  name: "thalaswap-v2",
  address: THALASWAP_V2,
  modules: thalaModules,
  bindings: thalaBindings,
  genesis: thalaGenesis,
  sources: [
    "ThalaLabs/integrate-thala@29c201a thalaswap_v2_interface/sources/pool.move",
    "Hyperionxyz/hyperion-sdk@b4bc37a packages/sdk/src/helper/aggregateSwap/dex/thalaswapV2.ts (pool::swap_exact_in_metastable)",
  ],
};
