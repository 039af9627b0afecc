import { utf8 } from "../runtime/address.ts";
import { frameworkAbort, U64_MAX } from "../runtime/errors.ts";
import type { Address, DelegatorStake } from "../runtime/port.ts";
import { createResourceAccount } from "./accounts.ts";
import { assertDelegatorAllowlisted } from "./allowlist.ts";
import { depositApt, withdrawApt } from "./coin.ts";
import * as commission from "./commission.ts";
import { emit, T, type TxContext, ZERO_ADDRESS } from "./context.ts";
import {
  amountToShares,
  balance,
  buyIn,
  newPool,
  type PoolU64,
  redeemShares,
  shares,
  sharesToAmount,
} from "./pool_u64.ts";
import * as stake from "./stake.ts";
import { nowSeconds, stakingConfig } from "./time.ts";

/**
 * `0x1::delegation_pool`: shares pools for active (+pending_active) stake and one pending_inactive/inactive
 * pool per observed lockup cycle (OLC), operator commission on rewards, the add_stake fee held by the null
 * shareholder until the epoch ends, 10 APT minimums, one pending withdrawal per delegator.
 */
export interface DelegationPool {
  active_shares: PoolU64;
  observed_lockup_cycle: { index: bigint };
  /** Table<OLC index (decimal), PoolU64> */
  inactive_shares: { handle: string };
  /** Table<delegator address, { index }> */
  pending_withdrawals: { handle: string };
  stake_pool_signer_cap: { account: Address };
  total_coins_inactive: bigint;
  operator_commission_percentage: bigint;
}

export const MIN_COINS_ON_SHARES_POOL = 1_000_000_000n;
export const MAX_FEE = 10_000n;
const NULL_SHAREHOLDER = ZERO_ADDRESS;
const MODULE_SALT = "aptos_framework::delegation_pool";

const E = {
  notExist: () =>
    frameworkAbort(
      "delegation_pool",
      "EDELEGATION_POOL_DOES_NOT_EXIST",
      "invalid_argument",
      3,
      "Delegation pool does not exist at the provided pool address.",
    ),
  ownerCapExists: () =>
    frameworkAbort(
      "delegation_pool",
      "EOWNER_CAP_ALREADY_EXISTS",
      "already_exists",
      2,
      "Account is already owning a delegation pool.",
    ),
  badCommission: () =>
    frameworkAbort(
      "delegation_pool",
      "EINVALID_COMMISSION_PERCENTAGE",
      "invalid_argument",
      5,
      "Commission percentage has to be between 0 and `MAX_FEE` - 100%.",
    ),
  notEnoughActive: () =>
    frameworkAbort(
      "delegation_pool",
      "ENOT_ENOUGH_ACTIVE_STAKE_TO_UNLOCK",
      "invalid_argument",
      6,
      "There is not enough `active` stake on the stake pool to `unlock`.",
    ),
  activeTooLow: () =>
    frameworkAbort(
      "delegation_pool",
      "EDELEGATOR_ACTIVE_BALANCE_TOO_LOW",
      "invalid_argument",
      8,
      "Delegator's active balance cannot be less than `MIN_COINS_ON_SHARES_POOL`.",
    ),
  pendingInactiveTooLow: () =>
    frameworkAbort(
      "delegation_pool",
      "EDELEGATOR_PENDING_INACTIVE_BALANCE_TOO_LOW",
      "invalid_argument",
      9,
      "Delegator's pending_inactive balance cannot be less than `MIN_COINS_ON_SHARES_POOL`.",
    ),
  withdrawZero: () =>
    frameworkAbort(
      "delegation_pool",
      "EWITHDRAW_ZERO_STAKE",
      "invalid_argument",
      11,
      "Cannot request to withdraw zero stake.",
    ),
  nullShareholder: () =>
    frameworkAbort(
      "delegation_pool",
      "ECANNOT_UNLOCK_NULL_SHAREHOLDER",
      "invalid_argument",
      27,
      "Cannot unlock the accumulated active stake of NULL_SHAREHOLDER(0x0).",
    ),
  pendingWithdrawalExists: () =>
    frameworkAbort(
      "delegation_pool",
      "EPENDING_WITHDRAWAL_EXISTS",
      "invalid_state",
      4,
      "There is a pending withdrawal to be executed before `unlock`ing any new stake.",
    ),
  slashed: () =>
    frameworkAbort(
      "delegation_pool",
      "ESLASHED_INACTIVE_STAKE_ON_PAST_OLC",
      "invalid_state",
      7,
      "Slashing (if implemented) should not be applied to already `inactive` stake.",
    ),
};

