/**
 * Exponential backoff with a cap and jitter, for the keeper's network retries: attempt n (0-based) waits a
 * random time in [d/2, d] where d = min(cap, base × 2^n) ("equal jitter": never less than half the step, so a
 * retry storm cannot collapse to zero, and two keepers that failed together do not retry in lockstep).
 */
export interface BackoffOptions {
  /** First step, ms (default 500). */
  baseMs?: number;
  /** Largest step, ms (default 30 000). */
  capMs?: number;
  /** Uniform in [0, 1) (default Math.random); injected by tests. */
  random?: () => number;
}

/** The delay before retry `attempt` (0 = the first retry), ms. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 500;
  const cap = options.capMs ?? 30_000;
  const random = options.random ?? Math.random;
  // 2^attempt overflows to Infinity for large attempts; min() keeps the cap.
  const step = Math.min(cap, base * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + random() * (step / 2));
}

/** A retry counter: `next()` gives the next delay and counts the attempt; `reset()` after a success. */
export class Backoff {
  attempt = 0;
  constructor(private readonly options: BackoffOptions = {}) {}
  next(): number {
    return backoffDelay(this.attempt++, this.options);
  }
  reset(): void {
    this.attempt = 0;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (never rejects): a stop request cuts a wait short. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
