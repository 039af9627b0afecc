// @vitest-environment happy-dom
/**
 * `<kofi-stake>` with the real backend (`@kofi/core` over HTTP) against the localnet: the user's path through
 * the DOM, signed by a real key (a ts-sdk Account passed as `wallet`).
 */
import { fileURLToPath, URL as NodeURL } from "node:url";
import { Account } from "@aptos-labs/ts-sdk";
import { type Localnet, startLocalnet } from "@kofi/localnet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../src/define.ts";
import { createCoreBackend } from "../src/backend-core.ts";
import type { KofiTxDetail } from "../src/events.ts";
import type { KofiStakeElement } from "../src/kofi-stake.ts";

const APT = 100_000_000n;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(el: KofiStakeElement, check: () => boolean, what: string, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${el.shadowRoot?.textContent}`);
    await sleep(25);
    await el.updateComplete;
  }
}

describe("<kofi-stake> on the localnet", () => {
  let net: Localnet;
  let user: Account;
  let el: KofiStakeElement;
  const tx: KofiTxDetail[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    // happy-dom replaces the global URL; the ts-sdk's Node HTTP client (got) needs Node's own.
    globalThis.URL = NodeURL as unknown as typeof URL;
    // The Move package by path: under happy-dom, localnet's own `new URL(.., import.meta.url)` lookup does not
    // yield a file: URL ("The URL must be of scheme file").
    net = await startLocalnet({
      port: 0,
      quiet: true,
      moveDir: fileURLToPath(new NodeURL("../../../move", import.meta.url)),
    });
    user = Account.generate();
    await net.fund(user.accountAddress.toString(), 200n * APT);
  }, 60_000);
  afterAll(async () => {
    document.body.replaceChildren();
    await net?.stop();
  });

  it("stakes from the amount field to confirmation and shows the new balance", async () => {
    el = document.createElement("kofi-stake");
    el.backend = createCoreBackend({ network: "local", nodeUrl: net.nodeUrl, kofiAddress: net.kofiAddress });
    el.wallet = user;
    el.addEventListener("kofi-tx", (e) => tx.push(e.detail));
    el.addEventListener("kofi-error", (e) => errors.push(e.detail.code));
    document.body.append(el);
    const root = el.shadowRoot as ShadowRoot;
    const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel);
    await until(el, () => (root.textContent ?? "").includes("Balance: 200 APT"), "balance");

    const input = $<HTMLInputElement>("[part~=amount-input]");
    if (!input) throw new Error("no input");
    input.value = "25";
    input.dispatchEvent(new Event("input"));
    await until(
      el,
      () => !!$("[part~=quote]") && !$<HTMLButtonElement>("[part~=review-button]")?.disabled,
      "quote",
    );

    $("[part~=review-button]")?.click();
    await until(el, () => (root.textContent ?? "").includes("Simulation succeeded"), "simulation");
    expect($("[part~=entry-function]")?.textContent).toMatch(/::gateway::deposit_and_stake$/);

    $("[part~=confirm-button]")?.click();
    await until(el, () => tx.some((t) => t.stage === "confirmed"), "confirmation");
    expect(tx.map((t) => t.stage)).toEqual(["simulate", "sign", "submitted", "confirmed"]);
    expect(tx.at(-1)?.hash).toMatch(/^0x[0-9a-f]{64}$/);
    // A receipt, not just "Confirmed": amounts in and out (from the transaction's events) and the hash.
    const receipt = $("[part~=success]")?.textContent?.replace(/\s+/g, " ") ?? "";
    expect(receipt).toContain("Staked");
    expect(receipt).toContain("You paid 25 APT");
    expect(receipt).toMatch(/You received 24\.\d+ stkAPT/);
    expect(receipt).toContain(`${tx.at(-1)?.hash?.slice(0, 6)}…`);
    $("[part~=done-button]")?.click();
    await until(el, () => /Balance: 174\.9\d* APT/.test(root.textContent ?? ""), "new balance");
    expect(errors).toEqual([]);
  });

  it("unstakes the standard way, counts down, fires kofi-claimable after the lockup, and claims", async () => {
    const root = el.shadowRoot as ShadowRoot;
    const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel);
    const claimable: bigint[] = [];
    el.addEventListener("kofi-claimable", (e) => claimable.push(e.detail.totalApt));
    tx.length = 0;
    el.setTab("unstake");
    el.setAmount("5");
    await until(
      el,
      () =>
        /On \w{3} \d+, \d{4}/.test($("[part~=exit-option-standard]")?.textContent ?? "") &&
        !$<HTMLButtonElement>("[part~=review-button]")?.disabled,
      "standard quote",
    );
    $("[part~=review-button]")?.click();
    await until(el, () => (root.textContent ?? "").includes("Simulation succeeded"), "simulation");
    expect($("[part~=entry-function]")?.textContent).toMatch(/::gateway::unstake_and_request_withdrawal$/);
    $("[part~=confirm-button]")?.click();
    await until(el, () => tx.some((t) => t.stage === "confirmed"), "confirmation");
    expect(tx.at(-1)?.action).toBe("request_withdrawal");
    // The receipt names the ticket and its unlock date with the time zone.
    const receipt = $("[part~=success]")?.textContent?.replace(/\s+/g, " ") ?? "";
    expect(receipt).toMatch(/Withdrawal ticket 0x[0-9a-f]{4}…[0-9a-f]{4}/);
    expect(receipt).toMatch(/Unlocks \w{3} \d+, \d{4}, \d\d:\d\d (AM |PM )?[A-Z]{2,5}([+-]\d+)?/);
    $("[part~=done-button]")?.click();

    el.setTab("withdrawals");
    await el.refresh();
    await until(el, () => !!$("[part~=ticket]"), "ticket");
    expect($("[part~=ticket]")?.textContent).toMatch(/Unlocks in \d+d/);
    expect($<HTMLButtonElement>("[part~=claim-button]")?.disabled).toBe(true);
    expect(claimable).toEqual([]);

    await net.advance({ seconds: 15 * 86_400 });
    await el.refresh();
    await until(el, () => claimable.length === 1, "kofi-claimable");
    expect($("[part~=ticket]")?.textContent).toContain("Ready to claim");
    tx.length = 0;
    $("[part~=claim-button]")?.click();
    await until(el, () => (root.textContent ?? "").includes("Simulation succeeded"), "claim simulation");
    expect($("[part~=entry-function]")?.textContent).toMatch(/::gateway::claim$/);
    $("[part~=confirm-button]")?.click();
    await until(el, () => tx.some((t) => t.stage === "confirmed"), "claim confirmation");
    expect(tx.at(-1)).toMatchObject({ action: "claim", amounts: { amountOut: claimable[0] } });
    $("[part~=done-button]")?.click();
    await until(el, () => (root.textContent ?? "").includes("No withdrawal tickets."), "empty list");
    expect(errors).toEqual([]);
  });
});
