/**
 * Issue 15, the Stake tab's entry comparison when a venue fails, in Chromium against the localnet: a venue whose
 * node is unreachable (the Hyperion adapter reading through a node URL the browser cannot connect to) gives no
 * quote; the widget leaves it out, keeps the mint selected and selectable next to the venue that did quote, the
 * radio group moves with the arrow keys, and the mint still signs `deposit_and_stake` on chain.
 */
import { Aptos, AptosConfig, Network } from "@aptos-labs/ts-sdk";
import { chainReader, hyperionAdapter } from "@kofi/adapters";
import { createKofiClient, getPosition, type SwapAdapter } from "@kofi/core";
import { describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { createCoreBackend } from "../src/backend-core.ts";
import { mount, reviewAndConfirm, typeAmount, until } from "./browser/harness.ts";
import { APT, fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet } from "./browser/test-wallet.ts";

/** Port 1 on loopback: the browser never reaches it (refused before any byte is sent), every read fails. */
const UNREACHABLE_NODE = "http://127.0.0.1:1/v1";

const aptosAt = (fullnode: string) =>
  new Aptos(
    new AptosConfig({ network: Network.CUSTOM, fullnode, clientConfig: { WITH_CREDENTIALS: false } }),
  );

/** The localnet's Hyperion, plus a second venue whose reads go to a node that cannot be reached. */
function backendWithUnreachableVenue(options: { withHyperion: boolean }) {
  return createCoreBackend({
    network: "local",
    nodeUrl: localnet().nodeUrl,
    kofiAddress: localnet().kofiAddress,
    exits: ({ reader, tokens }) => {
      const down = hyperionAdapter({ reader: chainReader(aptosAt(UNREACHABLE_NODE)), tokens });
      const unreachable: SwapAdapter = {
        ...down,
        meta: { ...down.meta, id: "unreachable", name: "Unreachable venue" },
      };
      return options.withHyperion ? [hyperionAdapter({ reader, tokens }), unreachable] : [unreachable];
    },
  });
}

describe("<kofi-stake> entry comparison with a venue that fails (Chromium, localnet)", () => {
  it("the failing venue is left out, mint stays selectable, arrow keys move the choice, mint signs deposit_and_stake", async () => {
    const account = await fundedAccount(100n * APT);
    const address = account.accountAddress.toStringLong();
    const backend = backendWithUnreachableVenue({ withHyperion: true });
    // The backend did quote the venue, and reports it failed (not merely unsupported): the widget has that to hide.
    const routes = await backend.quoteEntry(
      { action: "deposit", amount: 5n * APT, to: "stkAPT" },
      { slippageBps: 50, account: address },
    );
    expect(routes.find((r) => r.id === "unreachable")).toMatchObject({ unavailable: "error", amountOut: 0n });
    expect(routes.find((r) => r.id === "hyperion")?.quote).toBeDefined();

    const wallet = createTestWallet({ account, nodeUrl: localnet().nodeUrl });
    const m = mount({ wallet, backend });
    await until(m, () => m.text().includes("Balance: 100 APT"), "balance");
    await typeAmount(m, "5");
    await until(m, () => !!m.$("[part~=entry-option-buy] input:not([disabled])"), "Hyperion signable");

    // Left out: no radio, no line, no name for the venue without a quote.
    expect(m.$('[data-venue="unreachable"]')).toBeNull();
    expect(m.$("[part~=entry-options]")?.textContent).not.toContain("Unreachable venue");
    expect(m.$$("[part~=entry-option-buy]").map((e) => e.dataset.venue)).toEqual(["hyperion"]);
    const mint = m.$<HTMLInputElement>("[part~=entry-option-mint] input");
    expect(mint?.checked).toBe(true);
    expect(mint?.disabled).toBe(false);
    expect(m.text()).toMatch(/You receive [\d.]+ stkAPT/);

    // Keyboard: the entry routes are one radio group; the arrow keys move focus and the choice.
    mint?.focus();
    await userEvent.keyboard("{ArrowDown}");
    await until(
      m,
      () =>
        m.$<HTMLInputElement>('[part~=entry-option-buy][data-venue="hyperion"] input')?.checked === true &&
        m.root.activeElement === m.$('[part~=entry-option-buy][data-venue="hyperion"] input'),
      "ArrowDown: Hyperion focused and selected",
    );
    expect(m.$<HTMLInputElement>("[part~=entry-option-mint] input")?.checked).toBe(false);
    await userEvent.keyboard("{ArrowUp}");
    await until(
      m,
      () =>
        m.$<HTMLInputElement>("[part~=entry-option-mint] input")?.checked === true &&
        m.root.activeElement === m.$("[part~=entry-option-mint] input"),
      "ArrowUp: mint focused and selected",
    );

    // The mint, reviewed and signed: deposit_and_stake, on chain.
    const client = createKofiClient({
      network: "local",
      nodeUrl: localnet().nodeUrl,
      addresses: { kofi: localnet().kofiAddress },
    });
    const before = await getPosition(client, address);
    const hash = await reviewAndConfirm(m, /::gateway::deposit_and_stake$/);
    expect(m.tx.find((t) => t.stage === "confirmed")?.action).toBe("deposit");
    expect(wallet.submitted).toHaveLength(1);
    const tx = await aptosAt(localnet().nodeUrl).getTransactionByHash({ transactionHash: hash });
    expect(tx.type).toBe("user_transaction");
    if (tx.type !== "user_transaction") return;
    expect(tx.success).toBe(true);
    expect(tx.payload).toMatchObject({ function: expect.stringMatching(/::gateway::deposit_and_stake$/) });
    const after = await getPosition(client, address);
    expect(after.stkaptBalance).toBeGreaterThan(before.stkaptBalance);
    expect(m.errors).toEqual([]);
  });

  it("the only venue fails: no comparison at all, the mint quote is what Review signs", async () => {
    const account = await fundedAccount(100n * APT);
    const m = mount({
      wallet: createTestWallet({ account, nodeUrl: localnet().nodeUrl }),
      backend: backendWithUnreachableVenue({ withHyperion: false }),
    });
    await until(m, () => m.text().includes("Balance: 100 APT"), "balance");
    await typeAmount(m, "2");
    await until(m, () => /You receive [\d.]+ stkAPT/.test(m.text()), "mint quote");
    // The venues are quoted with the mint and land with it (the quote controller awaits both): they have answered.
    expect(m.$("[part~=entry-options]")).toBeNull();
    expect(m.text()).not.toContain("Unreachable venue");
    await reviewAndConfirm(m, /::gateway::deposit_and_stake$/);
    expect(m.errors).toEqual([]);
  });
});