export function delegationPoolExists(ctx: TxContext, pool: Address): boolean {
  return ctx.journal.exists(pool, T.delegationPool);
}
function assertExists(ctx: TxContext, pool: Address): void {
  if (!delegationPoolExists(ctx, pool)) throw E.notExist();
}
const olcKey = (i: bigint) => i.toString();

function pendingInactivePool(ctx: TxContext, dp: Readonly<DelegationPool>): Readonly<PoolU64> {
  return ctx.journal.borrowItem<PoolU64>(dp.inactive_shares.handle, olcKey(dp.observed_lockup_cycle.index));
}
function pendingInactivePoolMut(ctx: TxContext, dp: Readonly<DelegationPool>): PoolU64 {
  return ctx.journal.borrowItemMut<PoolU64>(
    dp.inactive_shares.handle,
    olcKey(dp.observed_lockup_cycle.index),
  );
}
function operatorOf(ctx: TxContext, pool: Address): Address {
  return ctx.journal.borrow<stake.StakePool>(pool, T.stakePool).operator_address;
}

/** `initialize_delegation_pool(owner, commission, seed)`: returns the pool address. */
export function initializeDelegationPool(
  ctx: TxContext,
  owner: Address,
  commission: bigint,
  seed: Uint8Array,
): Address {
  if (ctx.journal.exists(owner, T.delegationOwnership)) throw E.ownerCapExists();
  if (commission > MAX_FEE) throw E.badCommission();
  const fullSeed = new Uint8Array([...utf8(MODULE_SALT), ...seed]);
  const pool = createResourceAccount(ctx, owner, fullSeed);
  stake.initializeStakePool(ctx, pool, owner);
  const inactive = ctx.journal.newHandle();
  ctx.journal.add(inactive, olcKey(0n), newPool(ctx.journal));
  ctx.journal.moveTo<DelegationPool>(pool, T.delegationPool, {
    active_shares: newPool(ctx.journal),
    observed_lockup_cycle: { index: 0n },
    inactive_shares: { handle: inactive },
    pending_withdrawals: { handle: ctx.journal.newHandle() },
    stake_pool_signer_cap: { account: pool },
    total_coins_inactive: 0n,
    operator_commission_percentage: commission,
  });
  ctx.journal.moveTo(owner, T.delegationOwnership, { pool_address: pool });
  return pool;
}

interface Drift {
  /** The stake pool's pending_active when the drift was taken (getStake reads it too). */
  pendingActive: bigint;
  lockupCycleEnded: boolean;
  active: bigint;
  pendingInactive: bigint;
  commissionActive: bigint;
  commissionPendingInactive: bigint;
}

function drift(ctx: TxContext, pool: Address, dp: Readonly<DelegationPool>): Drift {
  const s = stake.getStake(ctx, pool);
  if (s.inactive < dp.total_coins_inactive) throw E.slashed();
  const lockupCycleEnded = s.inactive > dp.total_coins_inactive;
  const active = s.active + s.pendingActive;
  const pendingInactive = lockupCycleEnded ? s.inactive - dp.total_coins_inactive : s.pendingInactive;
  const c = dp.operator_commission_percentage;
  const poolActive = dp.active_shares.total_coins;
  const commissionActive = active > poolActive ? ((active - poolActive) * c) / MAX_FEE : 0n;
  const poolPi = pendingInactivePool(ctx, dp).total_coins;
  const commissionPendingInactive =
    pendingInactive > poolPi ? ((pendingInactive - poolPi) * c) / MAX_FEE : 0n;
  return {
    pendingActive: s.pendingActive,
    lockupCycleEnded,
    active,
    pendingInactive,
    commissionActive,
    commissionPendingInactive,
  };
}

