/**
 * Hyperion CLMM (`router_v3`, `pool_v3`) hosted by the localnet at Hyperion's mainnet address.
 *
 * Signatures: `Hyperionxyz/hyperion-interface` @595fec8 (`sources/v3/router_v3.move`, `sources/v3/pool_v3.move`:
 * `swap_batch`, `#[view] get_batch_amount_out`, `#[view] liquidity_pool_address_safe`, `current_tick_and_price`,
 * `supported_inner_assets`, `get_amount_out`, `get_fee_rate`, `get_pool_liquidity`, `pool_reserve_amount`,
 * `all_pools`). Behaviour of `swap_batch` (hop order, a2b from `supported_inner_assets[0]`, leftover input
 * returned, abort codes 200006/200007/200008) follows the mainnet bytecode as decompiled in public integrator
 * repositories; the abort codes and their names are the constants of the interface files (router_v3 2000xx,
 * pool_v3 `EPOOL_NOT_EXISTS` 100011, `EINVALID_FEE_RATE` 100013). Each pool holds one full-range position, so its swap math is exact (see ./clmm.ts).
 *
 * Model-only state (not Hyperion's layout): `pool_v3::LocalnetPoolModel` at each pool object and
 * `pool_v3::LocalnetPools` at the package address. Views and entries are the public surface; resources are not.
 */
import { namedObjectAddress, utf8 } from "../../runtime/address.ts";
import type { Address, FunctionBinding, Runtime } from "../../runtime/port.ts";
import { entryFn, moduleAbi, OBJ_METADATA, viewFn } from "../abi.ts";
import { argA, argU, argVecA, signerOf, U64_MAX, venueAbort } from "../support.ts";
import type { VenueGenesisContext, VenuePackage } from "../types.ts";
import { FEE_RATE_DENOMINATOR, Q64, sqrtPriceX64, swapExactIn, tickOf } from "./clmm.ts";

export const HYPERION: Address = "0x8b4a2c4bb53857c718a04c020b98f8c2e1f99a68b0f57389a8bf5434cd22e05c";
const POOL_T = `${HYPERION}::pool_v3::LocalnetPoolModel`;
const POOLS_T = `${HYPERION}::pool_v3::LocalnetPools`;
const OBJ_POOL = `0x1::object::Object<${HYPERION}::pool_v3::LiquidityPoolV3>`;
const ROUTER = `${HYPERION}::router_v3`;

/**
 * Fee tiers: index -> fee rate in millionths (`pool_v3.move` @595fec8: `FEE_RATE_VEC = [100, 500, 3000, 10000,
 * 1000, 2500]`, `FEE_RATE_DENOMINATOR = 1000000`, "the numerator of fee rate, the denominator is 1_000_000").
 */
export const FEE_TIERS: readonly bigint[] = [100n, 500n, 3000n, 10000n, 1000n, 2500n];

export interface PoolModel {
  token_a: Address;
  token_b: Address;
  fee_tier: bigint;
  fee_rate: bigint;
  sqrt_price: bigint;
  liquidity: bigint;
  reserve_a: bigint;
  reserve_b: bigint;
  fees_a: bigint;
  fees_b: bigint;
}

/** Hyperion orders a pair by the BCS bytes of the metadata addresses (utils::is_sorted). */
export function sortPair(x: Address, y: Address): [Address, Address] {
  return x < y ? [x, y] : [y, x];
}

export function poolAddress(x: Address, y: Address, feeTier: bigint): Address {
  const [a, b] = sortPair(x, y);
  return namedObjectAddress(HYPERION, utf8(`localnet-pool:${a}:${b}:${feeTier}`));
}

function pool(rt: Runtime, addr: Address): PoolModel {
  if (!rt.storage.exists(addr, POOL_T)) {
    venueAbort(`${HYPERION}::pool_v3`, "EPOOL_NOT_EXISTS", 100011n, "No Hyperion pool at this address.");
  }
  return rt.storage.borrowMut<PoolModel>(addr, POOL_T);
}

