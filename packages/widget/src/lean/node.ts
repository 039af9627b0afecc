/**
 * Plain `fetch` to a fullnode's REST API (`…/v1`), errors as `KofiError`s (`toKofiError` of `@kofi/core`, the
 * same decoding the SDK path applies to the node's JSON errors and aborts).
 */
import { toKofiError } from "@kofi/core";

export interface NodeTarget {
  /** Fullnode URL including `/v1`, no trailing slash. */
  readonly nodeUrl: string;
  /** The Kofi package address, long form (for abort decoding). */
  readonly kofiAddress: string;
}

export interface NodeRequest {
  readonly method?: "GET" | "POST";
  readonly json?: unknown;
  readonly bytes?: Uint8Array;
  readonly contentType?: string;
  readonly signal?: AbortSignal | undefined;
  /** Answer null on 404 instead of throwing (an account that does not exist yet). */
  readonly notFoundIsNull?: boolean;
}

/** One request; the parsed JSON body. Throws a `KofiError` (network, HTTP status, node message). */
export async function nodeJson<T>(target: NodeTarget, path: string, request: NodeRequest = {}): Promise<T> {
  const ctx = { kofiAddress: target.kofiAddress };
  let response: Response;
  try {
    const body = request.bytes ?? (request.json === undefined ? undefined : JSON.stringify(request.json));
    response = await fetch(`${target.nodeUrl}${path}`, {
      method: request.method ?? (body === undefined ? "GET" : "POST"),
      ...(body === undefined
        ? {}
        : {
            body: body as BodyInit,
            headers: {
              "content-type": request.contentType ?? "application/json",
              accept: "application/json",
            },
          }),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (e) {
    throw toKofiError(e, ctx);
  }
  if (response.status === 404 && request.notFoundIsNull) return null as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { message: text };
  }
  if (!response.ok) {
    const d = (data ?? {}) as { message?: string; error_code?: string; vm_error_code?: number };
    throw toKofiError(
      {
        message: d.message ?? `HTTP ${response.status} ${path}`,
        ...(d.error_code ? { error_code: d.error_code } : {}),
        ...(d.vm_error_code !== undefined ? { vm_error_code: d.vm_error_code } : {}),
        status: response.status,
      },
      ctx,
    );
  }
  return data as T;
}
