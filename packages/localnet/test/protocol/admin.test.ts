import { describe, expect, it } from "vitest";
import type { Address } from "../../src/runtime/port.ts";
import { APT, addr, EPOCH, Kit, LOCKUP } from "../kofi-testkit.ts";

describe("kofi (interpreted move/sources): admin", () => {
  it("two-step admin transfer", () => {
    const k = new Kit();
    const next = k.user(1);
    const stranger = k.user(2);
    k.fails(stranger, "config", "transfer_admin", [stranger], "config", "E_NOT_ADMIN");
    k.fails(next, "config", "accept_admin", [], "config", "E_NOT_PENDING_ADMIN");
    const r = k.call(k.admin, "config", "transfer_admin", [next]);
    expect(k.events(r, "config::AdminTransferStarted")).toEqual([{ admin: k.admin, pending_admin: next }]);
    k.fails(stranger, "config", "accept_admin", [], "config", "E_NOT_PENDING_ADMIN");
    // still the old admin until accepted
    k.call(k.admin, "config", "set_fee_bps", [1500n]);
    const a = k.call(next, "config", "accept_admin", []);
    expect(k.events(a, "config::AdminTransferred")).toEqual([{ old_admin: k.admin, new_admin: next }]);
    k.fails(k.admin, "config", "set_fee_bps", [1000n], "config", "E_NOT_ADMIN");
    k.fails(next, "config", "accept_admin", [], "config", "E_NOT_PENDING_ADMIN");
    k.call(next, "config", "set_fee_bps", [1000n]);
    expect((k.view("protocol_state")[0] as { admin: Address }).admin).toBe(next);
  });

  it("every admin entry aborts E_NOT_ADMIN for anyone else", () => {
    const k = new Kit();
    const x = k.user(1);
    const p = k.pools[0] as Address;
    const calls: [string, string, unknown[]][] = [
      ["config", "transfer_admin", [x]],
      ["config", "set_paused", [0n, true]],
      ["config", "set_fee_bps", [100n]],
      ["config", "set_treasury", [x]],
      ["config", "set_min_deposit", [APT]],
      ["config", "set_min_withdrawal", [APT]],
      ["staking_manager", "add_pool", [p, 1n, 11n * APT]],
      ["staking_manager", "set_weights", [[p], [10_000n]]],
      ["staking_manager", "set_pool_cap", [p, 1n]],
      ["staking_manager", "disable_pool", [p]],
      ["config", "set_max_commission_bps", [500n]],
      ["gateway", "seed_vault", [APT]],
    ];
    for (const [m, f, args] of calls) k.fails(x, m, f, args, "config", "E_NOT_ADMIN");
  });

  it("bounded setters and their events", () => {
    const k = new Kit();
    k.fails(k.admin, "config", "set_paused", [4n, true], "config", "E_INVALID_ACTION");
    k.fails(k.admin, "config", "set_min_deposit", [999n], "config", "E_OUT_OF_BOUNDS");
    k.fails(k.admin, "config", "set_min_deposit", [100_000_000_001n], "config", "E_OUT_OF_BOUNDS");
    k.fails(k.admin, "config", "set_min_withdrawal", [999n], "config", "E_OUT_OF_BOUNDS");
    k.fails(k.admin, "config", "set_min_withdrawal", [100_000_000_001n], "config", "E_OUT_OF_BOUNDS");
    const d = k.call(k.admin, "config", "set_min_deposit", [1_000n]);
    expect(k.events(d, "config::LimitChanged")).toEqual([
      { limit: 0n, old_value: 10_000_000n, new_value: 1_000n },
    ]);
    const w = k.call(k.admin, "config", "set_min_withdrawal", [100_000_000_000n]);
    expect(k.events(w, "config::LimitChanged")).toEqual([
      { limit: 1n, old_value: 10_000_000n, new_value: 100_000_000_000n },
    ]);
    const t = k.call(k.admin, "config", "set_treasury", [addr(7)]);
    expect(k.events(t, "config::TreasuryChanged")).toEqual([
      { old_treasury: k.admin, new_treasury: addr(7) },
    ]);
    const st = k.view("protocol_state")[0] as Record<string, unknown>;
    expect(st).toMatchObject({ min_deposit: 1_000n, min_withdrawal: 100_000_000_000n, treasury: addr(7) });
    const u = k.user(1);
    k.call(u, "gateway", "deposit", [1_000n, 0n]);
  });

  it("every pause flag blocks its actions and only those", () => {
    const k = new Kit();
    const u = k.user(1);
    k.call(u, "gateway", "deposit", [1_000n * APT, 0n]);
    k.call(u, "gateway", "stake", [300n * APT, 0n]);
    const actions: Record<string, [string, unknown[]][]> = {
      "0": [
        ["deposit", [APT, 0n]],
        ["deposit_and_stake", [APT, 0n]],
      ],
      "1": [
        ["stake", [APT, 0n]],
        ["deposit_and_stake", [APT, 0n]],
      ],
      "2": [
        ["unstake", [APT, 0n]],
        ["unstake_and_request_withdrawal", [APT, 0n]],
      ],
      "3": [
        ["request_withdrawal", [APT]],
        ["unstake_and_request_withdrawal", [APT, 0n]],
      ],
    };
    const flags = ["paused_deposit", "paused_stake", "paused_unstake", "paused_withdraw"];
    for (const [id, blocked] of Object.entries(actions)) {
      const r = k.call(k.admin, "config", "set_paused", [BigInt(id), true]);
      expect(k.events(r, "config::PauseChanged")).toEqual([{ action: BigInt(id), paused: true }]);
      const st = k.view("protocol_state")[0] as Record<string, boolean>;
      flags.forEach((f, i) => {
        expect(st[f], f).toBe(String(i) === id);
      });
      for (const [fn, args] of blocked) k.fails(u, "gateway", fn, args, "config", "E_PAUSED");
      // the other actions still work
      for (const [otherId, list] of Object.entries(actions)) {
        if (otherId === id) continue;
        for (const [fn, args] of list) {
          if (blocked.some(([b]) => b === fn)) continue;
          k.call(u, "gateway", fn, args);
        }
      }
      k.call(k.admin, "config", "set_paused", [BigInt(id), false]);
    }
  });

  it("pools: add, reweight, cap, disable, and their aborts", () => {
    const k = new Kit({ bare: true });
    const [p0, p1, p2] = k.pools as [Address, Address, Address];
    const u = k.user(1);
    k.fails(
      k.admin,
      "staking_manager",
      "add_pool",
      [u, 0n, 11n * APT],
      "staking_manager",
      "E_NOT_DELEGATION_POOL",
    );
    k.fails(
      k.admin,
      "staking_manager",
      "add_pool",
      [p0, 0n, 11n * APT - 1n],
      "staking_manager",
      "E_SEED_TOO_SMALL",
    );
    const r = k.call(k.admin, "staking_manager", "add_pool", [p0, 1_000n * APT, 11n * APT]);
    const ev = k.events(r, "staking_manager::PoolAdded")[0] as Record<string, unknown>;
    expect(ev).toMatchObject({ pool: p0, cap: 1_000n * APT, seed_apt: 11n * APT });
    expect(ev.staked as bigint).toBeLessThan(11n * APT);
    k.fails(k.admin, "staking_manager", "add_pool", [p0, 0n, 11n * APT], "staking_manager", "E_POOL_EXISTS");
    // no weight yet: no eligible pool
    k.viewFails("quote_deposit", [APT], "E_NO_ELIGIBLE_POOL");
    k.call(k.admin, "staking_manager", "add_pool", [p1, 1_000n * APT, 11n * APT]);
    k.call(k.admin, "staking_manager", "add_pool", [p2, 1_000n * APT, 11n * APT]);
    k.fails(
      k.admin,
      "staking_manager",
      "set_weights",
      [[p0, p1], [10_000n]],
      "staking_manager",
      "E_LENGTH_MISMATCH",
    );
    k.fails(
      k.admin,
      "staking_manager",
      "set_weights",
      [[u], [10_000n]],
      "staking_manager",
      "E_POOL_NOT_FOUND",
    );
    k.fails(k.admin, "staking_manager", "set_weights", [[p0], [9_999n]], "staking_manager", "E_BAD_WEIGHTS");
    k.fails(
      k.admin,
      "staking_manager",
      "set_weights",
      [
        [p0, p1],
        [6_000n, 6_000n],
      ],
      "staking_manager",
      "E_BAD_WEIGHTS",
    );
    const w = k.call(k.admin, "staking_manager", "set_weights", [
      [p0, p1],
      [6_000n, 4_000n],
    ]);
    expect(k.events(w, "staking_manager::WeightsChanged")).toEqual([
      { pools: [p0, p1], weights_bps: [6_000n, 4_000n] },
    ]);
    // cap: p0 is capped low, deposits go elsewhere
    const c = k.call(k.admin, "staking_manager", "set_pool_cap", [p0, 12n * APT]);
    expect(k.events(c, "staking_manager::PoolCapChanged")).toEqual([{ pool: p0, cap: 12n * APT }]);
    k.fails(k.admin, "staking_manager", "set_pool_cap", [u, 1n], "staking_manager", "E_POOL_NOT_FOUND");
    const d = k.call(u, "gateway", "deposit", [5n * APT, 0n]);
    expect(k.events(d, "gateway::Deposited")[0]?.pool).toBe(p1);
    k.call(k.admin, "staking_manager", "set_pool_cap", [p1, 12n * APT]);
    // both weighted pools have about 1 APT of cap room left: together they cannot take 5 APT
    k.fails(u, "gateway", "deposit", [5n * APT, 0n], "staking_manager", "E_INSUFFICIENT_CAPACITY");
    // disable
    k.fails(k.admin, "staking_manager", "disable_pool", [u], "staking_manager", "E_POOL_NOT_FOUND");
    const x = k.call(k.admin, "staking_manager", "disable_pool", [p0]);
    expect(k.events(x, "staking_manager::PoolDisabled")).toEqual([{ pool: p0 }]);
    k.fails(k.admin, "staking_manager", "set_weights", [[p0], [1n]], "staking_manager", "E_POOL_DISABLED");
    k.call(k.admin, "staking_manager", "set_weights", [
      [p1, p2],
      [5_000n, 5_000n],
    ]);
    const d2 = k.call(u, "gateway", "deposit", [5n * APT, 0n]);
    expect(k.events(d2, "gateway::Deposited")[0]?.pool).toBe(p2);
    const st = k.view("protocol_state")[0] as { validators: Record<string, unknown>[] };
    expect(st.validators.map((v) => [v.pool, v.weight_bps, v.enabled])).toEqual([
      [p0, 0n, false],
      [p1, 5_000n, true],
      [p2, 5_000n, true],
    ]);
    // a validator that leaves the active set gets no deposits
    k.call(k.admin, "staking_manager", "set_pool_cap", [p1, 1_000n * APT]);
    k.chain.leaveValidatorSet(p2);
    const d3 = k.call(u, "gateway", "deposit", [5n * APT, 0n]);
    expect(k.events(d3, "gateway::Deposited")[0]?.pool).toBe(p1);
  });

  it("the validator set is capped at MAX_POOLS", () => {
    const k = new Kit({ commissions: Array.from({ length: 17 }, () => 0n), bare: true });
    for (const p of k.pools.slice(0, 16)) k.call(k.admin, "staking_manager", "add_pool", [p, 0n, 11n * APT]);
    k.fails(
      k.admin,
      "staking_manager",
      "add_pool",
      [k.pools[16], 0n, 11n * APT],
      "staking_manager",
      "E_TOO_MANY_POOLS",
    );
  });

  it("seed_vault: once, and at least MIN_VAULT_SEED", () => {
    const k = new Kit();
    k.fails(k.admin, "gateway", "seed_vault", [APT], "vault", "E_ALREADY_SEEDED");
    const b = new Kit({ bare: true });
    for (const p of b.pools) b.call(b.admin, "staking_manager", "add_pool", [p, 100_000n * APT, 11n * APT]);
    b.call(b.admin, "staking_manager", "set_weights", [b.pools, [4_000n, 3_000n, 3_000n]]);
    b.fails(b.admin, "gateway", "seed_vault", [APT - 1n], "vault", "E_SEED_TOO_SMALL");
    const u = b.user(1);
    b.call(u, "gateway", "deposit", [10n * APT, 0n]);
    b.fails(u, "gateway", "stake", [APT, 0n], "vault", "E_NOT_SEEDED");
    b.viewFails("quote_stake", [APT], "E_NOT_SEEDED");
    const r = b.call(b.admin, "gateway", "seed_vault", [APT]);
    const ev = b.events(r, "vault::VaultSeeded")[0] as Record<string, bigint>;
    expect(ev.dead_shares).toBe(ev.kapt_amount); // empty vault: 1:1 through the virtual offset
    expect(b.stkapt(b.admin)).toBe(0n); // held by nobody
  });

  it("rebalance (permissionless) delegates idle APT beyond what matured tickets reserve", () => {
    const k = new Kit();
    const u = k.user(1);
    k.call(u, "gateway", "deposit", [3_000n * APT, 0n]);
    // 1 APT unlocks need a 10 APT pending_inactive: the extra stays with the protocol and becomes idle on claim
    const r = k.call(u, "gateway", "request_withdrawal", [APT]);
    const unl = k.events(r, "staking_manager::Unlocked")[0] as Record<string, bigint>;
    expect(unl.unlocked).toBeGreaterThan(9n * APT);
    const t = k.events(r, "withdrawals::WithdrawalRequested")[0]?.ticket as Address;
    k.call(u, "staking_manager", "rebalance", []); // nothing idle yet: no-op
    k.chain.advanceSeconds(LOCKUP + EPOCH);
    k.call(u, "gateway", "claim", [[t]]);
    const idle = (k.view("protocol_state")[0] as { idle_apt: bigint }).idle_apt;
    expect(idle).toBeGreaterThan(8n * APT);
    const b = k.call(k.user(2), "staking_manager", "rebalance", []); // any signer
    const ev = k.events(b, "staking_manager::Delegated")[0] as Record<string, unknown>;
    expect(ev.amount).toBe(idle);
    expect((k.view("protocol_state")[0] as { idle_apt: bigint }).idle_apt).toBe(0n);
  });
});
