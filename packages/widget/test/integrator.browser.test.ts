/**
 * What a new integrator found (issue 14), each row on the localnet in Chromium with the AIP-62 test wallet and
 * real signed transactions: the signing lock, the receipt, the honest APR, the rate before connecting,
 * over-balance amounts that are never quoted, and the amount that does not carry across units.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { KofiBackend } from "../src/backend.ts";
import { click, enabled, mount, realBackend, typeAmount, until } from "./browser/harness.ts";
import { APT, advance, fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet, type TestWallet } from "./browser/test-wallet.ts";

/** The real backend, counting quote calls (an over-balance amount must not ask for one). */
function countingBackend(): KofiBackend & { quotes: number } {
  const inner = realBackend();
  const counted = Object.create(inner) as KofiBackend & { quotes: number };
  counted.quotes = 0;
  counted.quote = (request, options) => {
    counted.quotes++;
    return inner.quote(request, options);
  };
  return counted;
}

describe("<kofi-stake> issue 14 rows on the localnet (Chromium, AIP-62 test wallet)", () => {
  let wallet: TestWallet;

  beforeAll(async () => {
    wallet = createTestWallet({ account: await fundedAccount(300n * APT), nodeUrl: localnet().nodeUrl });
  });

  it("signing lock: while the wallet prompt is open nothing can change the amount; the receipt shows what was signed", async () => {
    const m = mount({ wallet });
    await until(m, () => m.text().includes("Balance: 300 APT"), "balance");
    await typeAmount(m, "10");
    await until(m, () => enabled(m, "review-button"), "quote");
    await click(m, "review-button");
    await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
    let release = () => {};
    wallet.gate = new Promise<void>((r) => {
      release = r;
    });
    try {
      await click(m, "confirm-button");
      await until(m, () => wallet.signing !== null, "wallet prompt open");
      await m.el.updateComplete;
      // The prompt is open: no amount field, no Review, and neither setAmount nor a tab click changes anything.
      expect(m.$("[part~=pending]")?.textContent).toContain("Confirm in your wallet");
      expect(m.$("[part~=amount-input]")).toBeNull();
      expect(m.$("[part~=review-button]")).toBeNull();
      m.el.setAmount("85");
      (m.$("#kofi-tab-stake") as HTMLButtonElement).click();
      await m.el.updateComplete;
      expect(m.$("[part~=tab-selected]")?.textContent?.trim()).toBe("Stake");
      expect(m.$("[part~=pending]")?.textContent?.replace(/\s+/g, " ")).toContain("You pay 10 APT");
      expect(wallet.signing?.functionArguments?.[0]?.toString()).toBe((10n * APT).toString());
    } finally {
      release();
      wallet.gate = null;
    }
    await until(m, () => !!m.$("[part~=success]"), "receipt");
    const receipt = m.$("[part~=success]")?.textContent?.replace(/\s+/g, " ") ?? "";
    expect(receipt).toContain("Staked");
    expect(receipt).toContain("You paid 10 APT");
    expect(receipt).toMatch(/You received 9\.\d+ stkAPT/);
    // A local chain has no public explorer: the short hash with the full one in its title, no dead link.
    expect(m.$("[part~=explorer-link]")).toBeNull();
    const hash = m.tx.find((t) => t.stage === "confirmed")?.hash ?? "";
    expect(receipt).toContain(`${hash.slice(0, 6)}…${hash.slice(-4)}`);
    // With an explorer template the hash is a link to it.
    m.el.explorerUrl = "https://explorer.example/txn/{hash}?network=local";
    await m.el.updateComplete;
    expect(m.$<HTMLAnchorElement>("[part~=explorer-link]")?.href).toBe(
      `https://explorer.example/txn/${hash}?network=local`,
    );
    await click(m, "done-button");
    // After the receipt the field is empty again, ready for the next amount.
    expect(m.$<HTMLInputElement>("[part~=amount-input]")?.value).toBe("");
  });

  it("rate, APR and TVL on the Stake tab before any wallet is connected, rate with 8 digits everywhere", async () => {
    const m = mount({});
    await until(m, () => !!m.$("[part~=facts] [part~=rate]"), "facts");
    const rate = m.$("[part~=facts] [part~=rate]")?.textContent ?? "";
    expect(rate).toMatch(/^1 stkAPT = \d\.\d{8} kAPT$/);
    expect(m.$("[part~=facts]")?.textContent).toMatch(/Total staked[\s\d,]+APT/);
    m.el.setTab("position");
    await until(m, () => !!m.$("[part~=protocol]"), "protocol block");
    expect(m.$("[part~=protocol]")?.textContent).toContain(rate);
  });

  it("APR after 14 days without a sync: the chain's trailing-window figure, never a six-digit percentage", async () => {
    await advance(14 * 86_400);
    // A stake syncs the rewards of those 14 days into one epoch's stream.
    const m = mount({ wallet });
    await until(m, () => m.text().includes("Balance:"), "balance");
    await typeAmount(m, "1");
    await until(m, () => enabled(m, "review-button"), "quote");
    await click(m, "review-button");
    await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
    await click(m, "confirm-button");
    await until(m, () => !!m.$("[part~=success]"), "receipt");
    await click(m, "done-button");
    await m.el.refresh();
    await until(m, () => !!m.$("[part~=facts] [part~=apr]"), "APR");
    const apr = m.$("[part~=facts] [part~=apr]")?.textContent ?? "";
    // The on-chain APR (gateway::protocol_state.apr) spreads those 14 days' rewards over the 14 days they were
    // earned: a plausible yearly figure (the localnet's pools pay about 7 % less commission and fee).
    const pct = Number(/([\d.]+)\s?%/.exec(apr)?.[1] ?? Number.NaN);
    expect(pct, apr).toBeGreaterThan(1);
    expect(pct, apr).toBeLessThan(25);
    expect(m.text()).not.toMatch(/\d{1,3}(,\d{3})+(\.\d+)?\s?%/);
  });

  it("over the balance: one field error, no quote request, no kofi-error", async () => {
    const backend = countingBackend();
    const m = mount({ wallet, backend });
    await until(m, () => m.text().includes("Balance:"), "balance");
    await new Promise((r) => setTimeout(r, 400));
    const before = backend.quotes;
    await typeAmount(m, "5000");
    await until(m, () => !!m.$("[part~=field-error]"), "field error");
    await new Promise((r) => setTimeout(r, 600)); // past the quote debounce
    expect(backend.quotes).toBe(before);
    expect(m.$$("[part~=error]")).toHaveLength(0);
    expect(m.errors).toEqual([]);
    expect(enabled(m, "review-button")).toBe(false);
  });

  it("unstake: no 'no instant route' before an amount; the amount does not carry across units", async () => {
    const m = mount({ wallet, defaultTab: "unstake" });
    await until(m, () => !!m.$("[part~=exit-option-instant]"), "exit options");
    expect(m.$("[part~=exit-option-instant]")?.textContent).toContain("Enter an amount to compare.");
    expect(m.text()).not.toContain("No instant route");
    await typeAmount(m, "85");
    m.el.setTab("deposit");
    await m.el.updateComplete;
    expect(m.$<HTMLInputElement>("[part~=amount-input]")?.value).toBe("");
  });

  it("'-5' says the amount must be positive, not that it is not a number", async () => {
    const m = mount({ wallet });
    await typeAmount(m, "-5");
    await until(m, () => !!m.$("[part~=field-error]"), "field error");
    expect(m.$("[part~=field-error]")?.textContent).toContain("Enter a positive amount.");
  });

  it("the built-in picker says when no wallet extension is installed (this file registers none)", async () => {
    const m = mount({});
    await click(m, "connect-button");
    await until(m, () => !!m.$("[part~=no-wallet]"), "no-wallet state");
    expect(m.$("[part~=no-wallet]")?.textContent).toMatch(
      /No wallet extension was found|No Aptos wallet was found/,
    );
    await click(m, "picker-cancel");
  });

  it("the status bar takes no space while silent", async () => {
    const m = mount({ wallet });
    await until(m, () => m.text().includes("Balance:"), "balance");
    const status = m.$("[part~=status]");
    expect(status?.hasAttribute("data-empty")).toBe(true);
    expect(status?.getBoundingClientRect().height).toBeLessThanOrEqual(1);
  });
});
