import type { Account, InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminPayloads } from "../src/admin/admin.ts";
import {
  aprFromSamples,
  aprFromStream,
  deposit,
  estimateApr,
  execute,
  getPosition,
  getProtocolState,
  getStreamApr,
  getVaultState,
  isEvent,
  type KofiClient,
  KofiError,
  type MinimalSigner,
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

  it('estimateApr({ method: "history" }): history where the node serves past versions, else the live reward stream', async () => {
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
    expect(apr.aprPpm).toBeGreaterThan(0n);
    expect(["history", "stream"]).toContain(apr.method);
    // It agrees (within 1 %) with the rate growth actually observed over the last 600 s.
    const observed = aprFromSamples(s1, s2).aprPpm;
    const diff = apr.aprPpm > observed ? apr.aprPpm - observed : observed - apr.aprPpm;
    expect(diff * 100n).toBeLessThanOrEqual(observed);
  });

  it("estimateApr() (default: the live stream, from the protocol state alone) agrees with the observed growth", async () => {
    const s1 = await getProtocolState(client);
    await net.advance({ seconds: 600 }); // still inside the stream synced above
    const s2 = await getProtocolState(client);
    const apr = await estimateApr(client);
    expect(apr.method).toBe("stream");
    expect(apr.aprPpm).toBeGreaterThan(0n);
    const observed = aprFromSamples(
      { rate: s1.rate, timeSecs: s1.nowSecs },
      { rate: s2.rate, timeSecs: s2.nowSecs },
    ).aprPpm;
    const diff = apr.aprPpm > observed ? apr.aprPpm - observed : observed - apr.aprPpm;
    expect(diff * 100n).toBeLessThanOrEqual(observed);
    // With the state already read: the same figure, exactly aprFromStream over the vault resource at the
    // state's time (the state's stream fields are the vault's).
    const fromState = await getStreamApr(client, { state: s2 });
    expect(fromState.aprPpm).toBe(apr.aprPpm);
    expect(fromState.aprPpm).toBe(aprFromStream(await getVaultState(client), s2.nowSecs).aprPpm);
    expect(fromState.to.rate).toEqual(s2.rate);
    const vault = await getVaultState(client);
    expect(s2.stream).toEqual({ amount: vault.streamAmount, start: vault.streamStart, end: vault.streamEnd });
    expect(s2.stream.end - s2.stream.start).toBe(s2.epochIntervalSecs);
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
