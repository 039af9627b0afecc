import {
  type Account,
  generateUserTransactionHash,
  type TransactionResponse,
  type UserTransactionResponse,
} from "@aptos-labs/ts-sdk";
import {
  type AdminAction,
  type KofiClient,
  type KofiError,
  type KofiEvent,
  parseKofiEvents,
  simulate,
  toKofiError,
  waitForKofiTransaction,
} from "@kofi/core";
import { withLock } from "./lock.ts";
import type { KeeperLog } from "./log.ts";
import { type ActionRecord, type KeeperState, saveState } from "./state.ts";

/**
 * One keeper action, run at most once per epoch: resolve what was submitted before (by hash), then under the
 * lock re-read the chain (is it needed?), simulate (would it do anything? a known "already done" abort counts as
 * done), sign, record the hash in the state file, submit, confirm.
 */
export interface ActionSpec {
  /** Record key: `sync_rewards`, `rebalance`, `withdraw_inactive_stake:<pool>`. */
  id: string;
  epoch: bigint;
  action: AdminAction;
  /** Reads the chain: undefined when the action is needed, else why not (logged). */
  notNeeded(): Promise<string | undefined>;
  /** Whether the simulated events show the action doing something (default: it always does). */
  effective?(events: KofiEvent[]): boolean;
  /** An abort meaning the work is already done (or moot): success, not an error. */
  alreadyDone?(err: KofiError): boolean;
  /** One-line summary of the confirmed transaction's events. */
  describe?(events: KofiEvent[]): string;
}

export type Outcome =
  | { id: string; status: "confirmed"; hash: string; gasUsed: bigint; summary: string }
  | { id: string; status: "skipped"; reason: string; hash?: string }
  | { id: string; status: "in_doubt"; hash: string; reason: string }
  | { id: string; status: "failed"; error: KofiError; hash?: string };

/** The state the actions share with the loop; `save()` merges with the file and writes it. */
export interface Store {
  state: KeeperState;
  save(): void;
}

export function fileStore(path: string, state: KeeperState): Store {
  const store: Store = {
    state,
    save() {
      store.state = saveState(path, store.state);
    },
  };
  return store;
}

export interface ActionEnv {
  client: KofiClient;
  signer: Account;
  store: Store;
  log: KeeperLog;
  lockFile: string;
  signal: AbortSignal;
  /** Seconds to wait for a confirmation (default 20). */
  waitSecs?: number;
  /** Signed transactions expire after this many seconds (default 60). */
  expirySecs?: number;
}

/** Network trouble (retried with backoff by the loop) as opposed to a definitive failure. */
export function isRetryable(err: KofiError): boolean {
  return err.code === "network" || err.code === "timeout" || err.code === "sequence_number";
}

/** The node's answer for a hash: undefined when it does not know it (404). */
async function lookup(client: KofiClient, hash: string): Promise<TransactionResponse | undefined> {
  try {
    return await client.aptos.getTransactionByHash({ transactionHash: hash });
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw toKofiError(e, { kofiAddress: client.kofiAddress, hash });
  }
}

