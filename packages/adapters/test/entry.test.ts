import type { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuoteRequest } from "../src/core/quote.ts";
import { kofiRateProvider } from "../src/core/rateProvider.ts";
import type { SwapAdapter } from "../src/core/swapAdapter.ts";
import { createEntryRouter } from "../src/router/entryOptions.ts";
import { hyperionAdapter } from "../src/venues/hyperion.ts";
import { kofiVenueAdapter } from "../src/venues/kofi.ts";
import { discoverThalaPools, thalaswapV2Adapter } from "../src/venues/thalaswapV2.ts";
import { type Env, faBalance, fundedUser, gasPaid, ONE, startEnv, submit } from "./harness.ts";

let env: Env;
let kofi: SwapAdapter;
let user: Account;

beforeAll(async () => {
  env = await startEnv();
  kofi = kofiVenueAdapter({ client: env.client, reader: env.reader, tokens: env.tokens });
  user = await fundedUser(env, 2_000n * ONE, 500n * ONE, 200n * ONE);
});
afterAll(async () => {
  await env?.ln.stop();
});

const addr = (a: Account) => a.accountAddress.toStringLong() as `0x${string}`;
async function req(tokenIn: `0x${string}`, tokenOut: `0x${string}`, amountIn: bigint, slippageBps = 50n) {
  return {
    tokenIn,
    tokenOut,
    amountIn,
    slippageBps,
    ledgerVersion: await env.reader.ledgerVersion(),
    sender: addr(user),
  } satisfies QuoteRequest;
}

describe("Kofi as a venue (swap-adapter shape)", () => {
  const pairs = [
    ["APT", "kAPT", /::gateway::deposit$/],
    ["APT", "stkAPT", /::gateway::deposit_and_stake$/],
    ["kAPT", "stkAPT", /::gateway::stake$/],
    ["stkAPT", "kAPT", /::gateway::unstake$/],
  ] as const;
  for (const [a, b, fn] of pairs) {
    it(`${a} -> ${b}: the quote is what the executed entry pays, to the octa`, async () => {
      const amount = 3n * ONE + 17n;
      const q = await kofi.quote(await req(env.tokens[a], env.tokens[b], amount));
      if (!q) throw new Error("no quote");
      expect(q.priceImpactBps).toBe(0n);
      if (a === "APT") {
        // the framework's add-stake fee for this amount, read on chain at the quote's version: the deposit's
        // split over pools (gateway::quote_deposit_split), then delegation_pool::get_add_stake_fee per part
        const at = { ledgerVersion: q.ledgerVersion };
        const [pools, parts] = await env.aptos.view<[string[], string[]]>({
          payload: {
            function: `${env.client.kofiAddress}::gateway::quote_deposit_split`,
            functionArguments: [amount],
          },
          options: at,
        });
        let fee = 0n;
        for (const [i, pool] of pools.entries()) {
          const [f] = await env.aptos.view<[string]>({
            payload: {
              function: "0x1::delegation_pool::get_add_stake_fee",
              functionArguments: [pool, parts[i]],
            },
            options: at,
          });
          fee += BigInt(f);
        }
        expect(fee).toBeGreaterThan(0n); // else the assertion below would hold for an adapter listing no fee
        expect(q.fees).toEqual([
          { label: "delegation pool add-stake fee", token: env.tokens.APT, amount: fee, includedInOut: true },
        ]);
        if (b === "kAPT") expect(q.amountOut).toBe(amount - fee);
      } else expect(q.fees).toEqual([]);
      const p = await kofi.buildPayload(q);
      expect(p.data.function).toMatch(fn);
      expect(p.minAmountOut).toBe(q.minAmountOut);
      const before = await faBalance(env, user, env.tokens[b]);
      const tx = await submit(env, user, p.data);
      expect(tx.success, tx.vm_status).toBe(true);
      const gas = b === "kAPT" || b === "stkAPT" ? 0n : gasPaid(tx);
      expect((await faBalance(env, user, env.tokens[b])) - before + gas).toBe(q.amountOut);
    });
  }

  it("unsupported pairs are not quoted; the payload's min-out is enforced on chain", async () => {
    expect(await kofi.supports(env.tokens.kAPT, env.tokens.APT)).toBe(false);
    const q = await kofi.quote(await req(env.tokens.APT, env.tokens.kAPT, ONE, 0n));
    if (!q) throw new Error("no quote");
    const tampered = { ...q, minAmountOut: q.amountOut + 1n };
    const tx = await submit(env, user, (await kofi.buildPayload(tampered)).data);
    expect(tx.success).toBe(false);
  });
});

