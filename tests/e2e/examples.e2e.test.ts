/**
 * Framework matrix smoke tests: each example page renders the widget, shows the rate read from the localnet
 * (compared with the chain through @kofi/core), and completes one stake (checked on chain).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Account } from "@aptos-labs/ts-sdk";
import { depositAndStake, execute, syncRewards } from "@kofi/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCdn } from "../../examples/cdn/build.ts";
import type { DemoConfig } from "../../examples/demo/config.ts";
import { startDemoSite } from "../../examples/demo/server.ts";
import { startSsrExample } from "../../examples/ssr/server.ts";
import { serveStatic } from "../../examples/static-server.ts";
import {
  APT,
  type Browser,
  done,
  enterAmount,
  openDemo,
  part,
  position,
  rate,
  reviewAndConfirm,
  type Stack,
  screenshot,
  startStack,
  waitConfirmed,
} from "./harness.ts";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The rate the page shows equals the chain's (truncated to the 6 digits shown); then one stake. */
async function smoke(page: Page, s: Stack, name: string): Promise<void> {
  await page.getByRole("tab", { name: "Position", exact: true }).click();
  const protocol = part(page, "protocol");
  await protocol.waitFor({ timeout: 60_000 });
  const shown = /1 stkAPT = ([\d.,]+) kAPT/.exec((await protocol.textContent()) ?? "")?.[1];
  const r = await rate(s);
  const micro = (r.numerator * 1_000_000n) / r.denominator;
  const [int = "", frac = ""] = (shown ?? "").replace(/,/g, "").split(".");
  expect(BigInt(int || "-1") * 1_000_000n + BigInt(frac.padEnd(6, "0").slice(0, 6))).toBe(micro);
  await screenshot(page, `${name}-01-rate`);

  const before = await position(s);
  await page.getByRole("tab", { name: "Stake", exact: true }).click();
  await part(page, "account").waitFor({ timeout: 30_000 });
  await enterAmount(page, "15");
  await reviewAndConfirm(page, /::gateway::deposit_and_stake$/);
  const tx = await waitConfirmed(page, "deposit");
  await screenshot(page, `${name}-02-staked`);
  await done(page);
  const after = await position(s);
  expect(after.stkaptBalance - before.stkaptBalance).toBe(BigInt(tx.amounts.amountOut));
}

describe("examples in Chromium", () => {
  let s: Stack;
  let config: DemoConfig;
  let cdnDir: string;
  const open: Browser[] = [];
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    s = await startStack();
    config = {
      url: s.ln.url,
      nodeUrl: s.ln.nodeUrl,
      kofiAddress: s.ln.kofiAddress,
      devAddress: s.ln.accounts.dev.address,
      devPrivateKey: s.ln.accounts.dev.privateKey,
    };
    // A rate above 1, so that reading it proves something: someone stakes, epochs pass, a keeper syncs.
    const staker = Account.generate();
    await s.ln.fund(staker.accountAddress.toString(), 1_000n * APT);
    await execute(s.client, depositAndStake({ amount: 500n * APT }), staker);
    for (let i = 0; i < 3; i++) {
      await s.ln.advance({ epochs: 1 });
      await execute(s.client, syncRewards(), staker);
    }
    await s.ln.advance({ seconds: 3_600 });
    const r = await rate(s);
    expect(r.numerator).toBeGreaterThan(r.denominator);
    cdnDir = mkdtempSync(join(tmpdir(), "kofi-cdn-"));
    await buildCdn(cdnDir);
  }, 180_000);
  afterAll(async () => {
    for (const b of open) await b.close();
    for (const stop of stops) await stop();
    await s?.stop();
    rmSync(cdnDir, { recursive: true, force: true });
  });

  it("plain HTML with the single-file CDN build from a script tag", async () => {
    const site = await serveStatic({
      config,
      mounts: { "/cdn/": cdnDir, "/": join(repo, "examples", "html-cdn") },
    });
    stops.push(site.stop);
    const b = await openDemo(site.url);
    open.push(b);
    await smoke(b.page, s, "html-cdn");
    expect(b.pageErrors).toEqual([]);
  });

  for (const [name, deps] of [
    ["react", ["react", "react-dom/client", "react/jsx-dev-runtime", "react/jsx-runtime"]],
    ["vue", ["vue"]],
  ] as const) {
    it(`${name === "react" ? "React 19" : "Vue 3"}: properties, events and one stake`, async () => {
      const site = await startDemoSite({
        root: join(repo, "examples", name),
        config,
        port: 0,
        watch: false,
        cacheDir: join(cdnDir, `vite-${name}`),
        optimize: [...deps],
      });
      stops.push(site.stop);
      const b = await openDemo(site.url);
      open.push(b);
      await smoke(b.page, s, name);
      // The framework's own event binding saw the widget's kofi-tx events.
      expect(await b.page.locator("#last-stage").textContent()).toContain("confirmed");
      expect(b.pageErrors).toEqual([]);
    });
  }

  it("server-rendered page: the widget imported on the server, hydrated in the browser", async () => {
    const site = await startSsrExample({ config, cdnDir });
    stops.push(site.stop);
    const html = await (await fetch(site.url)).text();
    expect(html).toContain("<kofi-stake");
    expect(html).toMatch(/Rendered on the server: 1 stkAPT = 1\.\d+ kAPT/);
    const b = await openDemo(site.url);
    open.push(b);
    // Upgraded in place: the server's element now has the widget's shadow root.
    await b.page.waitForFunction(() => !!document.querySelector("kofi-stake")?.shadowRoot);
    await smoke(b.page, s, "ssr");
    expect(b.pageErrors).toEqual([]);
  });
});