/** Waits for `hash` unless the signal aborts first (then undefined: the record stays pending for next time). */
async function waitOrAbandon(env: ActionEnv, hash: string): Promise<UserTransactionResponse | undefined> {
  if (env.signal.aborted) return undefined;
  let onAbort = () => {};
  const aborted = new Promise<undefined>((resolve) => {
    onAbort = () => resolve(undefined);
    env.signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([
      waitForKofiTransaction(env.client, hash, { timeoutSecs: env.waitSecs ?? 20 }),
      aborted,
    ]);
  } finally {
    env.signal.removeEventListener("abort", onAbort);
  }
}

const nowIso = () => new Date().toISOString();

/**
 * Settles an earlier pending record by its hash. Returns the record as it now stands, or an `in_doubt` outcome
 * when the node does not know the hash yet and the transaction has not expired (it could still land: never
 * submit again before it expires).
 */
async function settle(env: ActionEnv, spec: ActionSpec, rec: ActionRecord): Promise<Outcome | undefined> {
  const tx = await lookup(env.client, rec.hash);
  if (!tx) {
    if (Date.now() / 1000 <= rec.expiresAtSecs)
      return {
        id: spec.id,
        status: "in_doubt",
        hash: rec.hash,
        reason: `submitted ${rec.hash} is not on the node yet; not resubmitting before it expires (${new Date(rec.expiresAtSecs * 1000).toISOString()})`,
      };
    env.log.warn(
      "expired",
      `${spec.id}: ${rec.hash} expired without landing; the action may be submitted again`,
      {
        action: spec.id,
        hash: rec.hash,
        epoch: rec.epoch,
      },
    );
    env.store.state.actions[spec.id] = { ...rec, status: "failed", at: nowIso(), error: "expired" };
    env.store.save();
    return undefined;
  }
  let confirmed: UserTransactionResponse | undefined;
  try {
    confirmed = await waitOrAbandon(env, rec.hash);
  } catch (e) {
    const err = toKofiError(e, { kofiAddress: env.client.kofiAddress, hash: rec.hash });
    if (isRetryable(err)) throw err;
    env.store.state.actions[spec.id] = { ...rec, status: "failed", at: nowIso(), error: err.message };
    env.store.save();
    return undefined;
  }
  if (!confirmed)
    return { id: spec.id, status: "in_doubt", hash: rec.hash, reason: "stopping while waiting" };
  env.store.state.actions[spec.id] = { ...rec, status: "committed", at: nowIso() };
  env.store.save();
  env.log.info("recovered", `${spec.id}: ${rec.hash} (epoch ${rec.epoch}) was committed`, {
    action: spec.id,
    hash: rec.hash,
    epoch: rec.epoch,
  });
  return undefined;
}

/** Runs one action (see ActionSpec). Retryable errors are thrown (the loop backs off); others are outcomes. */
export async function runAction(env: ActionEnv, spec: ActionSpec): Promise<Outcome> {
  const epoch = spec.epoch.toString();
  const pendingOutcome = async (): Promise<Outcome | undefined> => {
    const rec = env.store.state.actions[spec.id];
    if (rec?.status === "pending") {
      const o = await settle(env, spec, rec);
      if (o) return o;
    }
    const now = env.store.state.actions[spec.id];
    if (now?.epoch === epoch && now.status === "committed")
      return { id: spec.id, status: "skipped", reason: `done this epoch (${now.hash})`, hash: now.hash };
    return undefined;
  };
  const early = await pendingOutcome();
  if (early) return early;

  const held = await withLock(
    env.lockFile,
    async (): Promise<Outcome> => {
      // another keeper sharing the state file may have acted while we waited for the lock
      env.store.save();
      const again = await pendingOutcome();
      if (again) return again;
      const reason = await spec.notNeeded();
      if (reason) return { id: spec.id, status: "skipped", reason };
      const sim = await simulate(env.client, spec.action, env.signer);
      if (!sim.success) {
        const err = sim.error ?? toKofiError(new Error(sim.vmStatus));
        if (spec.alreadyDone?.(err))
          return { id: spec.id, status: "skipped", reason: `already done: ${err.message}` };
        if (isRetryable(err)) throw err;
        return { id: spec.id, status: "failed", error: err };
      }
      if (spec.effective && !spec.effective(sim.events))
        return { id: spec.id, status: "skipped", reason: "nothing to do (simulated)" };

      const expiresAtSecs = Math.floor(Date.now() / 1000) + (env.expirySecs ?? 60);
      const transaction = await env.client.aptos.transaction.build.simple({
        sender: env.signer.accountAddress,
        data: sim.prepared.payload,
        options: { expireTimestamp: expiresAtSecs },
      });
      const senderAuthenticator = env.client.aptos.transaction.sign({ signer: env.signer, transaction });
      const hash = generateUserTransactionHash({ transaction, senderAuthenticator });
      // recorded before it is sent: after a crash or a lost response the hash is looked up, never re-signed blind
      const rec: ActionRecord = { epoch, hash, expiresAtSecs, status: "pending", at: nowIso() };
      env.store.state.actions[spec.id] = rec;
      env.store.save();
      try {
        await env.client.aptos.transaction.submit.simple({ transaction, senderAuthenticator });
      } catch (e) {
        const err = toKofiError(e, { kofiAddress: env.client.kofiAddress, hash });
        if (err.code === "network" && (await lookup(env.client, hash).catch(() => undefined))) {
          // the response was lost but the node has it
        } else if (isRetryable(err)) {
          throw err; // the pending record is settled by hash on the next attempt
        } else {
          env.store.state.actions[spec.id] = { ...rec, status: "failed", at: nowIso(), error: err.message };
          env.store.save();
          return { id: spec.id, status: "failed", error: err, hash };
        }
      }
      env.log.info("submitted", `${spec.id}: submitted ${hash} (epoch ${epoch})`, {
        action: spec.id,
        hash,
        epoch: spec.epoch,
      });
      let tx: UserTransactionResponse | undefined;
      try {
        tx = await waitOrAbandon(env, hash);
      } catch (e) {
        const err = toKofiError(e, { kofiAddress: env.client.kofiAddress, hash });
        if (isRetryable(err)) throw err;
        env.store.state.actions[spec.id] = { ...rec, status: "failed", at: nowIso(), error: err.message };
        env.store.save();
        if (spec.alreadyDone?.(err))
          return { id: spec.id, status: "skipped", reason: `already done: ${err.message}`, hash };
        return { id: spec.id, status: "failed", error: err, hash };
      }
      if (!tx) return { id: spec.id, status: "in_doubt", hash, reason: "stopping while waiting" };
      env.store.state.actions[spec.id] = { ...rec, status: "committed", at: nowIso() };
      env.store.save();
      const events = parseKofiEvents(tx, env.client);
      return {
        id: spec.id,
        status: "confirmed",
        hash,
        gasUsed: BigInt(tx.gas_used),
        summary: spec.describe?.(events) ?? "",
      };
    },
    { signal: env.signal },
  );
  if (!held.locked)
    return {
      id: spec.id,
      status: "skipped",
      reason: env.signal.aborted ? "stopping" : "another keeper holds the lock; next pass",
    };
  return held.value;
}