describe("entry router: mint vs buy", () => {
  for (const token of ["kAPT", "stkAPT"] as const) {
    it(`${token}: lists the mint and the venues; buying beats minting while the pools trade at a discount`, async () => {
      const thalaPools = await discoverThalaPools(env.reader, [env.tokens.kAPT, env.tokens.stkAPT]);
      const router = createEntryRouter({
        reader: env.reader,
        tokens: env.tokens,
        rates: kofiRateProvider(env.client),
        kofi,
        adapters: [
          hyperionAdapter({ reader: env.reader, tokens: env.tokens }),
          thalaswapV2Adapter({ reader: env.reader, pools: thalaPools }),
        ],
        sender: addr(user),
      });
      const x = await router.getEntryOptions({ token, amountApt: 10n * ONE, slippageBps: 50 });
      expect(x.mint?.adapterId).toBe("kofi");
      expect(x.venues.map((v) => v.adapterId)).toEqual(["kofi", "hyperion", "thalaswap-v2"]);
      const hyp = x.ranked.find((r) => r.adapterId === "hyperion");
      expect(hyp).toBeDefined();
      // localnet pools price kAPT at 0.995 APT and stkAPT at 0.99 x the rate: buying yields more than minting
      expect(x.buyBeatsMint).toBe(true);
      expect(x.best?.adapterId).not.toBe("kofi");
      expect(hyp?.vsMintBps).toBeGreaterThan(0n);
      expect(x.ranked[0]).toBe(x.best);
      for (let i = 1; i < x.ranked.length; i++)
        expect((x.ranked[i - 1]?.netValueApt ?? 0n) >= (x.ranked[i]?.netValueApt ?? 0n)).toBe(true);
    });
  }
});

describe("entry router: a premium, where minting beats buying", () => {
  // A localnet of its own: a whale buys kAPT on both venues until they quote less kAPT than minting gives.
  let penv: Env;
  beforeAll(async () => {
    penv = await startEnv();
  });
  afterAll(async () => {
    await penv?.ln.stop();
  });

  it("kAPT: buyBeatsMint is false and the best option is Kofi's mint", async () => {
    const pkofi = kofiVenueAdapter({ client: penv.client, reader: penv.reader, tokens: penv.tokens });
    const thalaPools = await discoverThalaPools(penv.reader, [penv.tokens.kAPT, penv.tokens.stkAPT]);
    const venues = [
      hyperionAdapter({ reader: penv.reader, tokens: penv.tokens }),
      thalaswapV2Adapter({ reader: penv.reader, pools: thalaPools }),
    ];
    const whale = await fundedUser(penv, 400_000n * ONE);
    const probe = 10n * ONE;
    const quoteOf = async (a: SwapAdapter, amountIn: bigint) =>
      a.quote({
        tokenIn: penv.tokens.APT,
        tokenOut: penv.tokens.kAPT,
        amountIn,
        slippageBps: 100n,
        ledgerVersion: await penv.reader.ledgerVersion(),
        sender: addr(whale),
      });
    for (const venue of venues) {
      for (let round = 0; ; round++) {
        const [mint, buy] = await Promise.all([quoteOf(pkofi, probe), quoteOf(venue, probe)]);
        if (!mint || !buy) throw new Error(`no quote (${venue.meta.id})`);
        if (buy.amountOut < mint.amountOut) break;
        if (round === 20) throw new Error(`${venue.meta.id} still cheaper than minting after 20 buys`);
        const big = await quoteOf(venue, 20_000n * ONE);
        if (!big) throw new Error(`no quote (${venue.meta.id})`);
        const tx = await submit(penv, whale, (await venue.buildPayload(big)).data);
        expect(tx.success, tx.vm_status).toBe(true);
      }
    }
    const router = createEntryRouter({
      reader: penv.reader,
      tokens: penv.tokens,
      rates: kofiRateProvider(penv.client),
      kofi: pkofi,
      adapters: venues,
      sender: addr(whale),
    });
    const x = await router.getEntryOptions({ token: "kAPT", amountApt: probe, slippageBps: 50 });
    expect(x.buyBeatsMint).toBe(false);
    expect(x.best?.adapterId).toBe("kofi");
    expect(x.best).toBe(x.mint);
    for (const v of x.ranked.filter((r) => r.adapterId !== "kofi")) expect(v.vsMintBps).toBeLessThan(0n);
  });
});
