import { describe, expect, it } from "vitest";
import {
  APTOS_COIN,
  abortOf,
  addr,
  bytes,
  call,
  FA_METADATA,
  ref,
  setupFramework,
  sig,
  str,
  structTy,
} from "../../../test/natives-testkit.ts";
import {
  namedObjectAddress,
  primaryStoreAddress,
  resourceAccountAddress,
  utf8,
} from "../../runtime/address.ts";
import { T } from "../context.ts";
import type { StructValue, Value } from "./move.ts";
import { createMoveTestWorld } from "./world.ts";

const APT = 100_000_000n;
const KOFI = addr("0x6b6f6669");
const fw = (m: string) => `${addr("0x1")}::${m}`;

function world() {
  const w = createMoveTestWorld();
  setupFramework(w);
  return w;
}

/** kAPT as Kofi's `kapt::init` makes it: named object, primary-store FA, mint and burn refs. */
function token(w: ReturnType<typeof world>) {
  call(w, "0x1::account::create_account_for_test", [KOFI]);
  const [cref] = call(w, "0x1::object::create_named_object", [ref(sig(KOFI)), bytes("kAPT")]);
  call(w, "0x1::primary_fungible_store::create_primary_store_enabled_fungible_asset", [
    ref(cref as Value),
    { vec: [] },
    str("Kofi APT"),
    str("kAPT"),
    8n,
    str(""),
    str(""),
  ]);
  const [mintRef] = call(w, "0x1::fungible_asset::generate_mint_ref", [ref(cref as Value)]);
  const [burnRef] = call(w, "0x1::fungible_asset::generate_burn_ref", [ref(cref as Value)]);
  const metadata = (cref as StructValue).self as string;
  return {
    cref: cref as StructValue,
    metadata,
    mintRef: mintRef as StructValue,
    burnRef: burnRef as StructValue,
  };
}

