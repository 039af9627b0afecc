/**
 * `@kofi/adapters`' Hyperion payload against `@hyperionxyz/sdk`'s own `Swap.swapTransactionPayload` for the
 * same swap (same pool route, tokens, amount in, expected out, slippage, recipient). Offline: the adapter
 * quotes from a fake `ChainReader`, the SDK builds its payload without calling its API.
 */
import {
  AccountAddress,
  type EntryFunctionABI,
  generateTransactionPayloadWithABI,
  Network,
  parseTypeTag,
} from "@aptos-labs/ts-sdk";
import { initHyperionSDK } from "@hyperionxyz/sdk";
import { describe, expect, it } from "vitest";
// Our source by relative path: it resolves its own `@aptos-labs/ts-sdk` (5.2.1) and `@kofi/core` from the
// repository root's node_modules, the SDK resolves the copies installed here.
import type { ChainReader } from "../packages/adapters/src/core/chain.ts";
import type { Quote } from "../packages/adapters/src/core/quote.ts";
import { hyperionAbi, hyperionAdapter } from "../packages/adapters/src/venues/hyperion.ts";
import { VENUES } from "../packages/adapters/src/venues/mainnet.ts";

const HYPERION = VENUES.hyperion.package;
const TOKENS = {
  APT: "0xa",
  kAPT: "0x5e1a7bd83ed4d2c3b3a0f1c9e0cc2b8d7e4f6a9b1c3d5e7f9a1b3c5d7e9f1a2b",
  stkAPT: "0x6f2b8ce94fe5e3d4c4b1a2d0f1dd3c9e8f5a7b0c2d4e6f8a0b2c4d6e8f0a2b3c",
} as const;
const RECIPIENT: `0x${string}` = "0x1f9c0d6e8b7a5c3e2d1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d";
const Q64 = 1n << 64n;

/** Answers the adapter's views for one pool: `out` from the router, the pool's fee, a price of 1. */
function fakeReader(pool: string, tokenA: string, tokenB: string, out: bigint): ChainReader {
  return {
    aptos: undefined as never,
    ledgerVersion: async () => 1n,
    gasUnitPrice: async () => 100n,
    async view(fn, _abi, args) {
      const name = fn.split("::").slice(1).join("::");
      switch (name) {
        case "pool_v3::liquidity_pool_address_safe":
          return [true, pool] as never;
        case "pool_v3::supported_inner_assets":
          return [[{ inner: tokenA }, { inner: tokenB }]] as never;
        case "pool_v3::get_fee_rate":
          return ["100"] as never;
        case "router_v3::get_batch_amount_out":
          return [String(out)] as never;
        case "pool_v3::get_amount_out": {
          const amountIn = BigInt(String(args?.[2]));
          return [String(out), String((amountIn * 100n + 999_999n) / 1_000_000n)] as never;
        }
        case "pool_v3::current_tick_and_price":
          return ["0", String(Q64)] as never;
        default:
          throw new Error(`unexpected view ${fn}`);
      }
    },
  };
}

const adapterFor = (c: Case) =>
  hyperionAdapter({ reader: fakeReader(c.pool, c.tokenIn, c.tokenOut, c.out), tokens: TOKENS });

async function adapterQuote(c: Case): Promise<Quote> {
  const adapter = adapterFor(c);
  const q = await adapter.quote({
    tokenIn: c.tokenIn,
    tokenOut: c.tokenOut,
    amountIn: c.amountIn,
    slippageBps: c.slippageBps,
    ledgerVersion: 1n,
    sender: RECIPIENT,
  });
  if (!q) throw new Error("the adapter found no route");
  return q;
}

function sdkPayload(c: Case) {
  // initHyperionSDK only constructs clients (no request); the SDK's own mainnet config
  const sdk = initHyperionSDK({ network: Network.MAINNET, APTOS_API_KEY: "" });
  return sdk.Swap.swapTransactionPayload({
    currencyA: c.tokenIn,
    currencyB: c.tokenOut,
    currencyAAmount: c.amountIn.toString(),
    currencyBAmount: c.out.toString(),
    slippage: Number(c.slippageBps) / 100, // percent
    poolRoute: [c.pool],
    recipient: RECIPIENT,
  }) as { function: string; typeArguments: string[]; functionArguments: unknown[] };
}

const isAddress = (s: string) => /^0x[0-9a-fA-F]{1,64}$/.test(s);
/** Addresses in long form, integers (bigint, number, decimal string) as decimal strings, arrays element-wise. */
function norm(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(norm);
  if (typeof v === "bigint" || typeof v === "number") return BigInt(v).toString();
  if (typeof v === "string" && isAddress(v)) return AccountAddress.from(v).toStringLong();
  if (typeof v === "string" && /^\d+$/.test(v)) return BigInt(v).toString();
  return v;
}
function normFunction(id: string) {
  const [addr, ...rest] = id.split("::");
  return [AccountAddress.from(addr ?? "").toStringLong(), ...rest].join("::");
}
function plain(p: { function: string; typeArguments?: unknown[]; functionArguments: unknown[] }) {
  return {
    function: normFunction(p.function),
    typeArguments: (p.typeArguments ?? []).map(String),
    functionArguments: norm(p.functionArguments),
  };
}

