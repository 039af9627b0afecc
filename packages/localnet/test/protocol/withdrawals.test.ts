import { describe, expect, it } from "vitest";
import type { TxRecord } from "../../src/chain.ts";
import type { Address } from "../../src/runtime/port.ts";
import { APT, DAY, EPOCH, Kit, LOCKUP } from "../kofi-testkit.ts";

function depositor(k: Kit, n: number, apt: bigint) {
  const u = k.user(n);
  k.call(u, "gateway", "deposit", [apt, 0n]);
  return u;
}

function request(k: Kit, u: Address, kapt: bigint) {
  const r = k.call(u, "gateway", "request_withdrawal", [kapt]);
  const ev = k.events(r, "withdrawals::WithdrawalRequested")[0] as {
    ticket: Address;
    apt_amount: bigint;
    unlock_at: bigint;
    kapt_burned: bigint;
  };
  return { r, ...ev };
}

function parts(k: Kit, r: TxRecord): number {
  return k.events(r, "staking_manager::Unlocked").length;
}

/**
 * Executed APT is the quote, or at most 2 octas less per unlocked part: the requester bears the framework's share
 * rounding, measured as the drop of the protocol's whole stake in the pool (one octa buying pending_inactive
 * shares, one redeeming active ones).
 */
function expectDrift(actual: bigint, quote: bigint, nParts: number) {
  expect(actual <= quote && actual >= quote - 2n * BigInt(nParts), `apt ${actual} vs quote ${quote}`).toBe(
    true,
  );
}

