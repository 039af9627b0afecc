import { kofiAbi, kofiEvents } from "@kofi/core/abi";
import { describe, expect, it } from "vitest";
import type { Address } from "../../src/runtime/port.ts";
import { validatorOps } from "../../src/validators.ts";
import { APT, DAY, EPOCH, Kit, KOFI } from "../kofi-testkit.ts";

type StructAbi = { name: string; fields: readonly { name: string }[] };
const structs = new Map<string, string[]>();
for (const [m, a] of Object.entries(
  kofiAbi.modules as unknown as Record<string, { structs: readonly StructAbi[] }>,
))
  for (const s of a.structs)
    structs.set(
      `${KOFI}::${m}::${s.name}`,
      s.fields.map((f) => f.name),
    );

/** Keys of a value that the ABI declares as struct `type`, recursively for nested Kofi structs. */
function expectLayout(type: string, value: unknown) {
  const fields = structs.get(type);
  expect(fields, `no ABI struct ${type}`).toBeDefined();
  expect(Object.keys(value as object), type).toEqual(fields);
}

/** A mixed workload of several users over many epochs. */
function run(k: Kit) {
  const users = [1, 2, 3, 4].map((n) => k.user(n));
  const tickets = new Map<Address, Address[]>();
  for (let step = 0; step < 100; step++) {
    const u = users[step % users.length] as Address;
    const i = (step * 7) % 6;
    // every quote equals the executed result to the octa
    if (i === 0) {
      const amount = BigInt(50 + step) * APT + BigInt(step * 12_345);
      const [fee, out] = k.view("quote_deposit", [amount]) as [bigint, bigint];
      const r = k.call(u, "gateway", "deposit", [amount, out]);
      expect(k.events(r, "gateway::Deposited")[0]).toMatchObject({ fee, kapt_minted: out });
    }
    if (i === 1) {
      const amount = BigInt(30 + step) * APT + BigInt(step * 777);
      const [fee, out, stk] = k.view("quote_deposit_and_stake", [amount]) as [bigint, bigint, bigint];
      const r = k.call(u, "gateway", "deposit_and_stake", [amount, stk]);
      expect(k.events(r, "gateway::Deposited")[0]).toMatchObject({ fee, kapt_minted: out });
      expect(k.events(r, "vault::Staked")[0]).toMatchObject({ kapt_amount: out, stkapt_minted: stk });
    }
    if (i === 2 && k.kapt(u) > APT) {
      const amount = k.kapt(u) / 2n + 3n;
      const [stk] = k.view("quote_stake", [amount]) as [bigint];
      const r = k.call(u, "gateway", "stake", [amount, stk]);
      expect(k.events(r, "vault::Staked")[0]).toMatchObject({ kapt_amount: amount, stkapt_minted: stk });
    }
    if (i === 3 && k.stkapt(u) > APT) {
      const shares = k.stkapt(u) / 3n + 1n;
      const [out] = k.view("quote_unstake", [shares]) as [bigint];
      const r = k.call(u, "gateway", "unstake", [shares, out]);
      expect(k.events(r, "vault::Unstaked")[0]).toMatchObject({ stkapt_burned: shares, kapt_amount: out });
    }
    if (i === 4 && k.kapt(u) > APT) {
      const r = k.call(u, "gateway", "request_withdrawal", [k.kapt(u) / 2n]);
      const t = k.events(r, "withdrawals::WithdrawalRequested")[0]?.ticket as Address;
      tickets.set(u, [...(tickets.get(u) ?? []), t]);
    }
    if (i === 5) {
      for (const x of users) {
        const mine = tickets.get(x) ?? [];
        const ready = mine.filter((t) => (k.view("ticket_info", [t])[0] as { ready: boolean }).ready);
        if (ready.length === 0) continue;
        const before = k.apt(x);
        const [quoted] = k.view("quote_claim", [x, ready]) as [bigint, boolean];
        k.call(x, "gateway", "claim", [ready]);
        expect(k.apt(x) - before).toBe(quoted);
        tickets.set(
          x,
          mine.filter((t) => !ready.includes(t)),
        );
      }
    }
    k.chain.advanceSeconds(step % 5 === 0 ? DAY : EPOCH / 2n);
  }
  return { users, tickets };
}

