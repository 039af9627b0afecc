/**
 * Named attacks on the Kofi Move, each run as transactions on the localnet's chain (the kit's
 * `Chain.execute`), each asserting the figure it measures: what the attacker gains or loses, in octas.
 * Figures are printed as `FIGURE <attack>: <value>` (collected in docs/security.md).
 */
import { describe, expect, it } from "vitest";
import type { Address } from "../../src/runtime/port.ts";
import { validatorOps } from "../../src/validators.ts";
import { ADMIN_CALLS, adminEntriesInMove } from "../kofi-properties.ts";
import { APT, EPOCH, Kit, LOCKUP, snapshot } from "../kofi-testkit.ts";

function figure(name: string, value: bigint | number, unit = "octas"): void {
  console.log(`FIGURE ${name}: ${value} ${unit}`);
}

/** kAPT value of `a`'s stkAPT at the current rate, floor. */
function stkValue(k: Kit, a: Address): bigint {
  const [n, d] = k.rate();
  return (k.stkapt(a) * n) / d;
}

/** Everything `a` holds, valued in octas: APT + kAPT + stkAPT at the current rate + tickets' APT. */
function worth(k: Kit, a: Address): bigint {
  const s = k.view("user_summary", [a])[0] as { tickets: { apt_amount: bigint }[] };
  return k.apt(a) + k.kapt(a) + stkValue(k, a) + s.tickets.reduce((x, t) => x + t.apt_amount, 0n);
}

/** Transfers kAPT as a plain fungible-asset transfer (outside the protocol). */
function sendKapt(k: Kit, from: Address, to: Address, amount: bigint) {
  const r = k.chain.execute(from, (rt, s) => rt.framework.faTransfer(s, k.kaptMeta, to, amount), {
    chargeGas: false,
  });
  expect(r.success, r.vmStatus).toBe(true);
}

function sendApt(k: Kit, from: Address, to: Address, amount: bigint) {
  const r = k.chain.execute(from, (rt, s) => rt.framework.aptTransfer(s, to, amount), { chargeGas: false });
  expect(r.success, r.vmStatus).toBe(true);
}

function ticketOf(k: Kit, r: ReturnType<Kit["call"]>): { ticket: Address; apt_amount: bigint } {
  return k.events(r, "withdrawals::WithdrawalRequested")[0] as { ticket: Address; apt_amount: bigint };
}

function fullSolvency(k: Kit): bigint {
  const s = k.solvency();
  return s.controlled - s.userLiabilities - s.equity;
}

