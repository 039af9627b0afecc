/** The memory backend's entry comparison (issue 15): venues priced against the mint, buy, re-quote, submit. */
import { describe, expect, it } from "vitest";
import type { Quote } from "../backend.ts";
import { MemoryBackend } from "./memory-backend.ts";

const APT = 100_000_000n;
const deposit = { action: "deposit", amount: 10n * APT, to: "stkAPT" } as const;
const options = { slippageBps: 50, account: "0xa11ce" };

function backend() {
  return new MemoryBackend({
    entries: [
      { id: "thala", venue: "Thala", unavailable: "timeout" },
      { id: "dear", venue: "Dear", vsMintBps: -35 },
      { id: "hyperion", venue: "Hyperion", vsMintBps: 42, feeBps: 30, priceImpactBps: 8 },
    ],
  });
}

describe("MemoryBackend entry comparison", () => {
  it("no venue configured: no comparison", async () => {
    expect(await new MemoryBackend().quoteEntry(deposit, options)).toEqual([]);
  });

  it("prices each venue against the mint quote, best first, the venue without a quote last", async () => {
    const b = backend();
    const mint = await b.quote(deposit, options);
    expect(mint.amountOut).toBe(956_937_799n); // 10 APT at 1 stkAPT = 1.045 kAPT, floored
    const routes = await b.quoteEntry(deposit, options);
    expect(routes.map((r) => [r.id, r.amountOut, r.vsMintBps, r.unavailable])).toEqual([
      ["hyperion", 960_956_937n, 42, undefined], // 956_937_799 × 1.0042, floored
      ["dear", 953_588_516n, -35, undefined],
      ["thala", 0n, null, "timeout"],
    ]);
    const q = routes[0]?.quote as Quote;
    expect(q.request).toEqual({ action: "buy", amount: 10n * APT, to: "stkAPT", venue: "hyperion" });
    expect(q.minOut).toBe(956_152_152n); // less 0.5 %
    expect(q.route).toMatchObject({ venue: "Hyperion", feeIn: 3_000_000n, priceImpactBps: 8 });
    expect(q.route?.discountBps).toBeLessThan(0); // bought below the protocol value
    expect(b.allowedFunctions).toContain(q.payload.function);
    expect(routes[2]?.quote).toBeUndefined();
  });

  it("no signable quote without an account (the comparison only)", async () => {
    const routes = await backend().quoteEntry(deposit, { slippageBps: 50 });
    expect(routes[0]?.amountOut).toBe(960_956_937n);
    expect(routes[0]?.quote).toBeUndefined();
  });

  it("re-quotes the same venue, and says quote_expired for a venue without a quote", async () => {
    const b = backend();
    const again = await b.quote({ action: "buy", amount: 10n * APT, to: "kAPT", venue: "hyperion" }, options);
    expect(again.amountOut).toBe(1_004_200_000n);
    await expect(
      b.quote({ action: "buy", amount: 10n * APT, to: "kAPT", venue: "thala" }, options),
    ).rejects.toMatchObject({ code: "quote_expired", message: expect.stringMatching(/^Thala .*minting/) });
  });

  it("a submitted buy moves APT out and the bought token in", async () => {
    const b = backend();
    const [best] = await b.quoteEntry(deposit, options);
    const result = await b.submit({ quote: best?.quote as Quote, wallet: {}, onStage: () => {} });
    expect(result.amountOut).toBe(960_956_937n);
    const p = await b.getPosition("0xa11ce");
    expect(p.apt).toBe(40n * APT);
    expect(p.stkapt).toBe(10n * APT + 960_956_937n);
  });
});
