/**
 * One CDN build in Chromium against the localnet (after `npm run build -w @kofi/widget`, which `npm run size`
 * the browser project's global setup runs when dist/cdn is missing or stale, so this never skips): one import registers the tag, the SDK (ts-sdk with the
 * poseidon-lite stub) reads the chain from attributes alone, and a test AIP-62 wallet signs a real stake (with
 * the eager file: on the lean path, without the SDK chunks being fetched); then the `exits` attribute, the CDN
 * page's only way to instant exits: `hyperion` quotes through the localnet's Hyperion pool, an unknown name is an
 * `invalid_config` error.
 */
import type { Account } from "@aptos-labs/ts-sdk";
import { afterEach, describe, expect, it } from "vitest";
import type { KofiErrorDetail } from "../../src/events.ts";
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

/** A `<kofi-stake>` configured by attributes alone, as a CDN page writes it (the tag is defined by `url`). */
function fromAttributes(attributes: Record<string, string>, account?: Account): KofiStakeElement {
  const el = document.createElement("kofi-stake") as KofiStakeElement;
  el.setAttribute("network", "local");
  el.setAttribute("node-url", localnet().nodeUrl);
  el.setAttribute("kofi-address", localnet().kofiAddress);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (account) el.wallet = createTestWallet({ account, nodeUrl: localnet().nodeUrl });
  return el;
}

export async function cdnSmoke(url: string, lazyChunks: boolean): Promise<void> {
  describe(`CDN build ${url}`, () => {
    // The staker of the first test: the exits test unstakes the stkAPT it received.
    let staker: Account | undefined;

    it("renders from attributes, reads the chain through the stubbed SDK, signs a stake", async () => {
      await import(/* @vite-ignore */ url);
      staker = await fundedAccount();
      const el = fromAttributes({ "default-tab": "position" }, staker);
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

    it('exits="hyperion": Unstake compares the standard exit with the instant route through Hyperion', async () => {
      await import(/* @vite-ignore */ url);
      if (!staker) throw new Error("the stake test above did not run");
      // The CDN page's only way to venues: no adapters property, just the attribute.
      const el = fromAttributes({ "default-tab": "unstake", exits: "hyperion" }, staker);
      document.body.append(el);
      const text = () => el.shadowRoot?.textContent?.replace(/\s+/g, " ") ?? "";
      const option = (path: string) =>
        el.shadowRoot?.querySelector(`[part~=exit-option-${path}]`)?.textContent ?? "";
      await until(() => /Balance: 1\.\d+ stkAPT/.test(text()), "the stkAPT from the stake above", text);
      el.setAmount("1");
      await until(() => option("instant").includes("via Hyperion"), "Hyperion's instant quote", text);
      expect(option("standard")).toMatch(/APT\s+On /);
      // Without `exits` the same element has no instant route at all (the lean path quotes no venue).
      const plain = fromAttributes({ "default-tab": "unstake" }, staker);
      document.body.append(plain);
      plain.setAmount("1");
      const plainText = () => plain.shadowRoot?.textContent?.replace(/\s+/g, " ") ?? "";
      await until(
        () => !!plain.shadowRoot?.querySelector("[part~=exit-option-standard]"),
        "standard",
        plainText,
      );
      expect(plainText()).not.toContain("via Hyperion");
    });

    it("exits with a venue it does not know: the invalid_config error state, not a silently missing venue", async () => {
      await import(/* @vite-ignore */ url);
      const el = fromAttributes(
        { "default-tab": "unstake", exits: "hyperion panora" },
        await fundedAccount(),
      );
      const errors: KofiErrorDetail[] = [];
      el.addEventListener("kofi-error", (e) => errors.push(e.detail));
      document.body.append(el);
      const text = () => el.shadowRoot?.textContent?.replace(/\s+/g, " ") ?? "";
      await until(() => text().includes("The widget is misconfigured."), "the configuration error", text);
      expect(errors.map((e) => e.code)).toContain("invalid_config");
      expect(errors.find((e) => e.code === "invalid_config")?.message).toMatch(/unknown venue panora/);
    });

    afterEach(() => document.body.replaceChildren());
  });
}
