/**
 * `kofi::staking_manager`: the validator set of delegation pools. Routes APT to pools by weight, unlocks for
 * withdrawals, withdraws inactive stake, and measures every framework call (side-effect withdrawals go to
 * `idle_apt`).
 */
import type { Address, Runtime, Signer } from "../runtime/port.ts";
import * as config from "./config.ts";
import { add, add128, check, KOFI, mul128, sub, typeOf } from "./support.ts";

const M = "staking_manager";

/** Largest number of pools in the validator set. */
export const MAX_POOLS = 16n;
/** Sum of the weights of enabled pools. */
export const TOTAL_WEIGHT_BPS = 10_000n;
/** Smallest seed of a new pool (11 APT: the framework's 10 APT minimum plus the add-stake fee). */
export const MIN_POOL_SEED = 1_100_000_000n;
/** Active stake always kept in each pool (10 APT, the framework's MIN_COINS_ON_SHARES_POOL). */
export const MIN_POOL_STAKE = 1_000_000_000n;
/** `stake::get_validator_state` value of an active validator. */
export const VALIDATOR_STATUS_ACTIVE = 2n;
/** Smallest idle amount that `rebalance` delegates (1 APT). */
export const MIN_REBALANCE_APT = 100_000_000n;

export const POOLS = typeOf(M, "Pools");
export const CLAIM_RESERVE = typeOf(M, "ClaimReserve");

export interface PoolConfig {
  pool: Address;
  weight_bps: bigint;
  cap: bigint;
  enabled: boolean;
}

export interface Pools {
  pools: PoolConfig[];
  idle_apt: bigint;
  protocol_equity: bigint;
}

/** APT owed on open withdrawal tickets, mirrored from `withdrawals` so `rebalance` never stakes it. */
export interface ClaimReserve {
  reserved_apt: bigint;
}

const get = (rt: Runtime): Readonly<Pools> => rt.storage.borrow<Pools>(KOFI, POOLS);
const getMut = (rt: Runtime): Pools => rt.storage.borrowMut<Pools>(KOFI, POOLS);
const emit = (rt: Runtime, event: string, data: Record<string, unknown>): void =>
  rt.emit(typeOf(M, event), data);

/** `delegation_pool::synchronize_delegation_pool(pool)`. */
function synchronize_delegation_pool(rt: Runtime, pool: Address): void {
  rt.framework.synchronizeDelegationPool(pool);
}

/** `delegation_pool::get_stake(pool, delegator)`: (active, inactive, pending_inactive). */
function get_stake(rt: Runtime, pool: Address, delegator: Address): [bigint, bigint, bigint] {
  const s = rt.framework.getStake(pool, delegator);
  return [s.active, s.inactive, s.pendingInactive];
}

export function init_module(rt: Runtime, kofi: Signer): void {
  rt.storage.moveTo<Pools>(kofi.address, POOLS, { pools: [], idle_apt: 0n, protocol_equity: 0n });
  rt.storage.moveTo<ClaimReserve>(kofi.address, CLAIM_RESERVE, { reserved_apt: 0n });
}

// ---- admin entries -----------------------------------------------------------------------------------------

/** Adds a delegation pool with weight 0, staking `seed_apt` from the admin as protocol equity. */
export function add_pool(rt: Runtime, admin: Signer, pool: Address, cap: bigint, seed_apt: bigint): void {
  config.assert_admin(rt, admin);
  check(rt.framework.delegationPoolExists(pool), M, "E_NOT_DELEGATION_POOL");
  const [found] = find_index(rt, pool);
  check(!found, M, "E_POOL_EXISTS");
  check(BigInt(get(rt).pools.length) < MAX_POOLS, M, "E_TOO_MANY_POOLS");
  check(seed_apt >= MIN_POOL_SEED, M, "E_SEED_TOO_SMALL");
  rt.framework.aptTransfer(admin, config.protocol_address(rt), seed_apt);
  const [staked] = delegate_to(rt, pool, seed_apt);
  const state = getMut(rt);
  state.pools.push({ pool, weight_bps: 0n, cap, enabled: true });
  state.protocol_equity = add(state.protocol_equity, seed_apt);
  emit(rt, "PoolAdded", { pool, cap, seed_apt, staked });
}