describe("kofi (interpreted move/sources): lifecycle and layouts", () => {
  it("a long mixed workload keeps controlled APT above kAPT supply + tickets + protocol equity", () => {
    const k = new Kit();
    run(k);
    const s = k.solvency();
    expect(s.controlled).toBeGreaterThanOrEqual(s.userLiabilities + s.equity);
    // the vault's own counter never exceeds what its store holds
    const v = k.vault();
    expect(k.kapt(k.protocolAddress())).toBeGreaterThanOrEqual(
      v.total_kapt + v.stream_amount - v.stream_released,
    );
    // stkAPT supply = user shares
    expect(k.read((rt) => rt.framework.faSupply(k.stkaptMeta))).toBe(v.total_shares - v.dead_shares);
  });

  it("events, resources and view structs use the ABI's Move field names in declaration order", async () => {
    const k = new Kit();
    const { users, tickets } = run(k);
    const u = users[0] as Address;
    const [p0, p1, p2] = k.pools as [Address, Address, Address];
    k.call(k.admin, "config", "set_paused", [1n, true]);
    k.call(k.admin, "config", "set_fee_bps", [500n]);
    k.call(k.admin, "staking_manager", "set_pool_cap", [p0, 1_000_000n * APT]);
    k.call(k.admin, "staking_manager", "disable_pool", [p2]);
    // the disabled pool's owner evicts the protocol: the next transaction reconciles it (EvictionRecovered)
    await validatorOps(k.chain, p2).evictNow(k.protocolAddress());
    k.call(k.admin, "staking_manager", "set_weights", [
      [p0, p1],
      [5_000n, 5_000n],
    ]);
    k.call(k.admin, "staking_manager", "rebalance", []);
    k.call(k.admin, "config", "set_max_commission_bps", [10_000n]);
    k.call(u, "staking_manager", "withdraw_inactive_stake", [p0]);
    const owned = [...tickets.values()].flat();
    const t = owned[0] as Address;
    const owner = (k.view("ticket_info", [t])[0] as { owner: Address }).owner;
    k.call(owner, "gateway", "transfer_ticket", [t, owner === u ? (users[1] as Address) : u]);
    k.call(k.admin, "config", "transfer_admin", [u]);
    k.call(u, "config", "accept_admin", []);
    k.call(u, "config", "set_treasury", [u]);
    k.call(u, "config", "set_min_deposit", [APT]);
    const seen = new Set<string>();
    for (const tx of k.chain.txs)
      for (const e of tx.events)
        if (e.type.startsWith(`${KOFI}::`)) {
          expectLayout(e.type, e.data);
          seen.add(e.type);
        }
    const declared = Object.entries(kofiEvents as unknown as Record<string, readonly string[]>).flatMap(
      ([m, evs]) => evs.map((e) => `${KOFI}::${m}::${e}`),
    );
    // every declared event was emitted at least once (Delegated needs idle APT: skipped when none)
    const missing = declared.filter((e) => !seen.has(e));
    expect(missing.filter((e) => !e.endsWith("::Delegated"))).toEqual([]);
    let resources = 0;
    for (const [, byType] of k.chain.state.resources)
      for (const [type, value] of byType)
        if (type.startsWith(`${KOFI}::`)) {
          expectLayout(type, value);
          resources++;
        }
    expect(resources).toBeGreaterThanOrEqual(9);
    const [st] = k.view("protocol_state") as [{ validators: unknown[] }];
    expectLayout(`${KOFI}::gateway::ProtocolState`, st);
    for (const v of st.validators) expectLayout(`${KOFI}::gateway::ValidatorInfo`, v);
    for (const x of users) {
      const [sum] = k.view("user_summary", [x]) as [{ tickets: unknown[] }];
      expectLayout(`${KOFI}::gateway::UserSummary`, sum);
      for (const t of sum.tickets) expectLayout(`${KOFI}::gateway::TicketInfo`, t);
    }
    expect(k.view("kapt_metadata")).toEqual([k.kaptMeta]);
    expect(k.view("stkapt_metadata")).toEqual([k.stkaptMeta]);
  });

  it("user_summary and protocol_state agree with balances and counters", () => {
    const k = new Kit();
    const u = k.user(1);
    k.call(u, "gateway", "deposit_and_stake", [400n * APT, 0n]);
    k.call(u, "gateway", "deposit", [100n * APT, 0n]);
    k.call(u, "gateway", "request_withdrawal", [20n * APT]);
    k.chain.advanceEpochs(2);
    const [sum] = k.view("user_summary", [u]) as [Record<string, unknown>];
    expect(sum).toMatchObject({
      apt_balance: k.apt(u),
      kapt_balance: k.kapt(u),
      stkapt_balance: k.stkapt(u),
      now_secs: k.chain.nowSecs(),
    });
    expect(sum.stkapt_value_kapt).toEqual(k.view("quote_unstake", [k.stkapt(u)])[0]);
    const [st] = k.view("protocol_state") as [Record<string, unknown>];
    const [num, den] = k.rate();
    expect(st).toMatchObject({
      rate_numerator: num,
      rate_denominator: den,
      fee_bps: 1000n,
      max_fee_bps: 2000n,
      epoch_interval_secs: EPOCH,
      lockup_duration_secs: 14n * DAY,
      kapt_supply: k.read((rt) => rt.framework.faSupply(k.kaptMeta)),
      stkapt_supply: k.stkapt(u),
    });
    expect((st.vault_kapt as bigint) + 100_000_000n).toBe(num);
  });
});
