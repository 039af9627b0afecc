/**
 * Node requests as the browser makes them (window.fetch, which the ts-sdk's browser client and the lean read both
 * use), from page load, with the built-in lazy backend a CDN page gets (`node-url` + `kofi-address` set).
 * Issue 14: a connected user's whole state (protocol, position, tickets) in at most two node requests.
 */
import { afterEach, describe, expect, it } from "vitest";
import "../src/define.ts";
import { lazyCoreBackend } from "../src/backend-lazy.ts";
import { setBackendFactory } from "../src/kofi-stake.ts";
import { APT, fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet } from "./browser/test-wallet.ts";

const original = window.fetch;

function recordNodeRequests(nodeUrl: string): string[] {
  const calls: string[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(nodeUrl)) {
      const body = typeof init?.body === "string" ? ` ${init.body.slice(0, 160)}` : "";
      calls.push(`${init?.method ?? "GET"} ${new URL(url).pathname}${body}`);
    }
    return original(input, init);
  };
  return calls;
}

afterEach(() => {
  window.fetch = original;
  setBackendFactory(null);
  document.body.replaceChildren();
});

describe("node requests from load (Chromium, localnet)", () => {
  it("a connected user's whole state: protocol, position and tickets in at most two node requests", async () => {
    const { nodeUrl, kofiAddress } = localnet();
    const wallet = createTestWallet({ account: await fundedAccount(50n * APT), nodeUrl });
    const calls = recordNodeRequests(nodeUrl);
    setBackendFactory(lazyCoreBackend);
    const el = document.createElement("kofi-stake");
    el.network = "local";
    el.nodeUrl = nodeUrl;
    el.kofiAddress = kofiAddress;
    el.wallet = wallet; // a returning user: the wallet is already connected to the site
    document.body.append(el);
    const text = () => el.shadowRoot?.textContent?.replace(/\s+/g, " ") ?? "";
    await expect
      .poll(() => /Balance: 50 APT/.test(text()) && /1 stkAPT = \d\.\d{8} kAPT/.test(text()), {
        timeout: 20_000,
      })
      .toBe(true);
    el.setTab("withdrawals");
    await el.updateComplete;
    expect(text()).toContain("No withdrawal tickets");
    expect(calls.length, calls.join("\n")).toBeLessThanOrEqual(2);
  });
});
