import { describe, expect, it } from "vitest";
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
        public fun d(x: &mut R): &u64 { &x.x }
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
});
