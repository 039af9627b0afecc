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
    const config = moduleOf("config", CONFIG, GATEWAY);
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

  it("exposes public, friend, package (as friend) and entry functions; skips private and test-only", () => {
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
    // Without the declaration gateway may not call the friend function any more (the checker says so), but it
    // still calls config::fee_bps (package) through a member import: still a friend.
    const noExplicit = moduleOf(
      "config",
      CONFIG.replace("friend kofi::gateway;", ""),
      GATEWAY.replace("cfg::assert_admin(admin);", ""),
    );
    expect(noExplicit.abi.friends).toEqual([`${KOFI}::gateway`]);
    const noCalls = moduleOf(
      "config",
      CONFIG.replace("friend kofi::gateway;", ""),
      GATEWAY.replace("let _ = fee_bps();", "").replace("cfg::assert_admin(admin);", ""),
    );
    expect(noCalls.abi.friends).toEqual([]);
    // assert_admin is public(friend), not package: calling it infers nothing.
    const friendCallOnly = moduleOf("config", CONFIG, GATEWAY.replace("let _ = fee_bps();", ""));
    expect(friendCallOnly.abi.friends).toEqual([`${KOFI}::gateway`]);
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
        struct S { a: string::String, b: 0x1::option::Option<u8>, c: c::Coin<aptos_framework::aptos_coin::AptosCoin>, d: kofi::q::T }
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

  it("stops on the checker's diagnostics for unknown names instead of guessing", () => {
    expect(() => abiOf("module kofi::x {\n  public fun f(a: Coin) {}\n}")).toThrow(
      "sources/fixture0.move:2:19: error[unknown_type]: unknown type `Coin`",
    );
    expect(() => abiOf("module kofi::x {\n  public fun f(a: coin::Coin) {}\n}")).toThrow(
      "error[unknown_module]: unknown module alias `coin`",
    );
    expect(() =>
      abiOf("module kofi::x {\n  use kofi::y::Missing;\n  public fun f(a: Missing) {}\n}"),
    ).toThrow("error[unknown_module]: unknown module `kofi::y`");
    expect(() =>
      abiOf("module kofi::x { use kofi::y::Missing; public fun f(a: Missing) {} }", "module kofi::y { }"),
    ).toThrow("error[unknown_member]: `kofi::y` has no struct or function `Missing`");
    expect(() => abiOf("module nowhere::x { }")).toThrow("error[unassigned_address]");
    expect(() => abiOf("module kofi::x { friend kofi::nowhere; }")).toThrow(
      "sources/fixture0.move:1:25: friend kofi::nowhere: unknown module `kofi::nowhere`",
    );
  });

  it("names positional struct fields 0, 1, ...", () => {
    const m = moduleOf("s", "module kofi::s { struct P(u64, bool) has copy, drop; }");
    expect(m.abi.structs.map((s) => [s.name, s.is_native, s.is_enum, s.fields, s.abilities])).toEqual([
      [
        "P",
        false,
        false,
        [
          { name: "0", type: "u64" },
          { name: "1", type: "bool" },
        ],
        ["copy", "drop"],
      ],
    ]);
  });

  it("reads only packages the localnet can run: what the checker rejects stops generation", () => {
    expect(() => abiOf("module kofi::e { enum E has drop { A, B } }")).toThrow(
      "error[unsupported_syntax]: enum E: enums are not supported",
    );
    expect(() => abiOf("module kofi::n { public native fun n(x: u64): u64; }")).toThrow(
      "error[unsupported]: native functions cannot be declared in this package",
    );
    expect(() => abiOf("module kofi::i { public inline fun twice(x: u64): u64 { x * 2 } }")).toThrow(
      "error[unsupported]: inline functions are not supported",
    );
    expect(() =>
      abiOf("module kofi::f { public fun apply(f: |u64| u64 has copy + drop, x: u64): u64 { f(x) } }"),
    ).toThrow("error[unsupported]: function types are not supported");
  });

  it("collects error constants with doc and event names", () => {
    const config = moduleOf("config", CONFIG, GATEWAY);
    expect(config.errors).toEqual([{ name: "E_NOT_ADMIN", code: 1, doc: "The caller is not the admin." }]);
    expect(config.events).toEqual(["AdminTransferred"]);
    expect(config.doc).toBe("Config.");
    expect(config.functionDocs).toEqual({ assert_admin: "Friend-only.", fee_bps: "Package-only." });
  });

  it("takes constant values from the interpreter and prints them in the ABI's forms", () => {
    const m = moduleOf(
      "k",
      `module kofi::k {
        /// The caller is not the admin.
        const E_NOT_ADMIN: u64 = 0x1;
        /// Big.
        const CAP: u64 = 100_000_000_000;
        const SEED: vector<u8> = b"kAPT";
        const BYTES: vector<u8> = vector[10, 0xb];
        const DERIVED: u128 = (CAP as u128) * 2;
        const FLAG: bool = 1 < 2;
        const WHO: address = @kofi;
        const FRAMEWORK: address = @aptos_framework;
        const LIST: vector<u64> = vector[1, CAP / 1000];
        const NESTED: vector<vector<u8>> = vector[b"a", x""];
      }`,
    );
    expect(m.errors).toEqual([{ name: "E_NOT_ADMIN", code: 1, doc: "The caller is not the admin." }]);
    expect(m.constants.map((k) => [k.name, k.type, k.value])).toEqual([
      ["CAP", "u64", 100_000_000_000n],
      ["SEED", "vector<u8>", "0x6b415054"],
      ["BYTES", "vector<u8>", "0x0a0b"],
      ["DERIVED", "u128", 200_000_000_000n],
      ["FLAG", "bool", true],
      ["WHO", "address", KOFI],
      ["FRAMEWORK", "address", "0x1"],
      ["LIST", "vector<u64>", [1n, 100_000_000n]],
      ["NESTED", "vector<vector<u8>>", ["0x61", "0x"]],
    ]);
    expect(m.constants[0]?.doc).toBe("Big.");
  });

  it("stops on an error constant whose reason does not fit a JavaScript number", () => {
    expect(() => abiOf("module kofi::e {\n  const E_HUGE: u64 = 1 << 60;\n}")).toThrow(
      "sources/fixture0.move:2:3: error constant e::E_HUGE = 1152921504606846976 is above 2^53 - 1",
    );
  });
});
