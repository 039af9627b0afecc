import { SECONDS_PER_YEAR } from "../protocol/apr.ts";
import { MAX_PLAUSIBLE_APR_PPM } from "../protocol/protocolApr.ts";

/** A pool's stake as the protocol holds it at a time: the input of an observed reward rate. */
export interface PoolStakeSample {
  /** Chain time of the read, seconds. */
  atSecs: bigint;
  /** The chain's epoch at the read (`0x1::reconfiguration::Configuration.epoch`), when known. */
  epoch?: bigint;
  /** The protocol's active stake in the pool, octas. */
  active: bigint;
  /** The protocol's pending_inactive stake in the pool, octas (still earning until the lockup ends). */
  pendingInactive: bigint;
}

export type ObservedRateUnavailable = "no_elapsed_time" | "no_stake" | "stake_decreased" | "implausible";

/**
 * The reward rate the protocol observed on one pool between two samples: simple annualised growth of its
 * earning stake (active + pending_inactive), net of the operator's commission and of missed proposals.
 */
export type ObservedRewardRate =
  | {
      ok: true;
      aprPpm: bigint;
      /** Earning stake growth between the samples, octas, and the earning stake at the first sample. */
      rewardOctas: bigint;
      principal: bigint;
      elapsedSecs: bigint;
      /** Epoch ends between the samples (rewards are paid at each), when both samples know their epoch. */
      epochs?: bigint;
    }
  | { ok: false; reason: ObservedRateUnavailable; elapsedSecs: bigint };

/**
 * `aprPpm = (earning_to - earning_from) * 1e6 * SECONDS_PER_YEAR / (earning_from * (t_to - t_from))`, floor,
 * where earning = active + pending_inactive.
 *
 * Limits: the protocol's own flows between the samples are not told apart from rewards. A deposit or an
 * `unlock` maturing into inactive changes the earning stake, so a decrease reads `stake_decreased` and a
 * growth above {@link MAX_PLAUSIBLE_APR_PPM} reads `implausible`; a small deposit between the samples still
 * inflates the figure. Take the two samples around an epoch end with no Kofi transaction between them (rewards
 * are paid at epoch ends only, so windows shorter than an epoch read 0 or one whole epoch's rewards).
 */
export function observedRewardRate(from: PoolStakeSample, to: PoolStakeSample): ObservedRewardRate {
  const elapsedSecs = to.atSecs - from.atSecs;
  if (elapsedSecs <= 0n) return { ok: false, reason: "no_elapsed_time", elapsedSecs };
  const before = from.active + from.pendingInactive;
  const after = to.active + to.pendingInactive;
  if (before === 0n) return { ok: false, reason: "no_stake", elapsedSecs };
  if (after < before) return { ok: false, reason: "stake_decreased", elapsedSecs };
  const rewardOctas = after - before;
  const aprPpm = (rewardOctas * 1_000_000n * SECONDS_PER_YEAR) / (before * elapsedSecs);
  if (aprPpm > MAX_PLAUSIBLE_APR_PPM) return { ok: false, reason: "implausible", elapsedSecs };
  const epochs = from.epoch !== undefined && to.epoch !== undefined ? to.epoch - from.epoch : undefined;
  return {
    ok: true,
    aprPpm,
    rewardOctas,
    principal: before,
    elapsedSecs,
    ...(epochs === undefined ? {} : { epochs }),
  };
}
