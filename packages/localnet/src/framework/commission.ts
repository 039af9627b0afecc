import { frameworkAbort } from "../runtime/errors.ts";
import type { Address } from "../runtime/port.ts";
import { getOwnedPoolAddress } from "./allowlist.ts";
import { emit, T, type TxContext } from "./context.ts";
import type { DelegationPool } from "./delegation.ts";
import * as dp from "./delegation.ts";
import * as stake from "./stake.ts";
import { nowSeconds, stakingConfig } from "./time.ts";

/**
 * Operator commission changes and the operator's beneficiary, as in `0x1::delegation_pool` (aptos-framework
 * release v1.39, `delegation_pool.move`): `update_commission_percentage` stores
 * `NextCommissionPercentage { commission_percentage_next_lockup_cycle, effective_after_secs }` at the pool
 * (effective from the stake pool's current `locked_until_secs`), `synchronize_delegation_pool` switches the
 * pool's `operator_commission_percentage` once `now >= effective_after_secs`, and commission is bought as
 * shares for `beneficiary_for_operator(operator)` (`BeneficiaryForOperator` at the operator, else the
 * operator itself).
 */
export interface NextCommissionPercentage {
  commission_percentage_next_lockup_cycle: bigint;
  effective_after_secs: bigint;
}
export interface BeneficiaryForOperator {
  beneficiary_for_operator: Address;
}

export const T_NEXT_COMMISSION = "0x1::delegation_pool::NextCommissionPercentage";
export const T_BENEFICIARY = "0x1::delegation_pool::BeneficiaryForOperator";
/** `MAX_COMMISSION_INCREASE`: 10 % per change. */
export const MAX_COMMISSION_INCREASE = 1000n;

const E = {
  badCommission: () =>
    frameworkAbort(
      "delegation_pool",
      "EINVALID_COMMISSION_PERCENTAGE",
      "invalid_argument",
      5,
      "Commission percentage has to be between 0 and `MAX_FEE` - 100%.",
    ),
  tooLargeIncrease: () =>
    frameworkAbort(
      "delegation_pool",
      "ETOO_LARGE_COMMISSION_INCREASE",
      "invalid_argument",
      20,
      "Commission percentage increase is too large.",
    ),
  tooLate: () =>
    frameworkAbort(
      "delegation_pool",
      "ETOO_LATE_COMMISSION_CHANGE",
      "invalid_state",
      21,
      "Commission percentage change is too late in this lockup period, and should be done at least a quarter (1/4) of the lockup duration before the lockup cycle ends.",
    ),
};

/** `beneficiary_for_operator` view. */
export function beneficiaryForOperator(ctx: TxContext, operator: Address): Address {
  return (
    ctx.journal.tryBorrow<BeneficiaryForOperator>(operator, T_BENEFICIARY)?.beneficiary_for_operator ??
    operator
  );
}

/** `set_beneficiary_for_operator(operator, beneficiary)`: one beneficiary per operator, for all its pools. */
export function setBeneficiaryForOperator(ctx: TxContext, operator: Address, beneficiary: Address): void {
  const old = beneficiaryForOperator(ctx, operator);
  if (ctx.journal.exists(operator, T_BENEFICIARY)) {
    ctx.journal.borrowMut<BeneficiaryForOperator>(operator, T_BENEFICIARY).beneficiary_for_operator =
      beneficiary;
  } else {
    ctx.journal.moveTo<BeneficiaryForOperator>(operator, T_BENEFICIARY, {
      beneficiary_for_operator: beneficiary,
    });
  }
  emit(ctx, "0x1::delegation_pool::SetBeneficiaryForOperator", {
    operator,
    old_beneficiary: old,
    new_beneficiary: beneficiary,
  });
}

/** `is_next_commission_percentage_effective` view: a next commission exists and `now >= effective_after_secs`. */
export function isNextCommissionPercentageEffective(ctx: TxContext, pool: Address): boolean {
  const n = ctx.journal.tryBorrow<NextCommissionPercentage>(pool, T_NEXT_COMMISSION);
  return n !== undefined && nowSeconds(ctx) >= n.effective_after_secs;
}