/** One hop: the output for `amountIn` of `from` (throws 200006 if the pool does not hold `from`). */
function quoteHop(p: PoolModel, from: Address, amountIn: bigint) {
  if (from !== p.token_a && from !== p.token_b) {
    venueAbort(ROUTER, "EMETADATA_NOT_MATCHED", 200006n, "The input token is not in this pool.");
  }
  const aToB = from === p.token_a;
  return {
    aToB,
    to: aToB ? p.token_b : p.token_a,
    step: swapExactIn(p.sqrt_price, p.liquidity, p.fee_rate, amountIn, aToB),
  };
}

function batchAmountOut(rt: Runtime, path: Address[], amountIn: bigint, from: Address, to: Address): bigint {
  let token = from;
  let amount = amountIn;
  for (const addr of path) {
    const h = quoteHop(pool(rt, addr), token, amount);
    token = h.to;
    amount = h.step.amountOut;
  }
  if (token !== to)
    venueAbort(ROUTER, "EOUT_TOKEN_NOT_MATCHED", 200007n, "The path does not end in the output token.");
  return amount;
}

const view = (
  module: string,
  name: string,
  run: (rt: Runtime, a: readonly unknown[]) => unknown[],
): FunctionBinding => ({
  module,
  name,
  run: (rt, a) => run(rt, a),
});

export const hyperionBindings: FunctionBinding[] = [
  {
    module: "router_v3",
    name: "swap_batch",
    run: (rt, a, s) => {
      const user = signerOf(s);
      const path = argVecA(a, 0);
      const from = argA(a, 1);
      const to = argA(a, 2);
      let amount = argU(a, 3);
      const minOut = argU(a, 4);
      const recipient = argA(a, 5);
      const fw = rt.framework;
      let token = from;
      for (const addr of path) {
        const p = pool(rt, addr);
        const { aToB, to: out, step } = quoteHop(p, token, amount);
        const poolSigner = fw.signerFor(addr);
        fw.faTransfer(user, token, addr, amount);
        fw.faTransfer(poolSigner, out, user.address, step.amountOut);
        const fee = step.feeAmount;
        if (aToB) {
          p.reserve_a += amount - fee;
          p.fees_a += fee;
          p.reserve_b -= step.amountOut;
        } else {
          p.reserve_b += amount - fee;
          p.fees_b += fee;
          p.reserve_a -= step.amountOut;
        }
        p.sqrt_price = step.sqrtPriceAfter;
        rt.emit(`${HYPERION}::pool_v3::SwapEventV3`, {
          pool_id: addr,
          from_token: { inner: token },
          to_token: { inner: out },
          amount_in: amount,
          amount_out: step.amountOut,
          fee_amount: fee,
          protocol_fee_amount: 0n,
          pool_reserve_a: p.reserve_a,
          pool_reserve_b: p.reserve_b,
          current_tick: { bits: tickOf(p.sqrt_price) },
          sqrt_price: p.sqrt_price,
          active_liquidity: p.liquidity,
        });
        token = out;
        amount = step.amountOut;
      }
      if (token !== to)
        venueAbort(ROUTER, "EOUT_TOKEN_NOT_MATCHED", 200007n, "The path does not end in the output token.");
      if (amount < minOut) {
        venueAbort(ROUTER, "EOUT_AMOUNT_TOO_LESS", 200008n, "The output is below amount_out_min.");
      }
      if (recipient !== user.address) fw.faTransfer(user, token, recipient, amount);
    },
  },
  view("router_v3", "get_batch_amount_out", (rt, a) => [
    batchAmountOut(rt, argVecA(a, 0), argU(a, 1), argA(a, 2), argA(a, 3)),
  ]),
  view("pool_v3", "liquidity_pool_address_safe", (rt, a) => {
    const addr = poolAddress(argA(a, 0), argA(a, 1), argU(a, 2));
    return rt.storage.exists(addr, POOL_T) ? [true, addr] : [false, `0x${"0".repeat(64)}`];
  }),
  view("pool_v3", "liquidity_pool_exists", (rt, a) => [
    rt.storage.exists(poolAddress(argA(a, 0), argA(a, 1), argU(a, 2)), POOL_T),
  ]),
  view("pool_v3", "current_tick_and_price", (rt, a) => {
    const p = pool(rt, argA(a, 0));
    return [tickOf(p.sqrt_price), p.sqrt_price];
  }),
  view("pool_v3", "supported_inner_assets", (rt, a) => {
    const p = pool(rt, argA(a, 0));
    return [[p.token_a, p.token_b]];
  }),
  view("pool_v3", "get_amount_out", (rt, a) => {
    const h = quoteHop(pool(rt, argA(a, 0)), argA(a, 1), argU(a, 2));
    return [h.step.amountOut, h.step.feeAmount];
  }),
  view("pool_v3", "get_fee_rate", (_rt, a) => {
    const fee = FEE_TIERS[Number(argU(a, 0))];
    if (fee === undefined)
      venueAbort(`${HYPERION}::pool_v3`, "EINVALID_FEE_RATE", 100013n, "Unknown fee tier.");
    return [fee];
  }),
  view("pool_v3", "get_pool_liquidity", (rt, a) => [pool(rt, argA(a, 0)).liquidity]),
  view("pool_v3", "pool_reserve_amount", (rt, a) => {
    const p = pool(rt, argA(a, 0));
    return [p.reserve_a, p.reserve_b];
  }),
  view("pool_v3", "all_pools", (rt) => [
    rt.storage.exists(HYPERION, POOLS_T)
      ? [...rt.storage.borrow<{ pools: Address[] }>(HYPERION, POOLS_T).pools]
      : [],
  ]),
];