describe("kofi (interpreted move/sources): withdrawals", () => {
  it("request -> claim before unlock fails -> after the lockup cycle the claim pays the ticket to the octa", () => {
    const k = new Kit();
    const u = depositor(k, 1, 3_000n * APT);
    k.chain.advanceEpochs(2);
    const amount = 1_000n * APT;
    const [qApt, qUnlock] = k.view("quote_request_withdrawal", [amount]) as [bigint, bigint];
    const kaptBefore = k.kapt(u);
    const t = request(k, u, amount);
    expect(k.kapt(u)).toBe(kaptBefore - amount);
    expect(t.kapt_burned).toBe(amount);
    // the framework's share rounding may unlock 1 octa less per part than asked; the requester bears it
    // (spec). Move's quote_request_withdrawal returns the planned amount, so it can be 1 octa above.
    expectDrift(t.apt_amount, qApt, parts(k, t.r));
    expect(t.unlock_at).toBe(qUnlock);
    expect(t.unlock_at).toBeGreaterThan(k.chain.nowSecs());
    expect(t.unlock_at).toBeLessThanOrEqual(k.chain.nowSecs() + LOCKUP);
    expect(k.ticketsOf(u)).toEqual([t.ticket]);
    const [info] = k.view("ticket_info", [t.ticket]) as [Record<string, unknown>];
    expect(info).toMatchObject({
      id: t.ticket,
      owner: u,
      kapt_burned: amount,
      apt_amount: t.apt_amount,
      ready: false,
    });
    expect(k.view("quote_claim", [u, [t.ticket]])).toEqual([t.apt_amount, false]);

    k.fails(u, "gateway", "claim", [[t.ticket]], "withdrawals", "E_TICKET_NOT_READY");
    k.chain.advanceSeconds(t.unlock_at - k.chain.nowSecs() - 1n);
    k.fails(u, "gateway", "claim", [[t.ticket]], "withdrawals", "E_TICKET_NOT_READY");

    // the lockup ends at an epoch boundary at or after unlock_at
    k.chain.advanceEpochs(1);
    expect(k.chain.nowSecs()).toBeGreaterThanOrEqual(t.unlock_at);
    expect(k.view("quote_claim", [u, [t.ticket]])).toEqual([t.apt_amount, true]);
    const aptBefore = k.apt(u);
    const c = k.call(u, "gateway", "claim", [[t.ticket]]);
    expect(k.apt(u) - aptBefore).toBe(t.apt_amount);
    expect(k.events(c, "withdrawals::WithdrawalClaimed")).toEqual([
      { ticket: t.ticket, owner: u, apt_amount: t.apt_amount },
    ]);
    expect(k.ticketsOf(u)).toEqual([]);
    // double claim
    k.fails(u, "gateway", "claim", [[t.ticket]], "withdrawals", "E_TICKET_NOT_FOUND");
    k.viewFails("ticket_info", [t.ticket], "E_TICKET_NOT_FOUND");
    const st = k.view("protocol_state")[0] as { ticket_liabilities: bigint };
    expect(st.ticket_liabilities).toBe(0n);
  });

  it("advancing 14 days always matures a ticket", () => {
    const k = new Kit();
    const u = depositor(k, 1, 500n * APT);
    k.chain.advanceSeconds(3n * DAY + 123n);
    const t = request(k, u, 200n * APT);
    k.chain.advanceSeconds(14n * DAY);
    const before = k.apt(u);
    k.call(u, "gateway", "claim", [[t.ticket]]);
    expect(k.apt(u) - before).toBe(t.apt_amount);
  });

  it("claims of several tickets in one batch; another user's ticket; batch limits", () => {
    const k = new Kit();
    const u = depositor(k, 1, 5_000n * APT);
    const other = depositor(k, 2, 500n * APT);
    const tickets = [request(k, u, 100n * APT), request(k, u, 150n * APT), request(k, u, 200n * APT)];
    const foreign = request(k, other, 100n * APT);
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    k.fails(u, "gateway", "claim", [[foreign.ticket]], "withdrawals", "E_NOT_TICKET_OWNER");
    k.fails(
      u,
      "gateway",
      "claim",
      [[tickets[0]?.ticket, foreign.ticket]],
      "withdrawals",
      "E_NOT_TICKET_OWNER",
    );
    k.fails(u, "gateway", "claim", [[]], "withdrawals", "E_EMPTY_BATCH");
    const many = Array.from({ length: 21 }, () => tickets[0]?.ticket as Address);
    k.fails(u, "gateway", "claim", [many], "withdrawals", "E_BATCH_TOO_LARGE");
    k.viewFails("quote_claim", [u, []], "E_EMPTY_BATCH");
    k.viewFails("quote_claim", [u, many], "E_BATCH_TOO_LARGE");
    k.viewFails("quote_claim", [u, [foreign.ticket]], "E_NOT_TICKET_OWNER");
    // a duplicate in one batch: the second one is gone
    const t0 = tickets[0]?.ticket as Address;
    k.fails(u, "gateway", "claim", [[t0, t0]], "withdrawals", "E_TICKET_NOT_FOUND");
    const total = tickets.reduce((a, t) => a + t.apt_amount, 0n);
    const ids = tickets.map((t) => t.ticket);
    expect(k.view("quote_claim", [u, ids])).toEqual([total, true]);
    const before = k.apt(u);
    const c = k.call(u, "gateway", "claim", [ids]);
    expect(k.apt(u) - before).toBe(total);
    expect(k.events(c, "withdrawals::WithdrawalClaimed")).toHaveLength(3);
    const b2 = k.apt(other);
    k.call(other, "gateway", "claim", [[foreign.ticket]]);
    expect(k.apt(other) - b2).toBe(foreign.apt_amount);
  });

  it("unlocks from disabled pools first, then the most over-weight pool", () => {
    const k = new Kit();
    const u = depositor(k, 1, 100n * APT);
    for (let i = 0; i < 12; i++) k.call(u, "gateway", "deposit", [300n * APT, 0n]);
    const [p0, p1, p2] = k.pools as [Address, Address, Address];
    // make p2 heavily over-weight
    k.call(k.admin, "staking_manager", "set_weights", [
      [p0, p1, p2],
      [5000n, 4900n, 100n],
    ]);
    const t = request(k, u, 50n * APT);
    const unl = k.events(t.r, "staking_manager::Unlocked");
    expect(unl[0]?.pool).toBe(p2);
    // disable p0: it is unlocked first
    k.call(k.admin, "staking_manager", "disable_pool", [p0]);
    k.call(k.admin, "staking_manager", "set_weights", [
      [p1, p2],
      [5000n, 5000n],
    ]);
    const t2 = request(k, u, 50n * APT);
    expect(k.events(t2.r, "staking_manager::Unlocked")[0]?.pool).toBe(p0);
  });

  it("E_INSUFFICIENT_UNLOCKABLE: pools keep 10 APT active and a new pending_inactive balance needs 10 APT", () => {
    const k = new Kit();
    const u = k.user(1);
    k.call(u, "gateway", "deposit", [4n * APT, 0n]);
    // every pool has at most about 16 APT active: less than 10 APT above the minimum, so no new unlock fits
    k.fails(u, "gateway", "request_withdrawal", [APT], "staking_manager", "E_INSUFFICIENT_UNLOCKABLE");
    k.viewFails("quote_request_withdrawal", [APT], "E_INSUFFICIENT_UNLOCKABLE");
    const big = k.user(2);
    k.call(big, "gateway", "deposit", [100n * APT, 0n]);
    k.viewFails("quote_request_withdrawal", [1_000n * APT], "E_INSUFFICIENT_UNLOCKABLE");
    request(k, u, APT);
  });

  it("request aborts: zero, below minimum, paused; quote aborts alike", () => {
    const k = new Kit();
    const u = depositor(k, 1, 100n * APT);
    k.fails(u, "gateway", "request_withdrawal", [0n], "gateway", "E_ZERO_AMOUNT");
    k.fails(u, "gateway", "request_withdrawal", [1_000n], "gateway", "E_BELOW_MIN_WITHDRAWAL");
    k.viewFails("quote_request_withdrawal", [0n], "E_ZERO_AMOUNT");
    k.viewFails("quote_request_withdrawal", [1_000n], "E_BELOW_MIN_WITHDRAWAL");
    k.call(k.admin, "config", "set_paused", [3n, true]);
    k.fails(u, "gateway", "request_withdrawal", [APT], "config", "E_PAUSED");
  });

  it("unstake_and_request_withdrawal: quote equals the executed ticket", () => {
    const k = new Kit();
    const u = k.user(1);
    k.call(u, "gateway", "deposit_and_stake", [1_000n * APT, 0n]);
    k.chain.advanceEpochs(3);
    k.call(u, "rewards", "sync_rewards", []);
    k.chain.advanceSeconds(EPOCH / 2n);
    const shares = k.stkapt(u) / 2n;
    const [qKapt, qApt, qUnlock] = k.view("quote_unstake_and_request_withdrawal", [shares]) as [
      bigint,
      bigint,
      bigint,
    ];
    const r = k.call(u, "gateway", "unstake_and_request_withdrawal", [shares, qKapt]);
    expect(k.events(r, "vault::Unstaked")[0]?.kapt_amount).toBe(qKapt);
    const ev = k.events(r, "withdrawals::WithdrawalRequested")[0];
    expect(ev).toMatchObject({ owner: u, kapt_burned: qKapt, unlock_at: qUnlock });
    expectDrift(ev?.apt_amount as bigint, qApt, parts(k, r));
    k.fails(u, "gateway", "unstake_and_request_withdrawal", [shares, qKapt * 2n], "gateway", "E_SLIPPAGE");
    k.fails(u, "gateway", "unstake_and_request_withdrawal", [1n, 0n], "gateway", "E_BELOW_MIN_WITHDRAWAL");
  });

  it("transfer_ticket moves ownership and the index; the new owner claims", () => {
    const k = new Kit();
    const u = depositor(k, 1, 500n * APT);
    const v = k.user(2);
    const t = request(k, u, 100n * APT);
    k.fails(u, "gateway", "transfer_ticket", [t.ticket, u], "withdrawals", "E_SELF_TRANSFER");
    k.fails(v, "gateway", "transfer_ticket", [t.ticket, v], "withdrawals", "E_NOT_TICKET_OWNER");
    k.fails(u, "gateway", "transfer_ticket", [v, u], "withdrawals", "E_TICKET_NOT_FOUND");
    const r = k.call(u, "gateway", "transfer_ticket", [t.ticket, v]);
    expect(k.events(r, "withdrawals::TicketTransferred")).toEqual([{ ticket: t.ticket, from: u, to: v }]);
    expect(k.ticketsOf(u)).toEqual([]);
    expect(k.ticketsOf(v)).toEqual([t.ticket]);
    const [summary] = k.view("user_summary", [v]) as [{ tickets: { id: Address; owner: Address }[] }];
    expect(summary.tickets.map((x) => [x.id, x.owner])).toEqual([[t.ticket, v]]);
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    k.fails(u, "gateway", "claim", [[t.ticket]], "withdrawals", "E_NOT_TICKET_OWNER");
    const before = k.apt(v);
    k.call(v, "gateway", "claim", [[t.ticket]]);
    expect(k.apt(v) - before).toBe(t.apt_amount);
  });

  it("claim still works while every action is paused", () => {
    const k = new Kit();
    const u = depositor(k, 1, 500n * APT);
    const t = request(k, u, 100n * APT);
    for (const a of [0n, 1n, 2n, 3n]) k.call(k.admin, "config", "set_paused", [a, true]);
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    const before = k.apt(u);
    k.call(u, "gateway", "claim", [[t.ticket]]);
    expect(k.apt(u) - before).toBe(t.apt_amount);
  });

  it("side-effect withdrawals: a new unlock in a pool with a matured ticket moves that APT to idle; the old ticket still pays", () => {
    const k = new Kit();
    const u = depositor(k, 1, 3_000n * APT);
    const first = request(k, u, 100n * APT);
    const pool = k.events(first.r, "staking_manager::Unlocked")[0]?.pool as Address;
    k.chain.advanceSeconds(LOCKUP + EPOCH); // the first ticket's stake is now inactive
    const second = request(k, u, 100n * APT);
    const unl = k.events(second.r, "staking_manager::Unlocked");
    expect(unl[0]?.pool).toBe(pool);
    const side = unl[0]?.side_withdrawn as bigint;
    expect(side).toBeGreaterThanOrEqual(first.apt_amount);
    const st = k.view("protocol_state")[0] as { idle_apt: bigint; ticket_liabilities: bigint };
    expect(st.idle_apt).toBe(side);
    expect(st.ticket_liabilities).toBe(first.apt_amount + second.apt_amount);
    // rebalance keeps idle only the APT of matured tickets (the first); the second is still in its lockup cycle
    k.call(k.admin, "staking_manager", "rebalance", []);
    const after = k.view("protocol_state")[0] as { idle_apt: bigint };
    const reserved = first.apt_amount;
    expect(after.idle_apt).toBe(side - reserved >= APT ? reserved : side);
    const before = k.apt(u);
    k.call(u, "gateway", "claim", [[first.ticket]]);
    expect(k.apt(u) - before).toBe(first.apt_amount);
    k.fails(u, "gateway", "claim", [[second.ticket]], "withdrawals", "E_TICKET_NOT_READY");
  });

  it("a request larger than one pool can give becomes a ticket with several parts", () => {
    const k = new Kit();
    const u = depositor(k, 1, 90n * APT);
    for (let i = 0; i < 5; i++) k.call(u, "gateway", "deposit", [90n * APT, 0n]);
    const amount = k.kapt(u) - 30n * APT;
    const [qApt] = k.view("quote_request_withdrawal", [amount]) as [bigint, bigint];
    const t = request(k, u, amount);
    const n = parts(k, t.r);
    expect(n).toBeGreaterThan(1);
    expectDrift(t.apt_amount, qApt, n);
    const [info] = k.view("ticket_info", [t.ticket]) as [{ pools: Address[] }];
    expect(info.pools).toHaveLength(n);
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    const before = k.apt(u);
    k.call(u, "gateway", "claim", [[t.ticket]]);
    expect(k.apt(u) - before).toBe(t.apt_amount);
  });

  it("a ticket in a validator that left the set is ready and its claim pays the pending_inactive stake to the octa", () => {
    // mirrors move/tests/withdrawals_tests.move test_claim_after_validator_left_the_set: an inactive validator
    // never inactivates its pending_inactive stake, so get_pending_withdrawal reports (false, amount); the
    // ticket is ready through can_withdraw_pending_inactive and withdraw_inactive withdraws in that case too
    const k = new Kit();
    const u = depositor(k, 1, 1_000n * APT);
    const t = request(k, u, 200n * APT);
    const pool = k.events(t.r, "staking_manager::Unlocked")[0]?.pool as Address;
    k.chain.leaveValidatorSet(pool);
    k.chain.advanceEpochs(1);
    const st = k.view("protocol_state")[0] as { validators: { pool: Address; validator_active: boolean }[] };
    expect(st.validators.find((v) => v.pool === pool)?.validator_active).toBe(false);
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    const pw = k.read((rt) => rt.framework.getPendingWithdrawal(pool, k.protocolAddress()));
    expect(pw.withdrawable).toBe(false);
    expect(pw.amount).toBeGreaterThanOrEqual(t.apt_amount);
    expect(k.view("quote_claim", [u, [t.ticket]])).toEqual([t.apt_amount, true]);
    const before = k.apt(u);
    const c = k.call(u, "gateway", "claim", [[t.ticket]]);
    expect(k.apt(u) - before).toBe(t.apt_amount);
    expect(k.events(c, "withdrawals::WithdrawalClaimed")).toEqual([
      { ticket: t.ticket, owner: u, apt_amount: t.apt_amount },
    ]);
    const after = k.view("protocol_state")[0] as { ticket_liabilities: bigint };
    expect(after.ticket_liabilities).toBe(0n);
  });

  it("a withdrawal in the same epoch as large deposits stays within each stake pool's active stake", () => {
    // mirrors move/tests/staking_manager_tests.move test_unlock_stays_within_stake_pool_active: validators with
    // 1000 APT of their own; this epoch's deposits are pending_active, so each stake pool's active stake is
    // still 1000 APT although the protocol's active balance (delegation_pool::get_stake) includes them
    const k = new Kit({
      commissions: [0n, 1000n, 500n],
      weights: [5000n, 3000n, 2000n],
      validatorStake: 1_000n * APT,
      // the Move test's staking config (test_helpers::setup_framework): 100 APT minimum, no practical
      // voting power increase limit (mainnet's 20 % of 3,000 APT would refuse the 2,000 APT deposit)
      stakeLimits: {
        minimumStake: 100n * APT,
        maximumStake: 10_000_000n * APT,
        votingPowerIncreaseLimitPct: 1_000_000n,
      },
    });
    const [p1, p2, p3] = k.pools as [Address, Address, Address];
    const u = k.user(1, 5_000n * APT);
    const deposit = (apt: bigint) =>
      k.events(k.call(u, "gateway", "deposit", [apt, 0n]), "gateway::Deposited")[0]?.pool;
    expect([deposit(2_000n * APT), deposit(1_200n * APT), deposit(800n * APT)]).toEqual([p1, p2, p3]);
    const stakeActive = (p: Address) => k.read((rt) => rt.framework.stakeGetStake(p).active);
    for (const p of [p1, p2, p3]) expect(stakeActive(p)).toBe(1_000n * APT);
    // unlock order p3, p2, p1; p2 alone could give ~1190 APT above its minimum, but the framework's unlock
    // aborts above the stake pool's active stake, so each part stays below 1000 APT and p1 gives the rest
    const t = request(k, u, 2_500n * APT);
    const unl = k.events(t.r, "staking_manager::Unlocked");
    expect(unl.map((e) => e.pool)).toEqual([p3, p2, p1]);
    for (const e of unl) expect(e.requested as bigint).toBeLessThan(1_000n * APT);
    const [info] = k.view("ticket_info", [t.ticket]) as [{ pools: Address[]; apt_amount: bigint }];
    expect(info.pools).toHaveLength(3);
    expect(t.apt_amount <= 2_500n * APT && t.apt_amount + 3n >= 2_500n * APT).toBe(true);
  });
});