/** `operator_commission_percentage_next_lockup_cycle` view. */
export function operatorCommissionPercentageNextLockupCycle(ctx: TxContext, pool: Address): bigint {
  const stored = dp.storedCommissionPercentage(ctx, pool); // asserts the pool exists
  const n = ctx.journal.tryBorrow<NextCommissionPercentage>(pool, T_NEXT_COMMISSION);
  return n ? n.commission_percentage_next_lockup_cycle : stored;
}

/** `operator_commission_percentage` view: the next commission once effective, else the pool's stored one. */
export function operatorCommissionPercentage(ctx: TxContext, pool: Address): bigint {
  const stored = dp.storedCommissionPercentage(ctx, pool);
  return isNextCommissionPercentageEffective(ctx, pool)
    ? operatorCommissionPercentageNextLockupCycle(ctx, pool)
    : stored;
}

/** `min_remaining_secs_for_commission_change` view: a quarter of the recurring lockup. */
export function minRemainingSecsForCommissionChange(ctx: TxContext): bigint {
  return stakingConfig(ctx).recurring_lockup_duration_secs / 4n;
}

/**
 * `update_commission_percentage(owner, new)`: `<= MAX_FEE`, at most `MAX_COMMISSION_INCREASE` above the
 * current (effective) commission, at least a quarter lockup before the lockup ends; synchronizes the pool
 * (old commission on the rewards so far, a pending change applied), then the new value takes effect from
 * the stake pool's current `locked_until_secs` (the next lockup cycle).
 */
export function updateCommissionPercentage(ctx: TxContext, owner: Address, next: bigint): void {
  if (next > dp.MAX_FEE) throw E.badCommission();
  const pool = getOwnedPoolAddress(ctx, owner);
  if (operatorCommissionPercentage(ctx, pool) + MAX_COMMISSION_INCREASE < next) throw E.tooLargeIncrease();
  const lockup = stake.lockupSecs(ctx, pool);
  const now = nowSeconds(ctx);
  const remaining = lockup > now ? lockup - now : 0n;
  if (remaining < minRemainingSecsForCommissionChange(ctx)) throw E.tooLate();
  dp.synchronize(ctx, pool);
  if (ctx.journal.exists(pool, T_NEXT_COMMISSION)) {
    const n = ctx.journal.borrowMut<NextCommissionPercentage>(pool, T_NEXT_COMMISSION);
    n.commission_percentage_next_lockup_cycle = next;
    n.effective_after_secs = lockup;
  } else {
    ctx.journal.moveTo<NextCommissionPercentage>(pool, T_NEXT_COMMISSION, {
      commission_percentage_next_lockup_cycle: next,
      effective_after_secs: lockup,
    });
  }
  emit(ctx, "0x1::delegation_pool::CommissionPercentageChange", {
    pool_address: pool,
    owner,
    commission_percentage_next_lockup_cycle: next,
  });
}

/** The tail of `synchronize_delegation_pool`: adopt the next commission once it is effective. */
export function applyEffectiveCommission(ctx: TxContext, pool: Address, d: DelegationPool): void {
  if (isNextCommissionPercentageEffective(ctx, pool)) {
    d.operator_commission_percentage = ctx.journal.borrow<NextCommissionPercentage>(
      pool,
      T_NEXT_COMMISSION,
    ).commission_percentage_next_lockup_cycle;
  }
}

/**
 * Localnet staging only (no 0x1 function does this): set the pool's commission at once, after a synchronize
 * so rewards so far pay the old rate, and drop any pending change. Mainnet reaches the same value only
 * through `update_commission_percentage`, 10 points per lockup cycle.
 */
export function forceCommissionPercentage(ctx: TxContext, pool: Address, commission: bigint): void {
  if (commission > dp.MAX_FEE) throw E.badCommission();
  dp.synchronize(ctx, pool);
  if (ctx.journal.exists(pool, T_NEXT_COMMISSION)) ctx.journal.moveFrom(pool, T_NEXT_COMMISSION);
  ctx.journal.borrowMut<DelegationPool>(pool, T.delegationPool).operator_commission_percentage = commission;
}
