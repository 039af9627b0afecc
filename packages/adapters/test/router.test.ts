import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annualiseBps, shortfallBps } from "../src/core/bps.ts";
import { isExpired } from "../src/core/quote.ts";
import { kofiRateProvider } from "../src/core/rateProvider.ts";
import type { SwapAdapter } from "../src/core/swapAdapter.ts";
import { createExitRouter } from "../src/router/exitOptions.ts";
import { type PanoraFake, startPanoraFake } from "../src/testing/panoraFake.ts";
import { hyperionAdapter } from "../src/venues/hyperion.ts";
import { panoraAdapter } from "../src/venues/panora.ts";
import { discoverThalaPools, thalaswapV2Adapter } from "../src/venues/thalaswapV2.ts";
import { type Env, fundedUser, ONE, startEnv, submit } from "./harness.ts";

let env: Env;
let slowPanora: PanoraFake;
let brokenPanora: PanoraFake;

const meta = (id: string, liveness: SwapAdapter["meta"]["liveness"] = "live"): SwapAdapter["meta"] => ({
  id,
  name: id,
  kind: "amm",
  packages: [],
  liveness,
  quoteSource: "view",
});
/** Never answers. */
const hanging: SwapAdapter = {
  meta: meta("hanging"),
  supports: () => true,
  quote: () => new Promise(() => {}),
  buildPayload: () => {
    throw new Error("unused");
  },
};
/** Always throws. */
const throwing: SwapAdapter = {
  meta: meta("throwing"),
  supports: () => true,
  quote: async () => {
    throw new Error("venue exploded");
  },
  buildPayload: () => {
    throw new Error("unused");
  },
};

beforeAll(async () => {
  env = await startEnv();
  slowPanora = await startPanoraFake({
    nodeUrl: env.ln.nodeUrl,
    hyperion: env.hyperion,
    apiKey: "k",
    delayMs: 5_000,
  });
  brokenPanora = await startPanoraFake({
    nodeUrl: env.ln.nodeUrl,
    hyperion: env.hyperion,
    apiKey: "k",
    failStatus: 502,
  });
});
afterAll(async () => {
  await slowPanora?.close();
  await brokenPanora?.close();
  await env?.ln.stop();
});

function router(extra: SwapAdapter[], o: Partial<Parameters<typeof createExitRouter>[0]> = {}) {
  return createExitRouter({
    client: env.client,
    reader: env.reader,
    tokens: env.tokens,
    rates: kofiRateProvider(env.client),
    adapters: [hyperionAdapter({ reader: env.reader, tokens: env.tokens }), ...extra],
    timeoutMs: 300,
    ...o,
  });
}

