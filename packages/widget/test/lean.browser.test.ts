/**
 * The lean transaction path (issue 14) in Chromium against the localnet: `<kofi-stake>` on `createLeanBackend`
 * (views, simulation and receipts over plain fetch, BCS with @mysten/bcs) signs real transactions with the test
 * AIP-62 wallet. The SDK backend is the lean backend's fallback; here the fallback counts its loads, and stays
 * at zero for a whole stake, a standard unstake (request_withdrawal) and a claim. A simulation failure shows the
 * same error as on the SDK path. (The CDN build test checks the same in the built files: no ts-sdk chunk fetched.)
 */
import {
  type Account,
  Aptos,
  AptosConfig,
  Ed25519PrivateKey,
  Network,
  Account as SdkAccount,
  SigningSchemeInput,
} from "@aptos-labs/ts-sdk";
import { beforeAll, describe, expect, it } from "vitest";
import type { KofiBackend } from "../src/backend.ts";
import { createLeanBackend } from "../src/lean/backend.ts";
import {
  chooseRadio,
  click,
  enabled,
  type Mounted,
  mount,
  realBackend,
  reviewAndConfirm,
  typeAmount,
  until,
} from "./browser/harness.ts";
import { APT, advance, fund, fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet, type TestWallet } from "./browser/test-wallet.ts";

let fullLoads = 0;
function leanBackend(): KofiBackend {
  const { nodeUrl, kofiAddress } = localnet();
  return createLeanBackend({
    network: "local",
    nodeUrl,
    kofiAddress,
    full: async () => {
      fullLoads++;
      return realBackend();
    },
  });
}

/** Sends `amount` APT away from `account` outside the widget (its balance on screen is now stale). */
async function drain(account: Account, amount: bigint): Promise<void> {
  const aptos = new Aptos(
    new AptosConfig({
      network: Network.CUSTOM,
      fullnode: localnet().nodeUrl,
      clientConfig: { WITH_CREDENTIALS: false },
    }),
  );
  const transaction = await aptos.transaction.build.simple({
    sender: account.accountAddress,
    data: {
      function: "0x1::aptos_account::transfer",
      functionArguments: [`0x${"0".repeat(60)}dead`, amount],
    },
  });
  const pending = await aptos.signAndSubmitTransaction({ signer: account, transaction });
  await aptos.waitForTransaction({ transactionHash: pending.hash });
}

