import { normalizeAddress } from "../client/createKofiClient.ts";
import { KofiError } from "../errors/KofiError.ts";
import type { ProposalCounts, ValidatorState } from "./pools.ts";
import type { ObservedRewardRate } from "./rewardRate.ts";

/** 1 in parts per million. */
export const PPM = 1_000_000n;
const BPS = 10_000n;
/** Default most a pool may get (bps of the weight total). */
export const DEFAULT_MAX_SHARE_BPS = 5_000n;
/** Concentration penalty: a pool holding all of the protocol's stake scores × (1 − 0.5). */
export const CONCENTRATION_PENALTY_PPM_PER_BPS = 50n;

/** What the scoring reads of one pool (a `ValidatorPoolReading` has all of it). */
export interface ScoringPool {
  pool: `0x${string}`;
  weightBps: bigint;
  cap: bigint;
  enabled: boolean;
  protocolStake: { active: bigint; pendingInactive: bigint };
  validatorState: ValidatorState | undefined;
  commissionBps: bigint;
  nextCommissionBps: bigint;
  proposals: ProposalCounts | null;
  allowlistingEnabled: boolean;
  allowlisted: boolean;
  observed?: ObservedRewardRate;
}

/** What the scoring reads of the chain (a `ValidatorPoolsReading` has all of it). */
export interface ScoringInput {
  pools: readonly ScoringPool[];
  totalWeightBps: bigint;
  maxCommissionBps: bigint;
  rewardRate: { numerator: bigint; denominator: bigint };
  totalStakedApt: bigint;
  idleApt: bigint;
}

export interface ScoreOptions {
  /** Most any one pool may get, bps of the weight total (default {@link DEFAULT_MAX_SHARE_BPS}). */
  maxShareBps?: bigint;
  /**
   * Earlier epochs' proposal counts per pool (address → one entry per epoch: the last reading before that
   * epoch's end; counts are cumulative within an epoch, so two readings of one epoch would count it twice).
   */
  proposalHistory?: Readonly<Record<string, readonly ProposalCounts[]>>;
}

export type IneligibleReason =
  | "disabled"
  | "validator_not_active"
  | "allowlisted_out"
  | "commission_above_max"
  | "zero_performance";

/** One pool's score with its parts (all integers: ppm = millionths, bps = ten-thousandths). */
export interface PoolScore {
  pool: `0x${string}`;
  currentWeightBps: bigint;
  eligible: boolean;
  ineligible: IneligibleReason[];
  /** Σ successful / Σ (successful + failed) over the history and this epoch, ppm; null without proposals. */
  proposalRatioPpm: bigint | null;
  /** Observed rewards / the rewards the chain's rate pays after commission, ppm (≤ 1e6); null without a window. */
  rewardRatioPpm: bigint | null;
  /** min(proposalRatioPpm, rewardRatioPpm), 1e6 when neither is known. */
  performancePpm: bigint;
  /** max(commission now, next cycle), bps; the factor is 1 − that. */
  effectiveCommissionBps: bigint;
  commissionFactorPpm: bigint;
  /** This pool's share of the protocol's earning stake (bps), and the factor 1 − share × 0.5. */
  stakeShareBps: bigint;
  concentrationFactorPpm: bigint;
  /** performance × commission factor × concentration factor, ppm (0 when ineligible). */
  scorePpm: bigint;
  /** Most this pool may get: min(max share, cap share), bps of the total. */
  limitBps: bigint;
  /** The proposed weight (0 when ineligible or the proposal is infeasible). */
  proposedWeightBps: bigint;
}

