import { createHash } from "node:crypto";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sleep } from "./backoff.ts";

/**
 * A host-wide lock per deployment (node URL + Kofi address), held around each keeper action: read the chain,
 * simulate, submit, confirm. Two keepers on one host, whatever their state files and signers, so never both
 * see "needed" before either lands. The file holds the holder's pid and time; a lock whose holder is dead, or
 * older than `staleMs`, is taken over. Keepers on different hosts are not coordinated by it: there the
 * chain re-check right before each submission is what remains (a duplicate then lands as a no-op).
 */
export function lockPath(nodeUrl: string, kofiAddress: string): string {
  const id = createHash("sha256").update(`${nodeUrl}|${kofiAddress}`).digest("hex").slice(0, 16);
  return join(tmpdir(), `kofi-keeper-${id}.lock`);
}

interface Holder {
  pid: number;
  token: string;
  at: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Holder;
  } catch {
    return undefined;
  }
}

export interface LockOptions {
  /** Give up after this long (default 60 s): the caller skips the action this pass. */
  timeoutMs?: number;
  /** A holder older than this is presumed stuck (default 120 s). */
  staleMs?: number;
  signal?: AbortSignal;
}

/** Runs `fn` holding the lock; `{ locked: false }` when it could not be taken in time (or the signal aborted). */
export async function withLock<T>(
  path: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<{ locked: true; value: T } | { locked: false }> {
  const token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const staleMs = options.staleMs ?? 120_000;
  for (;;) {
    if (options.signal?.aborted) return { locked: false };
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid, token, at: Date.now() }), { flag: "wx" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readHolder(path);
    if (holder && (!alive(holder.pid) || Date.now() - holder.at > staleMs)) {
      // take over a dead or stuck holder's lock (only if it is still that holder's)
      if (readHolder(path)?.token === holder.token) {
        try {
          unlinkSync(path);
        } catch {
          // another keeper took it over first
        }
      }
      continue;
    }
    if (Date.now() > deadline) return { locked: false };
    await sleep(20 + Math.random() * 40, options.signal);
  }
  try {
    return { locked: true, value: await fn() };
  } finally {
    if (readHolder(path)?.token === token) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  }
}
