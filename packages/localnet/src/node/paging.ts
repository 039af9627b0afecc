/** The node's two ways of paging a list: by version range (transactions, events) and by cursor (resources, modules). */
import type { TxRecord } from "../chain.ts";
import { ApiError, invalidInput } from "./errors.ts";
import type { Reply } from "./router.ts";

/** `start` (default: the last page) and `limit` (default 25, at most 100) over a list of transactions. */
export function transactionPage(list: readonly TxRecord[], q: URLSearchParams): TxRecord[] {
  const limit = Math.min(Number(q.get("limit") ?? 25) || 25, 100);
  const startParam = q.get("start");
  const start = startParam === null ? Math.max(0, list.length - limit) : Number(startParam);
  if (!Number.isInteger(start) || start < 0) throw invalidInput(`invalid start: ${startParam}`);
  return list.slice(start, start + limit);
}

/**
 * Cursor paging as the node does it for account resources and modules: `limit` items (default: all, at most
 * 9999), an opaque `X-Aptos-Cursor` when more follow (here the hex of the next item's key), and `start` = a
 * cursor from a previous page.
 */
export function cursorPage<T>(
  all: readonly T[],
  key: (x: T) => string,
  query: URLSearchParams,
  render: (x: T) => unknown,
): Reply {
  const limitRaw = query.get("limit");
  const limit = limitRaw === null ? 9999 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 9999) {
    throw new ApiError(
      400,
      "web_framework_error",
      `failed to parse query \`limit\`: ${limitRaw} is not a page size between 1 and 9999`,
    );
  }
  let from = 0;
  const start = query.get("start");
  if (start !== null) {
    if (!/^0x([0-9a-f]{2})+$/.test(start))
      throw invalidInput(`failed to parse query \`start\`: invalid cursor ${start}`);
    const k = Buffer.from(start.slice(2), "hex").toString("utf8");
    from = all.findIndex((x) => key(x) >= k);
    if (from < 0) from = all.length;
  }
  const page = all.slice(from, from + limit);
  const next = all[from + limit];
  return {
    status: 200,
    body: page.map(render),
    headers:
      next === undefined ? undefined : { "x-aptos-cursor": `0x${Buffer.from(key(next)).toString("hex")}` },
  };
}