export interface WeightProposal {
  pools: PoolScore[];
  totalWeightBps: bigint;
  maxShareBps: bigint;
  /** False when the eligible pools' limits cannot hold the total (then every proposed weight is 0). */
  feasible: boolean;
  infeasibleReason?: "no_eligible_pool" | "limits_below_total";
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** Σ successful / Σ total of the counts given, ppm; null when no proposal was counted. */
export function proposalRatioPpm(counts: readonly (ProposalCounts | null | undefined)[]): bigint | null {
  let ok = 0n;
  let all = 0n;
  for (const c of counts) {
    if (!c) continue;
    ok += c.successful;
    all += c.successful + c.failed;
  }
  return all === 0n ? null : (ok * PPM) / all;
}

/**
 * Observed rewards over the rewards the chain's rate pays after commission in the same epochs, ppm, capped at
 * 1e6: `rewardOctas * den * 1e4 * 1e6 / (principal * epochs * num * (1e4 - commission))`. Null without a usable
 * window, without an epoch end in it, or when the chain pays nothing.
 */
export function rewardRatioPpm(
  observed: ObservedRewardRate | undefined,
  rate: { numerator: bigint; denominator: bigint },
  commissionBps: bigint,
): bigint | null {
  if (!observed?.ok || observed.epochs === undefined || observed.epochs <= 0n) return null;
  const expectedDen = observed.principal * observed.epochs * rate.numerator * (BPS - min(commissionBps, BPS));
  if (expectedDen === 0n) return null;
  return min(PPM, (observed.rewardOctas * rate.denominator * BPS * PPM) / expectedDen);
}

/**
 * Scores the protocol's pools and turns the scores into proposed weights. Pure and deterministic.
 *
 * Per pool (integers; ppm = parts per million):
 * - eligible = enabled ∧ validator active ∧ ¬(allowlisting enabled ∧ protocol not listed)
 *   ∧ max(commission now, next) ≤ `maxCommissionBps` ∧ performance > 0; an ineligible pool gets weight 0.
 * - performance = min(proposal ratio, reward ratio), each when known, else 1e6:
 *   proposal ratio = Σ successful / Σ (successful + failed) over `proposalHistory` and this epoch's counts;
 *   reward ratio = observed rewards / (principal × epochs × rate × (1 − commission)), capped at 1e6.
 * - commission factor = (10000 − max(commission now, next)) × 100.
 * - concentration factor = 1e6 − 50 × share, share = the pool's earning stake (active + pending_inactive) in bps
 *   of the protocol's (a pool holding everything scores × 0.5).
 * - score = performance × commission factor × concentration factor / 1e12.
 *
 * Weights: each eligible pool's limit is min(maxShareBps, cap share) scaled to `totalWeightBps`, where
 * cap share = cap × total / (totalStakedApt + idleApt) (no limit when the protocol holds nothing). The total is
 * split in proportion to the scores by water-filling: pools whose share would pass their limit get the limit,
 * the rest is split again among the others. Integer bps by largest remainder; ties go to the lower address.
 * The weights sum to `totalWeightBps` exactly, none passes its limit, and a lower performance never raises a
 * pool's weight. Infeasible (no eligible pool, or the limits sum below the total): `feasible: false`, all 0.
 */
export function proposeWeights(input: ScoringInput, options: ScoreOptions = {}): WeightProposal {
  const total = input.totalWeightBps;
  const maxShareBps = options.maxShareBps ?? DEFAULT_MAX_SHARE_BPS;
  if (maxShareBps <= 0n || maxShareBps > BPS)
    throw new KofiError("invalid_argument", `maxShareBps must be in 1..10000, got ${maxShareBps}.`);
  const history = new Map<string, readonly ProposalCounts[]>();
  for (const [k, v] of Object.entries(options.proposalHistory ?? {})) history.set(normalizeAddress(k), v);
  const earning = (p: ScoringPool) => p.protocolStake.active + p.protocolStake.pendingInactive;
  const protocolEarning = input.pools.reduce((s, p) => s + earning(p), 0n);
  const base = input.totalStakedApt + input.idleApt;

  const pools: PoolScore[] = input.pools.map((p) => {
    const ineligible: IneligibleReason[] = [];
    if (!p.enabled) ineligible.push("disabled");
    if (p.validatorState !== "active") ineligible.push("validator_not_active");
    if (p.allowlistingEnabled && !p.allowlisted) ineligible.push("allowlisted_out");
    const effectiveCommissionBps = max(p.commissionBps, p.nextCommissionBps);
    if (effectiveCommissionBps > input.maxCommissionBps) ineligible.push("commission_above_max");
    const prop = proposalRatioPpm([...(history.get(normalizeAddress(p.pool)) ?? []), p.proposals]);
    const reward = rewardRatioPpm(p.observed, input.rewardRate, p.commissionBps);
    const performancePpm = min(prop ?? PPM, reward ?? PPM);
    if (performancePpm === 0n) ineligible.push("zero_performance");
    const commissionFactorPpm = (BPS - min(effectiveCommissionBps, BPS)) * 100n;
    const stakeShareBps = protocolEarning === 0n ? 0n : (earning(p) * BPS) / protocolEarning;
    const concentrationFactorPpm = PPM - CONCENTRATION_PENALTY_PPM_PER_BPS * stakeShareBps;
    const eligible = ineligible.length === 0;
    const scorePpm = eligible
      ? (((performancePpm * commissionFactorPpm) / PPM) * concentrationFactorPpm) / PPM
      : 0n;
    const shareLimit = (maxShareBps * total) / BPS;
    const capLimit = base === 0n ? total : min(total, (p.cap * total) / base);
    return {
      pool: p.pool,
      currentWeightBps: p.weightBps,
      eligible,
      ineligible,
      proposalRatioPpm: prop,
      rewardRatioPpm: reward,
      performancePpm,
      effectiveCommissionBps,
      commissionFactorPpm,
      stakeShareBps,
      concentrationFactorPpm,
      scorePpm,
      limitBps: eligible ? min(shareLimit, capLimit) : 0n,
      proposedWeightBps: 0n,
    };
  });

  const candidates = pools.filter((s) => s.scorePpm > 0n && s.limitBps > 0n);
  if (candidates.length === 0)
    return {
      pools,
      totalWeightBps: total,
      maxShareBps,
      feasible: false,
      infeasibleReason: "no_eligible_pool",
    };
  if (candidates.reduce((s, c) => s + c.limitBps, 0n) < total)
    return {
      pools,
      totalWeightBps: total,
      maxShareBps,
      feasible: false,
      infeasibleReason: "limits_below_total",
    };

  // Water-filling: fix every pool whose proportional share passes its limit at the limit, repeat.
  const fixed = new Set<PoolScore>();
  let open = candidates;
  for (;;) {
    const rest = total - [...fixed].reduce((s, c) => s + c.limitBps, 0n);
    const sum = open.reduce((s, c) => s + c.scorePpm, 0n);
    const over = open.filter((c) => rest * c.scorePpm > c.limitBps * sum);
    if (over.length === 0) {
      // Shares rest × score / sum: floors, then the leftover bps by largest remainder, ties to the lower address.
      let given = [...fixed].reduce((s, c) => s + c.limitBps, 0n);
      for (const c of fixed) c.proposedWeightBps = c.limitBps;
      for (const c of open) {
        c.proposedWeightBps = (rest * c.scorePpm) / sum;
        given += c.proposedWeightBps;
      }
      const order = [...open]
        .filter((c) => c.proposedWeightBps < c.limitBps)
        .sort((a, b) => {
          const ra = (rest * a.scorePpm) % sum;
          const rb = (rest * b.scorePpm) % sum;
          if (ra !== rb) return ra > rb ? -1 : 1;
          return a.pool < b.pool ? -1 : a.pool > b.pool ? 1 : 0;
        });
      for (const c of order) {
        if (given >= total) break;
        c.proposedWeightBps += 1n;
        given += 1n;
      }
      return { pools, totalWeightBps: total, maxShareBps, feasible: true };
    }
    for (const c of over) fixed.add(c);
    open = open.filter((c) => !fixed.has(c));
    // Unreachable: every open pool over its limit would make Σ limits < total, which the feasibility check
    // above rules out. Kept as a loud failure rather than a silent wrong sum.
    if (open.length === 0) throw new Error("proposeWeights: water-filling found no open pool");
  }
}
