import type { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuoteRequest } from "../src/core/quote.ts";
import { kofiRateProvider } from "../src/core/rateProvider.ts";
import type { SwapAdapter } from "../src/core/swapAdapter.ts";
import { type PanoraFake, startPanoraFake } from "../src/testing/panoraFake.ts";
import { hyperionAdapter } from "../src/venues/hyperion.ts";
import { panoraAdapter } from "../src/venues/panora.ts";
import { discoverThalaPools, thalaswapV2Adapter } from "../src/venues/thalaswapV2.ts";
import { type Env, faBalance, fundedUser, gasPaid, ONE, startEnv, submit } from "./harness.ts";

let env: Env;
let hyperion: SwapAdapter;
let panora: SwapAdapter;
let fake: PanoraFake;
let user: Account;

beforeAll(async () => {
  env = await startEnv();
  hyperion = hyperionAdapter({ reader: env.reader, tokens: env.tokens });
  // txData as a Hyperion swap_batch, so the localnet can execute the route (Panora's own router_entry
  // shape is covered by contract.test.ts)
  fake = await startPanoraFake({
    nodeUrl: env.ln.nodeUrl,
    hyperion: env.hyperion,
    apiKey: "test-key",
    txData: "hyperion-swap-batch",
  });
  panora = panoraAdapter({
    apiKey: "test-key",
    baseUrl: fake.url,
    tokens: env.tokens,
    reader: env.reader,
    allowedTargets: [env.hyperion],
  });
  user = await fundedUser(env, 5_000n * ONE, 2_000n * ONE, 1_000n * ONE);
});
afterAll(async () => {
  await fake?.close();
  await env?.ln.stop();
});

async function request(
  token: "kAPT" | "stkAPT",
  amountIn: bigint,
  slippageBps = 50n,
  sender?: Account,
): Promise<QuoteRequest> {
  const ledgerVersion = await env.reader.ledgerVersion();
  const fairValueOut = await kofiRateProvider(env.client).fairValueApt(token, amountIn, { ledgerVersion });
  return {
    tokenIn: env.tokens[token],
    tokenOut: env.tokens.APT,
    amountIn,
    slippageBps,
    ledgerVersion,
    fairValueOut,
    ...(sender ? { sender: sender.accountAddress.toStringLong() as `0x${string}` } : {}),
  };
}

describe("hyperion on the localnet", () => {
  for (const token of ["kAPT", "stkAPT"] as const) {
    it(`${token} -> APT: the quote matches the executed swap to the octa`, async () => {
      const amount = 123n * ONE + 4_567n;
      const q = await hyperion.quote(await request(token, amount, 50n, user));
      expect(q).not.toBeNull();
      if (!q) return;
      expect(q.minAmountOut).toBe((q.amountOut * 9_950n) / 10_000n);
      expect(q.priceImpactBps).toBeGreaterThanOrEqual(0n);
      expect(q.discountToFairBps).toBeGreaterThan(0n); // pools price kAPT/stkAPT below fair value
      const aptBefore = await faBalance(env, user, env.tokens.APT);
      const inBefore = await faBalance(env, user, env.tokens[token]);
      const p = hyperion.buildPayload(q);
      expect((await p).minAmountOut).toBe(q.minAmountOut);
      const tx = await submit(env, user, (await p).data);
      expect(tx.success, tx.vm_status).toBe(true);
      const aptAfter = await faBalance(env, user, env.tokens.APT);
      expect(aptAfter - aptBefore + gasPaid(tx)).toBe(q.amountOut);
      expect(inBefore - (await faBalance(env, user, env.tokens[token]))).toBe(amount);
      const ev = tx.events.find((e) => e.type.endsWith("::pool_v3::SwapEventV3"));
      expect(BigInt(ev?.data.amount_out)).toBe(q.amountOut);
      expect(BigInt(ev?.data.fee_amount)).toBe(q.fees[0]?.amount);
      expect(q.warnings).toEqual([]);
    });
  }

  it("a swap that would pay less than minAmountOut aborts and loses nothing but gas", async () => {
    const amount = 50n * ONE;
    const q = await hyperion.quote(await request("kAPT", amount, 0n, user));
    if (!q) throw new Error("no quote");
    expect(q.minAmountOut).toBe(q.amountOut);
    // someone else sells first and moves the price
    const other = await fundedUser(env, 3_000n * ONE, 1_000n * ONE);
    const q2 = await hyperion.quote(await request("kAPT", 500n * ONE, 100n, other));
    if (!q2) throw new Error("no quote");
    const front = await submit(env, other, (await hyperion.buildPayload(q2)).data);
    expect(front.success).toBe(true);
    const aptBefore = await faBalance(env, user, env.tokens.APT);
    const kaptBefore = await faBalance(env, user, env.tokens.kAPT);
    const tx = await submit(env, user, (await hyperion.buildPayload(q)).data);
    expect(tx.success).toBe(false);
    expect(tx.vm_status).toContain("EOUT_AMOUNT_TOO_LESS");
    expect(await faBalance(env, user, env.tokens.kAPT)).toBe(kaptBefore);
    expect(await faBalance(env, user, env.tokens.APT)).toBe(aptBefore - gasPaid(tx));
  });

  it("no pool for a pair -> null, not an error", async () => {
    const r = await request("kAPT", ONE);
    expect(await hyperion.quote({ ...r, tokenOut: env.tokens.stkAPT })).toBeNull();
  });
});

