/**
 * Sponsored transactions in `<kofi-stake>` (issue 13), in Chromium against the localnet: the host's `sponsor`
 * (a gas station holding a real key) signs as fee payer, the AIP-62 test wallet signs as sender through
 * `aptos:signTransaction`, and the node charges the gas to the fee payer. Balances are read from the chain.
 */
import {
  type Account,
  Aptos,
  AptosConfig,
  Network,
  type SimpleTransaction,
  type UserTransactionResponse,
} from "@aptos-labs/ts-sdk";
import type { Sponsor } from "@kofi/core";
import { beforeAll, describe, expect, it } from "vitest";
import type { KofiBackend } from "../src/backend.ts";
import { lazyCoreBackend } from "../src/backend-lazy.ts";
import {
  chooseRadio,
  click,
  enabled,
  type Mounted,
  mount,
  realBackend,
  typeAmount,
  until,
} from "./browser/harness.ts";
import { APT, fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet, type TestWallet } from "./browser/test-wallet.ts";

const SITE = "onboarding.example";

describe("<kofi-stake> with a sponsor (the site pays the gas)", () => {
  let aptos: Aptos;
  let payer: Account;
  let sponsor: Sponsor;
  let sponsorCalls: number;

  const apt = async (a: Account) =>
    BigInt(await aptos.getAccountAPTAmount({ accountAddress: a.accountAddress }));
  const seq = async (a: Account) =>
    BigInt((await aptos.getAccountInfo({ accountAddress: a.accountAddress })).sequence_number);

  /** The test wallet, recording what it was asked to sign only (sponsored) versus sign and submit. */
  function walletFor(account: Account): { wallet: TestWallet; signedOnly: SimpleTransaction[] } {
    const wallet = createTestWallet({ account, nodeUrl: localnet().nodeUrl });
    const signedOnly: SimpleTransaction[] = [];
    const feature = wallet.features["aptos:signTransaction"] as {
      signTransaction: (tx: SimpleTransaction) => Promise<unknown>;
    };
    const sign = feature.signTransaction;
    feature.signTransaction = async (tx) => {
      signedOnly.push(tx);
      return sign(tx);
    };
    return { wallet, signedOnly };
  }

  beforeAll(async () => {
    aptos = new Aptos(
      new AptosConfig({
        network: Network.CUSTOM,
        fullnode: localnet().nodeUrl,
        clientConfig: { WITH_CREDENTIALS: false },
      }),
    );
    payer = await fundedAccount(10n * APT);
    sponsorCalls = 0;
    // A gas station: signs the fee payer transaction it is given (in production, behind an HTTP endpoint).
    sponsor = {
      address: payer.accountAddress.toStringLong(),
      name: SITE,
      sign: async (transaction) => {
        sponsorCalls++;
        return {
          feePayerAddress: payer.accountAddress,
          authenticator: aptos.transaction.signAsFeePayer({ signer: payer, transaction }),
        };
      },
    };
  });

  it("deposits an account's whole APT balance: the user pays exactly the amount, the sponsor the gas", async () => {
    const amount = 5n * APT;
    const user = await fundedAccount(amount);
    const { wallet, signedOnly } = walletFor(user);
    const m: Mounted = mount({ wallet });
    await until(m, () => m.text().includes("kAPT (1:1"), "deposit choices");
    await chooseRadio(m, /kAPT \(1:1/);
    await until(m, () => m.text().includes("Balance: 5 APT"), "balance");
    // Unsponsored, the whole balance is refused: the user would need APT for the fee.
    await typeAmount(m, "5");
    await until(m, () => m.text().includes("for network fees"), "gas reserve notice");
    m.el.sponsor = sponsor;
    await until(
      m,
      () => !m.text().includes("for network fees") && enabled(m, "review-button"),
      "amount accepted",
    );

    const userBefore = await apt(user);
    const payerBefore = await apt(payer);
    m.tx.length = 0;
    await click(m, "review-button");
    await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
    expect(m.$("[part~=entry-function]")?.textContent).toMatch(/::gateway::deposit$/);
    expect(m.$("[part~=fee-sponsored]")?.textContent).toBe(`Paid by ${SITE}`);
    expect(m.text()).not.toContain("Network fee (simulated)");
    await click(m, "confirm-button");
    await until(m, () => m.tx.some((t) => t.stage === "confirmed" || t.stage === "failed"), "confirmation");
    const hash = m.tx.find((t) => t.stage === "confirmed")?.hash;
    if (!hash) throw new Error(`not confirmed: ${JSON.stringify(m.errors)} ${m.text()}`);
    expect(m.tx.map((t) => t.stage)).toEqual(["simulate", "sign", "submitted", "confirmed"]);

    const tx = (await aptos.getTransactionByHash({ transactionHash: hash })) as UserTransactionResponse;
    const gas = BigInt(tx.gas_used) * BigInt(tx.gas_unit_price);
    const userAfter = await apt(user);
    const payerAfter = await apt(payer);
    console.log(
      `widget sponsored deposit ${hash}: user APT ${userBefore} -> ${userAfter} (change ${userAfter - userBefore}), ` +
        `sponsor APT ${payerBefore} -> ${payerAfter} (gas ${tx.gas_used} x ${tx.gas_unit_price} = ${gas} octas)`,
    );
    expect(userBefore - userAfter).toBe(amount);
    expect(userAfter).toBe(0n);
    expect(gas).toBeGreaterThan(0n);
    expect(payerBefore - payerAfter).toBe(gas);
    expect((tx.signature as { type: string }).type).toBe("fee_payer_signature");
    // The wallet signed only (no sign-and-submit), the fee payer transaction with the sponsor as fee payer.
    expect(wallet.submitted).toEqual([]);
    expect(signedOnly).toHaveLength(1);
    expect(signedOnly[0]?.feePayerAddress?.toStringLong()).toBe(payer.accountAddress.toStringLong());
    expect(sponsorCalls).toBe(1);
    await until(m, () => !!m.$("[part~=success]"), "success panel");
    expect(m.errors).toEqual([]);
  });

  it("the default backend (node-url + kofi-address: the lean path) hands a sponsored deposit to the SDK", async () => {
    const amount = 3n * APT;
    const user = await fundedAccount(amount);
    const { wallet, signedOnly } = walletFor(user);
    const { nodeUrl, kofiAddress } = localnet();
    const m = mount({ wallet, backend: lazyCoreBackend({ network: "local", nodeUrl, kofiAddress }) });
    m.el.sponsor = sponsor;
    await until(m, () => m.text().includes("kAPT (1:1"), "deposit choices");
    await chooseRadio(m, /kAPT \(1:1/);
    await until(m, () => m.text().includes("Balance: 3 APT"), "balance");
    await typeAmount(m, "3");
    const payerBefore = await apt(payer);
    await click(m, "review-button");
    await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
    expect(m.$("[part~=fee-sponsored]")?.textContent).toBe(`Paid by ${SITE}`);
    m.tx.length = 0;
    await click(m, "confirm-button");
    await until(m, () => m.tx.some((t) => t.stage === "confirmed" || t.stage === "failed"), "confirmation");
    const hash = m.tx.find((t) => t.stage === "confirmed")?.hash;
    if (!hash) throw new Error(`not confirmed: ${JSON.stringify(m.errors)} ${m.text()}`);
    const tx = (await aptos.getTransactionByHash({ transactionHash: hash })) as UserTransactionResponse;
    expect(await apt(user)).toBe(0n);
    expect(payerBefore - (await apt(payer))).toBe(BigInt(tx.gas_used) * BigInt(tx.gas_unit_price));
    expect(signedOnly).toHaveLength(1);
    expect(wallet.submitted).toEqual([]);
  });

  it("a sponsor that throws: sponsor_failed shown and emitted, the wallet never asked, nothing changes", async () => {
    const user = await fundedAccount(2n * APT);
    const { wallet, signedOnly } = walletFor(user);
    const m = mount({ wallet });
    m.el.sponsor = {
      address: payer.accountAddress.toStringLong(),
      name: SITE,
      sign: async () => {
        throw new Error("gas station: daily budget exhausted");
      },
    };
    await until(m, () => m.text().includes("kAPT (1:1"), "deposit choices");
    await chooseRadio(m, /kAPT \(1:1/);
    await typeAmount(m, "1");
    await until(m, () => enabled(m, "review-button"), "review button");
    const before = { user: await apt(user), payer: await apt(payer), seq: await seq(user) };
    await click(m, "review-button");
    await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
    await click(m, "confirm-button");
    await until(m, () => !!m.$("[part~=error]"), "error panel");
    expect(m.$("[part~=error]")?.getAttribute("data-code")).toBe("sponsor_failed");
    expect(m.text()).toContain("The site could not pay the network fee; nothing was signed.");
    expect(m.errors.map((e) => e.code)).toEqual(["sponsor_failed"]);
    expect(m.errors[0]?.message).toContain("daily budget exhausted");
    expect(m.tx.at(-1)?.stage).toBe("failed");
    expect(signedOnly).toEqual([]);
    expect(wallet.submitted).toEqual([]);
    expect(await apt(user)).toBe(before.user);
    expect(await apt(payer)).toBe(before.payer);
    expect(await seq(user)).toBe(before.seq);
  });

  it("a backend that cannot sponsor is refused before the review (the user never pays a fee the site promised)", async () => {
    const user = await fundedAccount(2n * APT);
    const { wallet, signedOnly } = walletFor(user);
    const core = realBackend();
    const unsponsoring: KofiBackend = Object.create(core, { sponsorship: { value: false } });
    const m = mount({ wallet, backend: unsponsoring });
    m.el.sponsor = sponsor;
    await typeAmount(m, "1");
    await click(m, "review-button");
    await until(m, () => !!m.$("[part~=error]"), "error panel");
    expect(m.errors.map((e) => e.code)).toEqual(["invalid_config"]);
    expect(signedOnly).toEqual([]);
    expect(wallet.submitted).toEqual([]);
  });
});
