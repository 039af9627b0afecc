/**
 * `0x1::delegation_pool` natives (aptos-framework v1.39 `delegation_pool.move`) over the model's
 * `delegation.ts`, plus the `#[test_only]` environment helpers of the same module (`testing.ts`).
 */

import type { Address, DelegatorStake } from "../../runtime/port.ts";
import type { Journal } from "../../runtime/storage.ts";
import * as allowlist from "../allowlist.ts";
import * as commission from "../commission.ts";
import type { TxContext } from "../context.ts";
import { ONE_APT } from "../context.ts";
import * as dp from "../delegation.ts";
import { endAptosEpoch, initializeForTestCustom, initializeTestValidatorCustom } from "../testing.ts";
import { ownedPoolAddress } from "../validator_set.ts";
import { address, bool, bytes, type ModuleNatives, signer, u64 } from "./host.ts";

/**
 * `get_stake` answers by journal, pool and delegator, valid while the journal's generation is unchanged.
 * Kofi's Move asks for the same pools' stake many times per transaction (about 23 calls in a deposit, four in
 * ten with nothing written since the same question). getStake is a pure function of 0x1 state: the delegation
 * and stake pools, their share tables and the operator's beneficiary, which only framework natives write,
 * each through a journal write that moves the generation (a package's Move cannot borrow 0x1 resources: the
 * checker allows storage builtins on a module's own types only). A failure is not remembered.
 */
const stakeMemo = new WeakMap<Journal, StakeMemo>();
/** A transaction asks about a handful of (pool, delegator) pairs: a short list, emptied (not reallocated) per generation. */
interface StakeMemo {
  generation: number;
  entries: { pool: Address; who: Address; stake: DelegatorStake }[];
}

function memoGetStake(tx: TxContext, pool: Address, who: Address): DelegatorStake {
  const j = tx.journal;
  let m = stakeMemo.get(j);
  if (m === undefined) {
    m = { generation: j.generation, entries: [] };
    stakeMemo.set(j, m);
  } else if (m.generation !== j.generation) {
    m.generation = j.generation;
    m.entries.length = 0;
  }
  for (const e of m.entries) if (e.pool === pool && e.who === who) return e.stake;
  const stake = dp.getStake(tx, pool, who);
  // bounded: a view asking about many delegators keeps a linear search short
  if (m.entries.length >= 16) m.entries.length = 0;
  m.entries.push({ pool, who, stake });
  return stake;
}

