import { type KofiClient, normalizeAddress } from "../client/createKofiClient.ts";
import { big, type ReadOptions } from "../client/view.ts";
import { isKofiError } from "../errors/KofiError.ts";
import { toKofiError } from "../errors/toKofiError.ts";
import { kofiConstants } from "../generated/abi.ts";
import { getProtocolState } from "../protocol/state.ts";
import { readFrameworkView } from "./framework.ts";
import { type ObservedRewardRate, observedRewardRate } from "./rewardRate.ts";

/** `0x1::stake::get_validator_state`: 1 pending_active, 2 active, 3 pending_inactive, 4 inactive. */
export type ValidatorState = "pending_active" | "active" | "pending_inactive" | "inactive";
const STATES: Record<string, ValidatorState> = {
  "1": "pending_active",
  "2": "active",
  "3": "pending_inactive",
  "4": "inactive",
};

/** This epoch's proposals of a validator (`0x1::stake::get_current_epoch_proposal_counts`). */
export interface ProposalCounts {
  successful: bigint;
  failed: bigint;
}

/** One protocol pool as read by {@link readValidatorPools}. Amounts in octas, rates in bps. */
export interface ValidatorPoolReading {
  /** Delegation pool address. */
  pool: `0x${string}`;
  /** The protocol's weight (bps of `TOTAL_WEIGHT_BPS`), cap (most APT octas kept active there) and status. */
  weightBps: bigint;
  cap: bigint;
  enabled: boolean;
  /** The protocol's stake in the pool (`delegation_pool::get_stake(pool, protocol)`). */
  protocolStake: { active: bigint; inactive: bigint; pendingInactive: bigint };
  /** The whole pool (`delegation_pool::get_delegation_pool_stake`). */
  poolStake: { active: bigint; inactive: bigint; pendingActive: bigint; pendingInactive: bigint };
  /** `stake::get_validator_state`; `undefined` for a code outside 1..4 (0x1 answers 0 for no stake pool). */
  validatorState: ValidatorState | undefined;
  /** Operator commission now and from the next lockup cycle (bps). */
  commissionBps: bigint;
  nextCommissionBps: bigint;
  /** `stake::get_validator_index`; `null` when the pool never joined the set (the view aborts). */
  validatorIndex: bigint | null;
  /**
   * This epoch's proposal counts (`stake::get_current_epoch_proposal_counts(validatorIndex)`); `null` without an
   * index or when the index is not in this epoch's table (the view aborts). Reset at every epoch end.
   */
  proposals: ProposalCounts | null;
  /** `delegation_pool::allowlisting_enabled(pool)`. */
  allowlistingEnabled: boolean;
  /** `delegation_pool::delegator_allowlisted(pool, protocol)`: true when allowlisting is off or lists the protocol. */
  allowlisted: boolean;
  /** APT the pool can take in a deposit now (the contract's `pool_deposit_room`). */
  depositRoom: bigint;
  /** The protocol's observed reward rate since `options.previous` (when given and the pool was in it). */
  observed?: ObservedRewardRate;
}

/** Every protocol pool plus the chain figures the scoring needs. */
export interface ValidatorPoolsReading {
  /** Chain time of the read, seconds. */
  nowSecs: bigint;
  /** The chain's epoch (`0x1::reconfiguration::Configuration.epoch`; proposal counts reset at each epoch end). */
  epoch: bigint;
  epochIntervalSecs: bigint;
  /** `0x1::staking_config::reward_rate()`: gross rewards per epoch as `numerator / denominator` of the stake. */
  rewardRate: { numerator: bigint; denominator: bigint };
  /** Pools above this commission (now or next cycle, bps) receive no deposits (`config::max_commission_bps`). */
  maxCommissionBps: bigint;
  /** What the enabled pools' weights must sum to (`staking_manager::TOTAL_WEIGHT_BPS`). */
  totalWeightBps: bigint;
  /** The protocol fee on rewards (bps). */
  feeBps: bigint;
  /** APT octas the protocol has staked (`staking_manager::total_staked_apt`) and holds idle. */
  totalStakedApt: bigint;
  idleApt: bigint;
  pools: ValidatorPoolReading[];
  /** HTTP requests this read made (`3 + 5 × pools`, see {@link readValidatorPools}). */
  requests: number;
}

/** What an observed reward rate needs of an earlier reading (a `ValidatorPoolsReading` has it). */
export interface PreviousReading {
  nowSecs: bigint;
  epoch: bigint;
  pools: readonly { pool: string; protocolStake: { active: bigint; pendingInactive: bigint } }[];
}

export interface ReadValidatorPoolsOptions extends ReadOptions {
  /** An earlier reading: fills each pool's `observed` reward rate (see `observedRewardRate` for the limits). */
  previous?: PreviousReading;
}

const u = (v: unknown) => big(v);