describe("exit router", () => {
  it("ranks venues by APT net of gas next to the standard path, with discount and annualised cost", async () => {
    const r = router([]);
    const x = await r.getExitOptions({ token: "kAPT", amount: 100n * ONE, slippageBps: 50 });
    if (!x.standard) throw new Error(`no standard path: ${x.standardError}`);
    expect(x.fairValueApt).toBe(100n * ONE);
    expect(x.standard.kind).toBe("withdrawal-ticket");
    expect(x.standard.aptAtUnlock).toBeGreaterThan(99n * ONE);
    expect(x.standard.waitSecs).toBeGreaterThan(0n);
    expect(x.best?.adapterId).toBe("hyperion");
    const h = x.ranked[0];
    if (!h) throw new Error("no ranked venue");
    expect(h.netApt).toBe(h.quote.amountOut - h.quote.gas.octas);
    expect(h.quote.discountToFairBps).toBe(shortfallBps(h.quote.amountOut, x.fairValueApt));
    expect(h.quote.discountToFairBps).toBeGreaterThanOrEqual(50n); // pool prices kAPT at 0.995
    expect(h.annualisedCostBps).toBe(
      annualiseBps(shortfallBps(h.netApt, x.standard.aptAtUnlock), x.standard.waitSecs),
    );
    expect(h.quote.ledgerVersion).toBe(x.ledgerVersion);
    expect(x.routerCpuMs).toBeLessThan(10);
  });

  it("stkAPT: fair value at the vault rate, both paths quoted", async () => {
    const x = await router([]).getExitOptions({ token: "stkAPT", amount: 10n * ONE, slippageBps: 50n });
    const rate = await kofiRateProvider(env.client).rate();
    expect(x.fairValueApt).toBe((10n * ONE * rate.numerator) / rate.denominator);
    expect(x.best?.quote.amountOut).toBeGreaterThan(0n);
  });

  it("three venues: the small exit routes to the shallow, better-priced ThalaSwap pool, the large one to Hyperion", async () => {
    const thala = thalaswapV2Adapter({
      reader: env.reader,
      pools: await discoverThalaPools(env.reader, [env.tokens.kAPT]),
    });
    const small = await router([thala]).getExitOptions({ token: "kAPT", amount: 10n * ONE, slippageBps: 50 });
    expect(small.ranked.map((r) => r.adapterId)).toEqual(["thalaswap-v2", "hyperion"]);
    const large = await router([thala]).getExitOptions({
      token: "kAPT",
      amount: 3_000n * ONE,
      slippageBps: 50,
    });
    expect(large.ranked[0]?.adapterId).toBe("hyperion");
    for (const r of large.ranked) expect(r.quote.ledgerVersion).toBe(large.ledgerVersion);
  });

  it("with withdrawals paused the standard path is reported missing and the venues still answer", async () => {
    const kofi = env.ln.kofiAddress;
    env.ln.chain.runAs(env.ln.accounts.admin.address, "config", "set_paused", [3n, true], kofi);
    try {
      const x = await router([]).getExitOptions({ token: "kAPT", amount: ONE, slippageBps: 50 });
      expect(x.standard).toBeUndefined();
      expect(x.standardError).toMatch(/PAUSED|paused/);
      expect(x.best?.adapterId).toBe("hyperion");
      expect(x.best?.annualisedCostBps).toBeUndefined();
    } finally {
      env.ln.chain.runAs(env.ln.accounts.admin.address, "config", "set_paused", [3n, false], kofi);
    }
  });

  it("an adapter answering a different request is reported as an error", async () => {
    const liar: SwapAdapter = {
      meta: meta("liar"),
      supports: () => true,
      quote: async (r) => {
        const q = await hyperionAdapter({ reader: env.reader, tokens: env.tokens }).quote(r);
        return q && { ...q, amountIn: q.amountIn / 2n };
      },
      buildPayload: () => {
        throw new Error("unused");
      },
    };
    const x = await router([liar]).getExitOptions({ token: "kAPT", amount: ONE, slippageBps: 50 });
    const l = x.venues.find((v) => v.adapterId === "liar");
    expect(l?.status).toBe("error");
    expect(l && "error" in l ? l.error : "").toMatch(/inconsistent quote/);
  });

  it("a hanging adapter times out while the others answer", async () => {
    const t0 = Date.now();
    const x = await router([hanging]).getExitOptions({ token: "kAPT", amount: ONE, slippageBps: 50 });
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(x.venues.find((v) => v.adapterId === "hanging")?.status).toBe("timeout");
    expect(x.best?.adapterId).toBe("hyperion");
  });

  it("a slow HTTP venue (Panora) is cut off by its timeout", async () => {
    const slow = panoraAdapter({
      apiKey: "k",
      baseUrl: slowPanora.url,
      tokens: env.tokens,
      reader: env.reader,
      allowedTargets: [env.hyperion],
    });
    const x = await router([slow]).getExitOptions({ token: "kAPT", amount: ONE, slippageBps: 50 });
    expect(x.venues.find((v) => v.adapterId === "panora")?.status).toBe("timeout");
    expect(x.best?.adapterId).toBe("hyperion");
  });

  it("failing adapters are reported, not thrown", async () => {
    const broken = panoraAdapter({
      apiKey: "k",
      baseUrl: brokenPanora.url,
      tokens: env.tokens,
      reader: env.reader,
      allowedTargets: [env.hyperion],
    });
    const x = await router([throwing, broken]).getExitOptions({
      token: "kAPT",
      amount: ONE,
      slippageBps: 50,
    });
    const t = x.venues.find((v) => v.adapterId === "throwing");
    expect(t?.status).toBe("error");
    expect(t && "error" in t ? t.error : "").toContain("venue exploded");
    const p = x.venues.find((v) => v.adapterId === "panora");
    expect(p?.status).toBe("error");
    expect(p && "error" in p ? p.error : "").toContain("HTTP 502");
    expect(x.best?.adapterId).toBe("hyperion");
  });

  it("venues without a pool are 'unsupported'; defunct venues are skipped; winding-down ones are flagged", async () => {
    const thala = thalaswapV2Adapter({ reader: env.reader });
    const defunct: SwapAdapter = {
      ...hyperionAdapter({ reader: env.reader, tokens: env.tokens }),
      meta: meta("old", "defunct"),
    };
    const winding: SwapAdapter = {
      ...hyperionAdapter({ reader: env.reader, tokens: env.tokens }),
      meta: meta("winding", "winding-down"),
    };
    const x = await router([thala, defunct, winding]).getExitOptions({
      token: "kAPT",
      amount: ONE,
      slippageBps: 50,
    });
    expect(x.venues.find((v) => v.adapterId === "thalaswap-v2")?.status).toBe("unsupported");
    expect(x.venues.find((v) => v.adapterId === "old")?.status).toBe("skipped");
    const w = x.ranked.find((v) => v.adapterId === "winding");
    expect(w?.quote.warnings.join(" ")).toContain("winding down");
    const y = await router([winding], { includeWindingDown: false }).getExitOptions({
      token: "kAPT",
      amount: ONE,
      slippageBps: 50,
    });
    expect(y.venues.find((v) => v.adapterId === "winding")?.status).toBe("skipped");
  });

  it("the quote guard warns and blocks at host-set thresholds (discount and price impact)", async () => {
    const warn = await router([], {
      guard: { warnDiscountBps: 10n, blockDiscountBps: 10_000n },
    }).getExitOptions({
      token: "kAPT",
      amount: ONE,
      slippageBps: 50,
    });
    expect(warn.best?.guard.level).toBe("warn");
    const block = await router([], { guard: { blockDiscountBps: 10n } }).getExitOptions({
      token: "kAPT",
      amount: ONE,
      slippageBps: 50,
    });
    expect(block.ranked[0]?.guard.level).toBe("block");
    expect(block.best).toBeUndefined();
    // a big sale moves the CLMM price: price impact over 1 % is blocked by an impact threshold
    const big = await router([], {
      guard: { blockPriceImpactBps: 100n, blockDiscountBps: 10_000n },
    }).getExitOptions({
      token: "kAPT",
      amount: 5_000n * ONE,
      slippageBps: 50,
    });
    expect(big.ranked[0]?.quote.priceImpactBps).toBeGreaterThanOrEqual(100n);
    expect(big.ranked[0]?.guard.level).toBe("block");
  });

  it("quotes expire and refresh at a newer ledger version", async () => {
    const r = router([]);
    const x = await r.getExitOptions({ token: "kAPT", amount: 20n * ONE, slippageBps: 50 });
    const q = x.best?.quote;
    if (!q) throw new Error("no quote");
    expect(isExpired(q, q.quotedAtMs)).toBe(false);
    expect(isExpired(q, q.expiresAtMs)).toBe(true);
    await fundedUser(env, ONE); // a transaction moves the ledger on
    const fresh = await r.refresh(q);
    expect(fresh?.ledgerVersion).toBeGreaterThan(q.ledgerVersion);
    expect(fresh?.amountIn).toBe(q.amountIn);
  });

  it("the best option executes: payload from the router's quote, signed and committed", async () => {
    const user = await fundedUser(env, 100n * ONE, 50n * ONE);
    const sender = user.accountAddress.toStringLong() as `0x${string}`;
    const r = router([], { sender });
    const x = await r.getExitOptions({ token: "kAPT", amount: 10n * ONE, slippageBps: 50 });
    const a = hyperionAdapter({ reader: env.reader, tokens: env.tokens });
    const best = x.best;
    if (!best) throw new Error("no best");
    const tx = await submit(env, user, (await a.buildPayload(best.quote)).data);
    expect(tx.success, tx.vm_status).toBe(true);
  });
});
