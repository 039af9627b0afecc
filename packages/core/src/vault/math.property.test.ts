/**
 * The SDK's vault math (`math.ts`) against the interpreted Move (`move/sources/vault.move`), to the octa, on
 * random vault states: counters, a stream (amount, released part, start, end) and a clock before, inside or
 * after it. Each state is written into the `vault::Vault` resource of a world where move/sources is published,
 * and the Move's own functions are called through `@kofi/move`'s interpreter:
 *
 * | SDK (math.ts)        | Move (vault.move)                         |
 * | -------------------- | ----------------------------------------- |
 * | `releasedAt`         | `released_at(&Vault, now)`                |
 * | `vaultAssetsAt`      | `assets(now)`                             |
 * | `streamingAt`        | `streaming(now)`                          |
 * | `exchangeRateAt`     | `exchange_rate(now)`                      |
 * | `kaptToShares`       | `kapt_to_shares(kapt, now)`               |
 * | `sharesToKapt`       | `shares_to_kapt(shares, now)`             |
 * | `applyStake`         | `stake_minted(user, kapt)` (`book_stake`) |
 * | `applyUnstake`       | `unstake(&user, shares)`                  |
 *
 * Outcomes are compared too: where a result or a new counter leaves u64 (u128 for the rate), the Move must
 * abort with ARITHMETIC_ERROR, and where the SDK's figure fits, the Move must return exactly it; `stake` aborts
 * E_NOT_SEEDED exactly on an unseeded vault and E_ZERO_SHARES exactly where the SDK mints 0, `unstake`
 * E_ZERO_SHARES exactly where it pays 0.
 *
 * Runs: KOFI_PROPERTY_RUNS (default 2,000 per property; e.g. `KOFI_PROPERTY_RUNS=50000 npx vitest run
 * --project core packages/core/src/vault/math.property.test.ts` for a longer search). KOFI_PROPERTY_SEED
 * replays a seed fast-check printed.
 */
import { SignerValue } from "@kofi/move";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMoveProtocol, type MoveProtocol } from "../../test/move-harness.ts";
import {
  applyStake,
  applyUnstake,
  exchangeRateAt,
  kaptToShares,
  releasedAt,
  sharesToKapt,
  streamingAt,
  type VaultState,
  vaultAssetsAt,
} from "./math.ts";

const RUNS = Number(process.env.KOFI_PROPERTY_RUNS ?? 2000);
const SEED = process.env.KOFI_PROPERTY_SEED ? Number(process.env.KOFI_PROPERTY_SEED) : undefined;
const params = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

const U64_MAX = 2n ** 64n - 1n;
const U128_MAX = 2n ** 128n - 1n;

/** `vault::Vault` as stored (Move field names). */
interface VaultResource {
  total_kapt: bigint;
  total_shares: bigint;
  dead_shares: bigint;
  stream_amount: bigint;
  stream_released: bigint;
  stream_start: bigint;
  stream_end: bigint;
}
const toResource = (v: VaultState): VaultResource => ({
  total_kapt: v.totalKapt,
  total_shares: v.totalShares,
  dead_shares: v.deadShares,
  stream_amount: v.streamAmount,
  stream_released: v.streamReleased,
  stream_start: v.streamStart,
  stream_end: v.streamEnd,
});

// ------------------------------------------------------------------ random states

/** Octa amounts: mostly realistic (up to ~10^9 APT), some tiny, some near u64's limit. */
const amount = (max = 2n ** 57n) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.bigInt(0n, 1000n) },
    { weight: 6, arbitrary: fc.bigInt(0n, max) },
    { weight: 1, arbitrary: fc.bigInt(U64_MAX - 2n ** 40n, U64_MAX) },
  );

/**
 * A reachable vault state and a clock: dead shares within total shares (0 = not seeded), released part within
 * the stream, start <= end; `now` before, at, inside or after the stream (a position in the stream in ppm of
 * its duration, plus a few seconds either way). `kapt` to stake, `shares` to redeem (at most the users'
 * shares). One flat record, so that a failure shrinks every field towards 0 and prints the state as read.
 */