function pendingWithdrawal(ctx: TxContext, dp: Readonly<DelegationPool>, who: Address): bigint | undefined {
  // one lookup (an item is always an `{ index }` object)
  return ctx.journal.tryBorrowItem<{ index: bigint }>(dp.pending_withdrawals.handle, who)?.index;
}

/** `synchronize_delegation_pool`: rewards, commission, add_stake fee refund, OLC advance. */
export function synchronize(ctx: TxContext, pool: Address): void {
  assertExists(ctx, pool);
  const j = ctx.journal;
  const dp = j.borrowMut<DelegationPool>(pool, T.delegationPool);
  const d = drift(ctx, pool, dp);
  if (stake.getStake(ctx, pool).pendingActive === 0n) {
    // renounce the add_stake fees of the ended epoch: the null shareholder's shares are redeemed and the
    // coins flow back to every active shareholder through update_total_coins below
    redeemActiveShares(ctx, dp, NULL_SHAREHOLDER, U64_MAX);
  }
  dp.active_shares.total_coins = d.active - d.commissionActive;
  pendingInactivePoolMut(ctx, dp).total_coins = d.pendingInactive - d.commissionPendingInactive;
  // commission is bought for `beneficiary_for_operator(operator)` (synchronize_delegation_pool, v1.39)
  const operator = operatorOf(ctx, pool);
  const beneficiary = commission.beneficiaryForOperator(ctx, operator);
  buyIn(j, dp.active_shares, beneficiary, d.commissionActive);
  buyInPendingInactive(ctx, dp, beneficiary, d.commissionPendingInactive);
  emit(ctx, "0x1::delegation_pool::DistributeCommission", {
    pool_address: pool,
    operator,
    beneficiary,
    commission_active: d.commissionActive,
    commission_pending_inactive: d.commissionPendingInactive,
  });
  if (d.lockupCycleEnded) {
    dp.total_coins_inactive = stake.getStake(ctx, pool).inactive;
    dp.observed_lockup_cycle = { index: dp.observed_lockup_cycle.index + 1n };
    j.add(dp.inactive_shares.handle, olcKey(dp.observed_lockup_cycle.index), newPool(j));
  }
  commission.applyEffectiveCommission(ctx, pool, dp);
}

function amountToSharesToRedeem(ctx: TxContext, p: Readonly<PoolU64>, who: Address, coins: bigint): bigint {
  if (coins >= balance(ctx.journal, p, who)) return shares(ctx.journal, p, who);
  return amountToShares(p, coins);
}

function redeemActiveShares(ctx: TxContext, dp: DelegationPool, who: Address, coins: bigint): bigint {
  const s = amountToSharesToRedeem(ctx, dp.active_shares, who, coins);
  if (s === 0n) return 0n;
  return redeemShares(ctx.journal, dp.active_shares, who, s);
}

function redeemInactiveShares(
  ctx: TxContext,
  dp: DelegationPool,
  who: Address,
  coins: bigint,
  olc: bigint,
): bigint {
  const j = ctx.journal;
  const p = j.borrowItemMut<PoolU64>(dp.inactive_shares.handle, olcKey(olc));
  const s = amountToSharesToRedeem(ctx, p, who, coins);
  if (s === 0n) return 0n;
  const redeemed = redeemShares(j, p, who, s);
  if (shares(j, p, who) === 0n) j.remove(dp.pending_withdrawals.handle, who);
  if (olc < dp.observed_lockup_cycle.index && p.total_coins === 0n)
    j.remove(dp.inactive_shares.handle, olcKey(olc));
  return redeemed;
}

function buyInPendingInactive(ctx: TxContext, dp: DelegationPool, who: Address, coins: bigint): bigint {
  const j = ctx.journal;
  const p = pendingInactivePoolMut(ctx, dp);
  if (amountToShares(p, coins) === 0n) return 0n;
  const s = buyIn(j, p, who, coins);
  executePendingWithdrawal(ctx, dp, who);
  const olc = dp.observed_lockup_cycle.index;
  const existing = pendingWithdrawal(ctx, dp, who);
  if (existing === undefined) j.add(dp.pending_withdrawals.handle, who, { index: olc });
  else if (existing !== olc) throw E.pendingWithdrawalExists();
  return s;
}

