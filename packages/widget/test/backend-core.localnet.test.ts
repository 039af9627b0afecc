/**
 * `CoreBackend` (the widget's backend over `@kofi/core`) against the real localnet over HTTP, with real
 * signed transactions: every method the widget calls, in the order the widget calls them.
 */
import { Account } from "@aptos-labs/ts-sdk";
import { hyperionAdapter } from "@kofi/adapters";
import { type Localnet, startLocalnet } from "@kofi/localnet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAllowedFunction } from "../src/allowlist.ts";
import type { StageInfo } from "../src/backend.ts";
import { type CoreBackend, createCoreBackend } from "../src/backend-core.ts";

const APT = 100_000_000n;
const DAY = 86_400;

describe("CoreBackend against the localnet", () => {
  let net: Localnet;
  let backend: CoreBackend;
  let user: Account;
  let address: string;

  beforeAll(async () => {
    net = await startLocalnet({ port: 0, quiet: true });
    backend = createCoreBackend({ network: "local", nodeUrl: net.nodeUrl, kofiAddress: net.kofiAddress });
    user = Account.generate();
    address = user.accountAddress.toStringLong();
    await net.fund(address, 500n * APT);
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  const submit = async (quote: Awaited<ReturnType<CoreBackend["quote"]>>) => {
    const stages: StageInfo[] = [];
    const result = await backend.submit({ quote, wallet: user, onStage: (s) => stages.push(s) });
    return { result, stages: stages.map((s) => s.stage), hashes: stages.map((s) => s.hash) };
  };

  it("reads the protocol summary and the account", async () => {
    const p = await backend.getProtocol();
    expect(p.rate.numerator).toBeGreaterThan(0n);
    expect(p.rate.denominator).toBeGreaterThan(0n);
    expect(p.paused).toEqual({ deposit: false, stake: false, unstake: false, withdraw: false });
    expect(p.minDeposit).toBe(10_000_000n);
    expect(p.lockupSecs).toBeGreaterThan(0);
    expect(backend.network).toBe("local");
    expect(backend.chainId).toBe(4);
    const account = await backend.getAccount(user);
    expect(account?.address).toBe(address);
    expect(await backend.getAccount(null)).toBeNull();
    const pos = await backend.getPosition(address);
    expect(pos.apt).toBe(500n * APT);
    expect(pos.tickets).toEqual([]);
  });

  it("stakes APT to stkAPT: quote, simulate, submit with stages, position moves", async () => {
    const quote = await backend.quote(
      { action: "deposit", amount: 100n * APT, to: "stkAPT" },
      { slippageBps: 50 },
    );
    expect(quote.tokenOut).toBe("stkAPT");
    expect(quote.amountOut).toBeGreaterThan(0n);
    expect(quote.minOut).toBe((quote.amountOut * 9_950n) / 10_000n);
    expect(quote.payload.function).toMatch(/::gateway::deposit_and_stake$/);
    expect(quote.payload.functionArguments).toEqual([100n * APT, quote.minOut]);
    expect(isAllowedFunction(quote.payload.function, backend.protocolAddress)).toBe(true);

    const sim = await backend.simulate(quote, { account: address, wallet: user });
    expect(sim.success).toBe(true);
    expect(sim.gasUsed).toBeGreaterThan(0n);
    expect(sim.feeOctas).toBe(sim.gasUsed * sim.gasUnitPrice);

    const { result, stages, hashes } = await submit(quote);
    expect(stages).toEqual(["sign", "submitted", "confirmed"]);
    expect(hashes[1]).toBe(result.hash);
    const pos = await backend.getPosition(address);
    expect(pos.stkapt).toBeGreaterThanOrEqual(quote.minOut);
    expect(pos.apt).toBeLessThan(400n * APT);
  });

  it("reports a simulation failure with the decoded Move abort, before anything is signed", async () => {
    const quote = await backend.quote({ action: "unstake", amount: 10n * APT }, { slippageBps: 50 });
    // Spend the stkAPT first so the quoted transaction can no longer succeed.
    const pos = await backend.getPosition(address);
    const all = await backend.quote({ action: "unstake", amount: pos.stkapt }, { slippageBps: 50 });
    await submit(all);
    const sim = await backend.simulate(quote, { account: address, wallet: user });
    expect(sim.success).toBe(false);
    expect(sim.error?.code).toBeTruthy();
  });

  it("fails a quote below the minimum deposit with a code", async () => {
    await expect(
      backend.quote({ action: "deposit", amount: 1_000n, to: "kAPT" }, { slippageBps: 50 }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/move_abort|invalid_amount/) });
  });

  it("unstakes the standard way into a ticket, which becomes claimable and is claimed", async () => {
    const stake = await backend.quote(
      { action: "deposit", amount: 20n * APT, to: "kAPT" },
      { slippageBps: 50 },
    );
    await submit(stake);
    const quote = await backend.quote(
      { action: "request_withdrawal", amount: 5n * APT, from: "kAPT" },
      { slippageBps: 50 },
    );
    const protocol = await backend.getProtocol();
    expect(quote.unlockAt).toBeGreaterThanOrEqual(protocol.nowSecs);
    expect(quote.amountOut).toBeLessThanOrEqual(5n * APT);
    await submit(quote);
    let pos = await backend.getPosition(address);
    expect(pos.tickets).toHaveLength(1);
    const ticket = pos.tickets[0];
    expect(ticket?.ready).toBe(false);

    await net.advance({ seconds: 15 * DAY });
    pos = await backend.getPosition(address);
    expect(pos.tickets[0]?.ready).toBe(true);
    const before = pos.apt;
    const claim = await backend.quote(
      { action: "claim", tickets: [ticket?.id ?? ""] },
      { slippageBps: 50, account: address },
    );
    expect(claim.amountOut).toBe(ticket?.aptAmount);
    expect(claim.payload.function).toMatch(/::gateway::claim$/);
    const { stages } = await submit(claim);
    expect(stages.at(-1)).toBe("confirmed");
    pos = await backend.getPosition(address);
    expect(pos.tickets).toEqual([]);
    expect(pos.apt).toBeGreaterThan(before);
  });

  it("has no instant route without swap adapters", async () => {
    expect(
      await backend.quoteInstant({ action: "instant_exit", amount: APT, from: "kAPT" }, { slippageBps: 50 }),
    ).toEqual([]);
  });

  it("exits instantly through a DEX venue from @kofi/adapters (Hyperion model on the localnet)", async () => {
    const withExits = createCoreBackend({
      network: "local",
      nodeUrl: net.nodeUrl,
      kofiAddress: net.kofiAddress,
      exits: ({ reader, tokens }) => [hyperionAdapter({ reader, tokens })],
    });
    const deposit = await withExits.quote(
      { action: "deposit", amount: 20n * APT, to: "kAPT" },
      { slippageBps: 50 },
    );
    await withExits.submit({ quote: deposit, wallet: user, onStage: () => {} });
    const options = await withExits.quoteInstant(
      { action: "instant_exit", amount: 5n * APT, from: "kAPT" },
      { slippageBps: 50, account: address },
    );
    const best = options[0];
    if (!best) throw new Error("no instant route");
    expect(best.route?.venue).toBe("Hyperion");
    expect(best.route?.fairValueApt).toBe(5n * APT);
    expect(best.route?.discountBps).toBeGreaterThanOrEqual(50); // the model pool prices kAPT at 0.995
    expect(best.amountOut).toBeLessThan(5n * APT);
    expect(best.minOut).toBe((best.amountOut * 9_950n) / 10_000n);
    expect(
      isAllowedFunction(best.payload.function, withExits.protocolAddress, withExits.allowedFunctions),
    ).toBe(true);
    expect(isAllowedFunction(best.payload.function, withExits.protocolAddress)).toBe(false);
    const sim = await withExits.simulate(best, { account: address, wallet: user });
    expect(sim.success).toBe(true);
    const before = (await withExits.getPosition(address)).apt;
    const stages: string[] = [];
    await withExits.submit({ quote: best, wallet: user, onStage: (s) => stages.push(s.stage) });
    expect(stages).toEqual(["sign", "submitted", "confirmed"]);
    const after = (await withExits.getPosition(address)).apt;
    expect(after - before).toBeGreaterThanOrEqual(best.minOut - sim.feeOctas * 2n);
  });

  it("waits for a known hash (reload recovery) and refuses quotes it did not make", async () => {
    const quote = await backend.quote({ action: "deposit", amount: APT, to: "kAPT" }, { slippageBps: 50 });
    const { result } = await submit(quote);
    expect(await backend.waitForTransaction(result.hash)).toEqual({ success: true });
    await expect(
      backend.submit({ quote: { ...quote }, wallet: user, onStage: () => {} }),
    ).rejects.toMatchObject({
      code: "quote_expired",
    });
  });

  it("maps an unreachable node to the network code", async () => {
    const down = createCoreBackend({
      network: "local",
      nodeUrl: "http://127.0.0.1:9/v1",
      kofiAddress: net.kofiAddress,
    });
    await expect(down.getProtocol()).rejects.toMatchObject({ code: "network" });
  });
});
