/**
 * A server-rendered page: the server imports the widget (safe: no DOM access at import, guarded define),
 * reads the rate with @kofi/core and renders it into the HTML with a `<kofi-stake>` tag; the browser then
 * loads the single-file build and the element upgrades (hydrates) in place.
 */
import { createKofiClient, formatAmount, getExchangeRate } from "@kofi/core";
import * as widget from "@kofi/widget";
import type { DemoConfig } from "../demo/config.ts";
import { type StaticSite, serveStatic } from "../static-server.ts";

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderPage(config: DemoConfig, rateText: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Kofi widget: server-rendered page</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/cdn/kofi-stake.bundle.js"></script>
  </head>
  <body>
    <h1>Server-rendered</h1>
    <p id="ssr-rate">Rendered on the server: 1 stkAPT = ${escapeHtml(rateText)} kAPT</p>
    <kofi-stake network="local" node-url="${escapeHtml(config.nodeUrl)}" kofi-address="${escapeHtml(config.kofiAddress)}"
      default-tab="position"></kofi-stake>
    <script type="module">
      import { createDevWallet } from "/cdn/dev-wallet.js";
      const config = await (await fetch("/__kofi/config.json")).json();
      const wallet = createDevWallet({ privateKey: config.devPrivateKey, nodeUrl: config.nodeUrl, onRequest: async () => true });
      await wallet.features["aptos:connect"].connect();
      await customElements.whenDefined("kofi-stake");
      document.querySelector("kofi-stake").wallet = wallet;
      document.body.dataset.ready = "true";
    </script>
  </body>
</html>`;
}

export async function startSsrExample(o: {
  config: DemoConfig;
  cdnDir: string;
  port?: number;
}): Promise<StaticSite> {
  // The import above ran on the server: it must have left the element class and no registration.
  if (typeof widget.KofiStakeElement !== "function")
    throw new Error("the widget did not import on the server");
  const client = createKofiClient({
    network: "local",
    nodeUrl: o.config.nodeUrl,
    addresses: { kofi: o.config.kofiAddress },
  });
  return serveStatic({
    config: o.config,
    mounts: { "/cdn/": o.cdnDir },
    ...(o.port !== undefined ? { port: o.port } : {}),
    routes: {
      "/": async (_req, res) => {
        const r = await getExchangeRate(client);
        const scaled = (r.numerator * 100_000_000n) / r.denominator;
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(renderPage(o.config, formatAmount(scaled, { maxDecimals: 6 })));
      },
    },
  });
}
