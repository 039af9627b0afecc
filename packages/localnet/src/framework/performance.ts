import { VmError } from "../runtime/errors.ts";
import type { Address } from "../runtime/port.ts";
import { FRAMEWORK, T, type TxContext } from "./context.ts";
import type { ValidatorSet } from "./stake.ts";

/**
 * Validator performance as in `0x1::stake` (aptos-framework release v1.39, `stake.move`):
 * `ValidatorPerformance { validators: vector<IndividualValidatorPerformance> }` at 0x1, indexed by each
 * active validator's `ValidatorConfig.validator_index`; `update_performance_statistics` (called by the block
 * prologue) counts a successful proposal for the proposer and a failed one for each failed proposer index,
 * skipping out-of-range indices; `update_stake_pool` at the epoch end pays
 * `stake * rewards_rate * successful / (rewards_rate_denominator * (successful + failed))`, 0 when no
 * proposals were counted (`calculate_rewards_amount`); `on_new_epoch` re-indexes the set and resets the counts.
 *
 * The localnet has no blocks. At each epoch end it stands in for the epoch's block prologues: every current
 * validator is credited its proposal behaviour (`0x1::localnet::ProposalBehaviour` at the pool, a localnet-only
 * resource; default 1 successful, 0 failed, i.e. full rewards), on top of any counts recorded during the
 * epoch with `recordProposals`.
 */
export interface IndividualValidatorPerformance {
  successful_proposals: bigint;
  failed_proposals: bigint;
}
export interface ValidatorPerformance {
  validators: IndividualValidatorPerformance[];
}
/** `0x1::stake::ValidatorConfig` (keys and addresses are empty here; only the index is used). */
export interface ValidatorConfig {
  consensus_pubkey: string;
  network_addresses: string;
  fullnode_addresses: string;
  validator_index: bigint;
}
/** Localnet only: the proposals a validator makes per epoch. */
export interface ProposalBehaviour {
  successful_per_epoch: bigint;
  failed_per_epoch: bigint;
}

export const T_PERFORMANCE = "0x1::stake::ValidatorPerformance";
export const T_VALIDATOR_CONFIG = "0x1::stake::ValidatorConfig";
export const T_BEHAVIOUR = "0x1::localnet::ProposalBehaviour";
export const DEFAULT_BEHAVIOUR: Readonly<ProposalBehaviour> = {
  successful_per_epoch: 1n,
  failed_per_epoch: 0n,
};

/** `get_validator_index` view (the pool's `ValidatorConfig.validator_index`), undefined without a config. */
export function validatorIndex(ctx: TxContext, pool: Address): bigint | undefined {
  return ctx.journal.tryBorrow<ValidatorConfig>(pool, T_VALIDATOR_CONFIG)?.validator_index;
}

/** `get_current_epoch_proposal_counts(index)` view: (successful, failed); out of range aborts like `vector::borrow`. */
export function getCurrentEpochProposalCounts(ctx: TxContext, index: bigint): [bigint, bigint] {
  const v = ctx.journal.tryBorrow<ValidatorPerformance>(FRAMEWORK, T_PERFORMANCE)?.validators ?? [];
  const p = index < BigInt(v.length) ? v[Number(index)] : undefined;
  if (!p) throw new VmError("VECTOR_OPERATION_ERROR", 4018, `index ${index} out of bounds (${v.length})`);
  return [p.successful_proposals, p.failed_proposals];
}

/** `update_performance_statistics(proposer, failed)`: never aborts; out-of-range indices are skipped. */
export function updatePerformanceStatistics(
  ctx: TxContext,
  proposer: bigint | undefined,
  failed: readonly bigint[],
  times = 1n,
): void {
  const perf = ctx.journal.tryBorrow<ValidatorPerformance>(FRAMEWORK, T_PERFORMANCE);
  if (!perf) return;
  const m = ctx.journal.borrowMut<ValidatorPerformance>(FRAMEWORK, T_PERFORMANCE);
  const at = (i: bigint | undefined) => (i === undefined ? undefined : m.validators[Number(i)]);
  const p = at(proposer);
  if (p) p.successful_proposals += times;
  for (const f of failed) {
    const q = at(f);
    if (q) q.failed_proposals += times;
  }
}