describe("attacks: the vault", () => {
  it("first depositor / share inflation: a donation to the vault store does not move the rate; the victim loses at most one share's rounding", () => {
    const k = new Kit();
    const attacker = k.user(1);
    const victim = k.user(2);
    const start = worth(k, attacker);
    k.call(attacker, "gateway", "deposit", [10_050n * APT, 0n]);
    // the smallest possible stake, then a large donation straight into the vault's kAPT store
    k.call(attacker, "gateway", "stake", [1n, 0n]);
    const rateBefore = k.rate();
    sendKapt(k, attacker, k.protocolAddress(), 10_000n * APT);
    expect(k.rate()).toEqual(rateBefore); // the vault counts kAPT it booked, not its store's balance
    // the victim stakes 1 APT of kAPT
    k.call(victim, "gateway", "deposit", [2n * APT, 0n]);
    const victimKapt = k.kapt(victim);
    k.call(victim, "gateway", "stake", [victimKapt, 0n]);
    const victimLoss = victimKapt - stkValue(k, victim);
    k.call(attacker, "gateway", "unstake", [k.stkapt(attacker), 0n]);
    const attackerGain = worth(k, attacker) - start;
    figure("first depositor: victim's loss staking 2 APT after a 10,000 APT donation", victimLoss);
    figure("first depositor: attacker's gain", attackerGain);
    expect(victimLoss).toBeGreaterThanOrEqual(0n);
    expect(victimLoss).toBeLessThanOrEqual(2n);
    // the attacker loses the donation (10,000 APT) and the deposit's add-stake fee
    expect(attackerGain).toBeLessThan(-10_000n * APT);
  });

  it("donation of APT to the protocol account: not counted, nothing minted, the donor loses it all", () => {
    const k = new Kit();
    const holder = k.user(2);
    k.call(holder, "gateway", "deposit_and_stake", [100n * APT, 0n]);
    k.chain.advanceEpochs(1);
    k.call(holder, "rewards", "sync_rewards", []);
    const donor = k.user(1);
    const before = k.solvency();
    const rate = k.rate();
    const donorBefore = worth(k, donor);
    sendApt(k, donor, k.protocolAddress(), 1_000n * APT);
    const sync = k.call(donor, "rewards", "sync_rewards", []);
    expect(k.events(sync, "rewards::RewardsSynced")).toEqual([]); // no new rewards from the donation
    expect(k.solvency()).toEqual(before);
    expect(k.rate()).toEqual(rate);
    const loss = donorBefore - worth(k, donor);
    figure("donation to the protocol account: donor's loss for 1,000 APT", loss);
    figure(
      "donation to the protocol account: APT counted by the protocol",
      k.solvency().controlled - before.controlled,
    );
    expect(loss).toBe(1_000n * APT);
  });

  it("reward sniping around a sync: staking just before a sync and leaving after it gains nothing", () => {
    const k = new Kit({ rewardRate: { bpsPerEpoch: 100n } });
    const honest = k.user(2);
    k.call(honest, "gateway", "deposit_and_stake", [10_000n * APT, 0n]);
    const sniper = k.user(1);
    k.call(sniper, "gateway", "deposit", [10_001n * APT, 0n]);
    k.chain.advanceEpochs(1);
    k.call(honest, "rewards", "sync_rewards", []);
    // a whole epoch of rewards is paid by the pools at the epoch end, unsynced; the sniper enters before the sync
    k.chain.advanceEpochs(1);
    const kapt = k.kapt(sniper);
    const st = k.call(sniper, "gateway", "stake", [kapt, 0n]); // syncs first: the rewards start streaming
    expect(k.events(st, "rewards::RewardsSynced")).toHaveLength(1);
    k.call(sniper, "gateway", "unstake", [k.stkapt(sniper), 0n]);
    const sameBlock = k.kapt(sniper) - kapt;
    figure("reward sniping (stake before the sync, unstake in the same block): sniper's gain", sameBlock);
    expect(sameBlock).toBeLessThanOrEqual(0n);
    // leaving one second later: the stream has released one second of the epoch's rewards
    const kapt2 = k.kapt(sniper);
    k.call(sniper, "gateway", "stake", [kapt2, 0n]);
    k.chain.advanceSeconds(1n);
    k.call(sniper, "gateway", "unstake", [k.stkapt(sniper), 0n]);
    const oneSecond = k.kapt(sniper) - kapt2;
    figure("reward sniping (held 1 s after the sync): sniper's gain", oneSecond);
    const v = k.vault();
    // at most its share of one second of the stream
    expect(oneSecond).toBeLessThanOrEqual(v.stream_amount / (v.stream_end - v.stream_start) + 1n);
  });

  it("many tiny unstakes: each floor rounds toward the vault; 200 one-share unstakes never beat one unstake", () => {
    const k = new Kit({ rewardRate: { bpsPerEpoch: 100n } });
    const a = k.user(1);
    const b = k.user(2);
    for (const u of [a, b]) k.call(u, "gateway", "deposit_and_stake", [100n * APT, 0n]);
    k.chain.advanceEpochs(3);
    k.call(a, "rewards", "sync_rewards", []);
    k.chain.advanceEpochs(1); // the stream released: rate ~1.03
    k.call(a, "rewards", "sync_rewards", []);
    k.checkInvariant = false;
    const ka = k.kapt(a);
    let tinyFailures = 0;
    for (let i = 0; i < 200; i++) {
      const r = k.exec(a, "gateway", "unstake", [1n, 0n]);
      if (!r.success) tinyFailures++;
    }
    const tiny = k.kapt(a) - ka;
    const kb = k.kapt(b);
    k.call(b, "gateway", "unstake", [200n, 0n]);
    expect(k.kapt(a) - ka).toBe(tiny);
    const one = k.kapt(b) - kb;
    k.assertSolvent();
    const [n, d] = k.rate();
    figure("many tiny unstakes: kAPT for 200 x 1 share", tiny);
    figure("many tiny unstakes: kAPT for 1 x 200 shares", one);
    figure("many tiny unstakes: attacker's loss vs one unstake", one - tiny);
    expect(tinyFailures).toBe(0);
    expect(tiny).toBeLessThanOrEqual(one);
    expect(tiny).toBe(200n * ((1n * n) / d)); // each returns floor(rate)
  });

  it("a zero-output unstake or stake aborts E_ZERO_SHARES instead of taking the input", () => {
    const k = new Kit();
    const a = k.user(1);
    k.call(a, "gateway", "deposit_and_stake", [1_000n * APT, 0n]);
    k.chain.advanceEpochs(2);
    k.call(a, "rewards", "sync_rewards", []);
    k.chain.advanceEpochs(1);
    k.call(a, "rewards", "sync_rewards", []);
    const [n, d] = k.rate();
    expect(n).toBeGreaterThan(d); // kAPT per share > 1: 1 octa of kAPT buys no share
    k.call(a, "gateway", "unstake", [10n * APT, 0n]);
    k.fails(a, "gateway", "stake", [1n, 0n], "vault", "E_ZERO_SHARES");
    figure("stake of 1 octa at rate > 1: kAPT taken", 0n);
  });
});

