import { resolve } from "node:path";
import { assertNetwork, KofiError, toKofiError } from "@kofi/core";
import type { Ctx } from "../context.ts";
import { EXIT_CODES } from "../exitCodes.ts";
import { UsageError } from "../io.ts";
import { fileStore } from "../keeper/actions.ts";
import { Backoff, sleep } from "../keeper/backoff.ts";
import { DEFAULT_THRESHOLDS } from "../keeper/checks.ts";
import { lockPath } from "../keeper/lock.ts";
import { keeperLog } from "../keeper/log.ts";
import { runKeeper } from "../keeper/loop.ts";
import { loadState } from "../keeper/state.ts";

export const KEEPER_USAGE = `  keeper --state <file> [--interval <secs>] [--once] [--max-failed-ratio <0..1>]
                            each epoch: sync rewards, withdraw inactive stake, rebalance idle APT (permissionless:
                            any funded key signs); samples validator proposals into <file> and alerts on
                            degraded pools (stderr line + JSON line on stdout); --once: one pass, exit code
                            says whether anything failed; SIGINT/SIGTERM stop it cleanly (exit 0)`;

/** `--interval`: seconds (decimals allowed), or with a unit: 500ms, 30s, 5m. */
export function parseInterval(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new UsageError(`--interval takes seconds (or 500ms, 30s, 5m), got "${text}"`);
  const n = Number(m[1]);
  const ms = m[2] === "ms" ? n : m[2] === "m" ? n * 60_000 : n * 1000;
  if (ms < 50) throw new UsageError(`--interval is at least 50ms, got "${text}"`);
  return ms;
}

/** `--max-failed-ratio`: a decimal in [0, 1], as bps. */
export function parseRatioBps(text: string): bigint {
  const m = /^(0(?:\.\d{1,4})?|1(?:\.0{1,4})?|\.\d{1,4})$/.exec(text.trim());
  if (!m) throw new UsageError(`--max-failed-ratio takes a decimal between 0 and 1, got "${text}"`);
  return BigInt(Math.round(Number(text) * 10_000));
}

/**
 * `kofi keeper`: the keeper loop (src/keeper/). It holds no key with authority: the signer only pays gas for
 * the permissionless `sync_rewards`, `withdraw_inactive_stake` and `rebalance`.
 */
export async function keeperCommand(ctx: Ctx): Promise<number> {
  const v = ctx.values;
  if (!v.state)
    throw new UsageError("keeper needs --state <file> (its submissions and the validators' history)");
  const statePath = resolve(v.state);
  const intervalMs = v.interval === undefined ? 60_000 : parseInterval(v.interval);
  const thresholds = {
    ...DEFAULT_THRESHOLDS,
    ...(v["max-failed-ratio"] === undefined ? {} : { maxFailedBps: parseRatioBps(v["max-failed-ratio"]) }),
  };
  const signer = ctx.account();
  const log = keeperLog(ctx.io, ctx.json);
  const client = ctx.client;

  const ac = new AbortController();
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    signals++;
    if (signals > 1) process.exit(130); // a second signal: stop at once (the state file is written atomically)
    log.info("stopping", `${sig}: stopping`, { signal: sig });
    ac.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    // the node may be down at start too: wait for it like any outage
    const backoff = new Backoff();
    let chainId: number | undefined;
    while (chainId === undefined && !ac.signal.aborted) {
      try {
        chainId = await assertNetwork(client);
      } catch (e) {
        const err = toKofiError(e);
        if (err.code !== "network" && err.code !== "timeout") throw err;
        if (v.once && backoff.attempt >= 4) throw err;
        const delay = backoff.next();
        log.warn(
          "retry",
          `${err.code}: ${err.message.split("\n")[0]}; retry ${backoff.attempt} in ${(delay / 1000).toFixed(1)} s`,
          {
            retry: backoff.attempt,
            delayMs: delay,
            error: { code: err.code, message: err.message },
          },
        );
        await sleep(delay, ac.signal);
      }
    }
    if (chainId === undefined) return 0; // stopped before the node answered
    const store = fileStore(statePath, loadState(statePath, client.kofiAddress, chainId));
    const sender = signer.accountAddress.toStringLong();
    log.info(
      "start",
      `keeper for ${client.kofiAddress} on ${client.nodeUrl} (chain ${chainId}), signer ${sender}, state ${statePath}${v.once ? ", one pass" : `, every ${intervalMs / 1000} s`}`,
      {
        kofiAddress: client.kofiAddress,
        nodeUrl: client.nodeUrl,
        chainId,
        signer: sender,
        state: statePath,
        intervalMs,
        once: v.once === true,
      },
    );
    const failure = await runKeeper({
      client,
      signer,
      store,
      log,
      lockFile: lockPath(client.nodeUrl, client.kofiAddress),
      signal: ac.signal,
      intervalMs,
      once: v.once === true,
      thresholds,
    });
    store.save();
    if (ac.signal.aborted) {
      log.info("stopped", "stopped; state written", { state: statePath });
      return 0;
    }
    if (failure) return EXIT_CODES[failure.code] ?? 1;
    return 0;
  } catch (e) {
    if (
      ac.signal.aborted &&
      !(e instanceof UsageError) &&
      !(e instanceof KofiError && e.code === "invalid_config")
    )
      return 0;
    throw e;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
