import { type AdminAction, adminAction } from "../admin/adminAction.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";

/**
 * `staking_manager::rebalance()`, permissionless (any signer, a keeper needs no key with authority): withdraws every
 * pool's inactive stake, then delegates the idle APT not owed to matured tickets (at least `MIN_REBALANCE_APT`)
 * along the admin's weights, split over pools when one cannot take it all.
 */
export function rebalance(): AdminAction {
  return adminAction("staking_manager", "rebalance", []);
}

/**
 * `staking_manager::withdraw_inactive_stake(pool)`, permissionless: recovers a pool's inactive stake (an eviction,
 * a validator that left the set) into the protocol's idle APT.
 */
export function withdrawInactiveStake(args: { pool: string }): AdminAction {
  return adminAction("staking_manager", "withdraw_inactive_stake", [normalizeAddress(args.pool, "pool")]);
}