const scenario = fc
  .record({
    totalKapt: amount(),
    userShares: amount(),
    deadShares: fc.oneof(
      { weight: 1, arbitrary: fc.constant(0n) },
      { weight: 9, arbitrary: amount(2n ** 40n) },
    ),
    streamAmount: fc.oneof(
      { weight: 1, arbitrary: fc.constant(0n) },
      { weight: 5, arbitrary: amount(2n ** 50n) },
    ),
    releasedPpm: fc.bigInt(0n, 1_000_000n),
    streamStart: fc.bigInt(0n, 2n ** 33n),
    duration: fc.oneof(fc.constant(0n), fc.bigInt(1n, 100n), fc.bigInt(1n, 2n ** 31n)),
    clockPpm: fc.oneof(fc.constantFrom(0n, 1_000_000n), fc.bigInt(-500_000n, 3_000_000n)),
    clockJitter: fc.bigInt(-2n, 2n),
    kapt: amount(),
    redeem: fc.oneof(fc.bigInt(0n, 1000n), fc.bigInt(0n, U64_MAX)),
  })
  .filter((r) => r.userShares + r.deadShares <= U64_MAX)
  .map((r) => {
    const vault: VaultState = {
      totalKapt: r.totalKapt,
      totalShares: r.userShares + r.deadShares,
      deadShares: r.deadShares,
      streamAmount: r.streamAmount,
      streamReleased: (r.streamAmount * r.releasedPpm) / 1_000_000n,
      streamStart: r.streamStart,
      streamEnd: r.streamStart + r.duration,
    };
    const at = r.streamStart + (r.duration * r.clockPpm) / 1_000_000n + r.clockJitter;
    return { vault, now: at < 0n ? 0n : at, kapt: r.kapt, shares: r.redeem % (r.userShares + 1n) };
  });

// ------------------------------------------------------------------ the Move side

let move: MoveProtocol;
let users = 0;
const freshUser = () => `0x${(0xf000_0000 + ++users).toString(16).padStart(64, "0")}`;

/** Puts `v` into the Vault resource and the clock at `now`. */
function put(v: VaultState, now: bigint): VaultResource {
  const r = move.resource<VaultResource>("vault", "Vault");
  Object.assign(r, toResource(v));
  move.setNow(now);
  move.world.events.length = 0;
  return r;
}

type Outcome<T> = { ok: T } | { abort: string };
/** How often each outcome was seen, per property: the generators must reach every branch. */
const seen = new Map<string, number>();
let completed = 0;
const count = (property: string, o: Outcome<unknown>) => {
  const k = `${property}: ${"ok" in o ? "ok" : o.abort}`;
  seen.set(k, (seen.get(k) ?? 0) + 1);
};
/** Runs a Move call: its results, or the abort's constant name / the VM status. */
function outcome<T>(f: () => T): Outcome<T> {
  try {
    return { ok: f() };
  } catch (e) {
    const x = e as { errorName?: string; status?: string; message?: string };
    if (x.status) return { abort: x.status };
    if (x.errorName) return { abort: x.errorName };
    throw e;
  }
}

const fits = (...xs: bigint[]) => xs.every((x) => x >= 0n && x <= U64_MAX);
/** What the Move must do given the SDK's figures: return them when they fit in u64, else ARITHMETIC_ERROR. */
const expectU64 = <T>(values: bigint[], ok: T): Outcome<T> =>
  fits(...values) ? { ok } : { abort: "ARITHMETIC_ERROR" };

