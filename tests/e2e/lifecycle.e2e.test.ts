/**
 * The demo site in Chromium through the whole lifecycle, with the DEV ONLY wallet approving each request:
 * deposit, convert to stkAPT, epochs pass and the rate rises, instant exit through Hyperion, standard
 * unstake, 14 days, claim. After every step the balances are read on chain through @kofi/core.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APT,
  advance,
  answerWallet,
  type Browser,
  clearEvents,
  connect,
  done,
  enterAmount,
  errorEvents,
  feeOf,
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

describe("demo lifecycle in Chromium", () => {
  let s: Stack;
  let b: Browser;

  beforeAll(async () => {
    s = await startStack();
    b = await openDemo(s.site.url);
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await s?.stop();
  });

  it("connects the DEV ONLY wallet registered on the page", async () => {
    const { page } = b;
    expect(await page.locator("#dev-wallet").textContent()).toContain("DEV ONLY");
    // AIP-62 discovery: a wallet-standard app on the page sees the registered wallet and its features.
    // The wallet-standard handshake itself: an app announces itself and registered wallets answer.
    const seen = await page.evaluate(() => {
      const wallets: { name: string; chains: readonly string[]; features: Record<string, unknown> }[] = [];
      window.dispatchEvent(
        new CustomEvent("wallet-standard:app-ready", {
          detail: {
            register: (...ws: typeof wallets) => {
              wallets.push(...ws);
              return () => {};
            },
          },
        }),
      );
      return wallets.map((w) => ({ name: w.name, chains: [...w.chains], features: Object.keys(w.features) }));
    });
    expect(seen).toEqual([
      expect.objectContaining({
        name: "Kofi Dev Wallet (DEV ONLY)",
        chains: ["aptos:localnet"],
        features: expect.arrayContaining([
          "aptos:account",
          "aptos:connect",
          "aptos:disconnect",
          "aptos:network",
          "aptos:onAccountChange",
          "aptos:onNetworkChange",
          "aptos:signMessage",
          "aptos:signTransaction",
          "aptos:signAndSubmitTransaction",
        ]),
      }),
    ]);
    await connect(page);
    await expect(part(page, "account").textContent()).resolves.toContain(s.dev.slice(0, 6));
    await screenshot(page, "lifecycle-01-connected");
  });

  it("deposits 100 APT for kAPT", async () => {
    const { page } = b;
    const before = await position(s);
    await page.getByRole("radio", { name: /^kAPT/ }).check();
    await enterAmount(page, "100");
    await reviewAndConfirm(page, /::gateway::deposit$/);
    await answerWallet(page, "signAndSubmit", true);
    const tx = await waitConfirmed(page, "deposit");
    await screenshot(page, "lifecycle-02-deposited");
    await done(page);
    const after = await position(s);
    expect(after.kaptBalance - before.kaptBalance).toBe(BigInt(tx.amounts.amountOut));
    expect(BigInt(tx.amounts.amountOut)).toBeGreaterThan(99n * APT);
    expect(after.aptBalance).toBe(before.aptBalance - 100n * APT - (await feeOf(s, tx.hash as string)));
  });

  it("converts 50 kAPT to stkAPT", async () => {
    const { page } = b;
    await clearEvents(page);
    const before = await position(s);
    await page.getByRole("tab", { name: "Convert", exact: true }).click();
    await enterAmount(page, "50");
    await reviewAndConfirm(page, /::gateway::stake$/);
    await answerWallet(page, "signAndSubmit", true);
    const tx = await waitConfirmed(page, "stake");
    await screenshot(page, "lifecycle-03-converted");
    await done(page);
    const after = await position(s);
    expect(before.kaptBalance - after.kaptBalance).toBe(50n * APT);
    expect(after.stkaptBalance - before.stkaptBalance).toBe(BigInt(tx.amounts.amountOut));
    expect(after.stkaptBalance).toBeGreaterThan(0n);
  });

  it("lets epochs pass from the time panel and the stkAPT rate rises", async () => {
    const { page } = b;
    const r0 = await rate(s);
    const before = await position(s);
    let r1 = r0;
    // Stake becomes active at the next epoch, earns at the one after, and streams in over the next.
    for (let i = 0; i < 6 && r1.numerator * r0.denominator <= r0.numerator * r1.denominator; i++) {
      await advance(page, "#advance-epoch");
      r1 = await rate(s);
    }
    expect(r1.numerator * r0.denominator).toBeGreaterThan(r0.numerator * r1.denominator);
    const after = await position(s);
    expect(after.stkaptBalance).toBe(before.stkaptBalance);
    expect(after.stkaptValueKapt).toBeGreaterThan(before.stkaptValueKapt);
    await page.getByRole("tab", { name: "Position", exact: true }).click();
    await screenshot(page, "lifecycle-04-rate-rose");
  });

  it("exits 10 stkAPT instantly through the Hyperion pool", async () => {
    const { page } = b;
    await clearEvents(page);
    const before = await position(s);
    await page.getByRole("tab", { name: "Unstake", exact: true }).click();
    await enterAmount(page, "10");
    const instant = page.locator('kofi-stake [part~="exit-option-instant"] input[type=radio]');
    await expect.poll(() => instant.isEnabled(), { timeout: 30_000 }).toBe(true);
    await instant.check();
    expect(await part(page, "exit-option-instant").textContent()).toContain("Hyperion");
    await reviewAndConfirm(page, /::router_v3::swap_batch$/);
    await answerWallet(page, "signAndSubmit", true);
    const tx = await waitConfirmed(page, "instant_exit");
    await screenshot(page, "lifecycle-05-instant-exit");
    await done(page);
    const after = await position(s);
    expect(before.stkaptBalance - after.stkaptBalance).toBe(10n * APT);
    const received = after.aptBalance - before.aptBalance + (await feeOf(s, tx.hash as string));
    expect(received).toBeGreaterThanOrEqual(BigInt(tx.amounts.minOut));
    expect(received).toBe(BigInt(tx.amounts.amountOut));
  });

  it("unstakes 10 stkAPT the standard way: a withdrawal ticket on chain", async () => {
    const { page } = b;
    await clearEvents(page);
    const before = await position(s);
    await page.getByRole("tab", { name: "Unstake", exact: true }).click();
    await enterAmount(page, "10");
    await page.locator('kofi-stake [part~="exit-option-standard"] input[type=radio]').check();
    await reviewAndConfirm(page, /::gateway::unstake_and_request_withdrawal$/);
    await answerWallet(page, "signAndSubmit", true);
    const tx = await waitConfirmed(page, "request_withdrawal");
    await done(page);
    const after = await position(s);
    expect(before.stkaptBalance - after.stkaptBalance).toBe(10n * APT);
    expect(after.tickets).toHaveLength(before.tickets.length + 1);
    const ticket = after.tickets.at(-1);
    expect(ticket?.ready).toBe(false);
    // The quote is the planned amount; the framework's unlock rounding (at most 1 octa per pool part, three
    // pools here) is borne by the requester (packages/core README, request_withdrawal).
    const quoted = BigInt(tx.amounts.amountOut);
    expect(ticket?.aptAmount).toBeLessThanOrEqual(quoted);
    expect(ticket?.aptAmount).toBeGreaterThanOrEqual(quoted - 3n);
    await page.getByRole("tab", { name: "Withdrawals", exact: true }).click();
    await part(page, "ticket").first().waitFor();
    await screenshot(page, "lifecycle-06-ticket");
  });

  it("advances 14 days and claims the ticket", async () => {
    const { page } = b;
    await clearEvents(page);
    await advance(page, "#advance-14d");
    const before = await position(s);
    expect(before.tickets.map((t) => t.ready)).toEqual([true]);
    const ticketApt = before.tickets[0]?.aptAmount ?? 0n;
    await page.getByRole("tab", { name: "Withdrawals", exact: true }).click();
    await part(page, "ticket-ready").first().waitFor({ timeout: 30_000 });
    await screenshot(page, "lifecycle-07-claimable");
    await part(page, "claim-button").click();
    await page
      .locator('kofi-stake [part~="simulation"]', { hasText: /succeeded/i })
      .waitFor({ timeout: 30_000 });
    await expect(part(page, "entry-function").textContent()).resolves.toMatch(/::gateway::claim$/);
    await part(page, "confirm-button").click();
    await answerWallet(page, "signAndSubmit", true);
    const tx = await waitConfirmed(page, "claim");
    await screenshot(page, "lifecycle-08-claimed");
    await done(page);
    const after = await position(s);
    expect(after.tickets).toEqual([]);
    expect(after.aptBalance).toBe(before.aptBalance + ticketApt - (await feeOf(s, tx.hash as string)));
    expect(await errorEvents(page)).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });
});