function executePendingWithdrawal(ctx: TxContext, dp: DelegationPool, who: Address): void {
  const olc = pendingWithdrawal(ctx, dp, who);
  if (olc !== undefined && olc < dp.observed_lockup_cycle.index) withdrawInternal(ctx, dp, who, U64_MAX);
}

function coinsToRedeemToEnsureMinStake(
  ctx: TxContext,
  src: Readonly<PoolU64>,
  who: Address,
  amount: bigint,
): bigint {
  const redeemed = sharesToAmount(src, amountToSharesToRedeem(ctx, src, who, amount));
  const srcBalance = balance(ctx.journal, src, who);
  return srcBalance - redeemed < MIN_COINS_ON_SHARES_POOL ? srcBalance : amount;
}

function coinsToTransferToEnsureMinStake(
  ctx: TxContext,
  src: Readonly<PoolU64>,
  dst: Readonly<PoolU64>,
  who: Address,
  amount: bigint,
): bigint {
  const redeemed = sharesToAmount(src, amountToSharesToRedeem(ctx, src, who, amount));
  const dstBalance = balance(ctx.journal, dst, who);
  let a = amount;
  if (dstBalance + redeemed < MIN_COINS_ON_SHARES_POOL) a = MIN_COINS_ON_SHARES_POOL - dstBalance + 1n;
  return coinsToRedeemToEnsureMinStake(ctx, src, who, a);
}

/** `get_add_stake_fee`: amount * r' / (r' + den') with r' = rate * (MAX_FEE - commission), den' = den * MAX_FEE. */
export function getAddStakeFee(ctx: TxContext, pool: Address, amount: bigint): bigint {
  if (!stake.isCurrentEpochValidator(ctx, pool)) return 0n;
  const cfg = stakingConfig(ctx);
  if (cfg.rewards_rate_denominator === 0n) return 0n;
  assertExists(ctx, pool);
  const c = commission.operatorCommissionPercentage(ctx, pool);
  const rate = cfg.rewards_rate * (MAX_FEE - c);
  const den = cfg.rewards_rate_denominator * MAX_FEE;
  return (amount * rate) / (rate + den);
}

/** `delegation_pool::add_stake`. */
export function addStake(ctx: TxContext, delegator: Address, pool: Address, amount: bigint): void {
  if (amount === 0n) return;
  assertDelegatorAllowlisted(ctx, pool, delegator);
  synchronize(ctx, pool);
  const fee = getAddStakeFee(ctx, pool, amount);
  const dp = ctx.journal.borrowMut<DelegationPool>(pool, T.delegationPool);
  withdrawApt(ctx, delegator, amount);
  stake.addStake(ctx, pool, amount);
  buyIn(ctx.journal, dp.active_shares, delegator, amount - fee);
  if (balance(ctx.journal, dp.active_shares, delegator) < MIN_COINS_ON_SHARES_POOL) throw E.activeTooLow();
  buyIn(ctx.journal, dp.active_shares, NULL_SHAREHOLDER, fee);
  emit(ctx, "0x1::delegation_pool::AddStake", {
    pool_address: pool,
    delegator_address: delegator,
    amount_added: amount,
    add_stake_fee: fee,
  });
}

/** `delegation_pool::unlock` (amount adjusted to keep both balances >= 10 APT). */
export function unlock(ctx: TxContext, delegator: Address, pool: Address, amount: bigint): void {
  if (amount === 0n) return;
  synchronize(ctx, pool);
  unlockInternal(ctx, delegator, pool, amount);
}