/** Localnet: count `successful` and `failed` proposals of `pool` in the current epoch (no-op if not indexed). */
export function recordProposals(ctx: TxContext, pool: Address, successful: bigint, failed: bigint): void {
  const i = validatorIndex(ctx, pool);
  if (i === undefined || !isIndexed(ctx, pool)) return;
  if (successful > 0n) updatePerformanceStatistics(ctx, i, [], successful);
  if (failed > 0n) updatePerformanceStatistics(ctx, undefined, [i], failed);
}

/** Localnet: the proposals `pool` makes in each following epoch. */
export function setProposalBehaviour(ctx: TxContext, pool: Address, b: ProposalBehaviour): void {
  const v = { successful_per_epoch: b.successful_per_epoch, failed_per_epoch: b.failed_per_epoch };
  if (ctx.journal.exists(pool, T_BEHAVIOUR))
    Object.assign(ctx.journal.borrowMut<ProposalBehaviour>(pool, T_BEHAVIOUR), v);
  else ctx.journal.moveTo<ProposalBehaviour>(pool, T_BEHAVIOUR, v);
}

export function proposalBehaviour(ctx: TxContext, pool: Address): Readonly<ProposalBehaviour> {
  return ctx.journal.tryBorrow<ProposalBehaviour>(pool, T_BEHAVIOUR) ?? DEFAULT_BEHAVIOUR;
}

/** The pool is in this epoch's performance table (it was active when the epoch started). */
function isIndexed(ctx: TxContext, pool: Address): boolean {
  const perf = ctx.journal.tryBorrow<ValidatorPerformance>(FRAMEWORK, T_PERFORMANCE);
  const i = validatorIndex(ctx, pool);
  if (!perf || i === undefined || i >= BigInt(perf.validators.length)) return false;
  const vs = ctx.journal.borrow<ValidatorSet>(FRAMEWORK, T.validatorSet);
  return vs.active_validators.includes(pool) || vs.pending_inactive.includes(pool);
}

/** Epoch end, before rewards: credit every current validator its behaviour (the epoch's block prologues). */
export function produceEpochProposals(ctx: TxContext, pools: readonly Address[]): void {
  for (const pool of pools) {
    const b = proposalBehaviour(ctx, pool);
    recordProposals(ctx, pool, b.successful_per_epoch, b.failed_per_epoch);
  }
}

/**
 * (successful, total) for `pool` at the epoch end, or undefined when the chain has no performance table yet
 * (states saved before it existed: every proposal counted successful, as before).
 */
export function proposalCounts(
  ctx: TxContext,
  pool: Address,
): { successful: bigint; total: bigint } | undefined {
  const perf = ctx.journal.tryBorrow<ValidatorPerformance>(FRAMEWORK, T_PERFORMANCE);
  const i = validatorIndex(ctx, pool);
  if (!perf || i === undefined || i >= BigInt(perf.validators.length)) return undefined;
  const p = perf.validators[Number(i)];
  if (!p) return undefined;
  return { successful: p.successful_proposals, total: p.successful_proposals + p.failed_proposals };
}

/** `calculate_rewards_amount`: stake * rate * successful / (denominator * total), 0 when the denominator is 0. */
export function rewardsAmount(
  stake: bigint,
  successful: bigint,
  total: bigint,
  rate: bigint,
  denominator: bigint,
): bigint {
  const den = denominator * total;
  return den > 0n ? (stake * rate * successful) / den : 0n;
}

/** `on_new_epoch`'s tail: index the new set in order and reset every count. */
export function reindex(ctx: TxContext, active: readonly Address[]): void {
  const j = ctx.journal;
  active.forEach((pool, i) => {
    const cfg = j.tryBorrow<ValidatorConfig>(pool, T_VALIDATOR_CONFIG);
    if (!cfg) {
      j.moveTo<ValidatorConfig>(pool, T_VALIDATOR_CONFIG, {
        consensus_pubkey: "0x",
        network_addresses: "0x",
        fullnode_addresses: "0x",
        validator_index: BigInt(i),
      });
    } else if (cfg.validator_index !== BigInt(i)) {
      j.borrowMut<ValidatorConfig>(pool, T_VALIDATOR_CONFIG).validator_index = BigInt(i);
    }
  });
  const validators = active.map(() => ({ successful_proposals: 0n, failed_proposals: 0n }));
  if (j.exists(FRAMEWORK, T_PERFORMANCE))
    j.borrowMut<ValidatorPerformance>(FRAMEWORK, T_PERFORMANCE).validators = validators;
  else j.moveTo<ValidatorPerformance>(FRAMEWORK, T_PERFORMANCE, { validators });
}
