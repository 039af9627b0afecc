import { assertU64 } from "../amounts/parse.ts";
import { kofiConstants } from "../generated/abi.ts";
import { type AdminAction, adminAction, outOfRange } from "./adminAction.ts";

/**
 * `gateway::seed_vault(apt_amount)`: deposits APT octas (at least `MIN_VAULT_SEED`) and stakes the kAPT as dead
 * shares held by nobody, once, before anyone can stake (admin only).
 */
export function seedVault(args: { amount: bigint }): AdminAction {
  const v = assertU64(args.amount, "seed");
  const min = kofiConstants.vault.MIN_VAULT_SEED.value;
  if (v < min) throw outOfRange("The vault seed (octas)", v, min, 2n ** 64n - 1n, "vault::E_SEED_TOO_SMALL");
  return adminAction("gateway", "seed_vault", [v]);
}
