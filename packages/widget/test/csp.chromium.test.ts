/**
 * The CDN build under a strict Content-Security-Policy, in Chromium (playwright-core, Debian chromium): a page
 * served with `default-src 'none'; script-src 'self'; style-src 'self'; connect-src <localnet>` (no
 * 'unsafe-inline', no 'unsafe-eval') renders the widget, reads the chain, and reports no CSP violation.
 * Builds dist/cdn when missing or stale (test/ensure-cdn.ts); without a Chromium the run stops with what to install.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Localnet, startLocalnet } from "@kofi/localnet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, requireChromium } from "../chromium-path.ts";
import { ensureCdnBuild } from "./ensure-cdn.ts";

const cdn = fileURLToPath(new URL("../dist/cdn/", import.meta.url));

describe("strict CSP (Chromium, CDN build, localnet)", () => {
  let net: Localnet;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    requireChromium();
    [net] = await Promise.all([startLocalnet({ port: 0, quiet: true }), ensureCdnBuild()]);
    const csp = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self' ${net.url}`,
    ].join("; ");
    server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (path === "/") {
        res.writeHead(200, { "content-type": "text/html", "content-security-policy": csp });
        res.end(`<!doctype html><html lang="en"><head><title>CSP</title>
<script type="module" src="/cdn/kofi-stake.js"></script></head>
<body><kofi-stake network="local" node-url="${net.nodeUrl}" kofi-address="${net.kofiAddress}" default-tab="position"></kofi-stake></body></html>`);
        return;
      }
      const file = join(cdn, path.replace(/^\/cdn\//, ""));
      if (path.startsWith("/cdn/") && existsSync(file)) {
        res.writeHead(200, { "content-type": "text/javascript", "content-security-policy": csp });
        res.end(readFileSync(file));
        return;
      }
      res.writeHead(404, { "content-security-policy": csp });
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 300_000); // may build dist/cdn first

  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await net?.stop();
  });

  it("renders and reads the chain with no CSP violation", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(String(e)));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          console.error(`Refused to: ${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(origin);
      await page
        .locator("kofi-stake [part~=protocol]")
        .getByText("Total staked")
        .waitFor({ timeout: 30_000 });
      // styles applied from adoptedStyleSheets (the card has its padding), not from an inline <style>
      const styled = await page.evaluate(() => {
        const root = document.querySelector("kofi-stake")?.shadowRoot;
        const base = root?.querySelector("[part~=base]");
        return {
          padding: base ? getComputedStyle(base).paddingTop : "",
          inlineStyles: root?.querySelectorAll("style").length ?? -1,
          adopted: root?.adoptedStyleSheets.length ?? 0,
        };
      });
      expect(styled.padding).not.toBe("0px");
      expect(styled.inlineStyles).toBe(0);
      expect(styled.adopted).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
