/**
 * Failure paths in Chromium, each checked on chain through @kofi/core: the wallet rejects, a DEX venue is
 * down (its node requests fail), and the node stops in the middle of a flow and comes back.
 */
import { HYPERION } from "@kofi/localnet";
import type { Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APT,
  answerWallet,
  type Browser,
  clearEvents,
  connect,
  done,
  enterAmount,
  errorEvents,
  openDemo,
  part,
  position,
  reviewAndConfirm,
  type Stack,
  screenshot,
  startStack,
  waitConfirmed,
  waitEnabled,
} from "./harness.ts";

describe("demo failure paths in Chromium", () => {
  let s: Stack;
  let b: Browser;
  const sequence = async () =>
    BigInt((await s.client.aptos.getAccountInfo({ accountAddress: s.dev })).sequence_number);

  beforeAll(async () => {
    s = await startStack();
    b = await openDemo(s.site.url);
    await connect(b.page);
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await s?.stop();
  });

  it("a rejection in the wallet shows user_rejected and changes nothing on chain", async () => {
    const { page } = b;
    const [seq0, pos0] = [await sequence(), await position(s)];
    await enterAmount(page, "20");
    await reviewAndConfirm(page, /::gateway::deposit_and_stake$/);
    await answerWallet(page, "signAndSubmit", false);
    await part(page, "error").first().waitFor({ timeout: 30_000 });
    expect((await errorEvents(page)).map((e) => e.code)).toContain("user_rejected");
    await screenshot(page, "failure-01-wallet-rejected");
    expect(await sequence()).toBe(seq0);
    const pos1 = await position(s);
    expect([pos1.aptBalance, pos1.kaptBalance, pos1.stkaptBalance]).toEqual([
      pos0.aptBalance,
      pos0.kaptBalance,
      pos0.stkaptBalance,
    ]);
    await part(page, "back-button").click();
  });

  it("with the DEX venue down, instant exit says so and the standard unstake still works", async () => {
    const { page } = b;
    // Some stkAPT to unstake, staked through the page.
    await clearEvents(page);
    await enterAmount(page, "30");
    await reviewAndConfirm(page, /::gateway::deposit_and_stake$/);
    await answerWallet(page, "signAndSubmit", true);
    await waitConfirmed(page, "deposit");
    await done(page);

    // The venue is unreachable: every view call into the Hyperion package fails at the network level.
    const venue = Buffer.from(HYPERION.slice(2), "hex");
    let blocked = 0;
    const handler = async (route: Route) => {
      const body = route.request().postDataBuffer();
      const isVenue =
        body !== null &&
        (body.subarray(0, 32).equals(venue) || body.toString("utf8").includes(HYPERION.slice(2)));
      if (!isVenue) return route.continue();
      blocked += 1;
      return route.abort("connectionrefused");
    };
    await page.route("**/v1/view**", handler);
    const before = await position(s);
    await page.getByRole("tab", { name: "Unstake", exact: true }).click();
    await enterAmount(page, "5");
    const instant = part(page, "exit-option-instant");
    await page
      .locator('kofi-stake [part~="exit-option-instant"]', { hasText: /No instant route/ })
      .waitFor({ timeout: 30_000 });
    expect(await instant.locator("input[type=radio]").isDisabled()).toBe(true);
    expect(blocked).toBeGreaterThan(0);
    await screenshot(page, "failure-02-venue-down");

    await clearEvents(page);
    await reviewAndConfirm(page, /::gateway::unstake_and_request_withdrawal$/);
    await answerWallet(page, "signAndSubmit", true);
    await waitConfirmed(page, "request_withdrawal");
    await done(page);
    const after = await position(s);
    expect(before.stkaptBalance - after.stkaptBalance).toBe(5n * APT);
    expect(after.tickets).toHaveLength(before.tickets.length + 1);

    // The venue comes back: the instant route is offered again.
    await page.unroute("**/v1/view**", handler);
    await enterAmount(page, "4");
    await expect.poll(() => instant.locator("input[type=radio]").isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await instant.textContent()).toContain("Hyperion");
  });

  it("the node stopping mid-flow is reported, nothing is lost, and the flow completes once it is back", async () => {
    const { page } = b;
    await page.getByRole("tab", { name: "Stake", exact: true }).click();
    await clearEvents(page);
    const [seq0, pos0] = [await sequence(), await position(s)];
    await enterAmount(page, "12");
    await part(page, "review-button").click();
    await page
      .locator('kofi-stake [part~="simulation"]', { hasText: /succeeded/i })
      .waitFor({ timeout: 30_000 });
    await waitEnabled(part(page, "confirm-button"));

    await s.stopNode();
    await part(page, "confirm-button").click();
    // Depending on where the node is first needed, the wallet may or may not be asked before it fails.
    const walletAsked = page.locator('#dev-wallet-requests li[data-kind="signAndSubmit"]');
    const error = part(page, "error").first();
    await Promise.race([walletAsked.waitFor({ timeout: 30_000 }), error.waitFor({ timeout: 30_000 })]);
    if (await walletAsked.count()) await walletAsked.locator('button[data-action="approve"]').click();
    await error.waitFor({ timeout: 30_000 });
    const codes = (await errorEvents(page)).map((e) => e.code);
    expect(codes.some((c) => c === "network" || c === "timeout")).toBe(true);
    await screenshot(page, "failure-03-node-down");

    await s.restartNode();
    expect(await sequence()).toBe(seq0);
    await part(page, "back-button").click();
    await page
      .locator("kofi-stake")
      .evaluate((el) => (el as HTMLElement & { refresh(): Promise<void> }).refresh());
    await clearEvents(page);
    await enterAmount(page, "12");
    await reviewAndConfirm(page, /::gateway::deposit_and_stake$/);
    await answerWallet(page, "signAndSubmit", true);
    await waitConfirmed(page, "deposit");
    await screenshot(page, "failure-04-node-back");
    await done(page);
    expect(await sequence()).toBe(seq0 + 1n);
    const pos1 = await position(s);
    expect(pos1.stkaptBalance).toBeGreaterThan(pos0.stkaptBalance);
    expect(pos0.aptBalance - pos1.aptBalance).toBeGreaterThan(12n * APT);
    expect(pos0.aptBalance - pos1.aptBalance).toBeLessThan(12n * APT + APT / 100n);
  });
});
