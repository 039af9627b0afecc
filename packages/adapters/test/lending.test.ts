import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LendingAdapter } from "../src/core/lendingAdapter.ts";
import { echelonAdapter } from "../src/venues/echelon.ts";
import { type Env, faBalance, fundedUser, ONE, startEnv, submit } from "./harness.ts";

let env: Env;
let echelon: LendingAdapter;

beforeAll(async () => {
  env = await startEnv();
  echelon = echelonAdapter({ reader: env.reader, tokens: env.tokens });
});
afterAll(async () => {
  await env?.ln.stop();
});

describe("echelon on the localnet", () => {
  it("lists the kAPT and stkAPT markets with LTV, cap and supply APR read on chain", async () => {
    const ms = await echelon.markets();
    expect(ms.map((m) => m.token).sort()).toEqual([env.tokens.kAPT, env.tokens.stkAPT].sort());
    const k = ms.find((m) => m.token === env.tokens.kAPT);
    expect(k?.ltvBps).toBe(7_000n);
    expect(k?.supplyCap).toBe(5_000_000n * ONE);
    expect(k?.supplyAprBps).toBe(150n); // 1.5 % as FixedPoint64, rounded to the nearest bps
    expect(k?.paused).toBe(false);
  });

  for (const token of ["kAPT", "stkAPT"] as const) {
    it(`supplying ${token} shows up in the position view`, async () => {
      const user = await fundedUser(env, 500n * ONE, 200n * ONE, 100n * ONE);
      const amount = 42n * ONE + 7n;
      const preview = await echelon.previewSupply(env.tokens[token], amount);
      expect(preview.ok).toBe(true);
      expect(preview.borrowPowerAdded).toBe((amount * preview.market.ltvBps) / 10_000n);
      const owner = user.accountAddress.toStringLong() as `0x${string}`;
      const before = await echelon.position(owner);
      expect(before.supplied.every((s) => s.amount === 0n)).toBe(true);
      const balBefore = await faBalance(env, user, env.tokens[token]);
      const [p] = await echelon.buildSupply(env.tokens[token], amount);
      if (!p) throw new Error("no payload");
      const tx = await submit(env, user, p.data);
      expect(tx.success, tx.vm_status).toBe(true);
      const after = await echelon.position(owner);
      expect(after.supplied.find((s) => s.token === env.tokens[token])?.amount).toBe(amount);
      expect(balBefore - (await faBalance(env, user, env.tokens[token]))).toBe(amount);
    });
  }

  it("a supply over the cap is previewed as not ok", async () => {
    const preview = await echelon.previewSupply(env.tokens.stkAPT, 3_000_000n * ONE);
    expect(preview.ok).toBe(false);
    expect(preview.warnings.join(" ")).toMatch(/supply cap/);
  });
});
