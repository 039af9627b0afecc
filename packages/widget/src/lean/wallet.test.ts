import { describe, expect, it } from "vitest";
import type { KofiBackend, Quote } from "../backend.ts";
import { createLeanBackend } from "./backend.ts";
import { leanWalletKind, walletAccount } from "./wallet.ts";

const sign = (version: string) => ({
  features: { "aptos:signAndSubmitTransaction": { version, signAndSubmitTransaction: async () => ({}) } },
});
const walletCore = { account: { address: "0x1" }, wallet: {}, signAndSubmitTransaction: async () => ({}) };
const minimal = { address: "0x1", signAndSubmitTransaction: async () => ({}) };
const account = { accountAddress: "0x1", signTransactionWithAuthenticator: () => null, address: "0x1" };

describe("which wallets the lean path serves", () => {
  it("AIP-62 1.1.0 and a minimal signer; not 1.0.0 (a built transaction), a WalletCore or a ts-sdk Account", () => {
    expect(leanWalletKind(sign("1.1.0"))).toBe("aip62");
    expect(leanWalletKind(sign("1.0.0"))).toBeNull();
    expect(leanWalletKind(minimal)).toBe("minimal");
    expect(leanWalletKind(walletCore)).toBeNull();
    expect(leanWalletKind(account)).toBeNull();
    expect(leanWalletKind(null)).toBeNull();
  });

  it("a wallet that says it is not connected (user_rejected) has no account; the address is long form", async () => {
    const notConnected = {
      features: {
        ...sign("1.1.0").features,
        "aptos:account": {
          account: async () => {
            throw new Error("User rejected the request");
          },
        },
      },
    };
    expect(await walletAccount(notConnected)).toBeNull();
    expect((await walletAccount(minimal))?.address).toBe(`0x${"0".repeat(63)}1`);
  });

  it("a WalletCore's quote, simulation and submission go to the SDK backend", async () => {
    const calls: string[] = [];
    const full = {
      quote: async () => {
        calls.push("quote");
        return { request: {} } as Quote;
      },
      getAccount: async () => {
        calls.push("getAccount");
        return { address: "0x1" };
      },
    } as unknown as KofiBackend;
    const lean = createLeanBackend({
      network: "local",
      nodeUrl: "http://127.0.0.1:1/v1",
      kofiAddress: "0x6b6f6669",
      full: async () => full,
    });
    await lean.getAccount(walletCore);
    await lean.quote({ action: "stake", amount: 1n }, { slippageBps: 50 });
    expect(calls).toEqual(["getAccount", "quote"]);
  });
});
