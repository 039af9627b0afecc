import { Aptos, AptosConfig, type MoveValue, Network } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainReader, chainReader } from "../src/core/chain.ts";
import type { LendingAdapter } from "../src/core/lendingAdapter.ts";
import { echelonAdapter, isViewFailure } from "../src/venues/echelon.ts";
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

/**
 * A reader for an Echelon deployment without `market_is_fa` (the view is not in the SDK's ABI @0c5a7ce): its
 * calls go to a view name the localnet does not host, so the adapter receives the node's real answer to a
 * missing function, not an error made up here.
 */
function withoutMarketIsFa(base: ChainReader, seen: unknown[], missing = "market_is_fa_absent"): ChainReader {
  return {
    ...base,
    view<T extends MoveValue[] = MoveValue[]>(...[fn, abi, args, lv]: Parameters<ChainReader["view"]>) {
      if (!fn.endsWith("::lending::market_is_fa")) return base.view<T>(fn, abi, args, lv);
      const gone = fn.replace(/market_is_fa$/, missing) as typeof fn;
      return base.view<T>(gone, { ...abi, name: missing }, args, lv).catch((e: unknown) => {
        seen.push(e);
        throw e;
      });
    },
  };
}

describe("echelon: a deployment without market_is_fa", () => {
  it("the localnet's missing-view error is recognised, and markets resolve through market_asset_metadata", async () => {
    const seen: unknown[] = [];
    const adapter = echelonAdapter({ reader: withoutMarketIsFa(env.reader, seen), tokens: env.tokens });
    const ms = await adapter.markets();
    // the APT Coin market (its market_asset_metadata aborts) is left out; the FA markets are found
    expect(ms.map((m) => m.token).sort()).toEqual([env.tokens.kAPT, env.tokens.stkAPT].sort());
    expect(ms.find((m) => m.token === env.tokens.kAPT)?.supplyAprBps).toBe(150n);
    expect(seen.length).toBeGreaterThan(0);
    const e = seen[0] as Error & { data?: { vm_error_code?: number } };
    expect(e.message).toMatch(
      /FUNCTION_RESOLUTION_FAILURE: function .*::lending::market_is_fa_absent does not exist/,
    );
    expect(isViewFailure(e)).toBe(true);
    const [p] = await adapter.buildSupply(env.tokens.kAPT, ONE);
    expect(p?.data.function).toBe(`${env.echelon}::scripts::supply_fa`);
  });

  it("a transport failure of the probe is not mistaken for a missing view: markets() rejects", async () => {
    // a node that is not there (port 9 on loopback: discard, closed here) gives a real fetch failure
    const dead = chainReader(
      new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: "http://127.0.0.1:9/v1" })),
    );
    const reader: ChainReader = {
      ...env.reader,
      view: (fn, abi, args, lv) =>
        fn.endsWith("::lending::market_is_fa")
          ? dead.view(fn, abi, args, lv)
          : env.reader.view(fn, abi, args, lv),
    };
    const adapter = echelonAdapter({ reader, tokens: env.tokens });
    await expect(adapter.markets()).rejects.toSatisfy((e: unknown) => !isViewFailure(e));
  });
});

describe("echelon: supply rate in every accepted FixedPoint64 shape", () => {
  // The localnet answers `{ v }` (Echelon's SDK reading); the same on-chain value reshaped as
  // aptos_std's `{ value }` and as a bare string must give the same APR.
  for (const [shape, reshape] of [
    ["{ value }", (v: string) => ({ value: v })],
    ["a bare string", (v: string) => v],
  ] as const) {
    it(shape, async () => {
      const reader: ChainReader = {
        ...env.reader,
        async view<T extends MoveValue[] = MoveValue[]>(
          ...[fn, abi, args, lv]: Parameters<ChainReader["view"]>
        ) {
          const out = await env.reader.view<T>(fn, abi, args, lv);
          if (!fn.endsWith("::lending::supply_interest_rate")) return out;
          const { v } = out[0] as { v: string };
          expect(typeof v).toBe("string");
          // the caller's T is the node's result type; the reshaped value is what another node could send
          return [reshape(v)] as unknown as T;
        },
      };
      const apr = (ms: Awaited<ReturnType<LendingAdapter["markets"]>>) =>
        ms.map((m) => [m.token, m.supplyAprBps] as const).sort();
      const asV = apr(await echelon.markets());
      expect(asV.map(([, bps]) => bps)).not.toContain(undefined);
      expect(apr(await echelonAdapter({ reader, tokens: env.tokens }).markets())).toEqual(asV);
    });
  }
});