describe("panora (local fake of the documented HTTP API)", () => {
  it("sends the documented request and maps the response; its txData executes for exactly the quote", async () => {
    const amount = 10n * ONE + 1n;
    const q = await panora.quote(await request("kAPT", amount, 100n, user));
    if (!q) throw new Error("no quote");
    const sent = fake.requests.at(-1);
    expect(sent?.apiKey).toBe("test-key");
    expect(sent?.query).toMatchObject({
      chainId: "1",
      fromTokenAddress: env.tokens.kAPT,
      toTokenAddress: "0xa",
      fromTokenAmount: "10.00000001",
      toWalletAddress: user.accountAddress.toStringLong(),
      slippagePercentage: "1",
    });
    const direct = await hyperion.quote(await request("kAPT", amount, 100n, user));
    expect(q.amountOut).toBe(direct?.amountOut);
    expect(q.minAmountOut).toBe((q.amountOut * 9_900n) / 10_000n);
    const before = await faBalance(env, user, env.tokens.APT);
    const tx = await submit(env, user, (await panora.buildPayload(q)).data);
    expect(tx.success, tx.vm_status).toBe(true);
    expect((await faBalance(env, user, env.tokens.APT)) - before + gasPaid(tx)).toBe(q.amountOut);
  });

  it("refuses txData that calls a contract outside the allowlist", async () => {
    const strict = panoraAdapter({
      apiKey: "test-key",
      baseUrl: fake.url,
      tokens: env.tokens,
      reader: env.reader,
    });
    await expect(strict.quote(await request("kAPT", ONE, 50n, user))).rejects.toThrow(
      /not an allowed target/,
    );
  });

  it("a wrong API key is an HTTP error (401), reported by the adapter", async () => {
    const bad = panoraAdapter({
      apiKey: "nope",
      baseUrl: fake.url,
      tokens: env.tokens,
      reader: env.reader,
      allowedTargets: [env.hyperion],
    });
    await expect(bad.quote(await request("kAPT", ONE, 50n, user))).rejects.toThrow(/HTTP 401/);
  });
});

describe("panora: the documented response shape from the fake", () => {
  it("hop tokens as objects map to addresses; the default txData is Panora's router_entry with its ABI", async () => {
    const doc = await startPanoraFake({ nodeUrl: env.ln.nodeUrl, hyperion: env.hyperion, apiKey: "k" });
    try {
      const a = panoraAdapter({ apiKey: "k", baseUrl: doc.url, tokens: env.tokens, reader: env.reader });
      const q = await a.quote(await request("stkAPT", 3n * ONE, 50n, user));
      if (!q) throw new Error("no quote");
      expect(q.route[0]).toMatchObject({ tokenIn: env.tokens.stkAPT, tokenOut: env.tokens.APT });
      const p = await a.buildPayload(q);
      expect(p.data.function).toMatch(/::panora_swap::router_entry$/);
      expect(p.data.functionArguments).toHaveLength(20);
      expect(p.data.typeArguments).toHaveLength(32);
    } finally {
      await doc.close();
    }
  });

  it("hop tokens as plain strings are accepted too", async () => {
    const doc = await startPanoraFake({
      nodeUrl: env.ln.nodeUrl,
      hyperion: env.hyperion,
      apiKey: "k",
      tokenStrings: true,
    });
    try {
      const a = panoraAdapter({ apiKey: "k", baseUrl: doc.url, tokens: env.tokens, reader: env.reader });
      const q = await a.quote(await request("kAPT", ONE, 50n, user));
      expect(q?.route[0]).toMatchObject({ tokenIn: env.tokens.kAPT, tokenOut: env.tokens.APT });
    } finally {
      await doc.close();
    }
  });
});

