/**
 * Wallets in Chromium against the localnet. Passthrough first: a host `wallet` is used as given (connected only
 * when the user asks, no adapter loaded, the adapter's localStorage key untouched). Fallback: without one,
 * Connect loads `@aptos-labs/wallet-adapter-core` on that click (telemetry off, AptosConnect on the configured
 * node), lists the registered AIP-62 wallets, and the picked one signs a real stake.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { click, mount, realBackend, reviewAndConfirm, typeAmount, until } from "./browser/harness.ts";
import { fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet, registerTestWallet, type TestWallet } from "./browser/test-wallet.ts";

const ADAPTER_KEY = "AptosWalletName";
const adapterLoaded = () =>
  performance.getEntriesByType("resource").some((e) => e.name.includes("wallet-adapter-core"));
const telemetryInjected = () => !!document.querySelector('script[src*="googletagmanager"]');

describe("wallets (Chromium, localnet)", () => {
  let registered: TestWallet;

  beforeAll(async () => {
    registered = createTestWallet({
      account: await fundedAccount(),
      nodeUrl: localnet().nodeUrl,
      connected: false,
    });
    registerTestWallet(registered);
  });

  it("passthrough: the host's wallet connects on Connect only; no adapter, localStorage untouched", async () => {
    localStorage.setItem(ADAPTER_KEY, "Host's own choice");
    const hostWallet = createTestWallet({
      account: await fundedAccount(),
      nodeUrl: localnet().nodeUrl,
      connected: false,
      name: "Host Wallet",
    });
    const m = mount({ wallet: hostWallet });
    const phases: string[] = [];
    m.el.addEventListener("kofi-connect", (e) => phases.push(e.detail.phase));
    await until(m, () => !!m.$("[part~=connect-button]"), "connect button");
    await new Promise((r) => setTimeout(r, 300));
    expect(hostWallet.connectCalls).toBe(0); // never auto-connects
    await click(m, "connect-button");
    await until(m, () => !!m.$("[part~=account]"), "connected");
    expect(hostWallet.connectCalls).toBe(1);
    expect(phases).toEqual(["connected"]);
    expect(m.$("[part~=wallet-picker]")).toBeNull();
    expect(m.$("[part~=disconnect-button]")).toBeNull(); // the host owns its wallet
    expect(adapterLoaded()).toBe(false);
    expect(localStorage.getItem(ADAPTER_KEY)).toBe("Host's own choice");
    localStorage.removeItem(ADAPTER_KEY);
  });

  it("wallet-picker=none, or a kofi-connect request listener calling preventDefault: no picker", async () => {
    const m = mount({});
    m.el.walletPicker = "none";
    let requests = 0;
    m.el.addEventListener("kofi-connect", (e) => {
      if (e.detail.phase === "request") requests++;
    });
    await click(m, "connect-button");
    m.el.walletPicker = "built-in";
    m.el.addEventListener("kofi-connect", (e) => e.preventDefault(), { once: true });
    await click(m, "connect-button");
    await m.el.updateComplete;
    expect(requests).toBe(2);
    expect(m.$("[part~=wallet-picker]")).toBeNull();
    expect(adapterLoaded()).toBe(false);
  });

  it("fallback: Connect loads the adapter, lists the AIP-62 wallet, and the picked wallet signs a stake", async () => {
    const m = mount({ backend: realBackend() });
    m.el.nodeUrl = localnet().nodeUrl;
    await until(m, () => !!m.$("[part~=connect-button]"), "connect button");
    expect(adapterLoaded()).toBe(false);
    await click(m, "connect-button");
    await until(m, () => !!m.$("[part~=wallet-option]"), "wallet list");
    expect(adapterLoaded()).toBe(true);
    expect(telemetryInjected()).toBe(false);
    expect(m.root.activeElement?.getAttribute("part")).toContain("wallet-option");
    const option = [...m.root.querySelectorAll<HTMLButtonElement>("[part~=wallet-option]")].find((b) =>
      b.textContent?.includes("Kofi Test Wallet"),
    );
    expect(option).toBeDefined();
    option?.click();
    await until(m, () => !!m.$("[part~=account]"), "connected through the picker");
    expect(registered.connectCalls).toBe(1);
    await until(m, () => m.text().includes("Balance: 200 APT"), "balance");
    await typeAmount(m, "3");
    await until(m, () => !!m.$("[part~=quote]"), "quote");
    await reviewAndConfirm(m, /::gateway::deposit_and_stake$/);
    expect(registered.submitted).toHaveLength(1);
    expect(telemetryInjected()).toBe(false);
    // Disconnect returns to the Connect button
    await click(m, "disconnect-button");
    await until(m, () => !!m.$("[part~=connect-button]") && !m.$("[part~=account]"), "disconnected");
  });
});