describe("attacks: tickets", () => {
  function withTicket() {
    const k = new Kit();
    const owner = k.user(1);
    const thief = k.user(2);
    k.call(owner, "gateway", "deposit", [500n * APT, 0n]);
    k.chain.advanceEpochs(1);
    const t = ticketOf(k, k.call(owner, "gateway", "request_withdrawal", [100n * APT]));
    return { k, owner, thief, ...t };
  }

  it("early claim: refused until the lockup cycle ends, at every point before it; then paid exactly once", () => {
    const { k, owner, ticket, apt_amount } = withTicket();
    const before = k.apt(owner);
    let refused = 0;
    for (const step of [0n, 1n, EPOCH, 7n * 86_400n]) {
      k.chain.advanceSeconds(step);
      if ((k.view("ticket_info", [ticket])[0] as { ready: boolean }).ready) break;
      k.fails(owner, "gateway", "claim", [[ticket]], "withdrawals", "E_TICKET_NOT_READY");
      refused++;
    }
    figure("early claim: APT paid before the lockup ends", k.apt(owner) - before);
    expect(k.apt(owner)).toBe(before);
    expect(refused).toBe(4);
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    k.call(owner, "gateway", "claim", [[ticket]]);
    expect(k.apt(owner) - before).toBe(apt_amount);
  });

  it("double claim: the second claim (alone or in the same batch) finds no ticket; paid once", () => {
    const { k, owner, ticket, apt_amount } = withTicket();
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    const before = k.apt(owner);
    k.fails(owner, "gateway", "claim", [[ticket, ticket]], "withdrawals", "E_TICKET_NOT_FOUND");
    k.call(owner, "gateway", "claim", [[ticket]]);
    k.fails(owner, "gateway", "claim", [[ticket]], "withdrawals", "E_TICKET_NOT_FOUND");
    const paid = k.apt(owner) - before;
    figure("double claim: APT paid for one ticket claimed three times", paid);
    expect(paid).toBe(apt_amount);
  });

  it("another's ticket: claim, transfer_ticket and a raw 0x1::object transfer are all refused", () => {
    const { k, owner, thief, ticket } = withTicket();
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    const thiefBefore = worth(k, thief);
    k.fails(thief, "gateway", "claim", [[ticket]], "withdrawals", "E_NOT_TICKET_OWNER");
    k.fails(thief, "gateway", "transfer_ticket", [ticket, thief], "withdrawals", "E_NOT_TICKET_OWNER");
    k.viewFails("quote_claim", [thief, [ticket]], "E_NOT_TICKET_OWNER");
    // the framework's object transfer: the thief does not own it, and the owner cannot bypass the index
    // (ungated transfer is disabled on tickets)
    const state = snapshot(k.chain);
    for (const who of [thief, owner]) {
      expect(() => k.chain.runAs(who, "0x1::object", "transfer_call", [ticket, thief])).toThrow();
    }
    expect(snapshot(k.chain)).toBe(state);
    figure("another's ticket: thief's gain", worth(k, thief) - thiefBefore);
    expect(worth(k, thief)).toBe(thiefBefore);
    expect(k.ticketsOf(owner)).toEqual([ticket]);
  });
});

