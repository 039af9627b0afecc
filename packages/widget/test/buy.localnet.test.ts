/**
 * Issue 15, the backend half of buying on a venue from the Stake tab: `CoreBackend.quoteEntry` returns a signable
 * `buy` quote for the localnet's Hyperion pool (stkAPT trades at 0.99 x the vault rate there, so buying beats
 * minting), its swap function goes on the signing allowlist, and `submit` signs it; the chain shows APT spent, stkAPT
 * received (at least the minimum) and no kAPT / stkAPT minted by the protocol. The receipt amount is read from the
 * transaction's fungible-asset events and equals the balance change.
 */
import { Account } from "@aptos-labs/ts-sdk";
import { hyperionAdapter } from "@kofi/adapters";
import { createKofiClient, getProtocolState } from "@kofi/core";
import { type Localnet, startLocalnet } from "@kofi/localnet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAllowedFunction } from "../src/allowlist.ts";
import { type CoreBackend, createCoreBackend } from "../src/backend-core.ts";

const APT = 100_000_000n;

describe("CoreBackend: buying stkAPT on a venue instead of minting (localnet, Hyperion)", () => {
  let net: Localnet;
  let backend: CoreBackend;
  let user: Account;
  let address: string;

  beforeAll(async () => {
    net = await startLocalnet({ port: 0, quiet: true });
    backend = createCoreBackend({
      network: "local",
      nodeUrl: net.nodeUrl,
      kofiAddress: net.kofiAddress,
      exits: ({ reader, tokens }) => [hyperionAdapter({ reader, tokens })],
    });
    user = Account.generate();
    address = user.accountAddress.toStringLong();
    await net.fund(address, 100n * APT);
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("quotes, simulates and signs the venue's swap; nothing is minted; the receipt is the balance change", async () => {
    const client = createKofiClient({
      network: "local",
      nodeUrl: net.nodeUrl,
      addresses: { kofi: net.kofiAddress },
    });
    const amount = 5n * APT;
    const options = { slippageBps: 50, account: address };
    const mint = await backend.quote({ action: "deposit", amount, to: "stkAPT" }, options);
    const routes = await backend.quoteEntry({ action: "deposit", amount, to: "stkAPT" }, options);
    const hyperion = routes.find((r) => r.id === "hyperion");
    const buy = hyperion?.quote;
    if (!buy)
      throw new Error(
        `no signable Hyperion route: ${JSON.stringify(routes, (_, v) => (typeof v === "bigint" ? `${v}` : v))}`,
      );
    expect(buy.request).toEqual({ action: "buy", amount, to: "stkAPT", venue: "hyperion" });
    expect(buy.amountOut).toBeGreaterThan(mint.amountOut); // the pool's discount: buying beats minting
    expect(hyperion?.vsMintBps).toBeGreaterThan(0);
    expect(buy.minOut).toBeLessThan(buy.amountOut);
    expect(buy.route?.venue).toBe("Hyperion");
    expect(buy.route?.feeIn).toBeGreaterThan(0n);
    expect(buy.payload.function).toMatch(/::router_v3::swap_batch$/);
    expect(isAllowedFunction(buy.payload.function, backend.protocolAddress, backend.allowedFunctions)).toBe(
      true,
    );

    const sim = await backend.simulate(buy, { account: address, wallet: user });
    expect(sim.success).toBe(true);

    const before = await backend.getPosition(address);
    const stateBefore = await getProtocolState(client);
    const result = await backend.submit({ quote: buy, wallet: user, onStage: () => {} });
    const after = await backend.getPosition(address);
    const stateAfter = await getProtocolState(client);

    const tx = (await client.aptos.getTransactionByHash({ transactionHash: result.hash })) as {
      gas_used: string;
      gas_unit_price: string;
    };
    const gas = BigInt(tx.gas_used) * BigInt(tx.gas_unit_price);
    expect(before.apt - after.apt).toBe(amount + gas);
    const received = after.stkapt - before.stkapt;
    expect(received).toBeGreaterThanOrEqual(buy.minOut);
    expect(result.amountOut).toBe(received);
    expect(stateAfter.kaptSupply).toBe(stateBefore.kaptSupply);
    expect(stateAfter.stkaptSupply).toBe(stateBefore.stkaptSupply);
    console.log(
      `buy 5 APT on Hyperion: ${received} stkAPT octas received (quoted ${buy.amountOut}, min ${buy.minOut}); mint quote ${mint.amountOut}; gas ${gas}`,
    );
  }, 60_000);

  it("an expired buy is re-quoted at the same venue; a venue that no longer quotes fails clearly", async () => {
    const options = { slippageBps: 50, account: address };
    const fresh = await backend.quote(
      { action: "buy", amount: 2n * APT, to: "stkAPT", venue: "hyperion" },
      options,
    );
    expect(fresh.payload.function).toMatch(/::router_v3::swap_batch$/);
    await expect(
      backend.quote({ action: "buy", amount: 2n * APT, to: "stkAPT", venue: "gone" }, options),
    ).rejects.toMatchObject({
      code: "quote_expired",
      message: expect.stringMatching(/minting through Kofi is still available/),
    });
  }, 60_000);
});
