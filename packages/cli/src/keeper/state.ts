import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { KofiError } from "@kofi/core";

/**
 * The keeper's state file (the operator names it with --state): what it submitted (hash + epoch per action, so
 * a restart looks a transaction up instead of submitting it again), the validators' proposal history (the chain
 * keeps only the current epoch's counts), what it last saw of each pool, and the alerts still standing.
 * JSON; integers as decimal strings. Written atomically (temporary file + rename).
 */
export interface ActionRecord {
  /** The epoch the action was submitted for. */
  epoch: string;
  hash: string;
  /** Expiration of the signed transaction, host-clock seconds: after it, a hash the node never saw can no longer land. */
  expiresAtSecs: number;
  status: "pending" | "committed" | "failed";
  /** ISO time of the last change. */
  at: string;
  /** The failure, when status is failed. */
  error?: string;
}

/** Proposal counts of one epoch, the last (largest) seen while it was current. */
export interface EpochProposals {
  epoch: string;
  successful: string;
  failed: string;
}

/** What the keeper last saw of a pool (to tell a change from a standing condition). */
export interface PoolSeen {
  commissionBps: string;
  nextCommissionBps: string;
  allowlisted: boolean;
  validatorState: string;
}

export interface KeeperState {
  version: 1;
  kofiAddress: string;
  chainId: number;
  /** The last epoch a pass completed in. */
  lastEpoch?: string;
  /** The latest record per action id (`sync_rewards`, `rebalance`, `withdraw_inactive_stake:<pool>`). */
  actions: Record<string, ActionRecord>;
  /** Per pool, oldest first, at most HISTORY_EPOCHS. */
  history: Record<string, EpochProposals[]>;
  pools: Record<string, PoolSeen>;
  /** Standing alerts by key (`<kind>:<pool>`): raised once, cleared when the condition ends. */
  alerts: Record<string, { epoch: string; at: string }>;
}

export const HISTORY_EPOCHS = 100;

export function emptyState(kofiAddress: string, chainId: number): KeeperState {
  return { version: 1, kofiAddress, chainId, actions: {}, history: {}, pools: {}, alerts: {} };
}

/** Reads the state file (an empty state when there is none); `invalid_config` when it is unreadable or another chain's. */
export function loadState(path: string, kofiAddress: string, chainId: number): KeeperState {
  if (!existsSync(path)) return emptyState(kofiAddress, chainId);
  let s: KeeperState;
  try {
    s = JSON.parse(readFileSync(path, "utf8")) as KeeperState;
  } catch (cause) {
    throw new KofiError("invalid_config", `The keeper state file ${path} is not valid JSON.`, {
      cause,
      hint: "Move it away to start afresh (the keeper reads the chain before acting).",
    });
  }
  if (s.version !== 1 || s.kofiAddress !== kofiAddress || s.chainId !== chainId)
    throw new KofiError(
      "invalid_config",
      `The keeper state file ${path} belongs to another deployment (Kofi ${s.kofiAddress}, chain ${s.chainId}).`,
      { hint: "Give each deployment its own --state file." },
    );
  return { ...emptyState(kofiAddress, chainId), ...s };
}

const RANK = { failed: 0, pending: 1, committed: 2 } as const;

/** Whether record `r` supersedes `t` (same action id). */
function supersedes(r: ActionRecord, t: ActionRecord): boolean {
  if (r.epoch !== t.epoch) return BigInt(r.epoch) > BigInt(t.epoch);
  // the same transaction: its latest news (pending -> committed / failed)
  if (r.hash === t.hash) return r.at >= t.at;
  if (r.status !== t.status) return RANK[r.status] > RANK[t.status];
  return r.at >= t.at;
}

/**
 * Merges the file's state into ours before a write, so two keepers sharing one file lose neither's records:
 * per action the later epoch wins (for one transaction its latest status; between two, a confirmed one over a
 * pending one over a failed one), history is the union with the larger counts.
 */
export function mergeStates(ours: KeeperState, theirs: KeeperState): KeeperState {
  const actions = { ...theirs.actions };
  for (const [id, r] of Object.entries(ours.actions)) {
    const t = actions[id];
    if (!t || supersedes(r, t)) actions[id] = r;
  }
  const history: Record<string, EpochProposals[]> = {};
  for (const pool of new Set([...Object.keys(ours.history), ...Object.keys(theirs.history)])) {
    const byEpoch = new Map<string, EpochProposals>();
    for (const e of [...(theirs.history[pool] ?? []), ...(ours.history[pool] ?? [])]) {
      const prev = byEpoch.get(e.epoch);
      byEpoch.set(
        e.epoch,
        prev && BigInt(prev.successful) + BigInt(prev.failed) > BigInt(e.successful) + BigInt(e.failed)
          ? prev
          : e,
      );
    }
    history[pool] = [...byEpoch.values()]
      .sort((a, b) => (BigInt(a.epoch) < BigInt(b.epoch) ? -1 : 1))
      .slice(-HISTORY_EPOCHS);
  }
  const lastEpoch =
    theirs.lastEpoch !== undefined &&
    (ours.lastEpoch === undefined || BigInt(theirs.lastEpoch) > BigInt(ours.lastEpoch))
      ? theirs.lastEpoch
      : ours.lastEpoch;
  return {
    ...ours,
    ...(lastEpoch !== undefined ? { lastEpoch } : {}),
    actions,
    history,
    alerts: { ...theirs.alerts, ...ours.alerts },
  };
}

/** Writes the state atomically (temporary file in the same directory, then rename). */
export function writeState(path: string, state: KeeperState): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, path);
}

/** Merge with what is on disk (another keeper may share the file), write, and return the merged state. */
export function saveState(path: string, state: KeeperState): KeeperState {
  let merged = state;
  if (existsSync(path)) {
    try {
      const disk = JSON.parse(readFileSync(path, "utf8")) as KeeperState;
      if (disk.kofiAddress === state.kofiAddress && disk.chainId === state.chainId)
        merged = mergeStates(state, { ...emptyState(state.kofiAddress, state.chainId), ...disk });
    } catch {
      // unreadable (a torn write cannot happen with rename; a hand edit can): ours replaces it
    }
  }
  writeState(path, merged);
  return merged;
}
