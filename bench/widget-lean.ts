/**
 * The lean path as a browser loads it (issue 14): a page with `<kofi-stake node-url kofi-address>` set in its HTML
 * (no wallet, an English page), served from dist/cdn. Counts every script the page fetched and every node request
 * from page load until the rate, the APR and the total staked (TVL) are all on screen; script bytes are the gzip -9
 * size of each fetched file (what a CDN would send, and what size-limit sums).
 *
 * `measure()` is also what `npm run size -w @kofi/widget` runs (build/size-browser.ts) to check that the lean
 * size-limit budget covers exactly these files.
 *
 * Run: npx tsx bench/widget-lean.ts (builds dist/cdn when stale), or npm run bench -- widget-lean.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startLocalnet } from "@kofi/localnet";
import { launchChromium } from "../packages/widget/chromium-path.ts";
import { ensureCdnBuild } from "../packages/widget/test/ensure-cdn.ts";
import type { Figure } from "./run.ts";
import { gzipSizes, recordRequests } from "./support/page-requests.ts";

const cdn = fileURLToPath(new URL("../packages/widget/dist/cdn/", import.meta.url));

export interface LeanMeasure {
  /** Each script fetched before rate, APR and TVL were on screen, as a path under /cdn/, with its gzip -9 size. */
  scripts: { file: string; gzipBytes: number }[];
  scriptGzipBytes: number;
  /** Node requests from page load to that moment (`METHOD /path[ view function]`), CORS preflights not counted. */
  nodeRequests: string[];
  /** What the visitor saw, by label: the proof that all three were on screen. */
  shown: { rate: string; apr: string; tvl: string };
}

/**
 * In the page: the text of the `<dd>` after the `<dt>` with each English label, once all three are visible and
 * non-empty, else null. Labels rather than part names: what counts is what a visitor reads, wherever it renders.
 * Plain JavaScript in a string: tsx compiles a function passed to `waitForFunction` with `__name` helpers that do
 * not exist in the page.
 */
const SHOWN_FACTS = `(() => {
  const root = document.querySelector("kofi-stake")?.shadowRoot;
  if (!root) return null;
  const value = (label) => {
    for (const dt of root.querySelectorAll("dt")) {
      if (dt.textContent?.trim() !== label) continue;
      const dd = dt.nextElementSibling;
      const text = dd?.tagName === "DD" ? (dd.textContent ?? "").replace(/\\s+/g, " ").trim() : "";
      // a value in a hidden tab or a collapsed block is not on screen
      if (text && dd.checkVisibility?.() !== false) return text;
    }
    return null;
  };
  const rate = value("Rate");
  const apr = value("APR");
  const tvl = value("Total staked");
  // The rate and TVL are figures; the APR may honestly read "not available yet" on a fresh chain (issue 14).
  if (!rate || !/\\d/.test(rate) || !apr || !tvl || !/\\d/.test(tvl)) return null;
  return { rate, apr, tvl };
})()`;

export async function measure(): Promise<LeanMeasure> {
  await ensureCdnBuild();
  const net = await startLocalnet({ port: 0, quiet: true });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><html lang="en"><head><title>lean</title>
<script type="module" src="/cdn/kofi-stake.js"></script></head><body>
<kofi-stake network="local" node-url="${net.nodeUrl}" kofi-address="${net.kofiAddress}"></kofi-stake></body></html>`);
      return;
    }
    try {
      const body = readFileSync(join(cdn, path.replace(/^\/cdn\//, "")));
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  try {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const { scripts, node } = recordRequests(page, origin);
      await page.goto(origin);
      const handle = await page.waitForFunction(SHOWN_FACTS, undefined, { polling: 20, timeout: 60_000 });
      // Copied at once: anything the page fetches after this is not on the path to the figures.
      const atFacts = { scripts: [...new Set(scripts)], node: [...node] };
      const shown = (await handle.jsonValue()) as LeanMeasure["shown"];
      const files = gzipSizes(cdn, atFacts.scripts);
      return {
        scripts: files,
        scriptGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
        nodeRequests: atFacts.node,
        shown,
      };
    } finally {
      await browser.close();
    }
  } finally {
    server.close();
    await net.stop();
  }
}

export async function run(): Promise<Figure[]> {
  const m = await measure();
  return [
    {
      name: "script a visitor loads before rate, APR and TVL are on screen (lean path, node-url + kofi-address set, English page)",
      value: Math.round(m.scriptGzipBytes / 100) / 10,
      unit: "kB gzip",
      goal: "≤ 30 kB, 1 node request (issue 14)",
      how: `every script Chromium fetched from page load, gzip -9: ${m.scripts.map((s) => `${s.file.replace(/^\/cdn\//, "")} ${s.gzipBytes} B`).join(", ")}; shown: rate ${m.shown.rate}, APR ${m.shown.apr}, TVL ${m.shown.tvl}`,
    },
    {
      name: "node requests from page load until rate, APR and TVL are on screen",
      value: m.nodeRequests.length,
      unit: "requests",
      goal: "≤ 1 (issue 14)",
      how: `every request the page sent to the node, CORS preflights not counted: ${m.nodeRequests.join("; ")}`,
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  console.log(JSON.stringify(await measure(), null, 2));
