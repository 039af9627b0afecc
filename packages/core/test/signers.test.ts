import type { Account, InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminPayloads } from "../src/admin/admin.ts";
import {
  aprFromSamples,
  deposit,
  estimateApr,
  execute,
  getApr,
  getPosition,
  getProtocolState,
  isEvent,
  type KofiClient,
  KofiError,
  type MinimalSigner,
  protocolApr,
  requestWithdrawal,
  type StageEvent,
  sampleRate,
  stake,
  transferTicket,
  type WalletCoreLike,
} from "../src/index.ts";
import { APT, fundedAccount, type Localnet, localClient, startNet, submitWith } from "./helpers.ts";

describe("execute with each signer shape (detected structurally)", () => {
  let net: Localnet;
  let client: KofiClient;
  let user: Account;

  beforeAll(async () => {
    net = await startNet();
    client = localClient(net);
    user = await fundedAccount(net, 300n * APT);
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("a WalletCore-like object (wallet-adapter-core's signAndSubmitTransaction({ data }))", async () => {
    const submit = submitWith(client, user);
    const wallet: WalletCoreLike = {
      account: { address: user.accountAddress.toString(), publicKey: user.publicKey },
      network: { chainId: 4, name: "local" },
      wallet: { name: "Test wallet" },
      signAndSubmitTransaction: async ({ data }) => submit(data),
    };
    const stages: StageEvent[] = [];
    const r = await execute(client, deposit({ amount: 10n * APT }), wallet, {
      onStage: (e) => stages.push(e),
    });
    expect(stages.map((s) => s.stage)).toEqual(["quote", "simulate", "sign", "submitted", "confirmed"]);
    expect(r.events.some(isEvent("gateway::Deposited"))).toBe(true);
  });

  it("an AIP-62 wallet (aptos:signAndSubmitTransaction 1.1.0 answering Approved)", async () => {
    const submit = submitWith(client, user);
    const wallet = {
      features: {
        "aptos:signAndSubmitTransaction": {
          version: "1.1.0",
          signAndSubmitTransaction: async (input: { payload: InputEntryFunctionData }) => ({
            status: "Approved",
            args: await submit(input.payload),
          }),
        },
        "aptos:account": {
          account: async () => ({ address: user.accountAddress.toString(), publicKey: user.publicKey }),
        },
        "aptos:network": { network: async () => ({ chainId: 4, name: "local" }) },
      },
    };
    const r = await execute(client, stake({ amount: 2n * APT }), wallet);
    expect(r.events.find(isEvent("vault::Staked"))?.data.kaptAmount).toBe(2n * APT);
  });

  it("a minimal { address, signAndSubmitTransaction } returning a bare hash string (no simulation without a key)", async () => {
    const submit = submitWith(client, user);
    const signer: MinimalSigner = {
      address: user.accountAddress.toString(),
      signAndSubmitTransaction: async ({ data }) => (await submit(data)).hash,
    };
    const stages: StageEvent[] = [];
    await execute(client, stake({ amount: APT }), signer, { onStage: (e) => stages.push(e) });
    expect(stages.find((s) => s.stage === "simulate")?.skipped).toBe(true);
    expect((await getPosition(client, user.accountAddress.toString())).stkaptBalance).toBeGreaterThan(0n);
  });

  it("APR from two rate samples at different chain times (sampleRate + aprFromSamples)", async () => {
    const from = await sampleRate(client);
    await net.advance({ epochs: 2 });
    await execute(
      client,
      {
        kind: "sync_rewards",
        payload: adminPayloads.syncRewards(client),
        quote: undefined,
        minOut: undefined,
      },
      user,
    );
    await net.advance({ seconds: 7_200 });
    const to = await sampleRate(client);
    const apr = aprFromSamples(from, to);
    expect(to.timeSecs).toBeGreaterThan(from.timeSecs);
    expect(apr.aprPpm).toBeGreaterThan(0n);
    expect(apr.aprPercent).toMatch(/^\d+\.\d{4}$/);
  });

  it('estimateApr({ method: "history" }): history where the node serves past versions, else the on-chain APR', async () => {
    await net.advance({ epochs: 1 });
    await execute(
      client,
      {
        kind: "sync_rewards",
        payload: adminPayloads.syncRewards(client),
        quote: undefined,
        minOut: undefined,
      },
      user,
    );
    const s1 = await sampleRate(client);
    await net.advance({ seconds: 600 }); // inside the new stream
    const s2 = await sampleRate(client);
    const apr = await estimateApr(client, { method: "history", lookbackVersions: 5n });
    expect(["history", "onchain"]).toContain(apr.method);
    if (apr.method === "onchain" || apr.aprPpm === 0n) {
      // the localnet answers past versions with the latest state: no growth seen, so the chain's own APR
      // (0 here: a fresh chain has not enough history, and then the history's 0 is returned)
      expect(apr.aprPpm).toBe((await getProtocolState(client)).apr.aprPpm);
      return;
    }
    expect(apr.aprPpm).toBeGreaterThan(0n);
    // It agrees (within 1 %) with the rate growth actually observed over the last 600 s.
    const observed = aprFromSamples(s1, s2).aprPpm;
    const diff = apr.aprPpm > observed ? apr.aprPpm - observed : observed - apr.aprPpm;
    expect(diff * 100n).toBeLessThanOrEqual(observed);
  });

  it("estimateApr() (default: the chain's trailing-window APR): not enough history first, then 7 % net of commission and fee, with or without syncs", async () => {
    const fresh = await getProtocolState(client);
    if (!fresh.apr.enoughHistory) {
      expect(protocolApr(fresh)).toMatchObject({ available: false, reason: "not_enough_history" });
      expect((await estimateApr(client)).aprPpm).toBe(0n);
    }
    // The localnet pays 7 % a year to each stake pool; the protocol's delegators get it less the operator's
    // commission (weighted by the protocol's stake in each pool), and the protocol keeps its fee.
    const expected = (s: Awaited<ReturnType<typeof getProtocolState>>) => {
      const total = s.validators.reduce((t, v) => t + v.active, 0n);
      const afterCommission = s.validators.reduce((t, v) => t + v.active * (10_000n - v.commissionBps), 0n);
      return (70_000n * afterCommission * (10_000n - s.feeBps)) / (total * 10_000n * 10_000n);
    };
    // 8 days with no sync at all: the accrued rewards alone carry the figure
    await net.advance({ seconds: 8n * 86_400n });
    const quiet = await getProtocolState(client);
    expect(quiet.apr.enoughHistory).toBe(true);
    const a1 = await estimateApr(client);
    expect(a1.method).toBe("onchain");
    const d1 = a1.aprPpm - expected(quiet);
    expect(d1 < 0n ? -d1 : d1, `apr ${a1.aprPpm} vs ${expected(quiet)}`).toBeLessThanOrEqual(5_000n);
    // then 8 days with a sync every 6 hours
    for (let i = 0; i < 32; i++) {
      await net.advance({ seconds: 6n * 3_600n });
      await execute(
        client,
        {
          kind: "sync_rewards",
          payload: adminPayloads.syncRewards(client),
          quote: undefined,
          minOut: undefined,
        },
        user,
      );
    }
    const synced = await getProtocolState(client);
    const d2 = synced.apr.aprPpm - expected(synced);
    expect(d2 < 0n ? -d2 : d2, `apr ${synced.apr.aprPpm} vs ${expected(synced)}`).toBeLessThanOrEqual(5_000n);
    expect(synced.apr.windowSecs).toBeGreaterThanOrEqual(7n * 86_400n);
    expect(synced.apr.windowSecs).toBeLessThan(8n * 86_400n);
    expect(protocolApr(synced)).toMatchObject({ available: true, aprPpm: synced.apr.aprPpm });
    // one request: the same figure as gateway::apr
    expect((await getApr(client, { state: synced })).aprPpm).toBe(synced.apr.aprPpm);
    console.log(
      `APR figures: quiet ${a1.aprPpm} ppm (expected ${expected(quiet)}), synced ${synced.apr.aprPpm} ppm (expected ${expected(synced)}), stkAPT ${synced.apr.stkaptAprPpm} ppm`,
    );
  });

  it("transfer_ticket moves a ticket to another account (TicketTransferred), self-transfer aborts E_SELF_TRANSFER", async () => {
    const r = await execute(client, requestWithdrawal({ amount: APT }), user);
    const ticket = r.events.find(isEvent("withdrawals::WithdrawalRequested"))?.data.ticket as string;
    const other = await fundedAccount(net, APT);
    const self = await execute(
      client,
      transferTicket({ ticket, to: user.accountAddress.toString() }),
      user,
    ).catch((e: unknown) => e as KofiError);
    expect(self).toBeInstanceOf(KofiError);
    expect((self as KofiError).abort?.name).toBe("E_SELF_TRANSFER");
    const t = await execute(client, transferTicket({ ticket, to: other.accountAddress.toString() }), user);
    const ev = t.events.find(isEvent("withdrawals::TicketTransferred"));
    expect(BigInt(ev?.data.to ?? 0)).toBe(BigInt(other.accountAddress.toString()));
    const theirs = await getPosition(client, other.accountAddress.toString());
    expect(theirs.tickets.map((x) => BigInt(x.id))).toEqual([BigInt(ticket)]);
  });
});