/** Sets the weights of the listed pools; afterwards the enabled pools' weights must sum to 10000. */
export function set_weights(rt: Runtime, admin: Signer, pools: Address[], weights_bps: bigint[]): void {
  config.assert_admin(rt, admin);
  const n = pools.length;
  check(n === weights_bps.length, M, "E_LENGTH_MISMATCH");
  for (let i = 0; i < n; i++) {
    const pool = pools[i] as Address;
    const weight = weights_bps[i] as bigint;
    const [found, idx] = find_index(rt, pool);
    check(found, M, "E_POOL_NOT_FOUND");
    const cfg = getMut(rt).pools[idx] as PoolConfig;
    check(cfg.enabled || weight === 0n, M, "E_POOL_DISABLED");
    cfg.weight_bps = weight;
  }
  let sum = 0n;
  for (const cfg of get(rt).pools) if (cfg.enabled) sum = add128(sum, cfg.weight_bps);
  check(sum === TOTAL_WEIGHT_BPS, M, "E_BAD_WEIGHTS");
  emit(rt, "WeightsChanged", { pools, weights_bps });
}

/** Sets the most APT the protocol keeps actively staked in `pool` (checked on deposits). */
export function set_pool_cap(rt: Runtime, admin: Signer, pool: Address, cap: bigint): void {
  config.assert_admin(rt, admin);
  const [found, idx] = find_index(rt, pool);
  check(found, M, "E_POOL_NOT_FOUND");
  (getMut(rt).pools[idx] as PoolConfig).cap = cap;
  emit(rt, "PoolCapChanged", { pool, cap });
}

/** Disables `pool`: weight 0, no new deposits, unlocked first. Re-set the other weights with `set_weights`. */
export function disable_pool(rt: Runtime, admin: Signer, pool: Address): void {
  config.assert_admin(rt, admin);
  const [found, idx] = find_index(rt, pool);
  check(found, M, "E_POOL_NOT_FOUND");
  const cfg = getMut(rt).pools[idx] as PoolConfig;
  cfg.weight_bps = 0n;
  cfg.enabled = false;
  emit(rt, "PoolDisabled", { pool });
}

/** Delegates idle APT not reserved for tickets (if at least 1 APT) to the most under-weight eligible pool. */
export function rebalance(rt: Runtime, admin: Signer): void {
  config.assert_admin(rt, admin);
  const idle = get(rt).idle_apt;
  const reserved = rt.storage.borrow<ClaimReserve>(KOFI, CLAIM_RESERVE).reserved_apt;
  const amount = idle > reserved ? idle - reserved : 0n;
  if (amount < MIN_REBALANCE_APT) return;
  const pool = select_pool(rt, amount);
  {
    const state = getMut(rt);
    state.idle_apt = sub(state.idle_apt, amount);
  }
  const [staked, side_withdrawn] = delegate_to(rt, pool, amount);
  emit(rt, "Delegated", { pool, amount, staked, side_withdrawn });
}

// ---- package functions -------------------------------------------------------------------------------------

/**
 * Delegates `amount` APT, already held by the protocol account, to the selected pool.
 * Returns the pool and the measured active-stake increase.
 */
export function delegate(rt: Runtime, amount: bigint): [Address, bigint] {
  const pool = select_pool(rt, amount);
  const [staked] = delegate_to(rt, pool, amount);
  return [pool, staked];
}

/** The pool a deposit of `amount` would go to; aborts E_NO_ELIGIBLE_POOL when there is none. */
export function select_pool(rt: Runtime, amount: bigint): Address {
  const [found, idx] = select_index(rt, amount);
  check(found, M, "E_NO_ELIGIBLE_POOL");
  return (get(rt).pools[idx] as PoolConfig).pool;
}

/**
 * Unlocks `amount` across the pools in unlock order. Returns the pools, the part amounts (min of wanted and
 * measured pending_inactive increase), their lockup cycles and the latest lockup end.
 */
