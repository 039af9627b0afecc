/**
 * Failure handling of `<kofi-stake>` in Chromium against the localnet: each failure is a clear message with
 * its code in text, and nothing is lost (the amount stays, the user can go back and retry).
 */
import { Aptos, AptosConfig, Network } from "@aptos-labs/ts-sdk";
import { adminPayloads, createKofiClient } from "@kofi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { click, enabled, type Mounted, mount, realBackend, typeAmount, until } from "./browser/harness.ts";
import { adminAccount, fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet, type TestWallet } from "./browser/test-wallet.ts";

async function setPaused(action: "deposit" | "stake" | "unstake" | "withdraw", paused: boolean) {
  const { nodeUrl, kofiAddress } = localnet();
  const client = createKofiClient({ network: "local", nodeUrl, addresses: { kofi: kofiAddress } });
  const aptos = new Aptos(
    new AptosConfig({
      network: Network.CUSTOM,
      fullnode: nodeUrl,
      clientConfig: { WITH_CREDENTIALS: false },
    }),
  );
  const admin = adminAccount();
  const transaction = await aptos.transaction.build.simple({
    sender: admin.accountAddress,
    data: adminPayloads.setPaused(client, action, paused),
  });
  const pending = await aptos.signAndSubmitTransaction({ signer: admin, transaction });
  const done = await aptos.waitForTransaction({ transactionHash: pending.hash });
  expect(done.success).toBe(true);
}

/** Confirms a 1 APT stake and waits for the error panel. */
async function confirmAndFail(m: Mounted): Promise<void> {
  await until(m, () => m.text().includes("Balance:"), "balance");
  await typeAmount(m, "1");
  await until(m, () => enabled(m, "review-button"), "quote");
  await click(m, "review-button");
  await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
  await click(m, "confirm-button");
  await until(m, () => !!m.$("[part~=error]"), "error panel");
}

describe("<kofi-stake> failures on the localnet (Chromium)", () => {
  let wallet: TestWallet;

  beforeAll(async () => {
    wallet = createTestWallet({ account: await fundedAccount(), nodeUrl: localnet().nodeUrl });
  });

  it("amount over the balance: a field error, Review disabled", async () => {
    const m = mount({ wallet });
    await until(m, () => m.text().includes("Balance: 200 APT"), "balance");
    await typeAmount(m, "5000");
    await until(m, () => !!m.$("[part~=field-error]"), "field error");
    expect(m.$("[part~=field-error]")?.textContent).toContain("More than your balance of 200 APT");
    expect(m.$("[part~=amount-input]")?.getAttribute("aria-invalid")).toBe("true");
    expect(enabled(m, "review-button")).toBe(false);
    // Max leaves the gas reserve
    await click(m, "max-button");
    await until(m, () => enabled(m, "review-button"), "max amount quoted");
    expect(m.$<HTMLInputElement>("[part~=amount-input]")?.value).toMatch(/^199\.9/);
  });

  it("too many decimals: a field error, nothing rounded", async () => {
    const m = mount({ wallet });
    await until(m, () => m.text().includes("Balance: 200 APT"), "balance");
    await typeAmount(m, "1.123456789");
    await until(m, () => !!m.$("[part~=field-error]"), "field error");
    expect(m.$("[part~=field-error]")?.textContent).toContain("At most 8 decimals");
    expect(m.$<HTMLInputElement>("[part~=amount-input]")?.value).toBe("1.123456789");
    expect(enabled(m, "review-button")).toBe(false);
  });

  it("wallet rejection: user_rejected, nothing submitted, back to the form with the amount kept", async () => {
    wallet.behaviour = "reject";
    const m = mount({ wallet });
    try {
      await confirmAndFail(m);
      expect(m.$("[part~=error]")?.textContent).toContain("You rejected the request in your wallet.");
      // The user's own cancel: plain words, no code shown, and the status does not say "failed".
      expect(m.$("[part~=error]")?.textContent).not.toContain("user_rejected");
      expect(m.$("[part~=error]")?.getAttribute("data-code")).toBe("user_rejected");
      expect(m.$("[part~=status]")?.textContent).toContain("You cancelled in your wallet");
      expect(m.errors.map((e) => e.code)).toContain("user_rejected");
      expect(m.tx.at(-1)?.stage).toBe("failed");
      await click(m, "back-button");
      expect(m.$<HTMLInputElement>("[part~=amount-input]")?.value).toBe("1");
    } finally {
      wallet.behaviour = "approve";
    }
  });

  it("a wallet that throws a string: a clear error with a code, no crash", async () => {
    wallet.behaviour = "throw-string";
    const m = mount({ wallet });
    try {
      await confirmAndFail(m);
      const text = m.$("[part~=error]")?.textContent ?? "";
      expect(text).toMatch(/Error:/);
      expect(text).toMatch(/Code: \w+/);
      expect(m.errors).toHaveLength(1);
      expect(typeof m.errors[0]?.message).toBe("string");
    } finally {
      wallet.behaviour = "approve";
    }
  });

  it("paused protocol: a notice in words and Review disabled; resumes when unpaused", async () => {
    const m = mount({ wallet });
    await until(m, () => m.text().includes("Balance: 200 APT"), "balance");
    await setPaused("deposit", true);
    try {
      await m.el.refresh();
      await typeAmount(m, "1");
      await until(m, () => m.text().includes("Staking is paused by the protocol."), "paused notice");
      expect(m.$("[part~=notice]")?.getAttribute("data-code")).toBe("paused");
      expect(enabled(m, "review-button")).toBe(false);
    } finally {
      await setPaused("deposit", false);
    }
    await m.el.refresh();
    await until(m, () => enabled(m, "review-button"), "resumed");
  });

  it("wrong network: the wallet on mainnet shows wrong_network and cannot review", async () => {
    const onMainnet = createTestWallet({
      account: await fundedAccount(),
      nodeUrl: localnet().nodeUrl,
      network: { name: "mainnet", chainId: 1 },
    });
    const m = mount({ wallet: onMainnet });
    await until(m, () => !!m.$("[data-code=wrong_network]"), "wrong network");
    expect(m.$("[data-code=wrong_network]")?.textContent).toContain(
      "Your wallet is on mainnet; switch it to local.",
    );
    await typeAmount(m, "1");
    await new Promise((r) => setTimeout(r, 600));
    expect(enabled(m, "review-button")).toBe(false);
  });

  it("node unreachable: network error with Retry, then recovers when the node answers", async () => {
    const m = mount({ wallet, backend: realBackend("http://127.0.0.1:9/v1") });
    await until(m, () => !!m.$("[part~=error]"), "error", 30_000);
    expect(m.$("[part~=error]")?.textContent).toContain("Code: network");
    expect(m.$("[part~=retry-button]")).not.toBeNull();
    m.el.backend = realBackend();
    await until(m, () => !m.$("[part~=error]") && m.text().includes("Balance:"), "recovered");
  });
});
