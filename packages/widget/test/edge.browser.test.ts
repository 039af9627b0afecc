/**
 * The harder failures in Chromium against the localnet: an exit venue that never answers, a quote that expired
 * (re-quoted before signing), a quote that got worse while the user was reviewing (confirm again), and a page
 * reload while a transaction was pending (the outcome is recovered from chain).
 */
import { Aptos, AptosConfig, Network } from "@aptos-labs/ts-sdk";
import { hyperionAdapter } from "@kofi/adapters";
import {
  adminPayloads,
  createKofiClient,
  prepareDeposit,
  prepareDepositAndStake,
  type SwapAdapter,
} from "@kofi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { createCoreBackend } from "../src/backend-core.ts";
import { savePending } from "../src/pending-store.ts";
import { click, enabled, mount, typeAmount, until } from "./browser/harness.ts";
import { APT, adminAccount, advance, fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet, type TestWallet } from "./browser/test-wallet.ts";

const backendWith = (options: Partial<Parameters<typeof createCoreBackend>[0]>) =>
  createCoreBackend({
    network: "local",
    nodeUrl: localnet().nodeUrl,
    kofiAddress: localnet().kofiAddress,
    ...options,
  });

function aptosClient() {
  return new Aptos(
    new AptosConfig({
      network: Network.CUSTOM,
      fullnode: localnet().nodeUrl,
      clientConfig: { WITH_CREDENTIALS: false },
    }),
  );
}

describe("<kofi-stake> edge cases on the localnet (Chromium)", () => {
  let wallet: TestWallet;
  beforeAll(async () => {
    const account = await fundedAccount(500n * APT);
    // Some stkAPT to unstake: the field refuses (and never quotes) an amount over the balance.
    const client = createKofiClient({
      network: "local",
      nodeUrl: localnet().nodeUrl,
      addresses: { kofi: localnet().kofiAddress },
    });
    const prepared = await prepareDepositAndStake(client, { amount: 10n * APT, slippageBps: 50 });
    const aptos = aptosClient();
    const sender = account.accountAddress.toStringLong();
    const transaction = await aptos.transaction.build.simple({ sender, data: prepared.payload });
    const { hash } = await aptos.signAndSubmitTransaction({ signer: account, transaction });
    await aptos.waitForTransaction({ transactionHash: hash });
    wallet = createTestWallet({ account, nodeUrl: localnet().nodeUrl });
  });

  it("an exit venue that never answers: the standard path still works, the instant card says no route", async () => {
    const m = mount({
      wallet,
      defaultTab: "unstake",
      backend: backendWith({
        exitTimeoutMs: 400,
        exits: ({ reader, tokens }) => {
          const inner = hyperionAdapter({ reader, tokens });
          const hanging: SwapAdapter = {
            meta: { ...inner.meta, id: "hanging", name: "Hanging venue" },
            supports: (a, b) => inner.supports(a, b),
            quote: () => new Promise(() => {}),
            buildPayload: (q, o) => inner.buildPayload(q, o),
          };
          return [hanging];
        },
      }),
    });
    await until(m, () => /Balance: [1-9][\d.]* stkAPT/.test(m.text()), "stkAPT balance");
    await typeAmount(m, "1");
    await until(
      m,
      () =>
        /APT\s+On /.test(m.$("[part~=exit-option-standard]")?.textContent ?? "") &&
        !!m.$("[part~=exit-option-instant]")?.textContent?.includes("No instant route"),
      "standard quoted, instant without route",
      10_000,
    );
    expect(m.errors).toEqual([]);
  });

  it("a quote that expired is re-quoted before signing (kofi-tx quote stage), then signed", async () => {
    const m = mount({ wallet, backend: backendWith({ quoteTtlMs: 0 }) });
    await until(m, () => m.text().includes("Balance:"), "balance");
    await typeAmount(m, "2");
    await until(m, () => enabled(m, "review-button"), "quote");
    await click(m, "review-button");
    await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
    m.tx.length = 0;
    await click(m, "confirm-button");
    await until(m, () => m.tx.some((t) => t.stage === "confirmed" || t.stage === "failed"), "outcome");
    expect(m.tx.map((t) => t.stage)).toEqual(["quote", "sign", "submitted", "confirmed"]);
  });

  it("a quote that got worse while reviewing: both shown, the user confirms again", async () => {
    const m = mount({ wallet, backend: backendWith({ quoteTtlMs: 0 }) });
    await until(m, () => m.text().includes("Balance:"), "balance");
    await typeAmount(m, "50");
    await until(m, () => enabled(m, "review-button"), "quote");
    await click(m, "review-button");
    await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
    // Rewards accrue and are booked, then streamed: stkAPT is worth more, so 50 APT buys less of it than quoted.
    await advance(30 * 86_400);
    const client = createKofiClient({
      network: "local",
      nodeUrl: localnet().nodeUrl,
      addresses: { kofi: localnet().kofiAddress },
    });
    const aptos = aptosClient();
    const admin = adminAccount();
    const sync = await aptos.transaction.build.simple({
      sender: admin.accountAddress,
      data: adminPayloads.syncRewards(client),
    });
    await aptos.waitForTransaction({
      transactionHash: (await aptos.signAndSubmitTransaction({ signer: admin, transaction: sync })).hash,
    });
    await advance(30 * 86_400); // the booked rewards stream into the vault over time
    const submittedBefore = wallet.submitted.length;
    await click(m, "confirm-button");
    await until(m, () => !!m.root.querySelector("[data-code=quote_worsened]"), "re-confirm");
    expect(wallet.submitted.length).toBe(submittedBefore); // nothing signed at the worse price
    await until(m, () => enabled(m, "confirm-button"), "confirm again");
    m.tx.length = 0;
    await click(m, "confirm-button");
    await until(m, () => m.tx.some((t) => t.stage === "confirmed"), "confirmed at the new price");
  });

  it("a reload while a transaction was pending: the widget finds the hash and reports the outcome", async () => {
    const account = await fundedAccount();
    const address = account.accountAddress.toStringLong();
    const client = createKofiClient({
      network: "local",
      nodeUrl: localnet().nodeUrl,
      addresses: { kofi: localnet().kofiAddress },
    });
    const prepared = await prepareDeposit(client, { amount: 3n * APT, slippageBps: 50 });
    const aptos = aptosClient();
    const transaction = await aptos.transaction.build.simple({ sender: address, data: prepared.payload });
    const { hash } = await aptos.signAndSubmitTransaction({ signer: account, transaction });
    // What the previous page left behind when it went away mid-flight
    savePending(address, {
      hash,
      action: "deposit",
      amounts: { tokenIn: "APT", amountIn: 3n * APT, tokenOut: "kAPT", amountOut: 3n * APT, minOut: 0n },
    });
    const m = mount({ wallet: createTestWallet({ account, nodeUrl: localnet().nodeUrl }) });
    await until(m, () => m.tx.some((t) => t.hash === hash), "recovered outcome");
    expect(m.tx.find((t) => t.hash === hash)).toMatchObject({
      stage: "confirmed",
      action: "deposit",
      legacyAction: "stake",
    });
    expect(sessionStorage.length).toBe(0);
  });
});
