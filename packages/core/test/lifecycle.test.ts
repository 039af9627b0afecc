import type { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  aprFromSamples,
  claim,
  compareRates,
  deposit,
  depositAndStake,
  type ExecuteResult,
  execute,
  getExchangeRate,
  getPosition,
  getProtocolState,
  getTicket,
  getVaultState,
  isEvent,
  type KofiClient,
  KofiError,
  quoteClaim,
  quoteDeposit,
  quoteDepositAndStake,
  quoteRequestWithdrawal,
  quoteStake,
  quoteStakeLocal,
  quoteUnstake,
  quoteUnstakeAndRequestWithdrawal,
  quoteUnstakeLocal,
  type RateSample,
  requestWithdrawal,
  type StageEvent,
  stake,
  syncRewards,
  unstake,
  unstakeAndRequestWithdrawal,
} from "../src/index.ts";
import { APT, DAY, fundedAccount, type Localnet, localClient, startNet } from "./helpers.ts";

/** APT spent on gas by a transaction. */
const gasFee = (r: ExecuteResult) => r.gasUsed * BigInt(r.transaction.gas_unit_price);

describe("full lifecycle against the localnet (real HTTP, real signed transactions)", () => {
  let net: Localnet;
  let client: KofiClient;
  let user: Account;
  let addr: string;

  beforeAll(async () => {
    net = await startNet();
    client = localClient(net);
    user = await fundedAccount(net, 1_000n * APT);
    addr = user.accountAddress.toString();
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("deposit: the quote view equals the kAPT minted, to the octa; stages are reported in order", async () => {
    const amount = 100n * APT;
    const before = await getPosition(client, addr);
    const quote = await quoteDeposit(client, amount);
    const stages: StageEvent[] = [];
    const r = await execute(client, deposit({ amount }), user, { onStage: (e) => stages.push(e) });
    expect(stages.map((s) => s.stage)).toEqual(["quote", "simulate", "sign", "submitted", "confirmed"]);
    expect(stages.find((s) => s.stage === "submitted")?.hash).toBe(r.hash);
    const ev = r.events.find(isEvent("gateway::Deposited"));
    expect(ev?.data.kaptMinted).toBe(quote.kaptOut);
    expect(ev?.data.fee).toBe(quote.fee);
    expect(ev?.data.aptAmount).toBe(amount);
    expect(r.quote?.kaptOut).toBe(quote.kaptOut);
    const after = await getPosition(client, addr);
    expect(after.kaptBalance - before.kaptBalance).toBe(quote.kaptOut);
    expect(before.aptBalance - after.aptBalance).toBe(amount + gasFee(r));
  });

  it("deposit_and_stake: quote equals the stkAPT minted", async () => {
    const amount = 50n * APT;
    const before = await getPosition(client, addr);
    const quote = await quoteDepositAndStake(client, amount);
    const vault = await getVaultState(client);
    const r = await execute(client, depositAndStake({ amount }), user);
    expect(quoteStakeLocal(vault, quote.kaptOut, r.timestampSecs).stkaptOut).toBe(quote.stkaptOut);
    expect(r.events.find(isEvent("vault::Staked"))?.data.stkaptMinted).toBe(quote.stkaptOut);
    expect(r.events.find(isEvent("gateway::Deposited"))?.data.kaptMinted).toBe(quote.kaptOut);
    const after = await getPosition(client, addr);
    expect(after.stkaptBalance - before.stkaptBalance).toBe(quote.stkaptOut);
    expect(after.kaptBalance).toBe(before.kaptBalance);
  });

  it("stake: view quote and local exact math both equal the stkAPT minted", async () => {
    const amount = 30n * APT + 12_345n;
    const vault = await getVaultState(client);
    const quote = await quoteStake(client, amount);
    const r = await execute(client, stake({ amount }), user);
    const minted = r.events.find(isEvent("vault::Staked"))?.data.stkaptMinted;
    expect(minted).toBe(quote.stkaptOut);
    expect(minted).toBe(quoteStakeLocal(vault, amount, r.timestampSecs).stkaptOut);
  });

  let rateBefore: RateSample;
  it("epochs pass: rewards sync, stream into the vault, and the rate rises", async () => {
    const s0 = await getProtocolState(client);
    rateBefore = { rate: s0.rate, timeSecs: s0.nowSecs };
    await net.advance({ epochs: 3 });
    // Any state-changing entry syncs rewards; use the permissionless one.
    const sync = await execute(client, syncRewards(), user);
    const synced = sync.events.find(isEvent("rewards::RewardsSynced"));
    expect(synced?.data.rewards).toBeGreaterThan(0n);
    expect(synced?.data.toVault).toBeGreaterThan(0n);
    // Let the stream release, then the rate is strictly higher.
    await net.advance({ seconds: Number(s0.epochIntervalSecs) });
    const s1 = await getProtocolState(client);
    expect(compareRates(s1.rate, s0.rate)).toBe(1);
    const rate = await getExchangeRate(client);
    expect(rate).toEqual(s1.rate);
    const apr = aprFromSamples(rateBefore, { rate: s1.rate, timeSecs: s1.nowSecs });
    expect(apr.aprPpm).toBeGreaterThan(0n);
  });

  it("unstake while the stream is live: view quote and local math equal the kAPT paid", async () => {
    const pos = await getPosition(client, addr);
    const shares = pos.stkaptBalance / 3n;
    const vault = await getVaultState(client);
    const quote = await quoteUnstake(client, shares);
    const r = await execute(client, unstake({ amount: shares }), user);
    const paid = r.events.find(isEvent("vault::Unstaked"))?.data.kaptAmount;
    expect(paid).toBe(quoteUnstakeLocal(vault, shares, r.timestampSecs).kaptOut);
    expect(paid).toBe(quote.kaptOut);
    const after = await getPosition(client, addr);
    expect(after.kaptBalance - pos.kaptBalance).toBe(paid);
  });

  let ticket: `0x${string}`;
  it("request_withdrawal: quote equals the ticket; the ticket shows in the position with a countdown", async () => {
    const amount = 20n * APT;
    const quote = await quoteRequestWithdrawal(client, amount);
    const r = await execute(client, requestWithdrawal({ amount }), user);
    const ev = r.events.find(isEvent("withdrawals::WithdrawalRequested"));
    ticket = ev?.data.ticket as `0x${string}`;
    expect(ev?.data.kaptBurned).toBe(amount);
    expect(ev?.data.unlockAt).toBe(quote.unlockAt);
    // Spec (docs/protocol.md, request_withdrawal): each part pays min(wanted, measured pending_inactive
    // increase) less the measured drop of the protocol's stake there, so the framework's share rounding (up to
    // 2 octas per pool part) is borne by the requester;
    // gateway::quote_request_withdrawal returns the planned amount, i.e. an upper bound that is exact up to it.
    const paid = ev?.data.aptAmount ?? 0n;
    const parts = BigInt((await getTicket(client, ticket)).pools.length);
    expect(parts).toBeGreaterThan(0n);
    expect(quote.aptOut - paid).toBeGreaterThanOrEqual(0n);
    expect(quote.aptOut - paid).toBeLessThanOrEqual(2n * parts); // the requester bears the rounding: up to 2 octas per part
    const pos = await getPosition(client, addr);
    const t = pos.tickets.find((x) => BigInt(x.id) === BigInt(ticket));
    expect(t?.ready).toBe(false);
    expect(t?.aptAmount).toBe(paid);
    expect(t?.countdown.secondsLeft).toBe(t ? t.unlockAt - pos.nowSecs : -1n);
    expect(t?.countdown.label).toMatch(/\d+d \d+h \d+m|\d+h \d+m/);
  });

  it("unstake_and_request_withdrawal: quote equals the kAPT unstaked and the ticket", async () => {
    const pos = await getPosition(client, addr);
    const shares = pos.stkaptBalance / 2n;
    const quote = await quoteUnstakeAndRequestWithdrawal(client, shares);
    const r = await execute(client, unstakeAndRequestWithdrawal({ amount: shares }), user);
    expect(r.events.find(isEvent("vault::Unstaked"))?.data.kaptAmount).toBe(quote.kaptOut);
    const requested = r.events.find(isEvent("withdrawals::WithdrawalRequested"));
    const paid = requested?.data.aptAmount ?? 0n;
    // Upper bound exact up to the framework's unlock rounding, 1 octa per part (see request_withdrawal above).
    const parts = BigInt((await getTicket(client, requested?.data.ticket ?? "0x0")).pools.length);
    expect(quote.aptOut - paid).toBeGreaterThanOrEqual(0n);
    expect(quote.aptOut - paid).toBeLessThanOrEqual(2n * parts); // the requester bears the rounding: up to 2 octas per part
    expect(requested?.data.unlockAt).toBe(quote.unlockAt);
  });

  it("claim before unlock is blocked with a decoded move_abort (E_TICKET_NOT_READY), nothing submitted", async () => {
    const q = await quoteClaim(client, addr, [ticket]);
    expect(q.ready).toBe(false);
    const stages: string[] = [];
    const err = await execute(client, claim({ tickets: [ticket], owner: addr }), user, {
      onStage: (e) => stages.push(e.stage),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KofiError);
    expect((err as KofiError).code).toBe("move_abort");
    expect((err as KofiError).abort?.module).toBe("withdrawals");
    expect((err as KofiError).abort?.name).toBe("E_TICKET_NOT_READY");
    expect((err as KofiError).message).toContain("lockup cycle has not ended");
    expect(stages).not.toContain("submitted");
    expect(stages.at(-1)).toBe("failed");
  });

  it("after the 14-day lockup the tickets are ready and claim pays the quoted APT", async () => {
    await net.advance({ seconds: 15 * DAY });
    const pos = await getPosition(client, addr);
    expect(pos.readyTickets.length).toBe(pos.tickets.length);
    expect(pos.tickets.length).toBe(2);
    const ids = pos.tickets.map((t) => t.id);
    const q = await quoteClaim(client, addr, ids);
    expect(q.ready).toBe(true);
    expect(q.aptOut).toBe(pos.claimableApt);
    const r = await execute(client, claim({ tickets: ids, owner: addr }), user);
    const claimed = r.events.filter(isEvent("withdrawals::WithdrawalClaimed"));
    expect(claimed.length).toBe(2);
    expect(claimed.reduce((s, e) => s + e.data.aptAmount, 0n)).toBe(q.aptOut);
    const after = await getPosition(client, addr);
    expect(after.tickets).toEqual([]);
    expect(after.aptBalance - pos.aptBalance).toBe(q.aptOut - gasFee(r));
  });
});
