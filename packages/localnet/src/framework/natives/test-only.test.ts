import { describe, expect, it } from "vitest";
import { APTOS_COIN, abortOf, addr, call, ref, setupFramework, sig } from "../../../test/natives-testkit.ts";
import { createMoveTestWorld } from "./world.ts";

const APT = 100_000_000n;

/** Framework plus one validator with 1000 APT of its own, joined and activated by an epoch end. */
function withValidator(commission = 0n) {
  const w = createMoveTestWorld();
  setupFramework(w);
  call(w, "0x1::delegation_pool::initialize_test_validator_custom", [
    ref(sig("0xa1")),
    1000n * APT,
    true,
    false,
    commission,
  ]);
  const [pool] = call(w, "0x1::delegation_pool::get_owned_pool_address", [addr("0xa1")]);
  call(w, "0x1::delegation_pool::end_aptos_epoch");
  return { w, pool: pool as string };
}

describe("#[test_only] framework setup (Move unit-test world)", () => {
  it("starts empty: no clock until initialize_for_test_custom", () => {
    const w = createMoveTestWorld();
    expect(() => call(w, "0x1::timestamp::now_seconds")).toThrow(/RESOURCE_DOES_NOT_EXIST/);
    setupFramework(w);
    expect(call(w, "0x1::timestamp::now_seconds")).toEqual([0n]);
    expect(call(w, "0x1::block::get_epoch_interval_secs")).toEqual([60n]);
    const [cfg] = call(w, "0x1::staking_config::get");
    expect(call(w, "0x1::staking_config::get_recurring_lockup_duration", [ref(cfg as never)])).toEqual([
      3600n,
    ]);
  });

  it("initialize_for_test_custom only from the framework signer (0x50003 in system_addresses)", () => {
    const w = createMoveTestWorld();
    const e = abortOf(() =>
      call(w, "0x1::delegation_pool::initialize_for_test_custom", [
        ref(sig("0xb0b")),
        1n,
        2n,
        3n,
        true,
        1n,
        100n,
        1n,
      ]),
    );
    expect([e.module, e.code]).toEqual([`${addr("0x1")}::system_addresses`, 0x50003n]);
  });

  it("the test validator is active after one epoch, with its stake active and a renewed lockup", () => {
    const { w, pool } = withValidator();
    expect(call(w, "0x1::delegation_pool::delegation_pool_exists", [pool])).toEqual([true]);
    expect(call(w, "0x1::stake::get_validator_state", [pool])).toEqual([2n]);
    expect(call(w, "0x1::stake::get_stake", [pool])).toEqual([1000n * APT, 0n, 0n, 0n]);
    expect(call(w, "0x1::timestamp::now_seconds")).toEqual([60n]);
    expect(call(w, "0x1::stake::get_lockup_secs", [pool])).toEqual([60n + 3600n]);
  });

  it("a delegation pool accepts add_stake and pays 1 % per epoch at end_aptos_epoch", () => {
    const { w, pool } = withValidator();
    call(w, "0x1::account::create_account_for_test", [addr("0xa11ce")]);
    call(w, "0x1::stake::mint", [ref(sig("0xa11ce")), 100n * APT]);
    expect(call(w, "0x1::coin::balance", [addr("0xa11ce")], [APTOS_COIN])).toEqual([100n * APT]);
    const [fee] = call(w, "0x1::delegation_pool::get_add_stake_fee", [pool, 100n * APT]);
    expect(fee).toBe((100n * APT * 1n) / 101n); // amount * r / (1 + r) with r = 1/100 and no commission
    call(w, "0x1::delegation_pool::add_stake", [ref(sig("0xa11ce")), pool, 100n * APT]);
    expect(call(w, "0x1::coin::balance", [addr("0xa11ce")], [APTOS_COIN])).toEqual([0n]);
    const [active0] = call(w, "0x1::delegation_pool::get_stake", [pool, addr("0xa11ce")]);
    expect(active0).toBe(100n * APT - (fee as bigint));
    call(w, "0x1::delegation_pool::end_aptos_epoch"); // pending_active -> active, fee refunded
    const [active1] = call(w, "0x1::delegation_pool::get_stake", [pool, addr("0xa11ce")]);
    expect(active1).toBeGreaterThanOrEqual(100n * APT - 1n);
    call(w, "0x1::delegation_pool::end_aptos_epoch"); // first rewards on the delegator's stake
    const [active2] = call(w, "0x1::delegation_pool::get_stake", [pool, addr("0xa11ce")]);
    expect(active2 as bigint).toBeGreaterThanOrEqual((active1 as bigint) + (active1 as bigint) / 100n - 1n);
    expect(active2 as bigint).toBeLessThanOrEqual((active1 as bigint) + (active1 as bigint) / 100n + 1n);
  });

  it("unlocked stake becomes withdrawable after the lockup, and withdraw pays it out", () => {
    const { w, pool } = withValidator();
    call(w, "0x1::stake::mint", [ref(sig("0xa11ce")), 100n * APT]);
    call(w, "0x1::delegation_pool::add_stake", [ref(sig("0xa11ce")), pool, 100n * APT]);
    call(w, "0x1::delegation_pool::end_aptos_epoch");
    call(w, "0x1::delegation_pool::unlock", [ref(sig("0xa11ce")), pool, 50n * APT]);
    expect(call(w, "0x1::delegation_pool::get_pending_withdrawal", [pool, addr("0xa11ce")])[0]).toBe(false);
    call(w, "0x1::timestamp::fast_forward_seconds", [3600n]);
    call(w, "0x1::delegation_pool::end_aptos_epoch");
    const [ok, amount] = call(w, "0x1::delegation_pool::get_pending_withdrawal", [pool, addr("0xa11ce")]);
    expect(ok).toBe(true);
    expect(amount as bigint).toBeGreaterThanOrEqual(50n * APT);
    expect(call(w, "0x1::delegation_pool::observed_lockup_cycle", [pool])).toEqual([0n]); // not yet synchronised
    call(w, "0x1::delegation_pool::withdraw", [ref(sig("0xa11ce")), pool, amount as bigint]);
    expect(call(w, "0x1::coin::balance", [addr("0xa11ce")], [APTOS_COIN])).toEqual([amount]);
    expect(call(w, "0x1::delegation_pool::observed_lockup_cycle", [pool])).toEqual([1n]);
  });

  it("leave_validator_set: only the operator (0x40009), then inactive and withdrawable at the lockup", () => {
    const { w, pool } = withValidator();
    call(w, "0x1::delegation_pool::initialize_test_validator_custom", [
      ref(sig("0xa2")),
      1000n * APT,
      true,
      true,
      0n,
    ]);
    const e = abortOf(() => call(w, "0x1::stake::leave_validator_set", [ref(sig("0xb0b")), pool]));
    expect([e.module, e.code]).toEqual([`${addr("0x1")}::stake`, 0x40009n]);
    call(w, "0x1::stake::leave_validator_set", [ref(sig("0xa1")), pool]);
    expect(call(w, "0x1::stake::get_validator_state", [pool])).toEqual([3n]);
    call(w, "0x1::delegation_pool::end_aptos_epoch");
    expect(call(w, "0x1::stake::get_validator_state", [pool])).toEqual([4n]);
    expect(call(w, "0x1::delegation_pool::can_withdraw_pending_inactive", [pool])).toEqual([false]);
    call(w, "0x1::timestamp::fast_forward_seconds", [3600n]);
    expect(call(w, "0x1::delegation_pool::can_withdraw_pending_inactive", [pool])).toEqual([true]);
  });

  it("an inactive pool (no stake, never joins) exists but is not a validator", () => {
    const w = createMoveTestWorld();
    setupFramework(w);
    call(w, "0x1::delegation_pool::initialize_test_validator_custom", [
      ref(sig("0xa9")),
      0n,
      false,
      false,
      0n,
    ]);
    const [pool] = call(w, "0x1::delegation_pool::get_owned_pool_address", [addr("0xa9")]);
    expect(call(w, "0x1::stake::get_validator_state", [pool as string])).toEqual([4n]);
    const e = abortOf(() => call(w, "0x1::delegation_pool::get_owned_pool_address", [addr("0xb0b")]));
    expect([e.module, e.code]).toEqual([`${addr("0x1")}::delegation_pool`, 0x60001n]);
  });

  it("fast_forward_seconds(0) aborts EINVALID_TIMESTAMP (0x10002) as the real helper does", () => {
    const w = createMoveTestWorld();
    setupFramework(w);
    const e = abortOf(() => call(w, "0x1::timestamp::fast_forward_seconds", [0n]));
    expect([e.module, e.code]).toEqual([`${addr("0x1")}::timestamp`, 0x10002n]);
  });
});
