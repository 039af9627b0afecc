/**
 * Issue 15 in the widget: the Stake (deposit) tab compares minting with buying the token on the configured venues
 * (`@kofi/adapters`' entry router, in the lazily loaded SDK chunk), on the localnet's Hyperion pool.
 */
import { createKofiClient, getPosition, getProtocolState } from "@kofi/core";
import { describe, expect, it } from "vitest";
import { createCoreBackend } from "../src/backend-core.ts";
import { chooseRadio, click, mount, reviewAndConfirm, typeAmount, until } from "./browser/harness.ts";
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

describe("<kofi-stake> buying on a venue from the Stake tab (Chromium, localnet Hyperion)", () => {
  it("the user picks Hyperion over minting, reviews and signs the swap; the chain shows the buy, nothing minted", async () => {
    const account = await fundedAccount(100n * APT);
    const wallet = createTestWallet({ account, nodeUrl: localnet().nodeUrl });
    const client = createKofiClient({
      network: "local",
      nodeUrl: localnet().nodeUrl,
      addresses: { kofi: localnet().kofiAddress },
    });
    const address = account.accountAddress.toStringLong();
    const m = mount({ wallet });
    await until(m, () => m.text().includes("Balance: 100 APT"), "balance");
    await typeAmount(m, "5");
    await until(m, () => !!m.$("[part~=entry-option-buy] input:not([disabled])"), "a signable venue");
    // Mint is preselected, as Unstake preselects the standard path.
    expect(m.$<HTMLInputElement>("[part~=entry-option-mint] input")?.checked).toBe(true);
    await chooseRadio(m, /On Hyperion/);
    await until(
      m,
      () => /more than minting/.test(m.$("[part~=entry-option-buy]")?.textContent ?? ""),
      "verdict",
    );
    const before = await getPosition(client, address);
    const stateBefore = await getProtocolState(client);
    m.tx.length = 0;
    await click(m, "review-button");
    await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
    expect(m.$("[part~=entry-function]")?.textContent).toMatch(/::router_v3::swap_batch$/);
    expect(m.$("[part~=review-route]")?.textContent).toBe("Hyperion");
    expect(m.text()).toMatch(/Minimum received[\d.\s]+stkAPT/);
    expect(m.text()).toMatch(/Venue fee \(included\)[\d.\s]+APT/);
    await click(m, "confirm-button");
    await until(m, () => !!m.$("[part~=success]"), "receipt");
    const confirmed = m.tx.find((t) => t.stage === "confirmed");
    expect(confirmed).toMatchObject({
      action: "buy",
      amounts: { tokenIn: "APT", amountIn: 5n * APT, tokenOut: "stkAPT" },
    });
    const after = await getPosition(client, address);
    const stateAfter = await getProtocolState(client);
    const received = after.stkaptBalance - before.stkaptBalance;
    expect(received).toBeGreaterThanOrEqual(confirmed?.amounts.minOut ?? 0n);
    expect(before.aptBalance - after.aptBalance).toBeGreaterThan(5n * APT); // 5 APT plus gas
    expect(before.aptBalance - after.aptBalance).toBeLessThan(5n * APT + APT / 100n);
    expect(stateAfter.kaptSupply).toBe(stateBefore.kaptSupply);
    expect(stateAfter.stkaptSupply).toBe(stateBefore.stkaptSupply);
    const receipt = m.$("[part~=success]")?.textContent?.replace(/\s+/g, " ") ?? "";
    expect(receipt).toContain("Bought");
    expect(receipt).toMatch(/You received [\d.]+ stkAPT/);
    // The amount the chain says was received (events = balance change), as the receipt prints it.
    const decimal = `${received / APT}.${(received % APT).toString().padStart(8, "0")}`.replace(/\.?0+$/, "");
    expect(receipt).toContain(`You received ${decimal} stkAPT`);
    expect(m.errors).toEqual([]);
  });

  it("choosing mint again signs the mint (deposit_and_stake), with the venues still configured", async () => {
    const wallet = createTestWallet({
      account: await fundedAccount(100n * APT),
      nodeUrl: localnet().nodeUrl,
    });
    const m = mount({ wallet });
    await until(m, () => m.text().includes("Balance: 100 APT"), "balance");
    await typeAmount(m, "3");
    await until(m, () => !!m.$("[part~=entry-option-buy] input:not([disabled])"), "a signable venue");
    await chooseRadio(m, /On Hyperion/);
    await chooseRadio(m, /Mint through Kofi/);
    await reviewAndConfirm(m, /::gateway::deposit_and_stake$/);
    expect(m.tx.at(-1)?.action).toBe("deposit");
    expect(wallet.submitted).toHaveLength(1);
  });
});