/** `unlock_internal` (after a synchronize): also used by `evict_delegator`. */
export function unlockInternal(ctx: TxContext, delegator: Address, pool: Address, amount: bigint): void {
  if (delegator === NULL_SHAREHOLDER) throw E.nullShareholder();
  if (amount > stake.getStake(ctx, pool).active) throw E.notEnoughActive();
  const dp = ctx.journal.borrowMut<DelegationPool>(pool, T.delegationPool);
  let a = coinsToTransferToEnsureMinStake(
    ctx,
    dp.active_shares,
    pendingInactivePool(ctx, dp),
    delegator,
    amount,
  );
  a = redeemActiveShares(ctx, dp, delegator, a);
  stake.unlock(ctx, pool, a);
  buyInPendingInactive(ctx, dp, delegator, a);
  if (balance(ctx.journal, pendingInactivePool(ctx, dp), delegator) < MIN_COINS_ON_SHARES_POOL) {
    throw E.pendingInactiveTooLow();
  }
  emit(ctx, "0x1::delegation_pool::UnlockStake", {
    pool_address: pool,
    delegator_address: delegator,
    amount_unlocked: a,
  });
}

/** `delegation_pool::reactivate_stake`. */
export function reactivateStake(ctx: TxContext, delegator: Address, pool: Address, amount: bigint): void {
  if (amount === 0n) return;
  assertDelegatorAllowlisted(ctx, pool, delegator);
  synchronize(ctx, pool);
  const dp = ctx.journal.borrowMut<DelegationPool>(pool, T.delegationPool);
  let a = coinsToTransferToEnsureMinStake(
    ctx,
    pendingInactivePool(ctx, dp),
    dp.active_shares,
    delegator,
    amount,
  );
  a = redeemInactiveShares(ctx, dp, delegator, a, dp.observed_lockup_cycle.index);
  stake.reactivate(ctx, pool, a);
  buyIn(ctx.journal, dp.active_shares, delegator, a);
  if (balance(ctx.journal, dp.active_shares, delegator) < MIN_COINS_ON_SHARES_POOL) throw E.activeTooLow();
  emit(ctx, "0x1::delegation_pool::ReactivateStake", {
    pool_address: pool,
    delegator_address: delegator,
    amount_reactivated: a,
  });
}

/** `delegation_pool::withdraw` (capped at what is withdrawable; no-op when nothing is). */
export function withdraw(ctx: TxContext, delegator: Address, pool: Address, amount: bigint): void {
  if (amount === 0n) throw E.withdrawZero();
  synchronize(ctx, pool);
  withdrawInternal(ctx, ctx.journal.borrowMut<DelegationPool>(pool, T.delegationPool), delegator, amount);
}

function withdrawInternal(ctx: TxContext, dp: DelegationPool, who: Address, amount: bigint): void {
  if (amount === 0n) return;
  const pool = dp.stake_pool_signer_cap.account;
  const olc = pendingWithdrawal(ctx, dp, who);
  const canPi = canWithdrawPendingInactive(ctx, pool);
  if (olc === undefined || !(olc < dp.observed_lockup_cycle.index || canPi)) return;
  let a = amount;
  if (olc === dp.observed_lockup_cycle.index)
    a = coinsToRedeemToEnsureMinStake(ctx, pendingInactivePool(ctx, dp), who, a);
  a = redeemInactiveShares(ctx, dp, who, a, olc);
  if (canPi) {
    let pi = stake.getStake(ctx, pool).pendingInactive;
    if (olc === dp.observed_lockup_cycle.index) pi -= a;
    stake.reactivate(ctx, pool, pi);
    stake.withdraw(ctx, pool, a);
    stake.unlock(ctx, pool, pi);
  } else {
    stake.withdraw(ctx, pool, a);
  }
  depositApt(ctx, who, a);
  dp.total_coins_inactive = stake.getStake(ctx, pool).inactive;
  emit(ctx, "0x1::delegation_pool::WithdrawStake", {
    pool_address: pool,
    delegator_address: who,
    amount_withdrawn: a,
  });
}

/** `can_withdraw_pending_inactive`: validator inactive and its lockup expired. */
export function canWithdrawPendingInactive(ctx: TxContext, pool: Address): boolean {
  return (
    stake.validatorState(ctx, pool) === stake.VALIDATOR_STATUS_INACTIVE &&
    nowSeconds(ctx) >= stake.lockupSecs(ctx, pool)
  );
}

