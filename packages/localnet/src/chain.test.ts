import { describe, expect, it } from "vitest";
import { Chain } from "./chain.ts";
import type { CoinInfo } from "./framework/coin.ts";
import { FRAMEWORK, T } from "./framework/context.ts";
import { normalizeAddress, utf8 } from "./runtime/address.ts";
import { MoveAbort } from "./runtime/port.ts";

const APT = 100_000_000n;
const alice = normalizeAddress("0xa11ce");
const bob = normalizeAddress("0xb0b");

describe("Chain", () => {
  it("atomicity: an abort discards every write and only charges gas + bumps the sequence number", () => {
    const c = new Chain({ genesisTimeSecs: 1_700_000_000n });
    c.mint(alice, 100n * APT);
    const before = c.aptBalance(alice);
    const r = c.execute(alice, (rt, s) => {
      rt.framework.aptTransfer(s, bob, 10n * APT);
      const obj = rt.framework.createNamedObject(s, utf8("x"));
      rt.storage.moveTo(obj, "0x1::test::Thing", { v: 1n });
      throw new MoveAbort("0x1::test", "E_NOPE", 0x10001n, "nope");
    });
    expect(r.success).toBe(false);
    expect(r.vmStatus).toBe("Move abort in 0x1::test: E_NOPE(0x10001): nope");
    expect(c.aptBalance(bob)).toBe(0n);
    expect(c.aptBalance(alice)).toBe(before - r.gasUsed * r.gasUnitPrice);
    expect(c.sequenceNumberOf(alice)).toBe(1n);
    const types = r.changes.map((ch) => (ch.kind === "resource" ? ch.type : ch.key));
    // the burned gas lowers APT's supply: the item of its aggregator (CoinInfo's parallelizable form) is written,
    // CoinInfo itself is not
    const info = c.state.resources.get(FRAMEWORK)?.get(T.coinInfo) as CoinInfo;
    const agg = info.supply.vec[0]?.aggregator.vec[0];
    expect(types.sort()).toEqual(
      ["0x1::account::Account", "0x1::coin::CoinStore<0x1::aptos_coin::AptosCoin>", agg?.key].sort(),
    );
  });

  it("a successful call commits writes, events and a deterministic gas charge", () => {
    const mk = () => {
      const c = new Chain({ genesisTimeSecs: 1_700_000_000n });
      c.mint(alice, 100n * APT);
      c.mint(bob, 1n);
      return c.execute(alice, (rt, s) => rt.framework.aptTransfer(s, bob, 10n * APT));
    };
    const a = mk();
    const b = mk();
    expect(a.success).toBe(true);
    expect(a.gasUsed).toBe(b.gasUsed);
    expect(a.events.map((e) => e.type)).toEqual([
      "0x1::coin::CoinWithdraw",
      "0x1::coin::CoinDeposit",
      "0x1::transaction_fee::FeeStatement",
    ]);
  });

  it("views never write", () => {
    const c = new Chain({ genesisTimeSecs: 1_700_000_000n });
    c.mint(alice, 100n * APT);
    c.view((rt) => rt.framework.aptTransfer({ address: alice }, bob, 1n * APT));
    expect(c.aptBalance(alice)).toBe(100n * APT);
  });

  it("time control: seconds cross epoch boundaries, epochs jump to boundaries", () => {
    const c = new Chain({ genesisTimeSecs: 1_700_000_000n, epochIntervalSecs: 7200n });
    expect(c.epoch()).toBe(1n);
    expect(c.advanceSeconds(3n * 7200n + 5n)).toEqual({ nowSecs: 1_700_000_000n + 21_605n, epoch: 4n });
    expect(c.advanceEpochs(2)).toEqual({ nowSecs: 1_700_000_000n + 5n * 7200n, epoch: 6n });
    expect(
      c.view((rt) => [
        rt.framework.nowSeconds(),
        rt.framework.epochIntervalSecs(),
        rt.framework.recurringLockupDurationSecs(),
      ]),
    ).toEqual([1_700_036_000n, 7200n, 1_209_600n]);
  });

  it("addresses: resource accounts, named objects and AUID objects derive as on Aptos", () => {
    const c = new Chain({ genesisTimeSecs: 1_700_000_000n });
    c.mint(alice, 100n * APT);
    let ra = "";
    let obj = "";
    let fresh: string[] = [];
    const r = c.execute(alice, (rt, s) => {
      ra = rt.framework.createResourceAccount(s, utf8("seed"));
      obj = rt.framework.createNamedObject(s, utf8("kAPT"));
      fresh = [rt.framework.createObject(alice), rt.framework.createObject(bob)];
    });
    expect(r.success).toBe(true);
    expect(ra).toMatch(/^0x[0-9a-f]{64}$/);
    expect(obj).not.toBe(ra);
    expect(fresh[0]).not.toBe(fresh[1]);
    expect(c.view((rt) => rt.framework.objectOwner(fresh[1] as `0x${string}`))).toBe(bob);
    // the framework's test vector: delegation_pool::get_expected_stake_pool_address(0xe256…2263, x"4242")
    const staker = normalizeAddress("0xe256f4f4e2986cada739e339895cf5585082ff247464cab8ec56eea726bd2263");
    const c2 = new Chain({ genesisTimeSecs: 1n });
    let pool = "";
    c2.internalTx(staker, () => {});
    c2.execute(
      staker,
      (rt, s) => {
        pool = rt.framework.createResourceAccount(
          s,
          new Uint8Array([...utf8("aptos_framework::delegation_pool"), 0x42, 0x42]),
        );
      },
      { chargeGas: false },
    );
    expect(pool).toBe("0xe9fc2fbb82b7e1cb7af3daef8c7a24e66780f9122d15e4f1d486ee7c7c36c48d");
  });
});
