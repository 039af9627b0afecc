import { type AdminAction, adminAction } from "../admin/adminAction.ts";

/**
 * `staking_manager::rebalance()`: delegates idle APT not reserved for tickets (at least `MIN_REBALANCE_APT`) to
 * the most under-weight eligible pool. Admin only in this version of the package.
 */
export function rebalance(): AdminAction {
  return adminAction("staking_manager", "rebalance", []);
}
