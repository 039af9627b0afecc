import { frameworkAbort } from "../runtime/errors.ts";
import type { Address } from "../runtime/port.ts";
import { emit, T, type TxContext } from "./context.ts";
import * as dp from "./delegation.ts";
import { balance, shares } from "./pool_u64.ts";

/**
 * Delegator allowlisting of `0x1::delegation_pool` (aptos-framework release v1.39,
 * `delegation_pool.move`): `enable_delegators_allowlisting`, `disable_delegators_allowlisting`,
 * `allowlist_delegator`, `remove_delegator_from_allowlist`, `evict_delegator` and the views
 * `allowlisting_enabled`, `delegator_allowlisted`, `get_delegators_allowlist`. The resource
 * `DelegationPoolAllowlisting { allowlist }` lives at the pool address while allowlisting is enabled; its
 * `SmartTable<address, bool>` is a table here.
 */
export interface DelegationPoolAllowlisting {
  /** Table<delegator address, true> */
  allowlist: { handle: string };
}

export const T_ALLOWLISTING = "0x1::delegation_pool::DelegationPoolAllowlisting";
export const T_OWNERSHIP = "0x1::delegation_pool::DelegationPoolOwnership";

const E = {
  ownerCapNotFound: () =>
    frameworkAbort(
      "delegation_pool",
      "EOWNER_CAP_NOT_FOUND",
      "not_found",
      1,
      "Delegation pool owner capability does not exist at the provided account.",
    ),
  notEnabled: () =>
    frameworkAbort(
      "delegation_pool",
      "EDELEGATORS_ALLOWLISTING_NOT_ENABLED",
      "invalid_state",
      24,
      "Delegators allowlisting should be enabled to perform this operation.",
    ),
  notAllowlisted: () =>
    frameworkAbort(
      "delegation_pool",
      "EDELEGATOR_NOT_ALLOWLISTED",
      "permission_denied",
      25,
      "Cannot add/reactivate stake unless being allowlisted by the pool owner.",
    ),
  cannotEvictAllowlisted: () =>
    frameworkAbort(
      "delegation_pool",
      "ECANNOT_EVICT_ALLOWLISTED_DELEGATOR",
      "invalid_state",
      26,
      "Cannot evict an allowlisted delegator, should remove them from the allowlist first.",
    ),
  notExist: () =>
    frameworkAbort(
      "delegation_pool",
      "EDELEGATION_POOL_DOES_NOT_EXIST",
      "invalid_argument",
      3,
      "Delegation pool does not exist at the provided pool address.",
    ),
};

/** `owner_cap_exists` view. */
export function ownerCapExists(ctx: TxContext, owner: Address): boolean {
  return ctx.journal.exists(owner, T_OWNERSHIP);
}

/** `get_owned_pool_address` view: aborts `EOWNER_CAP_NOT_FOUND` when `owner` owns no delegation pool. */
export function getOwnedPoolAddress(ctx: TxContext, owner: Address): Address {
  if (!ownerCapExists(ctx, owner)) throw E.ownerCapNotFound();
  return ctx.journal.borrow<{ pool_address: Address }>(owner, T_OWNERSHIP).pool_address;
}

/** `allowlisting_enabled` view (asserts the delegation pool exists). */
export function allowlistingEnabled(ctx: TxContext, pool: Address): boolean {
  if (!dp.delegationPoolExists(ctx, pool)) throw E.notExist();
  return ctx.journal.exists(pool, T_ALLOWLISTING);
}

/** `delegator_allowlisted` view: true when allowlisting is off, else membership of the allowlist. */
export function delegatorAllowlisted(ctx: TxContext, pool: Address, delegator: Address): boolean {
  if (!allowlistingEnabled(ctx, pool)) return true;
  const l = ctx.journal.borrow<DelegationPoolAllowlisting>(pool, T_ALLOWLISTING);
  return ctx.journal.contains(l.allowlist.handle, delegator);
}

/** `get_delegators_allowlist` view (aborts `EDELEGATORS_ALLOWLISTING_NOT_ENABLED` when off). */
export function getDelegatorsAllowlist(ctx: TxContext, pool: Address): Address[] {
  if (!allowlistingEnabled(ctx, pool)) throw E.notEnabled();
  const l = ctx.journal.borrow<DelegationPoolAllowlisting>(pool, T_ALLOWLISTING);
  return tableKeys(ctx, l.allowlist.handle) as Address[];
}

