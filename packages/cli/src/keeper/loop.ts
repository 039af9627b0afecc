import type { Account } from "@aptos-labs/ts-sdk";
import {
  getProtocolState,
  isEvent,
  type KofiClient,
  KofiError,
  rebalance,
  syncRewards,
  toKofiError,
  withdrawInactiveStake,
} from "@kofi/core";
import { kofiConstants } from "@kofi/core/abi";
import {
  type ActionEnv,
  type ActionSpec,
  isRetryable,
  type Outcome,
  runAction,
  type Store,
} from "./actions.ts";
import { Backoff, type BackoffOptions, sleep } from "./backoff.ts";
import { detectDegradation, recordProposals, type Thresholds } from "./checks.ts";
import type { KeeperLog } from "./log.ts";
import { type PoolReader, type PoolSample, readPools } from "./pools.ts";

/**
 * `staking_manager::MIN_REBALANCE_APT` (generated ABI): rebalance delegates nothing below it (1 APT). Despite
 * its name the Move constant is in octas (`100000000`, compared with octa amounts in `rebalance`), so no
 * conversion here.
 */
export const MIN_REBALANCE_OCTAS: bigint = kofiConstants.staking_manager.MIN_REBALANCE_APT.value;

export interface KeeperOptions {
  client: KofiClient;
  signer: Account;
  store: Store;
  log: KeeperLog;
  lockFile: string;
  signal: AbortSignal;
  /** Between passes, ms. */
  intervalMs: number;
  /** One pass (retrying network errors up to `onceAttempts` times), then return. */
  once: boolean;
  onceAttempts?: number;
  thresholds: Thresholds;
  backoff?: BackoffOptions;
  readPools?: PoolReader;
}

