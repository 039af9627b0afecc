/**
 * Staging adversarial validators on the localnet: the real `0x1` owner/operator functions run as the pool's
 * owner (allowlisting, eviction, `update_commission_percentage`, `set_beneficiary_for_operator`), plus the
 * localnet-only levers a test needs where mainnet has no function (proposal behaviour, an immediate
 * commission, leaving/joining the set, the staking config's stake limits). Used by `Localnet.validator(pool)`
 * and the `/admin/validators/...` endpoints.
 */
import type { Chain, StakeLimits, TxRecord } from "./chain.ts";
import * as al from "./framework/allowlist.ts";
import * as cm from "./framework/commission.ts";
import { FRAMEWORK, T, type TxContext, ZERO_ADDRESS } from "./framework/context.ts";
import type { DelegationPool } from "./framework/delegation.ts";
import * as perf from "./framework/performance.ts";
import * as stake from "./framework/stake.ts";
import type { StakingConfig } from "./framework/time.ts";
import { normalizeAddress } from "./runtime/address.ts";
import type { Address } from "./runtime/port.ts";

/** A staged action that ran as a transaction: its hash; a failed one throws `StageError` with the vm_status. */
export interface StageResult {
  hash: `0x${string}`;
  vmStatus: string;
}

export class StageError extends Error {
  constructor(
    readonly vmStatus: string,
    readonly hash?: `0x${string}`,
  ) {
    super(vmStatus);
    this.name = "StageError";
  }
}

export interface ValidatorInfo {
  pool: Address;
  owner: Address;
  operator: Address;
  beneficiary: Address;
  state: "pending_active" | "active" | "pending_inactive" | "inactive";
  commission_bps: bigint;
  commission_next_lockup_cycle_bps: bigint;
  allowlisting_enabled: boolean;
  allowlist: Address[];
  /** Holders of active shares (the null shareholder of add_stake fees left out). */
  delegators: Address[];
  validator_index: bigint | null;
  proposals_this_epoch: { successful: bigint; failed: bigint } | null;
  proposals_per_epoch: { successful: bigint; failed: bigint };
  stake: { active: bigint; inactive: bigint; pending_active: bigint; pending_inactive: bigint };
  locked_until_secs: bigint;
}

/** Proposals per epoch; `{ successful: 1, failed: 1 }` = misses half its proposals (half the rewards). */
export interface Proposals {
  successful: bigint;
  failed: bigint;
}

export interface ValidatorOps {
  readonly pool: Address;
  /** `delegation_pool::enable_delegators_allowlisting` as the owner. */
  enableAllowlisting(): Promise<StageResult>;
  /** `delegation_pool::disable_delegators_allowlisting` as the owner. */
  disableAllowlisting(): Promise<StageResult>;
  /** `delegation_pool::allowlist_delegator` as the owner. */
  allowlist(delegator: string): Promise<StageResult>;
  /** `delegation_pool::remove_delegator_from_allowlist` as the owner. */
  removeFromAllowlist(delegator: string): Promise<StageResult>;
  /** `delegation_pool::evict_delegator` as the owner (allowlisting must be on and the delegator off the list). */
  evict(delegator: string): Promise<StageResult>;
  /**
   * "Validator X evicts us": enables allowlisting (if off), removes `delegator` from the list (if on it) and
   * evicts it, in one transaction.
   */
  evictNow(delegator: string): Promise<StageResult>;
  /** `delegation_pool::update_commission_percentage` as the owner (+10 points at most, next lockup cycle). */
  updateCommission(bps: bigint): Promise<StageResult>;
  /** Localnet only: the pool's commission becomes `bps` now (after a synchronize at the old rate). */
  setCommissionNow(bps: bigint): Promise<StageResult>;
  /** `delegation_pool::set_beneficiary_for_operator` as the operator. */
  setBeneficiary(beneficiary: string): Promise<StageResult>;
  /** Localnet only: proposals this validator makes in every following epoch (default 1 successful, 0 failed). */
  setProposals(p: Proposals): Promise<StageResult>;
  /** Localnet only: count proposals in the current epoch (as block prologues would). */
  recordProposals(p: Proposals): Promise<StageResult>;
  /** Leave the set (pending_inactive now, inactive from the next epoch). */
  leave(): Promise<StageResult>;
  /** Join the set again (pending_active now, active from the next epoch). */
  join(): Promise<StageResult>;
  info(): Promise<ValidatorInfo>;
}

