/**
 * The lean path as a browser loads it: a page with `<kofi-stake node-url kofi-address>` set in its HTML (no
 * wallet), served from dist/cdn. Counts every script the page fetched and every node request from page load
 * until the rate is on screen; script bytes are the gzip -9 size of each fetched file (what a CDN would send).
 * Run: npx tsx bench/widget-lean.ts (builds dist/cdn when stale).
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { startLocalnet } from "@kofi/localnet";
import { launchChromium } from "../packages/widget/chromium-path.ts";
import { ensureCdnBuild } from "../packages/widget/test/ensure-cdn.ts";

const cdn = fileURLToPath(new URL("../packages/widget/dist/cdn/", import.meta.url));
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
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const scripts: string[] = [];
  const node: string[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.origin === origin && u.pathname.endsWith(".js")) scripts.push(u.pathname);
    else if (u.origin !== origin && r.method() !== "OPTIONS") node.push(`${r.method()} ${u.pathname}`);
  });
  await page.goto(origin);
  await page.waitForFunction(() =>
    /1 stkAPT = \d\.\d{8} kAPT/.test(document.querySelector("kofi-stake")?.shadowRoot?.textContent ?? ""),
  );
  const atRate = { scripts: [...scripts], node: [...node] };
  const gz = (p: string) => gzipSync(readFileSync(join(cdn, p.replace(/^\/cdn\//, ""))), { level: 9 }).length;
  const bytes = atRate.scripts.reduce((sum, s) => sum + gz(s), 0);
  console.log(
    JSON.stringify(
      {
        scripts: atRate.scripts.map((s) => `${s} ${gz(s)} B gzip`),
        scriptGzipBytes: bytes,
        nodeRequests: atRate.node,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  server.close();
  await net.stop();
}