/** `get_pending_withdrawal` view: (withdrawable, amount). */
export function getPendingWithdrawal(
  ctx: TxContext,
  pool: Address,
  who: Address,
): { withdrawable: boolean; amount: bigint } {
  assertExists(ctx, pool);
  const dp = ctx.journal.borrow<DelegationPool>(pool, T.delegationPool);
  return pendingWithdrawalAfterDrift(ctx, dp, drift(ctx, pool, dp), who);
}

/** `get_pending_withdrawal` once the pool's drift `d` is known (getStake computes it once for both). */
function pendingWithdrawalAfterDrift(
  ctx: TxContext,
  dp: Readonly<DelegationPool>,
  d: Drift,
  who: Address,
): { withdrawable: boolean; amount: bigint } {
  const olc = pendingWithdrawal(ctx, dp, who);
  if (olc === undefined) return { withdrawable: false, amount: 0n };
  const p = ctx.journal.borrowItem<PoolU64>(dp.inactive_shares.handle, olcKey(olc));
  if (olc < dp.observed_lockup_cycle.index)
    return { withdrawable: true, amount: balance(ctx.journal, p, who) };
  const amount = sharesToAmount(
    p,
    shares(ctx.journal, p, who),
    d.pendingInactive - d.commissionPendingInactive,
  );
  return { withdrawable: d.lockupCycleEnded, amount };
}

/** `get_stake` view: (active, inactive, pending_inactive) with undistributed rewards accounted for. */
export function getStake(ctx: TxContext, pool: Address, who: Address): DelegatorStake {
  const j = ctx.journal;
  // assertExists + borrow in one lookup
  const dp = j.tryBorrow<DelegationPool>(pool, T.delegationPool);
  if (dp === undefined) throw E.notExist();
  // One drift for the whole view: get_pending_withdrawal below would compute the very same one (same
  // state, nothing written in between), so its half is evaluated on this drift directly.
  const d = drift(ctx, pool, dp);
  let totalShares = dp.active_shares.total_shares;
  let delegatorShares = shares(j, dp.active_shares, who);
  if (d.pendingActive === 0n) {
    totalShares -= shares(j, dp.active_shares, NULL_SHAREHOLDER);
    if (who === NULL_SHAREHOLDER) delegatorShares = 0n;
  }
  let active = sharesToAmount(dp.active_shares, delegatorShares, d.active - d.commissionActive, totalShares);
  const pw = pendingWithdrawalAfterDrift(ctx, dp, d, who);
  let inactive = pw.withdrawable ? pw.amount : 0n;
  let pendingInactive = pw.withdrawable ? 0n : pw.amount;
  if (who === commission.beneficiaryForOperator(ctx, operatorOf(ctx, pool))) {
    active += d.commissionActive;
    if (d.lockupCycleEnded) inactive += d.commissionPendingInactive;
    else pendingInactive += d.commissionPendingInactive;
  }
  return { active, inactive, pendingInactive };
}

export function observedLockupCycle(ctx: TxContext, pool: Address): bigint {
  assertExists(ctx, pool);
  return ctx.journal.borrow<DelegationPool>(pool, T.delegationPool).observed_lockup_cycle.index;
}

/** `operator_commission_percentage` view: the next lockup cycle's commission once effective. */
export function operatorCommissionPercentage(ctx: TxContext, pool: Address): bigint {
  return commission.operatorCommissionPercentage(ctx, pool);
}

/** The pool's stored `operator_commission_percentage` field (what the drift charges). */
export function storedCommissionPercentage(ctx: TxContext, pool: Address): bigint {
  assertExists(ctx, pool);
  return ctx.journal.borrow<DelegationPool>(pool, T.delegationPool).operator_commission_percentage;
}

/** `get_delegation_pool_stake`: (active, inactive, pending_active, pending_inactive) of the stake pool. */
export function getDelegationPoolStake(ctx: TxContext, pool: Address) {
  assertExists(ctx, pool);
  return stake.getStake(ctx, pool);
}
