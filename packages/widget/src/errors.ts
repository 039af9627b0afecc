/** Turns anything thrown (KofiError, Error, a wallet's string, an object) into a `KofiErrorLike`. */
import type { KofiErrorCode, KofiErrorLike } from "./backend.ts";

export function widgetError(code: KofiErrorCode, message = "", cause?: unknown): KofiErrorLike {
  return cause === undefined ? { code, message } : { code, message, cause };
}

const REJECTION = /reject|denied|declined|cancel+ed by user|user cancel/i;
const TIMEOUT = /time(d)?[ -]?out/i;
const NETWORK = /failed to fetch|networkerror|econnrefused|enotfound|fetch failed|network request failed/i;

/** Normalises a thrown value. Strings and bare Errors are classified by message; codes pass through. */
export function toKofiError(thrown: unknown): KofiErrorLike {
  if (typeof thrown === "string") return classify(thrown, thrown);
  if (thrown && typeof thrown === "object") {
    const o = thrown as { code?: unknown; message?: unknown; abort?: unknown; name?: unknown };
    const message = typeof o.message === "string" ? o.message : String(o.name ?? "");
    if (typeof o.code === "string" && o.code.length > 0 && /^[a-z_]+$/.test(o.code)) {
      const out: KofiErrorLike = { code: o.code, message, cause: thrown };
      return o.abort && typeof o.abort === "object"
        ? { ...out, abort: o.abort as KofiErrorLike["abort"] }
        : out;
    }
    if (o.name === "AbortError") return { code: "timeout", message, cause: thrown };
    return classify(message, thrown);
  }
  return { code: "unknown", message: String(thrown), cause: thrown };
}

function classify(message: string, cause: unknown): KofiErrorLike {
  if (REJECTION.test(message)) return { code: "user_rejected", message, cause };
  if (TIMEOUT.test(message)) return { code: "timeout", message, cause };
  if (NETWORK.test(message)) return { code: "network", message, cause };
  return { code: "unknown", message, cause };
}

/** Rejects with a `timeout` error when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = "request"): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(widgetError("timeout", `${what} took longer than ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
