import { describe, expect, it } from "vitest";
import { abiOf, KOFI, moduleOf } from "./test-helpers.ts";

const CONFIG = `
/// Config.
module kofi::config {
    use std::option::{Self, Option};
    use std::string::String;
    friend kofi::gateway;

    /// The caller is not the admin.
    const E_NOT_ADMIN: u64 = 1;

    struct Config has key { admin: address, pending_admin: Option<address>, name: String }

    #[event]
    /// Admin changed.
    struct AdminTransferred has store, drop { old_admin: address, new_admin: address }

    /// Friend-only.
    public(friend) fun assert_admin(account: &signer) { }

    /// Package-only.
    public(package) fun fee_bps(): u64 { 0 }

    /// Not exposed.
    fun private_helper(): u64 { 1 }

    /// Inline functions are not in the bytecode.
    public inline fun twice(x: u64): u64 { x * 2 }

    #[test_only]
    public fun set_for_test(account: &signer) { }

    #[test]
    fun test_it() { }
}`;

const GATEWAY = `
module kofi::gateway {
    use std::option::Option;
    use aptos_framework::fungible_asset::Metadata;
    use aptos_framework::object::{Self, Object};
    use kofi::config::{Self as cfg, Config};
    use kofi::config::fee_bps;

    struct Wrapper<phantom T: store, U: copy + drop> has copy, drop { items: vector<vector<U>>, meta: Object<Metadata> }

    /// Deposits.
    public entry fun deposit(user: &signer, apt_amount: u64, /* min */ min_kapt_out: u64) {
        let _ = fee_bps();
    }

    /// Private entry: still exposed.
    entry fun seed(admin: &signer) { cfg::assert_admin(admin); }

    #[view]
    /// A view.
    public fun quote(apt: u64): (u64, u64) { (apt, 0) }

    /// Generics and references.
    public fun generic<T: key + store, U>(obj: &mut Object<T>, cfg: &Config, xs: vector<U>): Option<U> { abort 0 }
}`;

