/**
 * What a benchmark page fetched: the widget's scripts from the page's own origin, and every request to the node
 * (views named by their function, addresses folded to `{hex}`), as widget-lean and widget-stake count them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";

export interface PageRequests {
  /** Paths of the `.js` files fetched from `origin`, in order, repeats included. */
  scripts: string[];
  /** `METHOD path [view function]` of each request to another origin (the node), preflights left out. */
  node: string[];
}

/** Starts recording `page`'s requests; the returned lists fill as the page loads. */
export function recordRequests(page: Page, origin: string): PageRequests {
  const seen: PageRequests = { scripts: [], node: [] };
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.origin === origin && u.pathname.endsWith(".js")) seen.scripts.push(u.pathname);
    else if (u.origin !== origin && r.method() !== "OPTIONS") {
      const view = u.pathname.endsWith("/view")
        ? ` ${String((JSON.parse(r.postData() ?? "{}") as { function?: string }).function).replace(/^0x[0-9a-f]+::/, "")}`
        : "";
      seen.node.push(`${r.method()} ${u.pathname.replace(/0x[0-9a-f]{64}/g, "{hex}")}${view}`);
    }
  });
  return seen;
}

/** Each distinct script served from `cdnDir` (paths under `/cdn/`) with its gzip -9 size, what a CDN would send. */
export function gzipSizes(cdnDir: string, scripts: readonly string[]): { file: string; gzipBytes: number }[] {
  return [...new Set(scripts)].map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(join(cdnDir, file.replace(/^\/cdn\//, ""))), { level: 9 }).length,
  }));
}