/** `swap_batch`'s ABI parsed by this folder's ts-sdk from the adapter's fullnode-ABI JSON. */
const swapBatch = hyperionAbi(HYPERION).swap_batch;
const ABI: EntryFunctionABI = {
  signers: 1,
  typeParameters: [],
  parameters: swapBatch.params.slice(1).map((t) => parseTypeTag(t, { allowGenerics: true })),
};
/** The entry-function payload as BCS bytes (what the chain receives), for either payload. */
function bcs(p: { function: string; typeArguments?: unknown[]; functionArguments: unknown[] }) {
  const args = p.functionArguments.map((a) => (typeof a === "number" ? BigInt(a) : a));
  return generateTransactionPayloadWithABI({
    function: p.function as `${string}::${string}::${string}`,
    typeArguments: (p.typeArguments ?? []).map(String),
    functionArguments: args as never,
    abi: ABI,
  })
    .bcsToHex()
    .toString();
}

interface Case {
  name: string;
  pool: `0x${string}`;
  tokenIn: `0x${string}`;
  tokenOut: `0x${string}`;
  amountIn: bigint;
  out: bigint;
  slippageBps: bigint;
}
// `out * slippageBps / 10000` is a whole number in these: the SDK rounds half-up where the adapter floors
// (the rounding case is below). Amounts stay below 2^53: the SDK turns the min-out into a JS number.
const CASES: Case[] = [
  {
    name: "kAPT -> APT, 0.5 %",
    pool: VENUES.hyperion.kofiPools.aptKapt,
    tokenIn: TOKENS.kAPT,
    tokenOut: TOKENS.APT,
    amountIn: 12_300_004_567n,
    out: 12_180_000_000n,
    slippageBps: 50n,
  },
  {
    name: "APT -> stkAPT, 1 %",
    pool: VENUES.hyperion.kofiPools.aptStkapt,
    tokenIn: TOKENS.APT,
    tokenOut: TOKENS.stkAPT,
    amountIn: 500_000_000n,
    out: 487_654_300n,
    slippageBps: 100n,
  },
  {
    name: "stkAPT -> APT, 0.3 %",
    pool: VENUES.hyperion.kofiPools.aptStkapt,
    tokenIn: TOKENS.stkAPT,
    tokenOut: TOKENS.APT,
    amountIn: 7_000_000_000_000n,
    out: 7_120_000_000_000n,
    slippageBps: 30n,
  },
];

describe("Hyperion: @kofi/adapters payload = @hyperionxyz/sdk 0.1.1 Swap.swapTransactionPayload", () => {
  it("the SDK's mainnet package address is the adapter's", () => {
    const sdk = initHyperionSDK({ network: Network.MAINNET, APTOS_API_KEY: "" });
    expect(AccountAddress.from(sdk.sdkOptions.contractAddress).toStringLong()).toBe(
      AccountAddress.from(HYPERION).toStringLong(),
    );
  });

  for (const c of CASES) {
    it(`${c.name}: same function, type arguments, arguments in order, and BCS bytes`, async () => {
      const q = await adapterQuote(c);
      expect(q.amountOut).toBe(c.out);
      const ours = (await adapterFor(c).buildPayload(q, { recipient: RECIPIENT })).data;
      const theirs = sdkPayload(c);
      expect(plain(ours)).toEqual(plain(theirs));
      expect(plain(theirs).function).toBe(
        `${AccountAddress.from(HYPERION).toStringLong()}::router_v3::swap_batch`,
      );
      expect(bcs(ours)).toBe(bcs(theirs));
    });
  }

  it("min-out rounding: the SDK rounds half-up, the adapter floors, so the adapter is at most 1 unit lower", async () => {
    let differ = 0;
    for (const out of [1_000_001n, 999_999n, 123_456_789n, 987_654_321n, 5_555_555n]) {
      for (const slippageBps of [1n, 30n, 50n, 99n, 100n]) {
        const c = { ...CASES[0], out, slippageBps } as Case;
        const ours = BigInt((await adapterQuote(c)).minAmountOut);
        const theirs = BigInt(String(sdkPayload(c).functionArguments[4]));
        expect(theirs - ours).toBeGreaterThanOrEqual(0n);
        expect(theirs - ours).toBeLessThanOrEqual(1n);
        if (theirs !== ours) differ++;
      }
    }
    expect(differ).toBeGreaterThan(0); // the difference is real, and bounded
  });
});