export const hyperionModules = {
  router_v3: moduleAbi(HYPERION, "router_v3", [
    entryFn("swap_batch", ["vector<address>", OBJ_METADATA, OBJ_METADATA, "u64", "u64", "address"]),
    viewFn("get_batch_amount_out", ["vector<address>", "u64", OBJ_METADATA, OBJ_METADATA], ["u64"]),
  ]),
  pool_v3: moduleAbi(
    HYPERION,
    "pool_v3",
    [
      viewFn("liquidity_pool_address_safe", [OBJ_METADATA, OBJ_METADATA, "u8"], ["bool", "address"]),
      viewFn("liquidity_pool_exists", [OBJ_METADATA, OBJ_METADATA, "u8"], ["bool"]),
      viewFn("current_tick_and_price", ["address"], ["u32", "u128"]),
      viewFn("supported_inner_assets", [OBJ_POOL], [`vector<${OBJ_METADATA}>`]),
      viewFn("get_amount_out", [OBJ_POOL, OBJ_METADATA, "u64"], ["u64", "u64"]),
      viewFn("get_fee_rate", ["u8"], ["u64"]),
      viewFn("get_pool_liquidity", [OBJ_POOL], ["u128"]),
      viewFn("pool_reserve_amount", [OBJ_POOL], ["u64", "u64"]),
      viewFn("all_pools", [], [`vector<${OBJ_POOL}>`]),
    ],
    [
      {
        name: "SwapEventV3",
        is_native: false,
        is_event: true,
        abilities: ["drop", "store"],
        generic_type_params: [],
        fields: [
          { name: "pool_id", type: "address" },
          { name: "from_token", type: OBJ_METADATA },
          { name: "to_token", type: OBJ_METADATA },
          { name: "amount_in", type: "u64" },
          { name: "amount_out", type: "u64" },
          { name: "fee_amount", type: "u64" },
          { name: "protocol_fee_amount", type: "u64" },
          { name: "pool_reserve_a", type: "u64" },
          { name: "pool_reserve_b", type: "u64" },
          { name: "current_tick", type: `${HYPERION}::i32::I32` },
          { name: "sqrt_price", type: "u128" },
          { name: "active_liquidity", type: "u128" },
        ],
      },
    ],
  ),
};

/**
 * Create a pool holding one full-range position of `liquidity` at the price `priceNum/priceDen` (token B
 * per token A, in base units), funded by `lp`. Returns the pool address.
 */
