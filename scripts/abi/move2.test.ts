import { describe, expect, it } from "vitest";
import { formatAddress, readMoveTomlAddresses } from "./addresses.ts";
import { KOFI, moduleOf } from "./test-helpers.ts";

describe("Move 2 declarations", () => {
  it("reads friend/package shorthands, modifiers in any order, attributes with arguments and acquires", () => {
    const m = moduleOf(
      "v",
      `module kofi::v {
        struct R has key { x: u64 }
        /// a
        friend fun a() {}
        /// b
        package fun b(): u64 acquires R { 0 }
        /// c
        public(package) entry fun c(s: &signer) {}
        #[lint::skip(needless_mutable_reference)]
        #[deprecated]
        /// d: doc after attributes
        public fun d(x: &mut R): &u64 reads R writes R { &x.x }
        /// e: doc before attributes
        #[view]
        public fun e(): u64 { 1 }
        entry public fun f() {}
        #[test_only]
        /// never exposed
        public entry fun g() {}
      }`,
    );
    expect(m.abi.exposed_functions.map((f) => [f.name, f.visibility, f.is_entry, f.is_view])).toEqual([
      ["a", "friend", false, false],
      ["b", "friend", false, false],
      ["c", "friend", true, false],
      ["d", "public", false, false],
      ["e", "public", false, true],
      ["f", "public", true, false],
    ]);
    expect(m.abi.exposed_functions.find((f) => f.name === "d")?.params).toEqual([`&mut ${KOFI}::v::R`]);
    expect(m.abi.exposed_functions.find((f) => f.name === "d")?.return).toEqual(["&u64"]);
    expect(m.functionDocs.d).toBe("d: doc after attributes");
    expect(m.functionDocs.e).toBe("e: doc before attributes");
  });

  it("skips spec blocks and reads attributes with arguments", () => {
    const m = moduleOf(
      "sp",
      `module kofi::sp {
        spec module { pragma verify = true; }
        #[resource_group_member(group = aptos_framework::object::ObjectGroup)]
        struct G has key { x: u64 }
        spec G { invariant x > 0; }
        spec fun helper(): bool { true }
        spec schema S<T> { ensures true; }
        #[test(admin = @0x1), expected_failure(abort_code = 0x10001, location = Self)]
        fun t(admin: &signer) {}
        /// f
        public fun f(): u64 { spec { assert true; }; 1 }
        spec f { aborts_if false; }
      }`,
    );
    expect(m.abi.structs.map((s) => s.name)).toEqual(["G"]);
    expect(m.abi.exposed_functions.map((f) => f.name)).toEqual(["f"]);
  });

  it("joins multi-line doc comments and ignores plain comments in between", () => {
    const m = moduleOf(
      "d",
      `module kofi::d {
        /// The pools cannot unlock this much
        /// while keeping their minimums.
        const E_INSUFFICIENT: u64 = 9; // trailing comment
        /* block */ const E_OTHER: u64 = 10;
      }`,
    );
    expect(m.errors).toEqual([
      {
        name: "E_INSUFFICIENT",
        code: 9,
        doc: "The pools cannot unlock this much while keeping their minimums.",
      },
      { name: "E_OTHER", code: 10, doc: "" },
    ]);
  });

  it("reads function-typed parameters without failing", () => {
    const m = moduleOf(
      "f",
      "module kofi::f { public fun apply(f: |u64| u64 has copy + drop, x: u64): u64 { f(x) } }",
    );
    expect(m.abi.exposed_functions[0]?.params).toEqual(["|u64|u64", "u64"]);
  });
});

describe("addresses", () => {
  it("prints special addresses short and the rest as 64 hex digits", () => {
    expect(formatAddress("0x1")).toBe("0x1");
    expect(formatAddress("0x0000000000000000000000000000000000000000000000000000000000000004")).toBe("0x4");
    expect(formatAddress("0x6b6f6669")).toBe(KOFI);
    expect(formatAddress("0x00000000000000000000000000000000000000000000000000000000006b6f6669")).toBe(KOFI);
    expect(() => formatAddress(`0x1${"0".repeat(64)}`)).toThrow("longer than 32 bytes");
  });

  it("reads Move.toml [addresses] overridden by [dev-addresses], and warns on over-long literals", () => {
    const warnings: string[] = [];
    const toml = `[package]\nname = "K"\n\n[addresses]\nkofi = "_"\nother = "0x2"\n\n[dev-addresses]\n# dev\nkofi = "0x00${"0".repeat(56)}6b6f6669"\n`;
    expect(readMoveTomlAddresses(toml, "Move.toml", warnings)).toEqual({ kofi: KOFI, other: "0x2" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("66 hex digits");
  });
});
