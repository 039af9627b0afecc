import type { PoolSample } from "./pools.ts";
import { HISTORY_EPOCHS, type KeeperState } from "./state.ts";

/**
 * Degradation checks: pure functions over the keeper's state and one pass's pool samples. A standing
 * condition (failed proposals, a pending commission raise, not allowlisted, out of the validator set) raises
 * its alert once and clears when it ends; a commission raise that took effect is an event, alerted when seen.
 */
export type AlertKind =
  | "failed_proposals"
  | "commission_raised"
  | "commission_raise_pending"
  | "not_allowlisted"
  | "left_validator_set";

export interface Alert {
  kind: AlertKind;
  pool: `0x${string}`;
  epoch: bigint;
  message: string;
  /** Figures behind it (bigints; the log prints them as strings). */
  data: Record<string, bigint | boolean | string>;
}

export interface Thresholds {
  /** Alert when failed / (successful + failed) proposals of an epoch is above this, bps (default 1000 = 10 %). */
  maxFailedBps: bigint;
  /** Judge an epoch only with at least this many proposals (default 1). */
  minProposals: bigint;
}

export const DEFAULT_THRESHOLDS: Thresholds = { maxFailedBps: 1_000n, minProposals: 1n };

const pct = (bps: bigint) => `${(Number(bps) / 100).toFixed(1)} %`;

/** Keeps each pool's proposal counts per epoch (the largest seen while the epoch was current). */
export function recordProposals(state: KeeperState, epoch: bigint, samples: readonly PoolSample[]): void {
  for (const s of samples) {
    if (!s.proposals) continue;
    const h = state.history[s.pool] ?? [];
    state.history[s.pool] = h;
    const e = epoch.toString();
    const last = h.at(-1);
    const entry = {
      epoch: e,
      successful: s.proposals.successful.toString(),
      failed: s.proposals.failed.toString(),
    };
    if (last?.epoch === e) {
      // counts only grow within an epoch; keep the larger reading
      if (s.proposals.successful + s.proposals.failed >= BigInt(last.successful) + BigInt(last.failed))
        h[h.length - 1] = entry;
    } else {
      h.push(entry);
    }
    if (h.length > HISTORY_EPOCHS) h.splice(0, h.length - HISTORY_EPOCHS);
  }
}

/** The newest epoch of a pool's history with enough proposals to judge, and its failed ratio in bps. */
export function failedRatio(
  state: KeeperState,
  pool: string,
  t: Thresholds = DEFAULT_THRESHOLDS,
): { epoch: bigint; successful: bigint; failed: bigint; bps: bigint } | undefined {
  const h = state.history[pool] ?? [];
  for (let i = h.length - 1; i >= 0; i--) {
    const e = h[i];
    if (!e) continue;
    const successful = BigInt(e.successful);
    const failed = BigInt(e.failed);
    const total = successful + failed;
    if (total >= t.minProposals && total > 0n)
      return { epoch: BigInt(e.epoch), successful, failed, bps: (failed * 10_000n) / total };
  }
  return undefined;
}

/**
 * The alerts this pass raises, with the state updated (standing alerts recorded or cleared, each pool's last
 * seen figures). Call after `recordProposals`.
 */
export function detectDegradation(
  state: KeeperState,
  epoch: bigint,
  samples: readonly PoolSample[],
  t: Thresholds = DEFAULT_THRESHOLDS,
  now: () => Date = () => new Date(),
): { raised: Alert[]; cleared: string[] } {
  const raised: Alert[] = [];
  const cleared: string[] = [];
  const standing = (
    kind: AlertKind,
    pool: `0x${string}`,
    on: boolean,
    alert: () => Omit<Alert, "kind" | "pool">,
  ) => {
    const key = `${kind}:${pool}`;
    if (on && !state.alerts[key]) {
      state.alerts[key] = { epoch: epoch.toString(), at: now().toISOString() };
      raised.push({ kind, pool, ...alert() });
    } else if (!on && state.alerts[key]) {
      delete state.alerts[key];
      cleared.push(key);
    }
  };
  for (const s of samples) {
    const seen = state.pools[s.pool];
    const r = failedRatio(state, s.pool, t);
    standing("failed_proposals", s.pool, r !== undefined && r.bps > t.maxFailedBps, () => ({
      epoch: r?.epoch ?? epoch,
      message: `${r?.failed} of ${(r?.failed ?? 0n) + (r?.successful ?? 0n)} proposals failed in epoch ${r?.epoch} (${pct(r?.bps ?? 0n)} > ${pct(t.maxFailedBps)})`,
      data: {
        successful: r?.successful ?? 0n,
        failed: r?.failed ?? 0n,
        failedBps: r?.bps ?? 0n,
        maxFailedBps: t.maxFailedBps,
      },
    }));
    if (seen && s.commissionBps > BigInt(seen.commissionBps))
      raised.push({
        kind: "commission_raised",
        pool: s.pool,
        epoch,
        message: `commission raised from ${pct(BigInt(seen.commissionBps))} to ${pct(s.commissionBps)}`,
        data: { fromBps: BigInt(seen.commissionBps), toBps: s.commissionBps },
      });
    standing("commission_raise_pending", s.pool, s.nextCommissionBps > s.commissionBps, () => ({
      epoch,
      message: `commission rises from ${pct(s.commissionBps)} to ${pct(s.nextCommissionBps)} at the next lockup cycle`,
      data: { fromBps: s.commissionBps, toBps: s.nextCommissionBps },
    }));
    standing("not_allowlisted", s.pool, !s.allowlisted, () => ({
      epoch,
      message:
        "the protocol is not on the pool's allowlist (evicted, or allowlisting turned on): no new stake can go there",
      data: { allowlisted: false, active: s.active },
    }));
    const left = s.validatorState !== "active" && s.validatorState !== "pending_active";
    standing("left_validator_set", s.pool, left, () => ({
      epoch,
      message: `the validator left the active set (${s.validatorState ?? "no stake pool"}): the pool earns nothing from the next epoch`,
      data: {
        validatorState: s.validatorState ?? "none",
        active: s.active,
        pendingInactive: s.pendingInactive,
      },
    }));
    state.pools[s.pool] = {
      commissionBps: s.commissionBps.toString(),
      nextCommissionBps: s.nextCommissionBps.toString(),
      allowlisted: s.allowlisted,
      validatorState: s.validatorState ?? "none",
    };
  }
  return { raised, cleared };
}