export function createPool(
  rt: Runtime,
  lp: { address: Address },
  x: Address,
  y: Address,
  feeTier: bigint,
  sqrtPrice: bigint,
  liquidity: bigint,
): Address {
  const [a, b] = sortPair(x, y);
  const fw = rt.framework;
  const addr = fw.createNamedObject(fw.signerFor(HYPERION), utf8(`localnet-pool:${a}:${b}:${feeTier}`));
  // amounts the range [sqrtPrice, max) and (min, sqrtPrice] need, rounded up as the pool would charge
  const amountA = (liquidity * Q64 + sqrtPrice - 1n) / sqrtPrice;
  const amountB = (liquidity * sqrtPrice + Q64 - 1n) / Q64;
  if (amountA > U64_MAX || amountB > U64_MAX) throw new RangeError("pool seed exceeds u64");
  fw.faTransfer(lp, a, addr, amountA);
  fw.faTransfer(lp, b, addr, amountB);
  const fee = FEE_TIERS[Number(feeTier)];
  if (fee === undefined || fee >= FEE_RATE_DENOMINATOR) throw new RangeError("bad fee tier");
  rt.storage.moveTo<PoolModel>(addr, POOL_T, {
    token_a: a,
    token_b: b,
    fee_tier: feeTier,
    fee_rate: fee,
    sqrt_price: sqrtPrice,
    liquidity,
    reserve_a: amountA,
    reserve_b: amountB,
    fees_a: 0n,
    fees_b: 0n,
  });
  if (!rt.storage.exists(HYPERION, POOLS_T)) rt.storage.moveTo(HYPERION, POOLS_T, { pools: [] as Address[] });
  rt.storage.borrowMut<{ pools: Address[] }>(HYPERION, POOLS_T).pools.push(addr);
  return addr;
}

export const APT_FA: Address = "0x000000000000000000000000000000000000000000000000000000000000000a";

/**
 * Genesis: APT-kAPT and APT-stkAPT pools, fee tier 0 (0.01 %) as on mainnet (pool addresses differ: they
 * derive from the token addresses). Prices put kAPT at 0.995 APT and stkAPT at 0.99 × the vault rate, so
 * the exit router sees a realistic discount. Liquidity: `HYPERION_SEED` (about 100k APT of depth each).
 */
export const HYPERION_SEED = {
  /** L for each pool; ~L of each token at a price near 1. */
  liquidity: 100_000n * 100_000_000n,
  kaptPriceBps: 9_950n,
  stkaptDiscountBps: 9_900n,
} as const;

export function hyperionGenesis(rt: Runtime, ctx: VenueGenesisContext): void {
  const stkaptRate = ctx.stkaptRate;
  // price = token B per token A; kAPT worth 0.995 APT
  const kaptPair = sortPair(APT_FA, ctx.kaptMetadata);
  const kaptPrice =
    kaptPair[0] === APT_FA
      ? { n: 10_000n, d: HYPERION_SEED.kaptPriceBps } // B = kAPT per APT
      : { n: HYPERION_SEED.kaptPriceBps, d: 10_000n }; // B = APT per kAPT
  createPool(
    rt,
    ctx.lp,
    APT_FA,
    ctx.kaptMetadata,
    0n,
    sqrtPriceX64(kaptPrice.n, kaptPrice.d),
    HYPERION_SEED.liquidity,
  );
  // stkAPT worth rate × 0.99 APT
  const stkN = stkaptRate.numerator * HYPERION_SEED.stkaptDiscountBps;
  const stkD = stkaptRate.denominator * 10_000n;
  const stkPair = sortPair(APT_FA, ctx.stkaptMetadata);
  const stkPrice = stkPair[0] === APT_FA ? { n: stkD, d: stkN } : { n: stkN, d: stkD };
  createPool(
    rt,
    ctx.lp,
    APT_FA,
    ctx.stkaptMetadata,
    0n,
    sqrtPriceX64(stkPrice.n, stkPrice.d),
    HYPERION_SEED.liquidity,
  );
}

export const hyperionPackage: VenuePackage = {
  name: "hyperion",
  address: HYPERION,
  modules: hyperionModules,
  bindings: hyperionBindings,
  genesis: hyperionGenesis,
  sources: [
    "Hyperionxyz/hyperion-interface@595fec8 sources/v3/router_v3.move (swap_batch, #[view] get_batch_amount_out)",
    "Hyperionxyz/hyperion-interface@595fec8 sources/v3/pool_v3.move (#[view] pool functions)",
  ],
};