/** `GET /v1/accounts/0x1/resource/0x1::reconfiguration::Configuration`: the chain's epoch. */
async function readEpoch(client: KofiClient, read: ReadOptions): Promise<bigint> {
  try {
    const r = await client.aptos.getAccountResource<{ epoch: string }>({
      accountAddress: "0x1",
      resourceType: "0x1::reconfiguration::Configuration",
      ...(read.ledgerVersion === undefined ? {} : { options: { ledgerVersion: read.ledgerVersion } }),
    });
    return u(r.epoch);
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
}

/** A 0x1 view that aborts (no ValidatorConfig, index out of this epoch's table) reads as `null`. */
async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (isKofiError(e) && (e.code === "move_abort" || e.code === "simulation_failed" || e.code === "unknown"))
      return null;
    throw e;
  }
}

/**
 * Reads every protocol pool: the protocol's stake and weight/cap, the pool's total stake and validator state,
 * commission now and next cycle, this epoch's proposal counts, allowlisting, and (with `options.previous`)
 * the observed reward rate. Only views of the real `0x1` framework and the Kofi gateway.
 *
 * Requests (no ABI fetch): `gateway::protocol_state` (pools, weights, caps, protocol stake, commission now and
 * next, `delegator_allowlisted`, validator activity: one `POST /v1/view` for all pools),
 * `staking_config::reward_rate` and the `0x1::reconfiguration::Configuration` resource (the epoch; `current_epoch`
 * is no view on the real chain), then per pool, concurrently: `stake::get_validator_state`,
 * `delegation_pool::get_delegation_pool_stake`, `delegation_pool::allowlisting_enabled`,
 * `stake::get_validator_index`, then `stake::get_current_epoch_proposal_counts` (skipped without an index).
 * Total `3 + 5n` for `n` pools (18 for the three genesis pools), in 3 rounds of latency.
 *
 * The node has no batch view endpoint; a read at one `options.ledgerVersion` is consistent across requests
 * (the localnet serves the latest state whatever the version).
 */
export async function readValidatorPools(
  client: KofiClient,
  options: ReadValidatorPoolsOptions = {},
): Promise<ValidatorPoolsReading> {
  const read = { ...(options.ledgerVersion === undefined ? {} : { ledgerVersion: options.ledgerVersion }) };
  let requests = 3;
  const [state, [num, den], reconfig] = await Promise.all([
    getProtocolState(client, read),
    readFrameworkView(client, "staking_config::reward_rate", [], read),
    readEpoch(client, read),
  ]);
  const pools = await Promise.all(
    state.validators.map(async (v): Promise<ValidatorPoolReading> => {
      const [[code], [pa, pi, ppa, ppi], [allowlistingEnabled], index] = await Promise.all([
        readFrameworkView(client, "stake::get_validator_state", [v.pool], read),
        readFrameworkView(client, "delegation_pool::get_delegation_pool_stake", [v.pool], read),
        readFrameworkView(client, "delegation_pool::allowlisting_enabled", [v.pool], read),
        orNull(readFrameworkView(client, "stake::get_validator_index", [v.pool], read)),
      ]);
      requests += 4;
      const validatorIndex = index === null ? null : u(index[0]);
      let proposals: ProposalCounts | null = null;
      if (validatorIndex !== null) {
        requests += 1;
        const c = await orNull(
          readFrameworkView(client, "stake::get_current_epoch_proposal_counts", [validatorIndex], read),
        );
        if (c) proposals = { successful: u(c[0]), failed: u(c[1]) };
      }
      const reading: ValidatorPoolReading = {
        pool: v.pool,
        weightBps: v.weightBps,
        cap: v.cap,
        enabled: v.enabled,
        protocolStake: { active: v.active, inactive: v.inactive, pendingInactive: v.pendingInactive },
        poolStake: { active: u(pa), inactive: u(pi), pendingActive: u(ppa), pendingInactive: u(ppi) },
        validatorState: STATES[String(code)],
        commissionBps: v.commissionBps,
        nextCommissionBps: v.nextCommissionBps,
        validatorIndex,
        proposals,
        allowlistingEnabled: allowlistingEnabled === true,
        allowlisted: v.allowlisted,
        depositRoom: v.depositRoom,
      };
      const before = options.previous?.pools.find((p) => normalizeAddress(p.pool) === v.pool);
      if (before && options.previous) {
        reading.observed = observedRewardRate(
          {
            atSecs: options.previous.nowSecs,
            epoch: options.previous.epoch,
            active: before.protocolStake.active,
            pendingInactive: before.protocolStake.pendingInactive,
          },
          { atSecs: state.nowSecs, epoch: reconfig, ...reading.protocolStake },
        );
      }
      return reading;
    }),
  );
  return {
    nowSecs: state.nowSecs,
    epoch: reconfig,
    epochIntervalSecs: state.epochIntervalSecs,
    rewardRate: { numerator: u(num), denominator: u(den) },
    maxCommissionBps: state.maxCommissionBps,
    feeBps: state.feeBps,
    totalWeightBps: kofiConstants.staking_manager.TOTAL_WEIGHT_BPS.value,
    totalStakedApt: state.totalStakedApt,
    idleApt: state.idleApt,
    pools,
    requests,
  };
}