describe("thalaswap v2 on the localnet (metastable APT-stkAPT pool)", () => {
  it("discovery classifies it metastable; the quote matches the executed swap to the octa", async () => {
    const pools = await discoverThalaPools(env.reader, [env.tokens.stkAPT]);
    expect(pools.map((p) => p.kind)).toEqual(["metastable"]);
    const thala = thalaswapV2Adapter({ reader: env.reader, pools });
    const amount = 4n * ONE + 11n;
    const q = await thala.quote(await request("stkAPT", amount, 50n, user));
    if (!q) throw new Error("no quote");
    const p = await thala.buildPayload(q);
    expect(p.data.function).toMatch(/::pool::swap_exact_in_metastable_entry$/);
    const before = await faBalance(env, user, env.tokens.APT);
    const tx = await submit(env, user, p.data);
    expect(tx.success, tx.vm_status).toBe(true);
    expect((await faBalance(env, user, env.tokens.APT)) - before + gasPaid(tx)).toBe(q.amountOut);
  });

  it("a pool listed as stable that is metastable is retried as metastable", async () => {
    const [m] = await discoverThalaPools(env.reader, [env.tokens.stkAPT]);
    if (!m) throw new Error("no pool");
    const thala = thalaswapV2Adapter({ reader: env.reader, pools: [{ ...m, kind: "stable" }] });
    const q = await thala.quote(await request("stkAPT", ONE, 50n, user));
    expect((q?.venueData as { kind: string } | undefined)?.kind).toBe("metastable");
  });
});

describe("thalaswap v2 on the localnet (weighted APT-kAPT pool)", () => {
  it("discovers the pool, quotes, and the quote matches the executed swap to the octa", async () => {
    const pools = await discoverThalaPools(env.reader, [env.tokens.kAPT]);
    expect(pools).toHaveLength(1);
    expect(pools[0]?.kind).toBe("weighted");
    const thala = thalaswapV2Adapter({ reader: env.reader, pools });
    expect(await thala.supports(env.tokens.kAPT, env.tokens.APT)).toBe(true);
    expect(await thala.supports(env.tokens.stkAPT, env.tokens.APT)).toBe(false);
    const amount = 7n * ONE + 3n;
    const q = await thala.quote(await request("kAPT", amount, 50n, user));
    if (!q) throw new Error("no quote");
    expect(q.discountToFairBps).toBeGreaterThan(0n);
    const before = await faBalance(env, user, env.tokens.APT);
    const tx = await submit(env, user, (await thala.buildPayload(q)).data);
    expect(tx.success, tx.vm_status).toBe(true);
    expect((await faBalance(env, user, env.tokens.APT)) - before + gasPaid(tx)).toBe(q.amountOut);
  });

  it("a short output aborts and loses nothing but gas", async () => {
    const thala = thalaswapV2Adapter({
      reader: env.reader,
      pools: await discoverThalaPools(env.reader, [env.tokens.kAPT]),
    });
    const q = await thala.quote(await request("kAPT", ONE, 0n, user));
    if (!q) throw new Error("no quote");
    const tampered = { ...q, minAmountOut: q.amountOut + 1n };
    const kapt = await faBalance(env, user, env.tokens.kAPT);
    const tx = await submit(env, user, (await thala.buildPayload(tampered)).data);
    expect(tx.success).toBe(false);
    expect(await faBalance(env, user, env.tokens.kAPT)).toBe(kapt);
  });
});