describe("<kofi-stake> on the lean path (no ts-sdk in the widget's path; Chromium, AIP-62 test wallet)", () => {
  let wallet: TestWallet;
  let m: Mounted;

  beforeAll(async () => {
    fullLoads = 0;
    wallet = createTestWallet({ account: await fundedAccount(), nodeUrl: localnet().nodeUrl });
  });

  it("stakes APT to stkAPT: quote from the chain, simulation, signature, receipt", async () => {
    m = mount({ wallet, backend: leanBackend() });
    await until(m, () => m.text().includes("Balance: 200 APT"), "balance");
    await typeAmount(m, "25");
    await until(m, () => !!m.$("[part~=quote]") && m.text().includes("stkAPT"), "quote");
    m.tx.length = 0;
    await click(m, "review-button");
    await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
    expect(m.$("[part~=review]")?.textContent).toMatch(/Network fee/);
    await click(m, "confirm-button");
    await until(m, () => m.tx.some((t) => t.stage === "confirmed" || t.stage === "failed"), "confirmation");
    expect(m.tx.map((t) => t.stage)).toEqual(["simulate", "sign", "submitted", "confirmed"]);
    const confirmed = m.tx.at(-1);
    // The receipt's amount comes from the transaction's vault::Staked event.
    expect(confirmed?.amounts.amountOut).toBeGreaterThan(0n);
    expect(wallet.submitted).toHaveLength(1);
    await click(m, "done-button");
    await until(m, () => /Balance: 174\.9\d* APT/.test(m.text()), "new balance");
    expect(fullLoads).toBe(0);
  });

  it("unstakes the standard way (unstake_and_request_withdrawal), then claims after the lockup", async () => {
    m.el.setTab("unstake");
    await typeAmount(m, "5");
    await until(
      m,
      () => /APT\s+On /.test(m.$("[part~=exit-option-standard]")?.textContent ?? ""),
      "standard quote",
    );
    await chooseRadio(m, /Standard/);
    await reviewAndConfirm(m, /::gateway::unstake_and_request_withdrawal$/);
    m.el.setTab("withdrawals");
    await m.el.refresh();
    await until(m, () => /Unlocks in \d+d/.test(m.$("[part~=ticket]")?.textContent ?? ""), "ticket");
    await advance(1_300_000);
    await m.el.refresh();
    await until(m, () => (m.$("[part~=ticket]")?.textContent ?? "").includes("Ready to claim"), "ready");
    m.tx.length = 0;
    await click(m, "claim-button");
    await until(m, () => m.text().includes("Simulation succeeded"), "claim simulation");
    expect(m.$("[part~=entry-function]")?.textContent).toMatch(/::gateway::claim$/);
    await click(m, "confirm-button");
    await until(m, () => m.tx.some((t) => t.stage === "confirmed"), "claim confirmation");
    expect(m.tx.at(-1)?.amounts.amountOut).toBeGreaterThan(0n);
    expect(m.errors).toEqual([]);
    expect(fullLoads).toBe(0);
  });

  it("requests a withdrawal of kAPT (request_withdrawal)", async () => {
    m = mount({ wallet, backend: leanBackend() });
    await until(m, () => m.text().includes("Balance:"), "balance");
    await chooseRadio(m, /kAPT \(1:1/);
    await typeAmount(m, "3");
    await until(m, () => /You receive [\d.]+ kAPT/.test(m.text()), "kAPT quote");
    await reviewAndConfirm(m, /::gateway::deposit$/);
    await until(
      m,
      () => {
        m.el.setTab("unstake"); // ignored until the signing lock is released
        return m.text().includes("Unstake from");
      },
      "unstake tab",
    );
    await chooseRadio(m, /^\s*kAPT/);
    await typeAmount(m, "1");
    await until(
      m,
      () => /APT\s+On /.test(m.$("[part~=exit-option-standard]")?.textContent ?? ""),
      "standard quote",
    );
    await reviewAndConfirm(m, /::gateway::request_withdrawal$/);
    expect(fullLoads).toBe(0);
  });

  it("a single-key (AnyPublicKey) Ed25519 account simulates and stakes too", async () => {
    const single = SdkAccount.generate({ scheme: SigningSchemeInput.Ed25519, legacy: false });
    await fund(single.accountAddress.toStringLong(), 50n * APT);
    const w = createTestWallet({ account: single, nodeUrl: localnet().nodeUrl });
    const s = mount({ wallet: w, backend: leanBackend() });
    await until(s, () => s.text().includes("Balance: 50 APT"), "balance");
    await typeAmount(s, "2");
    await until(s, () => enabled(s, "review-button"), "quote");
    await reviewAndConfirm(s, /::gateway::deposit_and_stake$/);
    expect(fullLoads).toBe(0);
  });

  it("a simulation failure (more than the balance, the balance changed after the read) shows the SDK path's error", async () => {
    const shown: { code: string; message: string; review: string }[] = [];
    fullLoads = 0;
    for (const backend of [leanBackend, () => realBackend()]) {
      const key = new Ed25519PrivateKey(Ed25519PrivateKey.generate().toUint8Array());
      const account = SdkAccount.fromPrivateKey({ privateKey: key });
      await fund(account.accountAddress.toStringLong(), 200n * APT);
      const f = mount({
        wallet: createTestWallet({ account, nodeUrl: localnet().nodeUrl }),
        backend: backend(),
      });
      await until(f, () => f.text().includes("Balance: 200 APT"), "balance");
      await drain(account, 150n * APT);
      await typeAmount(f, "100");
      await until(f, () => enabled(f, "review-button"), "quote");
      await click(f, "review-button");
      await until(f, () => f.errors.length > 0, "simulation failure");
      await until(
        f,
        () => f.$("[part~=simulation]")?.getAttribute("data-state") === "failed",
        "failed state",
      );
      const [e] = f.errors;
      // The simulation line of the review panel (the network fee figure aside, as gas may differ by a unit).
      const line = (f.$("[part~=simulation]")?.textContent ?? "")
        .replace(/\s+/g, " ")
        .replace(/[\d.,]+ APT/g, "… APT");
      shown.push({ code: e?.code ?? "", message: e?.message ?? "", review: line });
      expect(enabled(f, "confirm-button")).toBe(false);
    }
    expect(shown[0]?.code).toBe("insufficient_balance");
    expect(shown[0]).toEqual(shown[1]);
    expect(fullLoads).toBe(0); // the second round is the SDK backend itself, not the lean one's fallback
  });
});
