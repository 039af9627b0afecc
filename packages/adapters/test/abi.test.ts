import { type EntryFunctionABI, generateTransactionPayloadWithABI } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MoveFunctionJson } from "../src/core/abiJson.ts";
import { gasEstimate, makeQuote } from "../src/core/finalize.ts";
import { echelonAbi, echelonAdapter } from "../src/venues/echelon.ts";
import { hyperionAbi } from "../src/venues/hyperion.ts";
import { VENUES } from "../src/venues/mainnet.ts";
import { thalaAbi, thalaswapV2Adapter } from "../src/venues/thalaswapV2.ts";
import { type Env, startEnv } from "./harness.ts";

/**
 * Payload shapes against each venue's ABI: (1) the adapters' hand-written ABIs equal the signatures the
 * venues publish (strings transcribed from the cited sources), (2) the localnet serves the same ABI for the
 * functions it hosts, (3) the payloads the adapters build encode against those ABIs (BCS, ts-sdk).
 */
const OBJ_MD = "0x1::object::Object<0x1::fungible_asset::Metadata>";
const H = VENUES.hyperion.package;
const E = VENUES.echelon.package;
const T = VENUES.thalaswapV2.package;

/** Hyperionxyz/hyperion-interface @595fec8 sources/v3/{router_v3,pool_v3}.move. */
const HYPERION_PUBLISHED: Record<string, string[]> = {
  swap_batch: ["&signer", "vector<address>", OBJ_MD, OBJ_MD, "u64", "u64", "address"],
  get_batch_amount_out: ["vector<address>", "u64", OBJ_MD, OBJ_MD],
  liquidity_pool_address_safe: [OBJ_MD, OBJ_MD, "u8"],
  current_tick_and_price: ["address"],
  supported_inner_assets: [`0x1::object::Object<${H}::pool_v3::LiquidityPoolV3>`],
  get_fee_rate: ["u8"],
  get_amount_out: [`0x1::object::Object<${H}::pool_v3::LiquidityPoolV3>`, OBJ_MD, "u64"],
};
/** EchelonMarket/echelon-sdk @0c5a7ce src/abi/lending_scripts.ts and lending_assets.ts (fullnode ABI JSON). */
const MARKET = `0x1::object::Object<${E}::lending::Market>`;
const ECHELON_PUBLISHED: Record<string, string[]> = {
  supply_fa: ["&signer", MARKET, "u64"],
  market_objects: [],
  market_asset_metadata: [MARKET],
  market_collateral_factor_bps: [MARKET],
  market_supply_cap: [MARKET],
  market_paused: [MARKET],
  market_total_cash: [MARKET],
  market_total_liability: [MARKET],
  supply_interest_rate: [MARKET],
  account_coins: ["address", MARKET],
};
/** ThalaLabs/integrate-thala @29c201a thalaswap_v2_interface/sources/pool.move. */
const POOL = `0x1::object::Object<${T}::pool::Pool>`;
const THALA_PUBLISHED: Record<string, string[]> = {
  swap_exact_in_weighted_entry: ["&signer", POOL, OBJ_MD, "u64", OBJ_MD, "u64"],
  swap_exact_in_stable_entry: ["&signer", POOL, OBJ_MD, "u64", OBJ_MD, "u64"],
  preview_swap_exact_in_weighted: [POOL, OBJ_MD, OBJ_MD, "u64", "0x1::option::Option<address>"],
  preview_swap_exact_in_stable: [POOL, OBJ_MD, OBJ_MD, "u64", "0x1::option::Option<address>"],
};

function sameParams(abi: Record<string, MoveFunctionJson>, published: Record<string, string[]>) {
  for (const [name, params] of Object.entries(published)) {
    expect(abi[name]?.params, name).toEqual(params);
  }
}

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.ln.stop();
});

