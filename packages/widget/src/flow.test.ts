import { describe, expect, it } from "vitest";
import type { Quote, Simulation } from "./backend.ts";
import { canConfirm, type Flow, IDLE, isExpired, isWorse, reduceFlow } from "./flow.ts";

const quote = (amountOut: bigint, minOut = amountOut, expiresAt?: number): Quote => ({
  request: { action: "deposit", amount: 100_000_000n, to: "kAPT" },
  tokenIn: "APT",
  amountIn: 100_000_000n,
  tokenOut: "kAPT",
  amountOut,
  minOut,
  fee: 0n,
  payload: {
    function: "0x6b6f6669::gateway::deposit",
    typeArguments: [],
    functionArguments: [100_000_000n, minOut],
  },
  ...(expiresAt !== undefined ? { expiresAt } : {}),
});
const okSim: Simulation = { success: true, gasUsed: 10n, gasUnitPrice: 100n, feeOctas: 1_000n };
const badSim: Simulation = { ...okSim, success: false, error: { code: "move_abort", message: "E_PAUSED" } };

const run = (events: Parameters<typeof reduceFlow>[1][], from: Flow = IDLE) =>
  events.reduce(reduceFlow, from);

describe("reduceFlow", () => {
  it("goes review → simulated → sign → submitted → confirmed → success", () => {
    const q = quote(99n);
    let f = run([{ type: "review", quote: q }]);
    expect(f).toEqual({ phase: "review", quote: q, simulation: null });
    expect(canConfirm(f)).toBe(false);
    f = reduceFlow(f, { type: "simulated", simulation: okSim });
    expect(canConfirm(f)).toBe(true);
    f = run(
      [
        { type: "stage", stage: "sign" },
        { type: "stage", stage: "submitted", hash: "0xabc" },
        { type: "stage", stage: "confirmed" },
      ],
      f,
    );
    expect(f).toEqual({ phase: "pending", quote: q, stage: "confirmed", hash: "0xabc" });
    f = reduceFlow(f, { type: "succeeded", hash: "0xabc", amountOut: 99n });
    expect(f).toEqual({ phase: "success", quote: q, hash: "0xabc", amountOut: 99n });
  });
  it("cannot confirm after a failed simulation", () => {
    const f = run([
      { type: "review", quote: quote(1n) },
      { type: "simulated", simulation: badSim },
    ]);
    expect(canConfirm(f)).toBe(false);
  });
  it("keeps the hash when a failure follows submission", () => {
    const q = quote(5n);
    const f = run([
      { type: "review", quote: q },
      { type: "stage", stage: "submitted", hash: "0xdead" },
      { type: "failed", error: { code: "move_abort", message: "abort" } },
    ]);
    expect(f).toEqual({
      phase: "error",
      error: { code: "move_abort", message: "abort" },
      quote: q,
      hash: "0xdead",
    });
  });
  it("ignores a new review and a reset-free tab change while pending", () => {
    const pending = run([
      { type: "review", quote: quote(5n) },
      { type: "stage", stage: "sign" },
    ]);
    expect(reduceFlow(pending, { type: "review", quote: quote(6n) })).toBe(pending);
  });
  it("ignores late simulations and stray events", () => {
    expect(reduceFlow(IDLE, { type: "simulated", simulation: okSim })).toBe(IDLE);
    expect(reduceFlow(IDLE, { type: "stage", stage: "sign" })).toBe(IDLE);
    expect(reduceFlow(IDLE, { type: "succeeded", hash: "0x1" })).toBe(IDLE);
    const simulated = run([
      { type: "review", quote: quote(1n) },
      { type: "simulated", simulation: okSim },
    ]);
    expect(reduceFlow(simulated, { type: "simulated", simulation: badSim })).toBe(simulated);
    expect(reduceFlow(simulated, { type: "stage", stage: "failed" })).toBe(simulated);
  });
  it("asks to re-confirm when a re-quote is worse, and carries on when it is not", () => {
    const old = quote(100n, 99n);
    const pending = run([
      { type: "review", quote: old },
      { type: "simulated", simulation: okSim },
      { type: "stage", stage: "quote" },
    ]);
    const worse = quote(90n, 89n);
    expect(reduceFlow(pending, { type: "requoted", quote: worse })).toEqual({
      phase: "review",
      quote: worse,
      simulation: null,
      previous: old,
    });
    const better = quote(101n, 100n);
    expect(reduceFlow(pending, { type: "requoted", quote: better })).toEqual({
      phase: "pending",
      quote: better,
      stage: "quote",
    });
  });
  it("resets from anywhere", () => {
    expect(reduceFlow(run([{ type: "review", quote: quote(1n) }]), { type: "reset" })).toBe(IDLE);
  });
});

describe("isWorse and isExpired", () => {
  it("compares amount out and the guaranteed minimum", () => {
    expect(isWorse(quote(99n, 98n), quote(100n, 98n))).toBe(true);
    expect(isWorse(quote(100n, 97n), quote(100n, 98n))).toBe(true);
    expect(isWorse(quote(100n, 98n), quote(100n, 98n))).toBe(false);
    expect(isWorse(quote(101n, 99n), quote(100n, 98n))).toBe(false);
  });
  it("treats quotes without expiry as stale", () => {
    expect(isExpired(quote(1n), 0)).toBe(true);
    expect(isExpired(quote(1n, 1n, 2_000), 1_000)).toBe(false);
    expect(isExpired(quote(1n, 1n, 2_000), 2_000)).toBe(true);
  });
});
