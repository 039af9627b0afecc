/**
 * One CDN build in Chromium against the localnet (after `npm run build -w @kofi/widget`, which `npm run size`
 * the browser project's global setup runs when dist/cdn is missing or stale, so this never skips): one import registers the tag, the SDK (ts-sdk with the
 * poseidon-lite stub) reads the chain from attributes alone, and a test AIP-62 wallet signs a real stake (with
 * the eager file: on the lean path, without the SDK chunks being fetched).
 */
import { describe, expect, it } from "vitest";
import type { KofiStakeElement } from "../../src/kofi-stake.ts";
import { fundedAccount, localnet } from "./localnet-client.ts";
import { createTestWallet } from "./test-wallet.ts";

async function until(check: () => boolean, what: string, text: () => string, ms = 20_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${text()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function cdnSmoke(url: string, lazyChunks: boolean): Promise<void> {
  describe(`CDN build ${url}`, () => {
    it("renders from attributes, reads the chain through the stubbed SDK, signs a stake", async () => {
      await import(/* @vite-ignore */ url);
      const el = document.createElement("kofi-stake") as KofiStakeElement;
      el.setAttribute("network", "local");
      el.setAttribute("node-url", localnet().nodeUrl);
      el.setAttribute("kofi-address", localnet().kofiAddress);
      el.setAttribute("default-tab", "position");
      el.wallet = createTestWallet({ account: await fundedAccount(), nodeUrl: localnet().nodeUrl });
      const tx: string[] = [];
      el.addEventListener("kofi-tx", (e) => tx.push(e.detail.stage));
      document.body.append(el);
      const text = () => el.shadowRoot?.textContent?.replace(/\s+/g, " ") ?? "";
      await until(() => /APT 200\b/.test(text()), "the position read from the chain", text);
      const loaded = performance.getEntriesByType("resource").map((e) => e.name);
      // node-url + kofi-address + an AIP-62 wallet: the lean path's chunk (lean/backend.ts), not the SDK's.
      if (lazyChunks)
        expect(loaded.some((n) => /\/dist\/cdn\/backend-(?!core)[\w-]+\.js/.test(n))).toBe(true);
      expect(loaded.some((n) => n.includes("wallet-picker"))).toBe(false);

      el.setTab("deposit");
      el.setAmount("2");
      const button = (part: string) => el.shadowRoot?.querySelector<HTMLButtonElement>(`[part~=${part}]`);
      await until(() => !!button("review-button") && !button("review-button")?.disabled, "quote", text);
      button("review-button")?.click();
      await until(() => text().includes("Simulation succeeded"), "simulation", text);
      button("confirm-button")?.click();
      await until(() => tx.includes("confirmed") || tx.includes("failed"), "confirmation", text);
      expect(tx).toEqual(["simulate", "sign", "submitted", "confirmed"]);
      // Issue 14: a whole stake with a host AIP-62 wallet never fetched the SDK backend nor the ts-sdk chunk.
      const all = performance.getEntriesByType("resource").map((e) => e.name);
      if (lazyChunks)
        expect(all.filter((n) => /\/dist\/cdn\/(backend-core|esm)-[\w-]+\.js/.test(n))).toEqual([]);
    });
  });
}