describe("vault math (math.ts) equals the interpreted vault.move, to the octa", () => {
  beforeAll(() => {
    move = loadMoveProtocol();
  });
  afterAll(() => {
    if (process.env.KOFI_PROPERTY_STATS) console.log(Object.fromEntries([...seen].sort()));
    // every branch was reached (with the default number of runs or more, when every property ran through)
    if (RUNS < 1000 || completed < 4) return;
    for (const k of [
      "stream: before",
      "stream: after",
      "stream: ok",
      "kapt_to_shares: ok",
      "kapt_to_shares: ARITHMETIC_ERROR",
      "stake: ok",
      "stake: E_NOT_SEEDED",
      "stake: E_ZERO_SHARES",
      "stake: ARITHMETIC_ERROR",
      "unstake: ok",
      "unstake: E_ZERO_SHARES",
      "unstake: ARITHMETIC_ERROR",
    ])
      expect(seen.get(k) ?? 0, k).toBeGreaterThan(0);
  });

  it("released_at, assets, streaming, exchange_rate", () => {
    fc.assert(
      fc.property(scenario, ({ vault, now }) => {
        const r = put(vault, now);
        const released = releasedAt(vault, now);
        expect(outcome(() => move.call("vault", "released_at", [{ ...r }, now])[0])).toEqual({
          ok: released,
        });
        const assets = vaultAssetsAt(vault, now);
        count(
          "stream",
          now <= vault.streamStart
            ? { abort: "before" }
            : now >= vault.streamEnd
              ? { abort: "after" }
              : { ok: 0 },
        );
        expect(outcome(() => move.call("vault", "assets", [now])[0])).toEqual(expectU64([assets], assets));
        const streaming = streamingAt(vault, now);
        expect(outcome(() => move.call("vault", "streaming", [now])[0])).toEqual({ ok: streaming });
        const rate = exchangeRateAt(vault, now);
        expect(rate.numerator <= U128_MAX && rate.denominator <= U128_MAX).toBe(true);
        expect(outcome(() => move.call("vault", "exchange_rate", [now]))).toEqual({
          ok: [rate.numerator, rate.denominator],
        });
      }),
      params,
    );
    completed++;
  });

  it("kapt_to_shares and shares_to_kapt", () => {
    fc.assert(
      fc.property(scenario, ({ vault, now, kapt, shares }) => {
        put(vault, now);
        const rate = exchangeRateAt(vault, now);
        const minted = kaptToShares(kapt, rate);
        const toShares = expectU64([minted], minted);
        count("kapt_to_shares", toShares);
        expect(outcome(() => move.call("vault", "kapt_to_shares", [kapt, now])[0])).toEqual(toShares);
        const paid = sharesToKapt(shares, rate);
        expect(outcome(() => move.call("vault", "shares_to_kapt", [shares, now])[0])).toEqual(
          expectU64([paid], paid),
        );
      }),
      params,
    );
    completed++;
  });

  it("stake: applyStake's shares and new counters equal book_stake's", () => {
    fc.assert(
      fc.property(scenario, ({ vault, now, kapt }) => {
        const r = put(vault, now);
        const sdk = applyStake(vault, kapt, now);
        const s = sdk.state;
        const expected: Outcome<unknown> =
          vault.deadShares === 0n
            ? { abort: "E_NOT_SEEDED" }
            : !fits(vault.totalKapt + releasedAt(vault, now), sdk.shares)
              ? { abort: "ARITHMETIC_ERROR" }
              : sdk.shares === 0n
                ? { abort: "E_ZERO_SHARES" }
                : expectU64([s.totalKapt, s.totalShares], { shares: sdk.shares, vault: toResource(s) });
        const got = outcome(() => {
          const [shares] = move.call("vault", "stake_minted", [freshUser(), kapt]);
          return { shares, vault: { ...r } };
        });
        count("stake", expected);
        expect(got).toEqual(expected);
      }),
      params,
    );
    completed++;
  });

  it("unstake: applyUnstake's kAPT and new counters equal unstake's", () => {
    const protocol = () => move.call("config", "protocol_address", [])[0] as string;
    fc.assert(
      fc.property(scenario, ({ vault, now, shares }) => {
        const sdk = applyUnstake(vault, shares, now);
        const s = sdk.state;
        // the user holds the shares it redeems; the protocol account holds the kAPT it pays
        const user = freshUser();
        put(vault, now);
        if (shares > 0n) move.call("stkapt", "mint_to", [user, shares]);
        const held = move.call("kapt", "balance", [protocol()])[0] as bigint;
        if (fits(sdk.kapt) && sdk.kapt > held) move.call("kapt", "mint_to", [protocol(), sdk.kapt - held]);
        const r = put(vault, now);
        const expected: Outcome<unknown> = !fits(vault.totalKapt + releasedAt(vault, now), sdk.kapt)
          ? { abort: "ARITHMETIC_ERROR" }
          : sdk.kapt === 0n
            ? { abort: "E_ZERO_SHARES" }
            : expectU64([s.totalKapt, s.totalShares], { kapt: sdk.kapt, vault: toResource(s) });
        const got = outcome(() => {
          const [kapt] = move.call("vault", "unstake", [new SignerValue(user), shares]);
          return { kapt, vault: { ...r } };
        });
        count("unstake", expected);
        expect(got).toEqual(expected);
      }),
      params,
    );
    completed++;
  });
});
