// The worked example of README.md ("Writing a third-party adapter"), kept compiling and running here.
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type AdapterMeta,
  createExitRouter,
  gasEstimate,
  hyperionAdapter,
  kofiRateProvider,
  makeQuote,
  type Quote,
  type SwapAdapter,
} from "../src/index.ts";
import { type Env, ONE, startEnv } from "./harness.ts";

// --- README example start
/** A desk that buys kAPT at a fixed 99.7 % of APT, settled by its own Move module (hypothetical). */
function otcDeskAdapter(o: {
  desk: `0x${string}`;
  kapt: `0x${string}`;
  apt: `0x${string}`;
  gasUnitPrice: bigint;
}): SwapAdapter {
  const meta: AdapterMeta = {
    id: "otc-desk",
    name: "OTC desk",
    kind: "amm",
    packages: [o.desk],
    liveness: "live",
    quoteSource: "view",
  };
  return {
    meta,
    supports: (a, b) => a === o.kapt && b === o.apt,
    async quote(request) {
      const amountOut = (request.amountIn * 9_970n) / 10_000n; // bigint math only
      return makeQuote({
        adapterId: meta.id,
        request,
        amountOut,
        spotOut: amountOut, // a fixed price has no impact
        route: [{ venue: meta.id, pool: o.desk, tokenIn: request.tokenIn, tokenOut: request.tokenOut }],
        fees: [],
        gas: gasEstimate(500n, o.gasUnitPrice),
      });
    },
    buildPayload(q: Quote) {
      return {
        minAmountOut: q.minAmountOut,
        data: { function: `${o.desk}::desk::sell_kapt`, functionArguments: [q.amountIn, q.minAmountOut] },
      };
    },
  };
}
// --- README example end

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.ln.stop();
});

it("a third-party adapter registers with the router and is ranked with the built-in ones", async () => {
  const desk = otcDeskAdapter({
    desk: "0xd35c",
    kapt: env.tokens.kAPT,
    apt: env.tokens.APT,
    gasUnitPrice: 100n,
  });
  const router = createExitRouter({
    client: env.client,
    reader: env.reader,
    tokens: env.tokens,
    rates: kofiRateProvider(env.client),
    adapters: [hyperionAdapter({ reader: env.reader, tokens: env.tokens }), desk],
  });
  const x = await router.getExitOptions({ token: "kAPT", amount: 100n * ONE, slippageBps: 30 });
  expect(x.best?.adapterId).toBe("otc-desk"); // 99.7 % beats the pool's 99.5 %
  expect(x.best?.quote.discountToFairBps).toBe(30n);
  const p = await desk.buildPayload(x.best?.quote as Quote);
  expect(p.data.functionArguments).toEqual([
    100n * ONE,
    (((100n * ONE * 9_970n) / 10_000n) * 9_970n) / 10_000n,
  ]);
  // stkAPT is not supported by the desk: reported as such, never an error
  const y = await router.getExitOptions({ token: "stkAPT", amount: ONE, slippageBps: 30 });
  expect(y.venues.find((v) => v.adapterId === "otc-desk")?.status).toBe("unsupported");
});
