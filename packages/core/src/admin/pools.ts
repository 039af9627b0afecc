import { assertU64 } from "../amounts/parse.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";
import { KofiError } from "../errors/KofiError.ts";
import { kofiConstants } from "../generated/abi.ts";
import { type AdminAction, adminAction, outOfRange } from "./adminAction.ts";

const S = kofiConstants.staking_manager;

/**
 * `staking_manager::add_pool(pool, cap, seed_apt)`: adds a delegation pool with weight 0, staking `seedApt` APT
 * octas from the admin (at least `MIN_POOL_SEED`) as protocol equity. `cap`: most APT octas kept active there.
 */
export function addPool(args: { pool: string; cap: bigint; seedApt: bigint }): AdminAction {
  const seed = assertU64(args.seedApt, "seed");
  if (seed < S.MIN_POOL_SEED.value)
    throw outOfRange(
      "The pool seed (octas)",
      seed,
      S.MIN_POOL_SEED.value,
      2n ** 64n - 1n,
      "E_SEED_TOO_SMALL",
    );
  return adminAction("staking_manager", "add_pool", [
    normalizeAddress(args.pool, "pool"),
    assertU64(args.cap, "cap"),
    seed,
  ]);
}

/**
 * `staking_manager::set_weights(pools, weights_bps)`: after it, the enabled pools' weights must sum to
 * `TOTAL_WEIGHT_BPS` (10000). Checked here: same lengths, no pool twice, each weight ≤ 10000.
 */
export function setWeights(args: { weights: readonly { pool: string; weightBps: bigint }[] }): AdminAction {
  if (args.weights.length === 0)
    throw new KofiError("invalid_argument", "set_weights needs at least one pool.", {
      hint: "Give every enabled pool its weight in bps; together they must make 10000.",
    });
  const pools = args.weights.map((w) => normalizeAddress(w.pool, "pool"));
  const twice = pools.find((p, i) => pools.indexOf(p) !== i);
  if (twice)
    throw new KofiError("invalid_argument", `set_weights names pool ${twice} twice.`, {
      hint: "List each pool once.",
    });
  const weights = args.weights.map((w) => {
    const v = assertU64(w.weightBps, "weight");
    if (v > S.TOTAL_WEIGHT_BPS.value)
      throw outOfRange("A weight (bps)", v, 0n, S.TOTAL_WEIGHT_BPS.value, "E_BAD_WEIGHTS");
    return v;
  });
  return adminAction("staking_manager", "set_weights", [pools, weights]);
}

/** `staking_manager::set_pool_cap(pool, cap)`: most APT octas kept active in `pool` (admin only). */
export function setPoolCap(args: { pool: string; cap: bigint }): AdminAction {
  return adminAction("staking_manager", "set_pool_cap", [
    normalizeAddress(args.pool, "pool"),
    assertU64(args.cap, "cap"),
  ]);
}

/** `staking_manager::disable_pool(pool)`: weight 0, no new deposits (admin only); re-set the weights after. */
export function disablePool(args: { pool: string }): AdminAction {
  return adminAction("staking_manager", "disable_pool", [normalizeAddress(args.pool, "pool")]);
}