describe("buildAbi", () => {
  it("produces the fullnode module shape", () => {
    const config = moduleOf("config", CONFIG);
    expect(Object.keys(config.abi)).toEqual(["address", "name", "friends", "exposed_functions", "structs"]);
    expect(config.abi.address).toBe(KOFI);
    expect(config.abi.exposed_functions[0]).toEqual({
      name: "assert_admin",
      visibility: "friend",
      is_entry: false,
      is_view: false,
      generic_type_params: [],
      params: ["&signer"],
      return: [],
    });
    expect(Object.keys(config.abi.exposed_functions[0] ?? {})).toEqual([
      "name",
      "visibility",
      "is_entry",
      "is_view",
      "generic_type_params",
      "params",
      "return",
    ]);
    expect(config.abi.structs).toEqual([
      {
        name: "Config",
        is_native: false,
        is_event: false,
        is_enum: false,
        abilities: ["key"],
        generic_type_params: [],
        fields: [
          { name: "admin", type: "address" },
          { name: "pending_admin", type: "0x1::option::Option<address>" },
          { name: "name", type: "0x1::string::String" },
        ],
      },
      {
        name: "AdminTransferred",
        is_native: false,
        is_event: true,
        is_enum: false,
        abilities: ["drop", "store"],
        generic_type_params: [],
        fields: [
          { name: "old_admin", type: "address" },
          { name: "new_admin", type: "address" },
        ],
      },
    ]);
  });

  it("exposes public, friend, package (as friend) and entry functions; skips private, inline and test-only", () => {
    const [config, gateway] = abiOf(CONFIG, GATEWAY);
    expect(config?.abi.exposed_functions.map((f) => [f.name, f.visibility])).toEqual([
      ["assert_admin", "friend"],
      ["fee_bps", "friend"],
    ]);
    expect(gateway?.abi.exposed_functions.map((f) => [f.name, f.visibility, f.is_entry, f.is_view])).toEqual([
      ["deposit", "public", true, false],
      ["seed", "private", true, false],
      ["quote", "public", false, true],
      ["generic", "public", false, false],
    ]);
  });

  it("lists explicit friends and the friends the compiler infers for public(package) calls", () => {
    const config = moduleOf("config", CONFIG, GATEWAY);
    expect(config.abi.friends).toEqual([`${KOFI}::gateway`]);
    const noExplicit = moduleOf("config", CONFIG.replace("friend kofi::gateway;", ""), GATEWAY);
    // gateway calls config::fee_bps (package) through a member import: still a friend.
    expect(noExplicit.abi.friends).toEqual([`${KOFI}::gateway`]);
    const noCalls = moduleOf(
      "config",
      CONFIG.replace("friend kofi::gateway;", ""),
      GATEWAY.replace("let _ = fee_bps();", ""),
    );
    // assert_admin is public(friend), not package: calling it infers nothing.
    expect(noCalls.abi.friends).toEqual([]);
  });

  it("resolves types as the fullnode prints them", () => {
    const gateway = moduleOf("gateway", CONFIG, GATEWAY);
    const generic = gateway.abi.exposed_functions.find((f) => f.name === "generic");
    expect(generic?.generic_type_params).toEqual([{ constraints: ["store", "key"] }, { constraints: [] }]);
    expect(generic?.params).toEqual([
      "&mut 0x1::object::Object<T0>",
      `&${KOFI}::config::Config`,
      "vector<T1>",
    ]);
    expect(generic?.return).toEqual(["0x1::option::Option<T1>"]);
    expect(gateway.abi.exposed_functions.find((f) => f.name === "quote")?.return).toEqual(["u64", "u64"]);
    const wrapper = gateway.abi.structs[0];
    expect(wrapper?.abilities).toEqual(["copy", "drop"]);
    expect(wrapper?.generic_type_params).toEqual([
      { constraints: ["store"] },
      { constraints: ["copy", "drop"] },
    ]);
    expect(wrapper?.fields).toEqual([
      { name: "items", type: "vector<vector<T1>>" },
      { name: "meta", type: "0x1::object::Object<0x1::fungible_asset::Metadata>" },
    ]);
  });

  it("resolves fully qualified paths and module aliases", () => {
    const m = moduleOf(
      "q",
      `module kofi::q {
        use std::string;
        use aptos_framework::coin as c;
        struct S has store { a: string::String, b: 0x1::option::Option<u8>, c: c::Coin<aptos_framework::aptos_coin::AptosCoin>, d: kofi::q::T }
        struct T has store { }
      }`,
    );
    expect(m.abi.structs[0]?.fields.map((f) => f.type)).toEqual([
      "0x1::string::String",
      "0x1::option::Option<u8>",
      "0x1::coin::Coin<0x1::aptos_coin::AptosCoin>",
      `${KOFI}::q::T`,
    ]);
  });

  it("fails clearly on unknown names instead of guessing", () => {
    expect(() => abiOf("module kofi::x {\n  public fun f(a: Coin) {}\n}")).toThrow(
      "fixture0.move:2:19: unknown type 'Coin' in x::f",
    );
    expect(() => abiOf("module kofi::x {\n  public fun f(a: coin::Coin) {}\n}")).toThrow(
      "unknown module 'coin'",
    );
    expect(() =>
      abiOf("module kofi::x {\n  use kofi::y::Missing;\n  public fun f(a: Missing) {}\n}"),
    ).toThrow("unknown module y");
    expect(() =>
      abiOf("module kofi::x { use kofi::y::Missing; public fun f(a: Missing) {} }", "module kofi::y { }"),
    ).toThrow("module y declares no such struct");
    expect(() => abiOf("module nowhere::x { }")).toThrow("unknown named address 'nowhere'");
  });

  it("does not crash on native, positional and enum structs", () => {
    const m = moduleOf(
      "s",
      `module kofi::s {
        native struct N<T> has copy;
        struct P(u64, bool) has copy, drop;
        enum Color has copy, drop { Red, Rgb { r: u8, g: u8, b: u8 }, Gray(u8) }
        public native fun n(x: u64): u64;
      }`,
    );
    expect(m.abi.structs.map((s) => [s.name, s.is_native, s.is_enum, s.fields.length, s.abilities])).toEqual([
      ["N", true, false, 0, ["copy"]],
      ["P", false, false, 2, ["copy", "drop"]],
      ["Color", false, true, 0, ["copy", "drop"]],
    ]);
    expect(m.abi.exposed_functions.map((f) => f.name)).toEqual(["n"]);
  });

  it("collects error constants with doc and event names", () => {
    const config = moduleOf("config", CONFIG);
    expect(config.errors).toEqual([{ name: "E_NOT_ADMIN", code: 1, doc: "The caller is not the admin." }]);
    expect(config.events).toEqual(["AdminTransferred"]);
    expect(config.doc).toBe("Config.");
    expect(config.functionDocs).toEqual({ assert_admin: "Friend-only.", fee_bps: "Package-only." });
  });
});