describe("attacks: admin and pauses", () => {
  // the property runner's list (its `notAdmin` action draws from it), checked against the Move source below
  const adminCalls = (x: Address, p: Address): [string, string, unknown[]][] =>
    ADMIN_CALLS.map(([m, f, args]) => [m, f, args(x, p)]);

  it("the admin entries exercised are exactly the entry functions of move/sources that call assert_admin", () => {
    const listed = ADMIN_CALLS.map(([m, f]) => `${m}::${f}`).sort();
    const inMove = adminEntriesInMove();
    expect(inMove).toContain("config::set_max_commission_bps");
    // permissionless entries (they move only the protocol's own APT) must not be counted as admin ones
    for (const open of ["staking_manager::rebalance", "staking_manager::withdraw_inactive_stake"])
      expect(inMove).not.toContain(open);
    expect(listed).toEqual(inMove);
  });

  it("non-admin on every admin entry: a user, the pending admin before accepting, the old admin after, the treasury, a validator owner", () => {
    const k = new Kit();
    const user = k.user(1);
    const pending = k.user(2);
    const treasury = k.user(3);
    k.call(k.admin, "config", "set_treasury", [treasury]);
    k.call(k.admin, "config", "transfer_admin", [pending]);
    const p = k.pools[0] as Address;
    const validatorOwner = "0x0000000000000000000000000000000000000000000000000000000000000100" as Address;
    let refused = 0;
    for (const x of [user, pending, treasury, validatorOwner])
      for (const [m, f, args] of adminCalls(x, p)) {
        k.fails(x, m, f, args, "config", "E_NOT_ADMIN");
        refused++;
      }
    k.call(pending, "config", "accept_admin", []);
    for (const [m, f, args] of adminCalls(k.admin, p)) {
      k.fails(k.admin, m, f, args, "config", "E_NOT_ADMIN");
      refused++;
    }
    const entries = adminCalls(user, p).length;
    expect(entries).toBe(adminEntriesInMove().length);
    figure(
      `non-admin calls refused (${entries} admin entries x 5 callers), state changes`,
      0n,
      `of ${refused}`,
    );
    expect(refused).toBe(entries * 5);
  });

  it("every paused action is refused while transfers, syncs and matured claims still work", () => {
    const k = new Kit();
    const u = k.user(1);
    const other = k.user(2);
    k.call(u, "gateway", "deposit", [1_000n * APT, 0n]);
    k.call(u, "gateway", "stake", [300n * APT, 0n]);
    k.chain.advanceEpochs(1);
    const t1 = ticketOf(k, k.call(u, "gateway", "request_withdrawal", [100n * APT]));
    const t2 = ticketOf(k, k.call(u, "gateway", "request_withdrawal", [50n * APT]));
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    for (let a = 0n; a < 4n; a++) k.call(k.admin, "config", "set_paused", [a, true]);
    const blocked: [string, unknown[]][] = [
      ["deposit", [APT, 0n]],
      ["deposit_and_stake", [APT, 0n]],
      ["stake", [APT, 0n]],
      ["unstake", [APT, 0n]],
      ["request_withdrawal", [APT]],
      ["unstake_and_request_withdrawal", [APT, 0n]],
    ];
    for (const [fn, args] of blocked) k.fails(u, "gateway", fn, args, "config", "E_PAUSED");
    k.call(u, "rewards", "sync_rewards", []);
    k.call(u, "gateway", "transfer_ticket", [t2.ticket, other]);
    const before = k.apt(u);
    k.call(u, "gateway", "claim", [[t1.ticket]]);
    const b2 = k.apt(other);
    k.call(other, "gateway", "claim", [[t2.ticket]]);
    figure("matured claims while everything is paused: APT paid vs owed", k.apt(u) - before - t1.apt_amount);
    expect(k.apt(u) - before).toBe(t1.apt_amount);
    expect(k.apt(other) - b2).toBe(t2.apt_amount);
    expect(blocked).toHaveLength(6);
  });
});

