import { type AdminAction, adminAction } from "../admin/adminAction.ts";

/** `rewards::sync_rewards()`: permissionless; books accrued rewards (fee to the treasury, the rest streamed to stkAPT). */
export function syncRewards(): AdminAction {
  return adminAction("rewards", "sync_rewards", []);
}
