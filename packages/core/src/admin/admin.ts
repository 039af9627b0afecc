import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import { assertU64 } from "../amounts/parse.ts";
import type { KofiClient } from "../client/createKofiClient.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";
import { entryPayload } from "../client/payload.ts";

import { PAUSABLE_ACTIONS, type PausableAction } from "./config.ts";

/**
 * Payload builders for the admin and permissionless maintenance entries. All abort `E_NOT_ADMIN` for others.
 * @deprecated Use the typed actions (`setFeeBps`, `addPool`, `seedVault`, `syncRewards`, …): they validate their
 * arguments against the contract's bounds before anything reaches the chain and run through `execute`/`simulate`.
 */
export const adminPayloads = {
  transferAdmin: (client: KofiClient, newAdmin: string): InputEntryFunctionData =>
    entryPayload(client, "config", "transfer_admin", [normalizeAddress(newAdmin, "new admin")]),
  acceptAdmin: (client: KofiClient): InputEntryFunctionData =>
    entryPayload(client, "config", "accept_admin", []),
  setPaused: (client: KofiClient, action: PausableAction | number, paused: boolean): InputEntryFunctionData =>
    entryPayload(client, "config", "set_paused", [
      typeof action === "number" ? action : PAUSABLE_ACTIONS[action],
      paused,
    ]),
  setFeeBps: (client: KofiClient, feeBps: bigint): InputEntryFunctionData =>
    entryPayload(client, "config", "set_fee_bps", [assertU64(feeBps, "fee bps")]),
  setTreasury: (client: KofiClient, treasury: string): InputEntryFunctionData =>
    entryPayload(client, "config", "set_treasury", [normalizeAddress(treasury, "treasury")]),
  setMinDeposit: (client: KofiClient, amount: bigint): InputEntryFunctionData =>
    entryPayload(client, "config", "set_min_deposit", [assertU64(amount, "min deposit")]),
  setMinWithdrawal: (client: KofiClient, amount: bigint): InputEntryFunctionData =>
    entryPayload(client, "config", "set_min_withdrawal", [assertU64(amount, "min withdrawal")]),
  addPool: (
    client: KofiClient,
    args: { pool: string; cap: bigint; seedApt: bigint },
  ): InputEntryFunctionData =>
    entryPayload(client, "staking_manager", "add_pool", [
      normalizeAddress(args.pool, "pool"),
      assertU64(args.cap, "cap"),
      assertU64(args.seedApt, "seed"),
    ]),
  setWeights: (client: KofiClient, args: { pools: string[]; weightsBps: bigint[] }): InputEntryFunctionData =>
    entryPayload(client, "staking_manager", "set_weights", [
      args.pools.map((p) => normalizeAddress(p, "pool")),
      args.weightsBps.map((w) => assertU64(w, "weight")),
    ]),
  setPoolCap: (client: KofiClient, args: { pool: string; cap: bigint }): InputEntryFunctionData =>
    entryPayload(client, "staking_manager", "set_pool_cap", [
      normalizeAddress(args.pool, "pool"),
      assertU64(args.cap, "cap"),
    ]),
  disablePool: (client: KofiClient, pool: string): InputEntryFunctionData =>
    entryPayload(client, "staking_manager", "disable_pool", [normalizeAddress(pool, "pool")]),
  /** Permissionless: sweeps every pool's inactive stake, then delegates idle APT not owed to matured tickets. */
  rebalance: (client: KofiClient): InputEntryFunctionData =>
    entryPayload(client, "staking_manager", "rebalance", []),
  /** Permissionless: withdraws a pool's inactive stake (evicted or departed) into the protocol's idle APT. */
  withdrawInactiveStake: (client: KofiClient, pool: string): InputEntryFunctionData =>
    entryPayload(client, "staking_manager", "withdraw_inactive_stake", [normalizeAddress(pool, "pool")]),
  /** Admin: pools whose operator commission (now or next cycle) exceeds this receive no deposits (0..10000). */
  setMaxCommissionBps: (client: KofiClient, maxCommissionBps: bigint): InputEntryFunctionData =>
    entryPayload(client, "config", "set_max_commission_bps", [
      assertU64(maxCommissionBps, "max commission bps"),
    ]),
  seedVault: (client: KofiClient, aptAmount: bigint): InputEntryFunctionData =>
    entryPayload(client, "gateway", "seed_vault", [assertU64(aptAmount, "seed")]),
  /** Permissionless: books accrued rewards (fee to the treasury, the rest streamed to stkAPT). */
  syncRewards: (client: KofiClient): InputEntryFunctionData =>
    entryPayload(client, "rewards", "sync_rewards", []),
} as const;