export function unlock(rt: Runtime, amount: bigint): [Address[], bigint[], bigint[], bigint] {
  const [plan_pools, plan_amounts] = plan_unlock(rt, amount);
  const protocol_signer = config.protocol_signer(rt);
  const protocol = protocol_signer.address;
  const out_pools: Address[] = [];
  const out_amounts: bigint[] = [];
  const out_olcs: bigint[] = [];
  let unlock_at = 0n;
  for (let i = 0; i < plan_pools.length; i++) {
    const pool = plan_pools[i] as Address;
    const wanted = plan_amounts[i] as bigint;
    synchronize_delegation_pool(rt, pool);
    const [, , pending_before] = get_stake(rt, pool, protocol);
    const balance_before = rt.framework.aptBalance(protocol);
    rt.framework.unlock(protocol_signer, pool, wanted);
    const balance_after = rt.framework.aptBalance(protocol);
    const [, , pending_after] = get_stake(rt, pool, protocol);
    const side_withdrawn = balance_after > balance_before ? balance_after - balance_before : 0n;
    add_idle(rt, side_withdrawn);
    const unlocked = pending_after > pending_before ? pending_after - pending_before : 0n;
    const part = unlocked < wanted ? unlocked : wanted;
    out_pools.push(pool);
    out_amounts.push(part);
    out_olcs.push(rt.framework.observedLockupCycle(pool));
    const lockup = rt.framework.getLockupSecs(pool);
    if (lockup > unlock_at) unlock_at = lockup;
    emit(rt, "Unlocked", { pool, requested: wanted, unlocked, side_withdrawn });
  }
  return [out_pools, out_amounts, out_olcs, unlock_at];
}

/**
 * Plans an unlock of `amount` without executing it: pools and amounts in unlock order.
 * Aborts E_INSUFFICIENT_UNLOCKABLE when the pools cannot give that much above their minimums.
 */
export function plan_unlock(rt: Runtime, amount: bigint): [Address[], bigint[]] {
  const protocol = config.protocol_address(rt);
  const order = unlock_order(rt);
  const all = get(rt).pools;
  const out_pools: Address[] = [];
  const out_amounts: bigint[] = [];
  let remaining = amount;
  for (let i = 0; i < order.length && remaining > 0n; i++) {
    const pool = (all[order[i] as number] as PoolConfig).pool;
    const [active, , pending_inactive] = get_stake(rt, pool, protocol);
    // keep MIN_POOL_STAKE (plus one octa against share rounding) active in every pool
    const keep = add(MIN_POOL_STAKE, 1n);
    let available = active > keep ? active - keep : 0n;
    // the protocol's active stake includes this epoch's pending_active deposits, but
    // `delegation_pool::unlock` aborts (ENOT_ENOUGH_ACTIVE_STAKE_TO_UNLOCK) above the stake pool's active
    // stake, and the top-up below adds one octa: stay strictly under it
    const { active: pool_active } = rt.framework.stakeGetStake(pool);
    const pool_room = pool_active > 0n ? pool_active - 1n : 0n;
    if (available > pool_room) available = pool_room;
    // the framework tops a new pending_inactive balance up to its minimum
    const floor = pending_inactive >= MIN_POOL_STAKE ? 0n : MIN_POOL_STAKE - pending_inactive;
    if (available > 0n && available >= floor) {
      const take = remaining < available ? remaining : available;
      out_pools.push(pool);
      out_amounts.push(take);
      remaining = sub(remaining, take);
    }
  }
  check(remaining === 0n, M, "E_INSUFFICIENT_UNLOCKABLE");
  return [out_pools, out_amounts];
}

/** Largest `stake::get_lockup_secs` over `pools` (0 for none). */
export function max_lockup_secs(rt: Runtime, pools: readonly Address[]): bigint {
  let unlock_at = 0n;
  for (const pool of pools) {
    const lockup = rt.framework.getLockupSecs(pool);
    if (lockup > unlock_at) unlock_at = lockup;
  }
  return unlock_at;
}