/** The owner of a delegation pool (the account holding its `DelegationPoolOwnership`). */
export function poolOwner(chain: Chain, pool: Address): Address {
  for (const [a, m] of chain.state.resources) {
    const o = m.get(al.T_OWNERSHIP) as { pool_address: Address } | undefined;
    if (o?.pool_address === pool) return a;
  }
  throw new StageError(`not a delegation pool: ${pool}`);
}

function run(chain: Chain, sender: Address, fn: string, args: unknown[], body: (ctx: TxContext) => void) {
  let r: TxRecord;
  try {
    r = chain.execute(
      sender,
      (rt) => {
        body((rt.framework as unknown as { ctx: TxContext }).ctx);
      },
      {
        chargeGas: false,
        // a staged action that aborts changes nothing and is not logged
        recordFailure: false,
        payload: {
          type: "entry_function_payload",
          function: fn,
          type_arguments: [],
          arguments: args.map(String),
        },
      },
    );
  } catch (e) {
    throw new StageError(e instanceof Error ? e.message : String(e));
  }
  if (!r.success) throw new StageError(r.vmStatus);
  return { hash: r.hash, vmStatus: r.vmStatus };
}

const STATES = ["", "pending_active", "active", "pending_inactive", "inactive"] as const;

export function validatorInfo(chain: Chain, pool: Address): ValidatorInfo {
  const owner = poolOwner(chain, pool);
  return chain.view((rt) => {
    const ctx = (rt.framework as unknown as { ctx: TxContext }).ctx;
    const sp = ctx.journal.borrow<stake.StakePool>(pool, T.stakePool);
    const s = stake.getStake(ctx, pool);
    const idx = perf.validatorIndex(ctx, pool);
    let counts: ValidatorInfo["proposals_this_epoch"] = null;
    if (idx !== undefined) {
      try {
        const [ok, failed] = perf.getCurrentEpochProposalCounts(ctx, idx);
        counts = { successful: ok, failed };
      } catch {
        counts = null;
      }
    }
    const b = perf.proposalBehaviour(ctx, pool);
    const enabled = al.allowlistingEnabled(ctx, pool);
    return {
      pool,
      owner,
      operator: sp.operator_address,
      beneficiary: cm.beneficiaryForOperator(ctx, sp.operator_address),
      state: STATES[Number(stake.validatorState(ctx, pool))] as ValidatorInfo["state"],
      commission_bps: cm.operatorCommissionPercentage(ctx, pool),
      commission_next_lockup_cycle_bps: cm.operatorCommissionPercentageNextLockupCycle(ctx, pool),
      allowlisting_enabled: enabled,
      allowlist: enabled ? al.getDelegatorsAllowlist(ctx, pool) : [],
      delegators: ctx.journal
        .keys(ctx.journal.borrow<DelegationPool>(pool, T.delegationPool).active_shares.shares.handle)
        .filter((d) => d !== ZERO_ADDRESS)
        .sort() as Address[],
      validator_index: idx ?? null,
      proposals_this_epoch: counts,
      proposals_per_epoch: { successful: b.successful_per_epoch, failed: b.failed_per_epoch },
      stake: {
        active: s.active,
        inactive: s.inactive,
        pending_active: s.pendingActive,
        pending_inactive: s.pendingInactive,
      },
      locked_until_secs: sp.locked_until_secs,
    };
  });
}

