/**
 * End-to-end harness: a localnet and the demo site in this process, Debian Chromium through playwright-core,
 * and chain reads through @kofi/core (never through the page's text).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createKofiClient, getExchangeRate, getPosition, type KofiClient, type Position } from "@kofi/core";
import { type Localnet, type LocalnetOptions, startLocalnet } from "@kofi/localnet";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { type DemoSite, startDemoSite } from "../../examples/demo/server.ts";
import {
  findChromium,
  launchChromiumContext,
  requireChromium,
  CHROMIUM_ARGS as SHARED_CHROMIUM_ARGS,
} from "../../packages/widget/chromium-path.ts";

export const APT = 100_000_000n;
// One lookup for every launcher (KOFI_CHROMIUM, the system's, Playwright's cache): packages/widget/chromium-path.ts.
export const CHROMIUM = findChromium() ?? "/usr/bin/chromium";
const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const ARTIFACTS = join(repo, "tests", "artifacts");

export const CHROMIUM_ARGS = [...SHARED_CHROMIUM_ARGS];

/** Chromium must be there: a missing browser fails the run (CI installs it), it never silently passes. */
export function assertChromium(): void {
  requireChromium();
}

export interface Stack {
  ln: Localnet;
  site: DemoSite;
  client: KofiClient;
  dev: string;
  statePath: string;
  /** Stops the node (the page keeps running): for failure tests. */
  stopNode(): Promise<void>;
  /** Starts the node again on the same port from the saved state. */
  restartNode(): Promise<void>;
  stop(): Promise<void>;
}

const nodeOptions = (statePath: string): LocalnetOptions => ({
  quiet: true,
  statePath,
  rewardRateBpsPerEpoch: 10,
});