/** Withdraws the protocol's withdrawable stake from `pool` into `idle_apt`; returns the measured amount. */
export function withdraw_inactive(rt: Runtime, pool: Address): bigint {
  const protocol_signer = config.protocol_signer(rt);
  const protocol = protocol_signer.address;
  synchronize_delegation_pool(rt, pool);
  const { withdrawable, amount } = rt.framework.getPendingWithdrawal(pool, protocol);
  // withdrawable: inactive (an ended lockup cycle), or pending_inactive once the validator has left the set
  // and its lockup has passed (`can_withdraw_pending_inactive`), which `get_pending_withdrawal` reports as
  // not withdrawable although `delegation_pool::withdraw` pays it out; part_ready accepts both
  if (amount === 0n || !(withdrawable || rt.framework.canWithdrawPendingInactive(pool))) return 0n;
  const balance_before = rt.framework.aptBalance(protocol);
  rt.framework.withdraw(protocol_signer, pool, amount);
  const balance_after = rt.framework.aptBalance(protocol);
  const received = balance_after > balance_before ? balance_after - balance_before : 0n;
  add_idle(rt, received);
  return received;
}

/** Synchronises `pool` so that its observed lockup cycle is current. */
export function sync_pool(rt: Runtime, pool: Address): void {
  synchronize_delegation_pool(rt, pool);
}

/** Whether a ticket part unlocked in `pool` at lockup cycle `olc` can be withdrawn. */
export function part_ready(rt: Runtime, pool: Address, olc: bigint): boolean {
  const current = rt.framework.observedLockupCycle(pool);
  if (current > olc) return true;
  if (rt.framework.canWithdrawPendingInactive(pool)) return true;
  if (current === olc) {
    // the stake pool's lockup ended but the delegation pool has not been synchronised yet
    return rt.framework.getPendingWithdrawal(pool, config.protocol_address(rt)).withdrawable;
  }
  return false;
}

/** Pays `amount` of idle APT from the protocol account to `to`. The caller checks `idle_apt` first. */
export function pay(rt: Runtime, to: Address, amount: bigint): void {
  const state = getMut(rt);
  state.idle_apt = sub(state.idle_apt, amount);
  rt.framework.aptTransfer(config.protocol_signer(rt), to, amount);
}

/** Mirrors the open-ticket liabilities so `rebalance` keeps them idle. */
export function set_reserved_apt(rt: Runtime, amount: bigint): void {
  rt.storage.borrowMut<ClaimReserve>(KOFI, CLAIM_RESERVE).reserved_apt = amount;
}

/** Controlled APT: the protocol's stake in every pool (active + inactive + pending_inactive) plus idle APT. */
export function controlled_apt(rt: Runtime): bigint {
  return add(total_staked_apt(rt), get(rt).idle_apt);
}

/** The protocol's stake in every pool (active + inactive + pending_inactive). */
export function total_staked_apt(rt: Runtime): bigint {
  const protocol = config.protocol_address(rt);
  let total = 0n;
  for (const cfg of get(rt).pools) {
    const [active, inactive, pending_inactive] = get_stake(rt, cfg.pool, protocol);
    total = add(add(add(total, active), inactive), pending_inactive);
  }
  return total;
}

/** APT held by the protocol account for the protocol. */
export const idle_apt = (rt: Runtime): bigint => get(rt).idle_apt;

/** APT staked by the admin as pool seeds. */
export const protocol_equity = (rt: Runtime): bigint => get(rt).protocol_equity;

/** Number of pools in the validator set. */
export const pool_count = (rt: Runtime): bigint => BigInt(get(rt).pools.length);

/** Pool `i`: (pool, weight_bps, cap, enabled). */
export function pool_at(rt: Runtime, i: bigint): [Address, bigint, bigint, boolean] {
  const cfg = get(rt).pools[Number(i)];
  if (cfg === undefined) throw new Error(`staking_manager::pool_at: no pool ${i}`);
  return [cfg.pool, cfg.weight_bps, cfg.cap, cfg.enabled];
}

/** Whether `pool` is an active validator. */
export const validator_active = (rt: Runtime, pool: Address): boolean =>
  rt.framework.getValidatorState(pool) === VALIDATOR_STATUS_ACTIVE;

/** The framework's add-stake fee for `amount` on `pool` at this epoch. */
export const quote_add_stake_fee = (rt: Runtime, pool: Address, amount: bigint): bigint =>
  rt.framework.getAddStakeFee(pool, amount);

/** The protocol's stake in `pool`: (active, inactive, pending_inactive). */
export const pool_stake = (rt: Runtime, pool: Address): [bigint, bigint, bigint] =>
  get_stake(rt, pool, config.protocol_address(rt));

