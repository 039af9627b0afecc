import { SECONDS_PER_YEAR } from "../protocol/apr.ts";
import { type PoolScore, PPM, type WeightProposal } from "./score.ts";

const BPS = 10_000n;

/**
 * The chain's gross staking APR, ppm, from `staking_config::reward_rate` (per epoch) and the epoch interval:
 * `num × 1e6 × SECONDS_PER_YEAR / (den × epochIntervalSecs)`, simple (not compounded), floor.
 */
export function grossAprPpm(
  rate: { numerator: bigint; denominator: bigint },
  epochIntervalSecs: bigint,
): bigint {
  if (rate.denominator === 0n || epochIntervalSecs === 0n) return 0n;
  return (rate.numerator * PPM * SECONDS_PER_YEAR) / (rate.denominator * epochIntervalSecs);
}

/**
 * One pool's expected APR for new stake, ppm: gross × (1 − max(commission now, next)) × performance; 0 for an
 * ineligible pool (it takes no deposits, or its validator earns nothing).
 */
export function poolExpectedAprPpm(gross: bigint, s: PoolScore): bigint {
  if (!s.eligible) return 0n;
  return (((gross * (BPS - s.effectiveCommissionBps)) / BPS) * s.performancePpm) / PPM;
}

export interface ExpectedAprEffect {
  /** The chain's gross APR (ppm). */
  grossAprPpm: bigint;
  /** Per pool expected APR (ppm), in the proposal's order. */
  pools: { pool: `0x${string}`; expectedAprPpm: bigint }[];
  /** APR of APT delegated along the current weights, and along the proposed ones (ppm). */
  currentWeightsAprPpm: bigint;
  proposedWeightsAprPpm: bigint;
  /** proposed − current (ppm, may be negative). */
  deltaPpm: bigint;
}

/**
 * The expected APR effect of a weight proposal: Σ weight × pool expected APR / total, for the current and the
 * proposed weights. Before the Kofi fee (`feeBps` of rewards) and before compounding.
 *
 * Limits: weights steer only new deposits and the idle APT `rebalance` delegates; stake already in a pool
 * stays there until it is unlocked, so the protocol's APR moves toward the proposed figure only as its stake
 * turns over. The pool figure assumes the next epochs look like the measured ones (performance from the
 * history given, commission at the higher of now and next cycle) and a constant chain reward rate (mainnet
 * lowers it periodically). An ineligible pool's current weight counts at 0 APR, although the contract sends
 * such a pool's share of a deposit to the other pools: the "current" figure is a lower bound then.
 */
export function expectedAprEffect(
  proposal: WeightProposal,
  rate: { numerator: bigint; denominator: bigint },
  epochIntervalSecs: bigint,
): ExpectedAprEffect {
  const gross = grossAprPpm(rate, epochIntervalSecs);
  const pools = proposal.pools.map((s) => ({ pool: s.pool, expectedAprPpm: poolExpectedAprPpm(gross, s) }));
  const total = proposal.totalWeightBps;
  const weighted = (w: (s: PoolScore) => bigint) =>
    total === 0n
      ? 0n
      : proposal.pools.reduce((sum, s, i) => sum + w(s) * (pools[i]?.expectedAprPpm ?? 0n), 0n) / total;
  const currentWeightsAprPpm = weighted((s) => s.currentWeightBps);
  const proposedWeightsAprPpm = weighted((s) => s.proposedWeightBps);
  return {
    grossAprPpm: gross,
    pools,
    currentWeightsAprPpm,
    proposedWeightsAprPpm,
    deltaPpm: proposedWeightsAprPpm - currentWeightsAprPpm,
  };
}
