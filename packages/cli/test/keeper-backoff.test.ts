// The keeper's backoff: exponential steps, the cap, the jitter range, reset, and an interruptible sleep.
import { describe, expect, it } from "vitest";
import { Backoff, backoffDelay, sleep } from "../src/keeper/backoff.ts";

describe("keeper backoff", () => {
  it("doubles from the base up to the cap; equal jitter stays in [step/2, step]", () => {
    const opts = { baseMs: 100, capMs: 1_000 };
    const lo = (a: number) => backoffDelay(a, { ...opts, random: () => 0 });
    const hi = (a: number) => backoffDelay(a, { ...opts, random: () => 0.999999 });
    expect([0, 1, 2, 3, 4, 5].map(lo)).toEqual([50, 100, 200, 400, 500, 500]);
    expect([0, 1, 2, 3, 4, 5].map(hi)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    // a huge attempt count neither overflows nor exceeds the cap
    expect(hi(10_000)).toBe(1_000);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3, opts);
      expect(d).toBeGreaterThanOrEqual(400);
      expect(d).toBeLessThanOrEqual(800);
    }
  });

  it("jitter spreads two keepers that failed together", () => {
    const a = Array.from({ length: 50 }, () => backoffDelay(4, { baseMs: 100, capMs: 10_000 }));
    expect(new Set(a).size).toBeGreaterThan(10);
  });

  it("Backoff counts attempts and resets after a success", () => {
    const b = new Backoff({ baseMs: 10, capMs: 80, random: () => 0.999999 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([10, 20, 40, 80, 80]);
    expect(b.attempt).toBe(5);
    b.reset();
    expect(b.attempt).toBe(0);
    expect(b.next()).toBe(10);
  });

  it("sleep ends early when the signal aborts, and at once when already aborted", async () => {
    const ac = new AbortController();
    const t0 = Date.now();
    const p = sleep(60_000, ac.signal);
    setTimeout(() => ac.abort(), 20);
    await p;
    expect(Date.now() - t0).toBeLessThan(5_000);
    const t1 = Date.now();
    await sleep(60_000, ac.signal);
    expect(Date.now() - t1).toBeLessThan(100);
  });
});
