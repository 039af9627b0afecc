// getMaxWithdrawal and getOnChainApr against a localnet over HTTP (real signed transactions): the figures a UI
// shows ("at most X now", the APR) must agree with what the chain then does.
import type { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APT, fundedAccount, type Localnet, localClient, startNet } from "../../test/helpers.ts";
import type { KofiClient } from "../client/createKofiClient.ts";
import { deposit } from "../deposit/deposit.ts";
import { execute } from "../execute/execute.ts";
import { getPosition } from "../position/getPosition.ts";
import { requestWithdrawal, requestWithdrawalPayload } from "../withdrawals/request.ts";
import { getMaxWithdrawal, getOnChainApr, getProtocolState } from "./state.ts";

let net: Localnet;
let client: KofiClient;
let user: Account;

beforeAll(async () => {
  net = await startNet();
  client = localClient(net);
  user = await fundedAccount(net, 10_000n * APT);
}, 60_000);
afterAll(async () => {
  await net?.stop();
});

async function kaptOf(a: Account): Promise<bigint> {
  return (await getPosition(client, a.accountAddress.toString())).kaptBalance;
}

// First in the file: the APR reads on the fresh chain.
describe("getOnChainApr (localnet over HTTP)", () => {
  it("0 with 'not enough history' before rewards and within the first day; positive after rewards over more than a day", async () => {
    const fresh = await getOnChainApr(client);
    expect(fresh.enoughHistory).toBe(false);
    expect(fresh.aprPpm).toBe(0n);
    expect(fresh.grossAprPpm).toBe(0n);

    await execute(client, deposit({ amount: 1_000n * APT, minOut: 0n }), user);
    await net.advance({ epochs: 1 }); // one epoch of rewards paid, under a day of history
    const early = await getOnChainApr(client);
    expect(early.enoughHistory).toBe(false);
    expect(early.aprPpm).toBe(0n);

    await net.advance({ seconds: 2 * 86_400 });
    const apr = await getOnChainApr(client);
    console.log(
      `on-chain APR after 2 days at the localnet's 7 %: ${apr.aprPpm} ppm net, ${apr.grossAprPpm} ppm gross, window ${apr.windowSecs} s`,
    );
    expect(apr.enoughHistory).toBe(true);
    expect(apr.windowRewards).toBeGreaterThan(0n);
    expect(apr.aprPpm).toBeGreaterThan(0n);
    // the protocol fee (10 % of rewards) is the difference between gross and net; neither tops the chain's 7 %
    expect(apr.grossAprPpm).toBeGreaterThan(apr.aprPpm);
    expect(apr.grossAprPpm).toBeLessThanOrEqual(70_000n);
    const feeBps = (await getProtocolState(client)).feeBps;
    const expectedNet = (apr.grossAprPpm * (10_000n - feeBps)) / 10_000n;
    expect(apr.aprPpm - expectedNet <= 1n && expectedNet - apr.aprPpm <= 1n).toBe(true);
    // protocol_state carries the same figure (a visitor needs one request)
    expect((await getProtocolState(client)).apr).toEqual(apr);
  });
});

describe("getMaxWithdrawal (localnet over HTTP)", () => {
  it("stake added this epoch beyond the pools' active stake is not withdrawable yet; request_withdrawal accepts exactly the maximum, one octa more aborts on chain", async () => {
    // A delegator can unlock only out of its pool's active stake: stake added this epoch (pending_active) counts
    // in the protocol's balance but not in the stake pool's active stake until the epoch ends. A whale deposit
    // larger than the validators' own stake makes that the binding limit. (The per-epoch voting-power increase
    // limit, 20 % of the set's power by default, would refuse that much in one epoch: lift it on the localnet.)
    await net.setStakeLimits({ votingPowerIncreaseLimitPct: 1_000n });
    const whale = await fundedAccount(net, 6_000_000n * APT);
    await execute(client, deposit({ amount: 5_000_000n * APT, minOut: 0n }), whale); // pending_active this epoch
    const held = await kaptOf(whale);
    const max = await getMaxWithdrawal(client);
    console.log(`max withdrawal with 5,000,000 APT pending_active: ${max} of ${held} kAPT held`);
    expect((await getProtocolState(client)).maxWithdrawalKapt).toBe(max);
    expect(max).toBeGreaterThan(0n);
    expect(held).toBeGreaterThan(max + 1n); // the pending_active deposit is excluded

    // one octa more, signed and submitted without simulation: the chain commits it as an abort, kAPT unchanged
    const transaction = await client.aptos.transaction.build.simple({
      sender: whale.accountAddress,
      data: requestWithdrawalPayload(client, { amount: max + 1n }),
    });
    const pending = await client.aptos.signAndSubmitTransaction({ signer: whale, transaction });
    const failed = await client.aptos.waitForTransaction({
      transactionHash: pending.hash,
      options: { checkSuccess: false },
    });
    expect(failed.success).toBe(false);
    expect(failed.vm_status).toContain("E_INSUFFICIENT_UNLOCKABLE");
    expect(await kaptOf(whale)).toBe(held);

    const r = await execute(client, requestWithdrawal({ amount: max }), whale);
    expect(r.received.tickets).toHaveLength(1);
    expect(held - (await kaptOf(whale))).toBe(max);

    // once the deposit is active (next epoch) the rest of it becomes withdrawable
    const after = await getMaxWithdrawal(client);
    await net.advance({ epochs: 1 });
    expect(await getMaxWithdrawal(client)).toBeGreaterThan(after + (held - max) - 100n * APT);
  });
});