describe("attacks: hostile validators", () => {
  it("a validator that stops producing rewards: no principal lost, the rate holds, its rewards are forgone", async () => {
    const k = new Kit();
    const u = k.user(1);
    k.call(u, "gateway", "deposit_and_stake", [30_000n * APT, 0n]);
    k.chain.advanceEpochs(1);
    k.call(u, "rewards", "sync_rewards", []);
    const p0 = k.pools[0] as Address;
    const stakeOf = () => (k.move("staking_manager", "pool_stake", [p0]) as bigint[])[0] as bigint;
    const before = stakeOf();
    k.chain.advanceEpochs(1);
    const mid = stakeOf();
    await validatorOps(k.chain, p0).setProposals({ successful: 0n, failed: 1n });
    const rate = k.rate();
    k.chain.advanceEpochs(12);
    k.call(u, "rewards", "sync_rewards", []);
    const after = stakeOf();
    figure("validator without rewards: protocol stake change in its pool over 12 epochs", after - mid);
    figure("validator with rewards: protocol stake change in its pool over the epoch before", mid - before);
    expect(mid).toBeGreaterThan(before);
    expect(after).toBe(mid);
    const [n, d] = k.rate();
    expect(n * rate[1] >= rate[0] * d).toBe(true);
    expect(fullSolvency(k)).toBeGreaterThanOrEqual(0n);
  });

  it("commission raised to 100 % above the admin's maximum commission: principal intact, rewards from that pool stop, the next deposit skips it", async () => {
    const k = new Kit();
    const u = k.user(1);
    k.call(u, "gateway", "deposit_and_stake", [30_000n * APT, 0n]);
    k.chain.advanceEpochs(1);
    const splitPools = (apt: bigint) => (k.view("quote_deposit_split", [apt]) as [Address[]])[0];
    // the pool the next deposit would go to (the most under-weight one)
    const target = splitPools(1_000n * APT)[0] as Address;
    const stakeOf = () => (k.move("staking_manager", "pool_stake", [target]) as bigint[])[0] as bigint;
    await validatorOps(k.chain, target).setCommissionNow(10_000n);
    // no maximum yet (10000 = none): the pool at 100 % would still take the deposit
    expect(splitPools(1_000n * APT)).toEqual([target]);
    k.call(k.admin, "config", "set_max_commission_bps", [5_000n]);
    expect(splitPools(1_000n * APT)).not.toContain(target);
    const before = stakeOf();
    k.chain.advanceEpochs(12);
    k.call(u, "rewards", "sync_rewards", []);
    figure("commission 100 %: protocol stake change in that pool over 12 epochs", stakeOf() - before);
    expect(stakeOf()).toBe(before);
    const d = k.call(u, "gateway", "deposit", [1_000n * APT, 0n]);
    const delegated = k.events(d, "staking_manager::Delegated") as { pool: Address; amount: bigint }[];
    figure(
      "commission 100 % over a 50 % maximum: APT of the next 1,000 APT deposit staked in that pool",
      stakeOf() - before,
    );
    expect(delegated.map((e) => e.pool)).not.toContain(target);
    expect(delegated.reduce((a, e) => a + e.amount, 0n)).toBe(1_000n * APT);
    expect(stakeOf()).toBe(before);
    expect(fullSolvency(k)).toBeGreaterThanOrEqual(0n);
  });

  // Was a bug found by the property runner (depositAndStake(u0, 10 APT), unstakeAndRequest(u0, 100%), advance(14d),
  // evict(pool0)): the eviction's unlock first pays the delegator's inactive stake of a past lockup cycle into the
  // protocol account, outside `idle_apt`, so controlled APT dropped and the matured ticket could not be paid.
  // Fixed in Move: `staking_manager::recover_evicted` (run first by every gateway entry) books that balance delta
  // into idle APT once a pool shows the protocol evicted; `controlled_apt` counts it until then.
  it("eviction: every ticket is paid, deposits continue elsewhere, kAPT stays fully backed", async () => {
    const k = new Kit();
    const u = k.user(1);
    k.call(u, "gateway", "deposit_and_stake", [10n * APT, 0n]);
    const t = ticketOf(k, k.call(u, "gateway", "unstake_and_request_withdrawal", [k.stkapt(u), 0n]));
    k.chain.advanceSeconds(LOCKUP);
    const before = k.solvency();
    const balanceBefore = k.apt(k.protocolAddress());
    await validatorOps(k.chain, k.pools[0] as Address).evictNow(k.protocolAddress());
    // the eviction paid the matured ticket's stake into the protocol account, outside idle APT
    const paidOut = k.apt(k.protocolAddress()) - balanceBefore;
    expect(paidOut).toBeGreaterThanOrEqual(t.apt_amount);
    const after = k.solvency();
    figure("eviction: controlled APT lost from the accounting", before.controlled - after.controlled);
    expect(after.controlled).toBeGreaterThanOrEqual(after.userLiabilities + after.equity);
    // the next protocol transaction books exactly that payment into idle APT; the deposit avoids the evicted pool
    const dep = k.call(u, "gateway", "deposit", [100n * APT, 0n]);
    const rec = k.events(dep, "staking_manager::EvictionRecovered");
    expect(rec.map((e) => [e.pools, e.amount])).toEqual([[[k.pools[0]], paidOut]]);
    expect(k.events(dep, "gateway::Deposited")[0]?.pool).not.toBe(k.pools[0]);
    // later donations are not counted: the eviction is reconciled once
    const idle = k.move("staking_manager", "idle_apt")[0] as bigint;
    sendApt(k, u, k.protocolAddress(), APT);
    k.call(u, "rewards", "sync_rewards", []);
    expect(k.move("staking_manager", "idle_apt")[0]).toBe(idle);
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    const aptBefore = k.apt(u);
    k.call(u, "gateway", "claim", [[t.ticket]]);
    expect(k.apt(u) - aptBefore).toBe(t.apt_amount);
  });

  // Was a bug found by the property runner (depositAndStake(u1, 1000 APT), advance(2h), unstakeAndRequest(u1, 1%)):
  // the protocol absorbed the framework's 1-octa share rounding of a topped-up unlock. Fixed in Move: the
  // requester bears the measured drop of the protocol's total stake.
  it("a topped-up unlock leaves kAPT + tickets + equity fully backed", () => {
    const k = new Kit();
    const u = k.user(1);
    k.call(u, "gateway", "deposit_and_stake", [1_000n * APT, 0n]);
    k.chain.advanceSeconds(2n * 3_600n);
    k.call(u, "rewards", "sync_rewards", []);
    const pre = fullSolvency(k);
    k.call(u, "gateway", "unstake_and_request_withdrawal", [k.stkapt(u) / 100n, 0n]);
    figure("topped-up unlock: backing change (octas)", fullSolvency(k) - pre);
    expect(fullSolvency(k)).toBeGreaterThanOrEqual(0n);
  });
});