export const delegationPoolNatives: ModuleNatives = {
  /**
   * `add_stake(delegator, pool, amount)`: synchronize, charge the add-stake fee (held by the null shareholder
   * until the epoch ends), move APT into the stake pool, buy active shares; `EDELEGATOR_ACTIVE_BALANCE_TOO_LOW`
   * (0x10008) below 10 APT.
   */
  add_stake: ({ host }, [delegator, pool, amount]) => {
    dp.addStake(host.tx, signer(delegator), address(pool), u64(amount));
    return [];
  },
  /** `unlock(delegator, pool, amount)`: active -> pending_inactive, topped up to keep both sides >= 10 APT. */
  unlock: ({ host }, [delegator, pool, amount]) => {
    dp.unlock(host.tx, signer(delegator), address(pool), u64(amount));
    return [];
  },
  /** `reactivate_stake(delegator, pool, amount)`: pending_inactive -> active. */
  reactivate_stake: ({ host }, [delegator, pool, amount]) => {
    dp.reactivateStake(host.tx, signer(delegator), address(pool), u64(amount));
    return [];
  },
  /** `withdraw(delegator, pool, amount)`: inactive stake back to the delegator; `EWITHDRAW_ZERO_STAKE` for 0. */
  withdraw: ({ host }, [delegator, pool, amount]) => {
    dp.withdraw(host.tx, signer(delegator), address(pool), u64(amount));
    return [];
  },
  /** `synchronize_delegation_pool(pool)`: rewards, commission, fee refund, lockup-cycle advance. */
  synchronize_delegation_pool: ({ host }, [pool]) => {
    dp.synchronize(host.tx, address(pool));
    return [];
  },
  /** `get_stake(pool, delegator): (active, inactive, pending_inactive)`. */
  get_stake: ({ host }, [pool, who]) => {
    const s = memoGetStake(host.tx, address(pool), address(who));
    return [s.active, s.inactive, s.pendingInactive];
  },
  /** `get_pending_withdrawal(pool, delegator): (withdrawable, amount)`. */
  get_pending_withdrawal: ({ host }, [pool, who]) => {
    const w = dp.getPendingWithdrawal(host.tx, address(pool), address(who));
    return [w.withdrawable, w.amount];
  },
  /** `get_add_stake_fee(pool, amount): u64`. */
  get_add_stake_fee: ({ host }, [pool, amount]) => [dp.getAddStakeFee(host.tx, address(pool), u64(amount))],
  /** `observed_lockup_cycle(pool): u64`. */
  observed_lockup_cycle: ({ host }, [pool]) => [dp.observedLockupCycle(host.tx, address(pool))],
  /** `operator_commission_percentage(pool): u64` (hundredths of a percent). */
  operator_commission_percentage: ({ host }, [pool]) => [
    dp.operatorCommissionPercentage(host.tx, address(pool)),
  ],
  /** `operator_commission_percentage_next_lockup_cycle(pool): u64`: the pending change, else the current one. */
  operator_commission_percentage_next_lockup_cycle: ({ host }, [pool]) => [
    commission.operatorCommissionPercentageNextLockupCycle(host.tx, address(pool)),
  ],
  /** `update_commission_percentage(owner, new)`: effective at the next lockup cycle (`commission.ts`). */
  update_commission_percentage: ({ host }, [owner, next]) => {
    commission.updateCommissionPercentage(host.tx, signer(owner), u64(next));
    return [];
  },
  /** `allowlisting_enabled(pool): bool`: `EDELEGATION_POOL_DOES_NOT_EXIST` (0x10003). */
  allowlisting_enabled: ({ host }, [pool]) => [allowlist.allowlistingEnabled(host.tx, address(pool))],
  /** `delegator_allowlisted(pool, delegator): bool`: true while allowlisting is off. */
  delegator_allowlisted: ({ host }, [pool, who]) => [
    allowlist.delegatorAllowlisted(host.tx, address(pool), address(who)),
  ],
  /** `enable_delegators_allowlisting(owner)`: no-op when already on. */
  enable_delegators_allowlisting: ({ host }, [owner]) => {
    allowlist.enableDelegatorsAllowlisting(host.tx, signer(owner));
    return [];
  },
  /** `disable_delegators_allowlisting(owner)`: `EDELEGATORS_ALLOWLISTING_NOT_ENABLED` (0x30018) when off. */
  disable_delegators_allowlisting: ({ host }, [owner]) => {
    allowlist.disableDelegatorsAllowlisting(host.tx, signer(owner));
    return [];
  },
  /** `allowlist_delegator(owner, delegator)`. */
  allowlist_delegator: ({ host }, [owner, who]) => {
    allowlist.allowlistDelegator(host.tx, signer(owner), address(who));
    return [];
  },
  /** `remove_delegator_from_allowlist(owner, delegator)`: does not unlock the delegator's stake. */
  remove_delegator_from_allowlist: ({ host }, [owner, who]) => {
    allowlist.removeDelegatorFromAllowlist(host.tx, signer(owner), address(who));
    return [];
  },
  /** `evict_delegator(owner, delegator)`: unlocks a non-allowlisted delegator's whole active stake. */
  evict_delegator: ({ host }, [owner, who]) => {
    allowlist.evictDelegator(host.tx, signer(owner), address(who));
    return [];
  },
  /** `can_withdraw_pending_inactive(pool): bool`: the validator is inactive and its lockup expired. */
  can_withdraw_pending_inactive: ({ host }, [pool]) => [
    dp.canWithdrawPendingInactive(host.tx, address(pool)),
  ],
  /** `delegation_pool_exists(addr): bool`. */
  delegation_pool_exists: ({ host }, [a]) => [dp.delegationPoolExists(host.tx, address(a))],
  /** `get_owned_pool_address(owner): address`: `EOWNER_CAP_NOT_FOUND` (0x60001). */
  get_owned_pool_address: ({ host }, [owner]) => [ownedPoolAddress(host.tx, address(owner))],
  /** `initialize_delegation_pool(owner, commission, seed)`. */
  initialize_delegation_pool: ({ host }, [owner, commission, seed]) => {
    dp.initializeDelegationPool(host.tx, signer(owner), u64(commission), bytes(seed));
    return [];
  },
  /** `#[test_only] end_aptos_epoch()`: `stake::end_epoch` (+60 s, on_new_epoch) then reconfigure. */
  end_aptos_epoch: ({ host }) => {
    endAptosEpoch(host.tx);
    return [];
  },
  /** `#[test_only] initialize_for_test(aptos_framework)`: the custom one with the module's test defaults. */
  initialize_for_test: ({ host }, [fw]) => {
    initializeForTestCustom(host.tx, signer(fw), {
      minimumStake: 100n * ONE_APT,
      maximumStake: 10_000_000n * ONE_APT,
      recurringLockupSecs: 3600n,
      allowValidatorSetChange: true,
      rewardsRateNumerator: 1n,
      rewardsRateDenominator: 100n,
      votingPowerIncreaseLimit: 1_000_000n,
    });
    return [];
  },
  /** `#[test_only] initialize_for_test_custom(aptos_framework, min, max, lockup, allow_change, num, den, limit)`. */
  initialize_for_test_custom: ({ host }, [fw, min, max, lockup, allow, num, den, limit]) => {
    initializeForTestCustom(host.tx, signer(fw), {
      minimumStake: u64(min),
      maximumStake: u64(max),
      recurringLockupSecs: u64(lockup),
      allowValidatorSetChange: bool(allow),
      rewardsRateNumerator: u64(num),
      rewardsRateDenominator: u64(den),
      votingPowerIncreaseLimit: u64(limit),
    });
    return [];
  },
  /** `#[test_only] initialize_test_validator_custom(validator, amount, join, end_epoch, commission)`. */
  initialize_test_validator_custom: ({ host }, [validator, amount, join, endEpoch, commission]) => {
    initializeTestValidatorCustom(
      host.tx,
      signer(validator),
      u64(amount),
      bool(join),
      bool(endEpoch),
      u64(commission),
    );
    return [];
  },
};
