import type { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kofiErrors } from "../src/generated/abi.ts";
import {
  claim,
  deposit,
  depositAndStake,
  execute,
  getPosition,
  getTicket,
  isEvent,
  type KofiClient,
  KofiError,
  type MinimalSigner,
  prepareStake,
  quoteDeposit,
  quoteDepositAndStake,
  quoteStake,
  quoteUnstake,
  requestWithdrawal,
  signerInfo,
  simulate,
  stake,
  unstake,
  unstakeAndRequestWithdrawal,
  type WalletCoreLike,
} from "../src/index.ts";
import { APT, DAY, fundedAccount, type Localnet, localClient, startNet, submitWith } from "./helpers.ts";

describe("signerInfo: one detection of address, public key and network for every signer shape", () => {
  let net: Localnet;
  let user: Account;
  beforeAll(async () => {
    net = await startNet();
    user = await fundedAccount(net, APT);
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("Account, WalletCore, AIP-62 and minimal signers", async () => {
    const address = user.accountAddress.toStringLong();
    const account = await signerInfo(user);
    expect(account).toEqual({ address, publicKey: user.publicKey });

    const walletCore: WalletCoreLike = {
      account: { address: user.accountAddress.toString(), publicKey: user.publicKey },
      network: { chainId: "4", name: "Local" },
      signAndSubmitTransaction: async () => ({ hash: "0x0" }),
    };
    expect(await signerInfo(walletCore)).toEqual({
      address,
      publicKey: user.publicKey,
      chainId: 4,
      networkName: "local",
    });

    const aip62 = {
      features: {
        "aptos:signAndSubmitTransaction": { version: "1.1.0", signAndSubmitTransaction: async () => ({}) },
        "aptos:account": { account: async () => ({ address, publicKey: user.publicKey }) },
        "aptos:network": { network: async () => ({ chainId: 2, name: "testnet" }) },
      },
    };
    expect(await signerInfo(aip62)).toEqual({
      address,
      publicKey: user.publicKey,
      chainId: 2,
      networkName: "testnet",
    });

    const minimal: MinimalSigner = { address, chainId: 4, signAndSubmitTransaction: async () => "0x0" };
    expect(await signerInfo(minimal)).toEqual({ address, chainId: 4 });
    // A key that is not a ts-sdk PublicKey (e.g. wallet-standard bytes) is not reported.
    expect(
      await signerInfo({
        ...minimal,
        publicKey: new Uint8Array(32) as unknown as MinimalSigner["publicKey"],
      }),
    ).toEqual({ address, chainId: 4 });
  });

  it("a wallet without a connected account is user_rejected; an unknown shape invalid_config", async () => {
    const disconnected: WalletCoreLike = {
      account: null,
      signAndSubmitTransaction: async () => ({ hash: "" }),
    };
    await expect(signerInfo(disconnected)).rejects.toMatchObject({ code: "user_rejected" });
    await expect(signerInfo({} as unknown as MinimalSigner)).rejects.toMatchObject({
      code: "invalid_config",
      hint: expect.stringMatching(/signAndSubmitTransaction/),
    });
  });
});

describe("simulate and ExecuteResult.received against the localnet", () => {
  let net: Localnet;
  let client: KofiClient;
  let user: Account;
  let addr: string;

  beforeAll(async () => {
    net = await startNet();
    client = localClient(net);
    user = await fundedAccount(net, 500n * APT);
    addr = user.accountAddress.toString();
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("simulate a deposit: gas, fee, events, changes and received equal to the quote; nothing is submitted", async () => {
    const before = await getPosition(client, addr);
    const quote = await quoteDeposit(client, 100n * APT);
    const sim = await simulate(client, deposit({ amount: 100n * APT }), user);
    expect(sim.success).toBe(true);
    expect(sim.error).toBeUndefined();
    expect(sim.vmStatus).toBe("Executed successfully");
    expect(sim.withPublicKey).toBe(true);
    expect(sim.gasUsed).toBeGreaterThan(0n);
    expect(sim.gasUnitPrice).toBe(BigInt(sim.transaction.gas_unit_price));
    expect(sim.fee).toBe(sim.gasUsed * sim.gasUnitPrice);
    expect(sim.received.kaptMinted).toBe(quote.kaptOut);
    expect(sim.events.find(isEvent("gateway::Deposited"))?.data.kaptMinted).toBe(quote.kaptOut);
    expect(sim.changes.length).toBeGreaterThan(0);
    expect(sim.changes.every((c) => typeof c.type === "string")).toBe(true);
    expect(sim.changes.some((c) => c.type === "write_resource" && c.resource !== undefined)).toBe(true);
    expect(sim.prepared.quote?.kaptOut).toBe(quote.kaptOut);
    const after = await getPosition(client, addr);
    expect(after.aptBalance).toBe(before.aptBalance);
    expect(after.kaptBalance).toBe(before.kaptBalance);

    // execute signs exactly the simulated payload; received comes from the transaction's events.
    const r = await execute(client, sim.prepared, user);
    expect(r.received).toEqual({
      kaptMinted: quote.kaptOut,
      stkaptMinted: 0n,
      kaptOut: 0n,
      tickets: [],
      aptClaimed: 0n,
    });
  });

  it("a failing simulation returns the decoded Move abort (module, name, code, reason, doc), not a throw", async () => {
    const q = await quoteStake(client, APT);
    const prepared = await prepareStake(client, { amount: APT, minOut: q.stkaptOut + 1n });
    const sim = await simulate(client, prepared, user);
    expect(sim.success).toBe(false);
    expect(sim.events).toEqual([]);
    expect(sim.error).toBeInstanceOf(KofiError);
    expect(sim.error?.code).toBe("move_abort");
    const entry = kofiErrors.gateway.E_SLIPPAGE;
    expect(sim.error?.abort).toMatchObject({
      module: "gateway",
      name: "E_SLIPPAGE",
      reason: entry.code,
      code: (1 << 16) | entry.code, // std::error::invalid_argument
      doc: entry.doc,
    });
    expect(sim.error?.message).toContain(entry.doc);
    expect(sim.vmStatus).toContain("E_SLIPPAGE");
    expect(sim.fee).toBe(sim.gasUsed * sim.gasUnitPrice);
    // execute throws the same decoded abort (its simulate stage is this simulation).
    const thrown = await execute(client, prepared, user).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(KofiError);
    expect((thrown as KofiError).code).toBe("move_abort");
    expect((thrown as KofiError).abort).toEqual(sim.error?.abort);
    expect((thrown as KofiError).message).toBe(`${entry.doc} (gateway::E_SLIPPAGE)`);
  });

  it("a signer without a public key is simulated without an authenticator; a wallet on another chain is refused", async () => {
    const submit = submitWith(client, user);
    const noKey: MinimalSigner = {
      address: addr,
      signAndSubmitTransaction: async ({ data }) => (await submit(data)).hash,
    };
    const quote = await quoteStake(client, 5n * APT);
    const sim = await simulate(client, stake({ amount: 5n * APT }), noKey);
    expect(sim.withPublicKey).toBe(false);
    expect(sim.success).toBe(true);
    expect(sim.received.stkaptMinted).toBe(quote.stkaptOut);

    const elsewhere: WalletCoreLike = {
      account: { address: addr, publicKey: user.publicKey },
      network: { chainId: 1, name: "mainnet" },
      signAndSubmitTransaction: async ({ data }) => submit(data),
    };
    await expect(simulate(client, stake({ amount: APT }), elsewhere)).rejects.toMatchObject({
      code: "wrong_network",
    });
  });

  it("ExecuteResult.received for every user action, to the octa of the quotes and events", async () => {
    const dsQuote = await quoteDepositAndStake(client, 50n * APT);
    const ds = await execute(client, depositAndStake({ amount: 50n * APT }), user);
    expect(ds.received.kaptMinted).toBe(dsQuote.kaptOut);
    expect(ds.received.stkaptMinted).toBe(dsQuote.stkaptOut);

    const sQuote = await quoteStake(client, 10n * APT);
    const s = await execute(client, stake({ amount: 10n * APT }), user);
    expect(s.received).toMatchObject({ kaptMinted: 0n, stkaptMinted: sQuote.stkaptOut, kaptOut: 0n });

    const shares = s.received.stkaptMinted / 2n;
    const uQuote = await quoteUnstake(client, shares);
    const u = await execute(client, unstake({ amount: shares }), user);
    expect(u.received.kaptOut).toBe(uQuote.kaptOut);

    const req = await execute(client, requestWithdrawal({ amount: 20n * APT }), user);
    const requested = req.events.find(isEvent("withdrawals::WithdrawalRequested"));
    expect(req.received.tickets).toEqual([
      {
        id: requested?.data.ticket,
        aptAmount: requested?.data.aptAmount,
        kaptBurned: 20n * APT,
        unlockAt: requested?.data.unlockAt,
      },
    ]);
    const ticket = await getTicket(client, req.received.tickets[0]?.id ?? "0x0");
    expect(ticket.aptAmount).toBe(req.received.tickets[0]?.aptAmount);

    const ur = await execute(client, unstakeAndRequestWithdrawal({ amount: shares }), user);
    expect(ur.received.kaptOut).toBe(ur.events.find(isEvent("vault::Unstaked"))?.data.kaptAmount);
    expect(ur.received.tickets).toHaveLength(1);
    expect(ur.received.tickets[0]?.kaptBurned).toBe(ur.received.kaptOut);

    await net.advance({ seconds: 15 * DAY });
    const ids = [req.received.tickets[0]?.id ?? "0x0", ur.received.tickets[0]?.id ?? "0x0"];
    const c = await execute(client, claim({ tickets: ids, owner: addr }), user);
    const expected = req.received.tickets[0]?.aptAmount ?? 0n;
    expect(c.received.aptClaimed).toBe(expected + (ur.received.tickets[0]?.aptAmount ?? 0n));
    expect(c.received.tickets).toEqual([]);
  });
});