/** The chain's epoch and its start (`0x1::reconfiguration::Configuration`), and when rewards were last synced. */
export async function readEpoch(
  client: KofiClient,
): Promise<{ epoch: bigint; epochStartSecs: bigint; lastSyncSecs: bigint }> {
  try {
    const [cfg, rewards] = await Promise.all([
      client.aptos.getAccountResource<{ epoch: string; last_reconfiguration_time: string }>({
        accountAddress: "0x1",
        resourceType: "0x1::reconfiguration::Configuration",
      }),
      client.aptos.getAccountResource<{ last_sync_secs: string }>({
        accountAddress: client.kofiAddress,
        resourceType: `${client.kofiAddress}::rewards::Rewards`,
      }),
    ]);
    return {
      epoch: BigInt(cfg.epoch),
      epochStartSecs: BigInt(cfg.last_reconfiguration_time) / 1_000_000n,
      lastSyncSecs: BigInt(rewards.last_sync_secs),
    };
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
}

/**
 * A pool whose protocol stake may be withdrawable now: inactive stake, or pending_inactive stake of a validator
 * out of the set (withdrawable once its lockup passed; the simulation tells).
 */
function maybeWithdrawable(p: PoolSample): boolean {
  return p.inactive > 0n || (p.validatorState !== "active" && p.pendingInactive > 0n);
}

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

/** The three actions of an epoch, in order: sync rewards, recover inactive stake, delegate idle APT. */
function epochActions(client: KofiClient, epoch: bigint, pools: PoolSample[]): ActionSpec[] {
  const specs: ActionSpec[] = [
    {
      id: "sync_rewards",
      epoch,
      action: syncRewards(),
      notNeeded: async () => {
        const e = await readEpoch(client);
        if (e.epoch !== epoch) return `the epoch moved on (${e.epoch}); next pass`;
        return e.lastSyncSecs >= e.epochStartSecs
          ? `rewards already synced this epoch (at ${e.lastSyncSecs}, epoch ${epoch} began ${e.epochStartSecs})`
          : undefined;
      },
      describe: (ev) => {
        const r = ev.find(isEvent("rewards::RewardsSynced"));
        return r ? `booked ${r.data.rewards} octas of rewards (fee ${r.data.fee})` : "no new rewards";
      },
    },
  ];
  // inactive stake first, so that rebalance can delegate it in the same pass
  for (const p of pools.filter(maybeWithdrawable)) {
    specs.push({
      id: `withdraw_inactive_stake:${p.pool}`,
      epoch,
      action: withdrawInactiveStake({ pool: p.pool }),
      notNeeded: async () => {
        const s = await getProtocolState(client);
        const v = s.validators.find((x) => x.pool === p.pool);
        if (!v) return "the pool left the protocol's set";
        return v.inactive > 0n ||
          (!v.validatorActive && v.pendingInactive > 0n && s.nowSecs >= v.lockupEndsAt)
          ? undefined
          : "no inactive stake";
      },
      effective: (ev) =>
        ev.filter(isEvent("staking_manager::InactiveWithdrawn")).some((e) => e.data.amount > 0n),
      alreadyDone: (err) => err.abort?.name === "E_POOL_NOT_FOUND",
      describe: (ev) =>
        `withdrew ${sum(ev.filter(isEvent("staking_manager::InactiveWithdrawn")).map((e) => e.data.amount))} octas`,
    });
  }
  specs.push({
    id: "rebalance",
    epoch,
    action: rebalance(),
    notNeeded: async () => {
      const s = await getProtocolState(client);
      const free = s.idleApt > s.maturedTicketApt ? s.idleApt - s.maturedTicketApt : 0n;
      const amount = free < s.depositCapacityApt ? free : s.depositCapacityApt;
      const sweep = s.validators.some((v) => v.inactive > 0n);
      return amount >= MIN_REBALANCE_OCTAS || sweep
        ? undefined
        : `nothing idle to delegate (${free} octas free of matured tickets, capacity ${s.depositCapacityApt}, minimum ${MIN_REBALANCE_OCTAS})`;
    },
    effective: (ev) =>
      ev.some(
        (e) => e.type === "staking_manager::Delegated" || e.type === "staking_manager::InactiveWithdrawn",
      ),
    describe: (ev) => {
      const d = ev.filter(isEvent("staking_manager::Delegated"));
      return `delegated ${sum(d.map((e) => e.data.amount))} octas to ${d.length} pool(s)`;
    },
  });
  return specs;
}

export interface PassResult {
  epoch: bigint;
  outcomes: Outcome[];
  alerts: number;
}

/** One pass: sample the pools (history, alerts), then each action of the epoch. Retryable errors are thrown. */
export async function pass(o: KeeperOptions): Promise<PassResult> {
  const { client, store, log } = o;
  const { epoch } = await readEpoch(client);
  const pools = await (o.readPools ?? readPools)(client);
  if (store.state.lastEpoch !== epoch.toString())
    log.info("epoch", `epoch ${epoch}`, { epoch, previous: store.state.lastEpoch ?? null });
  recordProposals(store.state, epoch, pools);
  const { raised, cleared } = detectDegradation(store.state, epoch, pools, o.thresholds);
  for (const a of raised) log.alert(a);
  for (const key of cleared) log.info("alert_cleared", `cleared: ${key}`, { key, epoch });
  store.save();

  const env: ActionEnv = { client, signer: o.signer, store, log, lockFile: o.lockFile, signal: o.signal };
  const outcomes: Outcome[] = [];
  for (const spec of epochActions(client, epoch, pools)) {
    if (o.signal.aborted) break;
    const r = await runAction(env, spec);
    outcomes.push(r);
    const base = { action: r.id, epoch, status: r.status };
    if (r.status === "confirmed")
      log.info("confirmed", `${r.id}: confirmed ${r.hash}, gas ${r.gasUsed}: ${r.summary}`, {
        ...base,
        hash: r.hash,
        gasUsed: r.gasUsed,
        summary: r.summary,
      });
    else if (r.status === "skipped")
      log.info("skipped", `${r.id}: ${r.reason}`, {
        ...base,
        reason: r.reason,
        ...(r.hash ? { hash: r.hash } : {}),
      });
    else if (r.status === "in_doubt")
      log.warn("in_doubt", `${r.id}: ${r.reason}`, { ...base, hash: r.hash, reason: r.reason });
    else
      log.error("failed", `${r.id}: ${r.error.code}: ${r.error.message}`, {
        ...base,
        error: r.error.toJSON(),
        ...(r.hash ? { hash: r.hash } : {}),
      });
  }
  store.state.lastEpoch = epoch.toString();
  store.save();
  log.debug("pass", {
    epoch,
    outcomes: outcomes.map((r) => ({
      action: r.id,
      status: r.status,
      ...("hash" in r && r.hash ? { hash: r.hash } : {}),
    })),
  });
  return { epoch, outcomes, alerts: raised.length };
}

/**
 * The keeper: a pass every `intervalMs` until the signal aborts. A network error (node down, lost response,
 * timeout) retries the pass after an exponential backoff with jitter, logged; every pass re-reads the chain, so
 * retrying is safe. Returns the error of the last pass, if it failed (for --once's exit code).
 */
export async function runKeeper(o: KeeperOptions): Promise<KofiError | undefined> {
  const backoff = new Backoff(o.backoff);
  const attempts = o.onceAttempts ?? 5;
  for (;;) {
    if (o.signal.aborted) return undefined;
    let failure: KofiError | undefined;
    try {
      const r = await pass(o);
      if (backoff.attempt > 0)
        o.log.info("resumed", `resumed after ${backoff.attempt} retr${backoff.attempt === 1 ? "y" : "ies"}`, {
          retries: backoff.attempt,
          epoch: r.epoch,
        });
      backoff.reset();
      const failed = r.outcomes.find((x) => x.status === "failed");
      failure = failed?.status === "failed" ? failed.error : undefined;
      const doubt = r.outcomes.find((x) => x.status === "in_doubt");
      if (!failure && doubt && o.once && !o.signal.aborted)
        failure = new KofiError("timeout", `${doubt.id}: ${doubt.status === "in_doubt" ? doubt.reason : ""}`);
    } catch (e) {
      const err = toKofiError(e);
      if (o.signal.aborted) return undefined;
      if (isRetryable(err) && (!o.once || backoff.attempt + 1 < attempts)) {
        const delay = backoff.next();
        o.log.warn(
          "retry",
          `${err.code}: ${err.message.split("\n")[0]}; retry ${backoff.attempt} in ${(delay / 1000).toFixed(1)} s`,
          {
            retry: backoff.attempt,
            delayMs: delay,
            error: { code: err.code, message: err.message },
          },
        );
        await sleep(delay, o.signal);
        continue;
      }
      o.log.error("pass_failed", `${err.code}: ${err.message}`, { error: err.toJSON() });
      failure = err;
    }
    if (o.once) return failure;
    await sleep(o.intervalMs, o.signal);
  }
}