describe("framework natives on the model", () => {
  it("every native is keyed 0x1::module::function", () => {
    const w = createMoveTestWorld();
    for (const k of w.natives.keys()) expect(k).toMatch(/^0x1::[a-z_]+::[a-z_0-9]+$/);
    expect(w.natives.has("0x1::delegation_pool::add_stake")).toBe(true);
  });

  it("account: resource account at sha3(source ‖ seed ‖ 0xFF), signer from its capability", () => {
    const w = world();
    call(w, "0x1::account::create_account_for_test", [KOFI]);
    const [s, cap] = call(w, "0x1::account::create_resource_account", [
      ref(sig(KOFI)),
      bytes("kofi::stake_account"),
    ]);
    const expected = resourceAccountAddress(KOFI, utf8("kofi::stake_account"));
    expect((s as { address: string }).address).toBe(expected);
    expect(cap).toEqual({ account: expected });
    expect(
      call(w, "0x1::account::create_resource_address", [ref(KOFI), bytes("kofi::stake_account")]),
    ).toEqual([expected]);
    expect(
      (call(w, "0x1::account::create_signer_with_capability", [ref(cap as Value)])[0] as { address: string })
        .address,
    ).toBe(expected);
    expect(call(w, "0x1::account::exists_at", [expected])).toEqual([true]);
    expect(call(w, "0x1::coin::is_account_registered", [expected], [APTOS_COIN])).toEqual([true]);
  });

  it("coin: an uninitialised coin type aborts ECOIN_INFO_NOT_PUBLISHED (0x10003)", () => {
    const w = world();
    const e = abortOf(() => call(w, "0x1::coin::register", [ref(sig(KOFI))], [structTy(KOFI, "x", "Y")]));
    expect([e.module, e.code]).toEqual([fw("coin"), 0x10003n]);
  });

  it("aptos_account::transfer moves APT and creates the recipient; short balance aborts 0x10006 in coin", () => {
    const w = world();
    call(w, "0x1::stake::mint", [ref(sig("0xa11ce")), 10n * APT]);
    call(w, "0x1::aptos_account::transfer", [ref(sig("0xa11ce")), addr("0xb0b"), 4n * APT]);
    expect(call(w, "0x1::coin::balance", [addr("0xb0b")], [APTOS_COIN])).toEqual([4n * APT]);
    expect(call(w, "0x1::account::exists_at", [addr("0xb0b")])).toEqual([true]);
    const e = abortOf(() =>
      call(w, "0x1::aptos_account::transfer", [ref(sig("0xa11ce")), addr("0xb0b"), 7n * APT]),
    );
    expect([e.module, e.code, e.errorName]).toEqual([fw("coin"), 0x10006n, "EINSUFFICIENT_BALANCE"]);
  });

  it("fungible asset: metadata at the named-object address, mint/deposit/withdraw/burn move balances and supply", () => {
    const w = world();
    const t = token(w);
    expect(t.metadata).toBe(namedObjectAddress(KOFI, utf8("kAPT")));
    expect(w.env.storage.exists(t.metadata, T.faMetadata)).toBe(true);
    expect(t.mintRef).toEqual({ metadata: { inner: t.metadata } });
    const [fa] = call(w, "0x1::fungible_asset::mint", [ref(t.mintRef), 500n]);
    expect(fa).toEqual({ metadata: { inner: t.metadata }, amount: 500n });
    call(w, "0x1::primary_fungible_store::deposit", [addr("0xa11ce"), fa as Value]);
    expect(
      w.env.storage.exists(primaryStoreAddress(addr("0xa11ce"), t.metadata as `0x${string}`), T.faStore),
    ).toBe(true);
    const obj = { inner: t.metadata };
    expect(call(w, "0x1::primary_fungible_store::balance", [addr("0xa11ce"), obj], [FA_METADATA])).toEqual([
      500n,
    ]);
    expect(call(w, "0x1::fungible_asset::supply", [obj], [FA_METADATA])).toEqual([{ vec: [500n] }]);
    const [out] = call(
      w,
      "0x1::primary_fungible_store::withdraw",
      [ref(sig("0xa11ce")), obj, 200n],
      [FA_METADATA],
    );
    call(w, "0x1::fungible_asset::burn", [ref(t.burnRef), out as Value]);
    expect(call(w, "0x1::primary_fungible_store::balance", [addr("0xa11ce"), obj], [FA_METADATA])).toEqual([
      300n,
    ]);
    expect(call(w, "0x1::fungible_asset::supply", [obj], [FA_METADATA])).toEqual([{ vec: [300n] }]);
    call(
      w,
      "0x1::primary_fungible_store::transfer",
      [ref(sig("0xa11ce")), obj, addr("0xb0b"), 100n],
      [FA_METADATA],
    );
    expect(call(w, "0x1::primary_fungible_store::balance", [addr("0xb0b"), obj], [FA_METADATA])).toEqual([
      100n,
    ]);
    const e = abortOf(() =>
      call(w, "0x1::primary_fungible_store::withdraw", [ref(sig("0xa11ce")), obj, 201n], [FA_METADATA]),
    );
    expect([e.module, e.code]).toEqual([fw("fungible_asset"), 0x10004n]);
  });

  it("fungible asset: a deletable object cannot become an FA (0x10012); a foreign burn ref is refused (0x1000d)", () => {
    const w = world();
    const t = token(w);
    const [cref] = call(w, "0x1::object::create_object", [KOFI]);
    const e = abortOf(() =>
      call(w, "0x1::primary_fungible_store::create_primary_store_enabled_fungible_asset", [
        ref(cref as Value),
        { vec: [] },
        str("x"),
        str("x"),
        8n,
        str(""),
        str(""),
      ]),
    );
    expect([e.module, e.code]).toEqual([fw("fungible_asset"), 0x10012n]);
    const e2 = abortOf(() =>
      call(w, "0x1::fungible_asset::burn", [
        ref({ metadata: { inner: addr("0xa") } }),
        { metadata: { inner: t.metadata }, amount: 1n },
      ]),
    );
    expect([e2.module, e2.code]).toEqual([fw("fungible_asset"), 0x1000dn]);
  });

  it("object: Kofi's ticket flow (create, disable ungated transfer, linear transfer, delete) and its refusals", () => {
    const w = world();
    const [cref] = call(w, "0x1::object::create_object", [KOFI]);
    const c = cref as StructValue;
    expect(c.can_delete).toBe(true);
    const [tref] = call(w, "0x1::object::generate_transfer_ref", [ref(c)]);
    const [dref] = call(w, "0x1::object::generate_delete_ref", [ref(c)]);
    call(w, "0x1::object::disable_ungated_transfer", [ref(tref as Value)]);
    const [lin] = call(w, "0x1::object::generate_linear_transfer_ref", [ref(tref as Value)]);
    expect(lin).toEqual({ self: c.self, owner: KOFI });
    call(w, "0x1::object::transfer_with_ref", [lin as Value, addr("0xa11ce")]);
    expect(call(w, "0x1::object::owner", [{ inner: c.self as string }], [FA_METADATA])).toEqual([
      addr("0xa11ce"),
    ]);
    // a linear ref made before the owner changed is stale
    const stale = abortOf(() => call(w, "0x1::object::transfer_with_ref", [lin as Value, addr("0xb0b")]));
    expect([stale.module, stale.code]).toEqual([fw("object"), 0x50004n]);
    // the owner cannot move it without the ref
    const e = abortOf(() =>
      call(w, "0x1::object::transfer_call", [ref(sig("0xa11ce")), c.self as string, addr("0xb0b")]),
    );
    expect([e.module, e.code]).toEqual([fw("object"), 0x50003n]);
    expect(w.events.filter((x) => x.type === "0x1::object::Transfer")).toHaveLength(1);
    // address_to_object checks that T is stored there
    const ticket = structTy(KOFI, "withdrawals", "Ticket");
    const e2 = abortOf(() => call(w, "0x1::object::address_to_object", [c.self as string], [ticket]));
    expect([e2.module, e2.code]).toEqual([fw("object"), 0x60007n]);
    w.env.storage.moveTo(c.self as string, `${KOFI}::withdrawals::Ticket`, { id: 0n });
    expect(call(w, "0x1::object::address_to_object", [c.self as string], [ticket])).toEqual([
      { inner: c.self },
    ]);
    call(w, "0x1::object::delete", [dref as Value]);
    expect(call(w, "0x1::object::is_object", [c.self as string])).toEqual([false]);
    const named = call(w, "0x1::object::create_named_object", [ref(sig(KOFI)), bytes("s")])[0] as StructValue;
    const e3 = abortOf(() => call(w, "0x1::object::generate_delete_ref", [ref(named)]));
    expect([e3.module, e3.code]).toEqual([fw("object"), 0x50005n]);
  });

  it("object::transfer_call moves an object that allows ungated transfer", () => {
    const w = world();
    const [cref] = call(w, "0x1::object::create_object", [addr("0xa11ce")]);
    const o = (cref as StructValue).self as string;
    call(w, "0x1::object::transfer_call", [ref(sig("0xa11ce")), o, addr("0xb0b")]);
    expect(call(w, "0x1::object::owner", [{ inner: o }], [FA_METADATA])).toEqual([addr("0xb0b")]);
  });

  it("table: add/contains/borrow/borrow_mut/remove on the journal, with the extension's abort codes", () => {
    const w = world();
    const [t] = call(w, "0x1::table::new");
    const table = t as StructValue;
    expect(typeof table.handle).toBe("string");
    call(w, "0x1::table::add", [ref(table), addr("0xa11ce"), [addr("0x1")]]);
    expect(call(w, "0x1::table::contains", [ref(table), addr("0xa11ce")])).toEqual([true]);
    const [r] = call(w, "0x1::table::borrow_mut", [ref(table), addr("0xa11ce")]);
    ((r as { get(): Value }).get() as Value[]).push(addr("0x2")); // what vector::push_back does through &mut
    expect(
      (call(w, "0x1::table::borrow", [ref(table), addr("0xa11ce")])[0] as { get(): Value }).get(),
    ).toEqual([addr("0x1"), addr("0x2")]);
    (r as { set(v: Value): void }).set([]);
    expect(call(w, "0x1::table::remove", [ref(table), addr("0xa11ce")])).toEqual([[]]);
    const e = abortOf(() => call(w, "0x1::table::remove", [ref(table), addr("0xa11ce")]));
    expect([e.module, e.code]).toEqual([fw("table"), 0x6507n]);
    call(w, "0x1::table::add", [ref(table), 7n, 1n]);
    const e2 = abortOf(() => call(w, "0x1::table::add", [ref(table), 7n, 2n]));
    expect([e2.module, e2.code]).toEqual([fw("table"), 0x6407n]);
  });

  it("event::emit records the event under T's fullnode type string", () => {
    const w = world();
    call(w, "0x1::event::emit", [{ amount: 5n }], [structTy(KOFI, "gateway", "Deposited")]);
    expect(w.events.at(-1)).toEqual({ type: `${KOFI}::gateway::Deposited`, data: { amount: 5n } });
  });
});