async function served(address: string, module: string): Promise<MoveFunctionJson[]> {
  const r = await fetch(`${env.ln.nodeUrl}/accounts/${address}/module/${module}`);
  expect(r.status).toBe(200);
  return ((await r.json()) as { abi: { exposed_functions: MoveFunctionJson[] } }).abi.exposed_functions;
}

describe("venue ABIs", () => {
  it("adapters' ABIs equal the published signatures", () => {
    sameParams(hyperionAbi(H), HYPERION_PUBLISHED);
    sameParams(echelonAbi(E), ECHELON_PUBLISHED);
    sameParams(thalaAbi(T), THALA_PUBLISHED);
    expect(hyperionAbi(H).get_batch_amount_out.is_view).toBe(true);
    expect(hyperionAbi(H).swap_batch.is_entry).toBe(true);
  });

  it("the localnet serves the same ABI for every function the adapters call", async () => {
    const mods: [string, string, Record<string, MoveFunctionJson>][] = [
      [H, "router_v3", hyperionAbi(H)],
      [H, "pool_v3", hyperionAbi(H)],
      [E, "scripts", echelonAbi(E)],
      [E, "lending", echelonAbi(E)],
      [T, "pool", thalaAbi(T)],
    ];
    for (const [addr, mod, abi] of mods) {
      const fns = await served(addr, mod);
      for (const f of fns) {
        const mine = abi[f.name];
        if (!mine) continue;
        expect(
          { params: f.params, ret: f.return, entry: f.is_entry, view: f.is_view },
          `${mod}::${f.name}`,
        ).toEqual({
          params: [...mine.params],
          ret: [...mine.return],
          entry: mine.is_entry,
          view: mine.is_view,
        });
      }
      const names = fns.map((f) => f.name);
      for (const n of Object.keys(abi)) {
        if (mod === "router_v3" && ["swap_batch", "get_batch_amount_out"].includes(n))
          expect(names).toContain(n);
        if (mod === "scripts" && n === "supply_fa") expect(names).toContain(n);
      }
    }
  });

  it("ThalaSwap v2 and Echelon payloads encode against their ABIs (BCS)", async () => {
    const pool = "0x5ee6b66a5b6bd7f6c9dbc1e9e6c8b3dbb6f0bb6a3b4f8b7c2f1c7b3e2a1d0c9f" as const;
    const thala = thalaswapV2Adapter({
      reader: env.reader,
      pools: [{ pool, assets: [env.tokens.kAPT, env.tokens.APT], kind: "weighted" }],
    });
    const r = {
      tokenIn: env.tokens.kAPT,
      tokenOut: env.tokens.APT,
      amountIn: 1_000n,
      slippageBps: 100n,
      ledgerVersion: 1n,
    };
    const q = makeQuote({
      adapterId: "thalaswap-v2",
      request: r,
      amountOut: 990n,
      spotOut: 999n,
      route: [],
      fees: [],
      gas: gasEstimate(1n, 100n),
      venueData: { pool, kind: "weighted" },
    });
    const p = await thala.buildPayload(q);
    expect(p.data.function).toBe(`${T}::pool::swap_exact_in_weighted_entry`);
    expect(p.data.functionArguments).toEqual([pool, env.tokens.kAPT, 1_000n, env.tokens.APT, 980n]);
    const payload = generateTransactionPayloadWithABI({ ...p.data, abi: p.data.abi as EntryFunctionABI });
    expect(payload.bcsToBytes().length).toBeGreaterThan(0);

    const [s] = await echelonAdapter({ reader: env.reader, tokens: env.tokens }).buildSupply(
      env.tokens.kAPT,
      5n,
    );
    if (!s) throw new Error("no payload");
    expect(s.data.function).toBe(`${E}::scripts::supply_fa`);
    expect(
      generateTransactionPayloadWithABI({ ...s.data, abi: s.data.abi as EntryFunctionABI }).bcsToBytes()
        .length,
    ).toBeGreaterThan(0);
  });
});