export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), "kofi-e2e-"));
  const statePath = join(dir, "state.json");
  let ln = await startLocalnet({ ...nodeOptions(statePath), port: 0 });
  const port = Number(new URL(ln.url).port);
  const site = await startDemoSite({
    port: 0,
    // Its own dependency cache and no file watching: runs in parallel and edits in the working tree
    // never re-optimise or reload a page in the middle of a flow.
    cacheDir: join(dir, "vite"),
    watch: false,
    config: {
      url: ln.url,
      nodeUrl: ln.nodeUrl,
      kofiAddress: ln.kofiAddress,
      devAddress: ln.accounts.dev.address,
      devPrivateKey: ln.accounts.dev.privateKey,
    },
  });
  const client = createKofiClient({
    network: "local",
    nodeUrl: ln.nodeUrl,
    addresses: { kofi: ln.kofiAddress },
  });
  const stack: Stack = {
    get ln() {
      return ln;
    },
    site,
    client,
    dev: ln.accounts.dev.address,
    statePath,
    stopNode: () => ln.stop(),
    async restartNode() {
      ln = await startLocalnet({ ...nodeOptions(statePath), port });
    },
    async stop() {
      await Promise.allSettled([site.stop(), ln.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
  /** Errors thrown in the page (uncaught), kept for assertions. */
  pageErrors: string[];
}

export async function openDemo(url: string): Promise<Browser> {
  assertChromium();
  const profile = mkdtempSync(join(tmpdir(), "kofi-chromium-"));
  const context = await launchChromiumContext(profile, { viewport: { width: 1200, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // Every kofi-tx / kofi-error the widget fires (composed, bubbling), bigints as strings.
  await page.addInitScript(() => {
    const w = window as unknown as { __kofi: { tx: unknown[]; errors: unknown[] } };
    w.__kofi = { tx: [], errors: [] };
    const plain = (d: unknown) =>
      JSON.parse(JSON.stringify(d, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
    document.addEventListener("kofi-tx", (e) => w.__kofi.tx.push(plain((e as CustomEvent).detail)));
    document.addEventListener("kofi-error", (e) => {
      const { code, message, action } = (e as CustomEvent).detail;
      w.__kofi.errors.push({ code, message, action });
    });
  });
  await page.goto(url);
  await page.locator("body[data-ready=true]").waitFor({ timeout: 60_000 });
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface TxEvent {
  stage: string;
  action: string;
  hash?: string;
  amounts: { tokenIn: string; amountIn: string; tokenOut: string; amountOut: string; minOut: string };
}

export const txEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { __kofi: { tx: TxEvent[] } }).__kofi.tx);
export const errorEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { __kofi: { errors: { code: string }[] } }).__kofi.errors);
export const clearEvents = (page: Page) =>
  page.evaluate(() => {
    const k = (window as unknown as { __kofi: { tx: unknown[]; errors: unknown[] } }).__kofi;
    k.tx.length = 0;
    k.errors.length = 0;
  });

/** A part inside the widget's shadow root (Playwright's CSS pierces open shadow roots). */
export const part = (page: Page, name: string): Locator => page.locator(`kofi-stake [part~="${name}"]`);

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });

  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits for the wallet's next request of `kind` and answers it. */
export async function answerWallet(page: Page, kind: string, approve: boolean): Promise<void> {
  const li = page.locator(`#dev-wallet-requests li[data-kind="${kind}"]`).first();
  await li.waitFor({ timeout: 30_000 });
  await li.locator(`button[data-action="${approve ? "approve" : "reject"}"]`).click();
}

export async function connect(page: Page): Promise<void> {
  await part(page, "connect-button").first().click();
  await answerWallet(page, "connect", true);
  await part(page, "account").waitFor({ timeout: 30_000 });
}

/** Types an amount and waits until the quote allows a review. */
export async function enterAmount(page: Page, amount: string): Promise<void> {
  await part(page, "amount-input").fill(amount);
  await waitEnabled(part(page, "review-button"));
}

export async function waitEnabled(locator: Locator, timeout = 30_000): Promise<void> {
  await locator.waitFor({ timeout });
  const handle = await locator.elementHandle({ timeout });
  await locator.page().waitForFunction((el) => !(el as HTMLButtonElement).disabled, handle, { timeout });
}

/** Review → simulation → confirm; returns once the wallet has a request pending. */
export async function reviewAndConfirm(page: Page, entryFunction: RegExp): Promise<void> {
  await part(page, "review-button").click();
  await page
    .locator('kofi-stake [part~="simulation"]', { hasText: /succeeded/i })
    .waitFor({ timeout: 30_000 });
  const fn = await part(page, "entry-function").textContent();
  if (!entryFunction.test(fn ?? "")) throw new Error(`review shows ${fn}, expected ${entryFunction}`);
  await waitEnabled(part(page, "confirm-button"));
  await part(page, "confirm-button").click();
}

/** Waits for the confirmed kofi-tx of the current flow, then closes the success panel. */
export async function waitConfirmed(page: Page, action: string): Promise<TxEvent> {
  await part(page, "success").waitFor({ timeout: 30_000 });
  const events = await txEvents(page);
  const confirmed = events.filter((e) => e.stage === "confirmed" && e.action === action).at(-1);
  if (!confirmed?.hash) throw new Error(`no confirmed ${action} event: ${JSON.stringify(events)}`);
  return confirmed;
}

export async function done(page: Page): Promise<void> {
  await part(page, "done-button").click();
  await part(page, "success").waitFor({ state: "detached" });
}

export const position = (s: Stack): Promise<Position> => getPosition(s.client, s.dev);
export const rate = (s: Stack) => getExchangeRate(s.client);

/** Gas paid by a transaction, octas. */
export async function feeOf(s: Stack, hash: string): Promise<bigint> {
  const tx = (await s.client.aptos.getTransactionByHash({ transactionHash: hash })) as {
    gas_used: string;
    gas_unit_price: string;
  };
  return BigInt(tx.gas_used) * BigInt(tx.gas_unit_price);
}

/** Clicks a time-panel button and waits for the panel to report the outcome. */
export async function advance(page: Page, button: "#advance-epoch" | "#advance-14d"): Promise<void> {
  const before = await page.locator("#chain-time").textContent();
  await page.locator(button).click();
  await page.locator("#time-status", { hasText: /Advanced|Could not/ }).waitFor({ timeout: 30_000 });
  const status = await page.locator("#time-status").textContent();
  if (!status?.startsWith("Advanced")) throw new Error(`time panel: ${status}`);
  const after = await page.locator("#chain-time").textContent();
  if (after === before) throw new Error("chain time did not move");
}