function tableKeys(ctx: TxContext, handle: string): string[] {
  return ctx.journal.keys(handle).sort();
}

/** `assert_delegator_allowlisted`, called first by `add_stake` and `reactivate_stake`. */
export function assertDelegatorAllowlisted(ctx: TxContext, pool: Address, delegator: Address): void {
  if (!delegatorAllowlisted(ctx, pool, delegator)) throw E.notAllowlisted();
}

/** `enable_delegators_allowlisting(owner)`: no-op when already enabled; the allowlist starts empty. */
export function enableDelegatorsAllowlisting(ctx: TxContext, owner: Address): void {
  const pool = getOwnedPoolAddress(ctx, owner);
  if (allowlistingEnabled(ctx, pool)) return;
  ctx.journal.moveTo<DelegationPoolAllowlisting>(pool, T_ALLOWLISTING, {
    allowlist: { handle: ctx.journal.newHandle() },
  });
  emit(ctx, "0x1::delegation_pool::EnableDelegatorsAllowlisting", { pool_address: pool });
}

/** `disable_delegators_allowlisting(owner)`: the allowlist is destroyed. */
export function disableDelegatorsAllowlisting(ctx: TxContext, owner: Address): void {
  const pool = getOwnedPoolAddress(ctx, owner);
  if (!allowlistingEnabled(ctx, pool)) throw E.notEnabled();
  const l = ctx.journal.borrow<DelegationPoolAllowlisting>(pool, T_ALLOWLISTING);
  for (const k of tableKeys(ctx, l.allowlist.handle)) ctx.journal.remove(l.allowlist.handle, k);
  ctx.journal.moveFrom(pool, T_ALLOWLISTING);
  emit(ctx, "0x1::delegation_pool::DisableDelegatorsAllowlisting", { pool_address: pool });
}

/** `allowlist_delegator(owner, delegator)`: no-op when already allowlisted. */
export function allowlistDelegator(ctx: TxContext, owner: Address, delegator: Address): void {
  const pool = getOwnedPoolAddress(ctx, owner);
  if (!allowlistingEnabled(ctx, pool)) throw E.notEnabled();
  if (delegatorAllowlisted(ctx, pool, delegator)) return;
  const l = ctx.journal.borrow<DelegationPoolAllowlisting>(pool, T_ALLOWLISTING);
  ctx.journal.add(l.allowlist.handle, delegator, true);
  emit(ctx, "0x1::delegation_pool::AllowlistDelegator", { pool_address: pool, delegator_address: delegator });
}

/** `remove_delegator_from_allowlist(owner, delegator)`: does not unlock the delegator's stake. */
export function removeDelegatorFromAllowlist(ctx: TxContext, owner: Address, delegator: Address): void {
  const pool = getOwnedPoolAddress(ctx, owner);
  if (!allowlistingEnabled(ctx, pool)) throw E.notEnabled();
  if (!delegatorAllowlisted(ctx, pool, delegator)) return;
  const l = ctx.journal.borrow<DelegationPoolAllowlisting>(pool, T_ALLOWLISTING);
  ctx.journal.remove(l.allowlist.handle, delegator);
  emit(ctx, "0x1::delegation_pool::RemoveDelegatorFromAllowlist", {
    pool_address: pool,
    delegator_address: delegator,
  });
}

/**
 * `evict_delegator(owner, delegator)`: only a delegator that is not allowlisted (while allowlisting is on);
 * synchronizes the pool, then unlocks the delegator's whole active balance (it becomes pending_inactive,
 * with the usual unlock rules: `ENOT_ENOUGH_ACTIVE_STAKE_TO_UNLOCK` above the stake pool's active stake).
 * No-op for a delegator without active shares.
 */
export function evictDelegator(ctx: TxContext, owner: Address, delegator: Address): void {
  const pool = getOwnedPoolAddress(ctx, owner);
  if (!allowlistingEnabled(ctx, pool)) throw E.notEnabled();
  if (delegatorAllowlisted(ctx, pool, delegator)) throw E.cannotEvictAllowlisted();
  dp.synchronize(ctx, pool);
  const d = ctx.journal.borrow<dp.DelegationPool>(pool, T.delegationPool);
  if (shares(ctx.journal, d.active_shares, delegator) === 0n) return;
  dp.unlockInternal(ctx, delegator, pool, balance(ctx.journal, d.active_shares, delegator));
  emit(ctx, "0x1::delegation_pool::EvictDelegator", { pool_address: pool, delegator_address: delegator });
}