/** Operator commission of `pool` in bps (the framework's hundredths of a percent). */
export const commission_bps = (rt: Runtime, pool: Address): bigint =>
  rt.framework.operatorCommissionPercentage(pool);

/** End of the current lockup of `pool`'s stake pool, in seconds. */
export const lockup_secs = (rt: Runtime, pool: Address): bigint => rt.framework.getLockupSecs(pool);

/** The network's recurring lockup duration in seconds. */
export const lockup_duration_secs = (rt: Runtime): bigint => rt.framework.recurringLockupDurationSecs();

// ---- internals ---------------------------------------------------------------------------------------------

function add_idle(rt: Runtime, amount: bigint): void {
  if (amount === 0n) return;
  const state = getMut(rt);
  state.idle_apt = add(state.idle_apt, amount);
}

/** Stakes `amount` APT held by the protocol account into `pool`; returns (active increase, side withdrawal). */
function delegate_to(rt: Runtime, pool: Address, amount: bigint): [bigint, bigint] {
  const protocol_signer = config.protocol_signer(rt);
  const protocol = protocol_signer.address;
  synchronize_delegation_pool(rt, pool);
  const [active_before] = get_stake(rt, pool, protocol);
  const balance_before = rt.framework.aptBalance(protocol);
  rt.framework.addStake(protocol_signer, pool, amount);
  const balance_after = rt.framework.aptBalance(protocol);
  const [active_after] = get_stake(rt, pool, protocol);
  const side_withdrawn =
    add(balance_after, amount) > balance_before ? sub(add(balance_after, amount), balance_before) : 0n;
  add_idle(rt, side_withdrawn);
  const staked = active_after > active_before ? active_after - active_before : 0n;
  return [staked, side_withdrawn];
}

function find_index(rt: Runtime, pool: Address): [boolean, number] {
  const all = get(rt).pools;
  for (let i = 0; i < all.length; i++) if ((all[i] as PoolConfig).pool === pool) return [true, i];
  return [false, 0];
}

/** Eligible pool with the smallest stake / weight (ties: lowest index). */
function select_index(rt: Runtime, amount: bigint): [boolean, number] {
  const protocol = config.protocol_address(rt);
  const all = get(rt).pools;
  let found = false;
  let best = 0;
  let best_stake = 0n;
  let best_weight = 1n;
  for (let i = 0; i < all.length; i++) {
    const cfg = all[i] as PoolConfig;
    if (
      cfg.enabled &&
      cfg.weight_bps > 0n &&
      rt.framework.getValidatorState(cfg.pool) === VALIDATOR_STATUS_ACTIVE
    ) {
      const [active] = get_stake(rt, cfg.pool, protocol);
      if (add128(active, amount) <= cfg.cap) {
        const stake_i = active;
        const weight_i = cfg.weight_bps;
        if (!found || mul128(stake_i, best_weight) < mul128(best_stake, weight_i)) {
          found = true;
          best = i;
          best_stake = stake_i;
          best_weight = weight_i;
        }
      }
    }
  }
  return [found, best];
}

/** Unlock order: disabled or zero-weight pools by index, then enabled pools by largest stake / weight. */
function unlock_order(rt: Runtime): number[] {
  const protocol = config.protocol_address(rt);
  const all = get(rt).pools;
  const n = all.length;
  const order: number[] = [];
  const stakes: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const cfg = all[i] as PoolConfig;
    const [active] = get_stake(rt, cfg.pool, protocol);
    stakes.push(active);
    if (!cfg.enabled || cfg.weight_bps === 0n) order.push(i);
  }
  const taken = all.map((cfg) => !cfg.enabled || cfg.weight_bps === 0n);
  for (;;) {
    let found = false;
    let best = 0;
    let best_stake = 0n;
    let best_weight = 1n;
    for (let j = 0; j < n; j++) {
      if (!taken[j]) {
        const stake_j = stakes[j] as bigint;
        const weight_j = (all[j] as PoolConfig).weight_bps;
        if (!found || mul128(stake_j, best_weight) > mul128(best_stake, weight_j)) {
          found = true;
          best = j;
          best_stake = stake_j;
          best_weight = weight_j;
        }
      }
    }
    if (!found) break;
    taken[best] = true;
    order.push(best);
  }
  return order;
}
