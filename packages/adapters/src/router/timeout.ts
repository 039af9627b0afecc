/** Thrown when an adapter misses its deadline. */
export class AdapterTimeoutError extends Error {
  override readonly name = "AdapterTimeoutError";
  constructor(
    readonly adapterId: string,
    readonly ms: number,
  ) {
    super(`${adapterId}: no answer within ${ms} ms`);
  }
}

/**
 * Run `fn` with a deadline: resolves with its value, or rejects with `AdapterTimeoutError` after `ms` (the
 * signal passed to `fn` is aborted then, so HTTP requests stop). Never leaves a timer behind.
 */
export async function withTimeout<T>(
  adapterId: string,
  ms: number,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const ctl = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ctl.abort();
      reject(new AdapterTimeoutError(adapterId, ms));
    }, ms);
  });
  try {
    return await Promise.race([fn(ctl.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