export function validatorOps(chain: Chain, poolAddress: string): ValidatorOps {
  const pool = normalizeAddress(poolAddress);
  const owner = () => poolOwner(chain, pool);
  const operator = () => {
    const sp = chain.resource<stake.StakePool>(pool, T.stakePool);
    if (!sp) throw new StageError(`not a stake pool: ${pool}`);
    return sp.operator_address;
  };
  const dpFn = (n: string) => `0x1::delegation_pool::${n}`;
  const p = <R>(f: () => R) => Promise.resolve().then(f);
  return {
    pool,
    enableAllowlisting: () =>
      p(() =>
        run(chain, owner(), dpFn("enable_delegators_allowlisting"), [], (c) =>
          al.enableDelegatorsAllowlisting(c, owner()),
        ),
      ),
    disableAllowlisting: () =>
      p(() =>
        run(chain, owner(), dpFn("disable_delegators_allowlisting"), [], (c) =>
          al.disableDelegatorsAllowlisting(c, owner()),
        ),
      ),
    allowlist: (d) =>
      p(() => {
        const who = normalizeAddress(d);
        return run(chain, owner(), dpFn("allowlist_delegator"), [who], (c) =>
          al.allowlistDelegator(c, owner(), who),
        );
      }),
    removeFromAllowlist: (d) =>
      p(() => {
        const who = normalizeAddress(d);
        return run(chain, owner(), dpFn("remove_delegator_from_allowlist"), [who], (c) =>
          al.removeDelegatorFromAllowlist(c, owner(), who),
        );
      }),
    evict: (d) =>
      p(() => {
        const who = normalizeAddress(d);
        return run(chain, owner(), dpFn("evict_delegator"), [who], (c) => al.evictDelegator(c, owner(), who));
      }),
    evictNow: (d) =>
      p(() => {
        const who = normalizeAddress(d);
        const o = owner();
        return run(chain, o, dpFn("evict_delegator"), [who], (c) => {
          al.enableDelegatorsAllowlisting(c, o);
          al.removeDelegatorFromAllowlist(c, o, who);
          al.evictDelegator(c, o, who);
        });
      }),
    updateCommission: (bps) =>
      p(() =>
        run(chain, owner(), dpFn("update_commission_percentage"), [bps], (c) =>
          cm.updateCommissionPercentage(c, owner(), bps),
        ),
      ),
    setCommissionNow: (bps) =>
      p(() =>
        run(chain, FRAMEWORK, "0x1::localnet::set_commission_now", [pool, bps], (c) =>
          cm.forceCommissionPercentage(c, pool, bps),
        ),
      ),
    setBeneficiary: (b) =>
      p(() => {
        const to = normalizeAddress(b);
        const op = operator();
        return run(chain, op, dpFn("set_beneficiary_for_operator"), [to], (c) =>
          cm.setBeneficiaryForOperator(c, op, to),
        );
      }),
    setProposals: (x) =>
      p(() =>
        run(chain, FRAMEWORK, "0x1::localnet::set_proposals_per_epoch", [pool, x.successful, x.failed], (c) =>
          perf.setProposalBehaviour(c, pool, {
            successful_per_epoch: x.successful,
            failed_per_epoch: x.failed,
          }),
        ),
      ),
    recordProposals: (x) =>
      p(() =>
        run(
          chain,
          FRAMEWORK,
          "0x1::stake::update_performance_statistics",
          [pool, x.successful, x.failed],
          (c) => perf.recordProposals(c, pool, x.successful, x.failed),
        ),
      ),
    leave: () =>
      p(() =>
        run(chain, pool, "0x1::stake::leave_validator_set", [pool], (c) => stake.leaveValidatorSet(c, pool)),
      ),
    join: () =>
      p(() =>
        run(chain, pool, "0x1::stake::join_validator_set", [pool], (c) => stake.joinValidatorSet(c, pool)),
      ),
    info: () => p(() => validatorInfo(chain, pool)),
  };
}

/** Localnet only: change the staking config's stake limits (`staking_config::update_required_stake` etc. on mainnet are governance). */
export function setStakeLimits(chain: Chain, l: StakeLimits): StageResult {
  return run(
    chain,
    FRAMEWORK,
    "0x1::staking_config::update_required_stake",
    [l.minimumStake, l.maximumStake, l.votingPowerIncreaseLimitPct],
    (ctx) => {
      const cfg = ctx.journal.borrowMut<StakingConfig>(FRAMEWORK, T.stakingConfig);
      if (l.minimumStake !== undefined) cfg.minimum_stake = l.minimumStake;
      if (l.maximumStake !== undefined) cfg.maximum_stake = l.maximumStake;
      if (l.votingPowerIncreaseLimitPct !== undefined)
        cfg.voting_power_increase_limit = l.votingPowerIncreaseLimitPct;
      if (cfg.minimum_stake > cfg.maximum_stake)
        throw new StageError("minimum stake above the maximum stake");
    },
  );
}
