/**
 * The node's routes as a table: method + path pattern -> handler. A pattern is a path of segments, where
 * `:name` captures one segment and a final `*name` captures the one or more segments left, joined by `/` (a
 * Move type or asset in a path may carry unencoded slashes). Empty segments are ignored (`/v1//accounts` is
 * `/v1/accounts`), as the hand-written dispatch did. Captures are URI-decoded by the handlers that need it,
 * since some report the raw segment in their errors.
 */
import type { IncomingMessage } from "node:http";

export type Method = "GET" | "POST";

/** What a handler gets: the request, its full body, the path parameters and the query. */
export interface RouteRequest {
  req: IncomingMessage;
  body: Buffer;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
}

/** What a handler answers: the node sends `body` as JSON with `status`. Errors are thrown (`ApiError`). */
export interface Reply {
  status: number;
  body: unknown;
  /** Extra response headers (`x-aptos-cursor` on paged lists). */
  headers?: Readonly<Record<string, string>>;
}

/** Handlers answer at once, or later (the `wait_by_hash` long poll). */
export type Handler = (r: RouteRequest) => Reply | Promise<Reply>;

export interface Route {
  method: Method;
  path: string;
  handler: Handler;
}

type Segment = { literal: string } | { param: string } | { rest: string };

interface Compiled {
  method: Method;
  segments: Segment[];
  handler: Handler;
}

export function pathSegments(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

function compile(r: Route): Compiled {
  const segments = pathSegments(r.path).map((s, i, all): Segment => {
    if (s.startsWith(":")) return { param: s.slice(1) };
    if (s.startsWith("*")) {
      if (i !== all.length - 1) throw new Error(`route ${r.path}: *${s.slice(1)} must be the last segment`);
      return { rest: s.slice(1) };
    }
    return { literal: s };
  });
  return { method: r.method, segments, handler: r.handler };
}

function matchSegments(
  pattern: readonly Segment[],
  seg: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as Segment;
    if ("rest" in p) {
      if (i >= seg.length) return undefined;
      params[p.rest] = seg.slice(i).join("/");
      return params;
    }
    const s = seg[i];
    if (s === undefined) return undefined;
    if ("literal" in p) {
      if (s !== p.literal) return undefined;
    } else params[p.param] = s;
  }
  return pattern.length === seg.length ? params : undefined;
}

/** First route (in table order) whose method and pattern match. */
export class Router {
  private readonly routes: Compiled[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map(compile);
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined {
    const seg = pathSegments(path);
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const params = matchSegments(r.segments, seg);
      if (params) return { handler: r.handler, params };
    }
    return undefined;
  }
}

/** A 200 reply with a JSON body. */
export const ok = (body: unknown): Reply => ({ status: 200, body });
