/**
 * Issue 15 in the widget: the Stake (deposit) tab compares minting with buying the token on the configured venues
 * (`@kofi/adapters`' entry router, in the lazily loaded SDK chunk), on the localnet's Hyperion pool.
 */
import { describe, expect, it } from "vitest";
import { createCoreBackend } from "../src/backend-core.ts";
import { mount, typeAmount, until } from "./browser/harness.ts";
import { APT, fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet } from "./browser/test-wallet.ts";

describe("<kofi-stake> entry comparison on the localnet (Chromium)", () => {
  it("shows what the same APT buys on Hyperion next to the mint quote, and signs nothing for it", async () => {
    const wallet = createTestWallet({
      account: await fundedAccount(100n * APT),
      nodeUrl: localnet().nodeUrl,
    });
    const m = mount({ wallet });
    await until(m, () => m.text().includes("Balance: 100 APT"), "balance");
    await typeAmount(m, "5");
    await until(m, () => !!m.$("[part~=entry-option]"), "entry comparison");
    const venue = m.$("[part~=entry-option]")?.textContent?.replace(/\s+/g, " ") ?? "";
    expect(venue).toMatch(/On Hyperion[^:]*: [\d.]+ stkAPT/);
    expect(venue).toMatch(/(more|less) than minting|the same as minting/);
    // The mint is still what Review signs.
    expect(m.$("[part~=quote]")?.textContent?.replace(/\s+/g, " ")).toMatch(/You receive [\d.]+ stkAPT/);
    expect(wallet.submitted).toEqual([]);
    expect(m.errors).toEqual([]);
  });

  it("no comparison before an amount, and none when no venue is configured", async () => {
    const withVenues = mount({});
    await until(withVenues, () => /1 stkAPT = /.test(withVenues.text()), "rate");
    expect(withVenues.$("[part~=entry-options]")).toBeNull();
    const bare = mount({
      backend: createCoreBackend({
        network: "local",
        nodeUrl: localnet().nodeUrl,
        kofiAddress: localnet().kofiAddress,
      }),
    });
    await typeAmount(bare, "5");
    await until(bare, () => /You receive [\d.]+ stkAPT/.test(bare.text()), "mint quote");
    expect(bare.$("[part~=entry-options]")).toBeNull();
  });
});
