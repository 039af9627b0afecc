import { describe, expect, it } from "vitest";
import { parseFile } from "./parse-module.ts";
import { KOFI, moduleOf } from "./test-helpers.ts";

describe("parseFile", () => {
  it("reads both module forms, address blocks, and skips test modules, scripts and specs", () => {
    const src = `
      module kofi::a { }
      #[test_only]
      module kofi::a_tests { fun t() {} }
      address kofi { module b { } }
      script { fun main() {} }
      spec kofi::a { }
    `;
    expect(parseFile(src, "x.move").map((m) => `${m.address}::${m.name}`)).toEqual(["kofi::a", "kofi::b"]);
    const move2 = parseFile("/// Docs.\nmodule kofi::c;\nuse std::signer;\npublic fun f() {}\n", "y.move");
    expect(move2).toHaveLength(1);
    expect(move2[0]?.name).toBe("c");
    expect(move2[0]?.doc).toEqual(["Docs."]);
    expect(move2[0]?.functions.map((f) => f.name)).toEqual(["f"]);
  });

  it("reads use declarations: Self, aliases, member lists, nested groups", () => {
    const [m] = parseFile(
      `module kofi::u {
        use std::signer;
        use std::string::String;
        use aptos_framework::object::{Self as obj, Object, ObjectCore as Core};
        use aptos_framework::{coin::{Self, Coin}, fungible_asset};
        use 0x1::option as opt;
      }`,
      "u.move",
    );
    expect(
      m?.uses.map((u) =>
        u.kind === "module" ? `${u.alias}=${u.module}` : `${u.alias}=${u.module}::${u.member}`,
      ),
    ).toEqual([
      "signer=signer",
      "String=string::String",
      "obj=object",
      "Object=object::Object",
      "Core=object::ObjectCore",
      "coin=coin",
      "Coin=coin::Coin",
      "fungible_asset=fungible_asset",
      "opt=option",
    ]);
  });

  it("skips function bodies by brace matching, including braces in nested blocks and strings", () => {
    const [m] = parseFile(
      `module kofi::b {
        fun f(): u64 { if (true) { let x = vector[1, 2]; { x } } else { b"}{" ; 0 } }
        public fun g() {}
      }`,
      "b.move",
    );
    expect(m?.functions.map((f) => f.name)).toEqual(["f", "g"]);
  });

  it("reads constants with hex, decimal and underscore numbers", () => {
    const m = moduleOf(
      "k",
      `module kofi::k {
        /// The caller is not the admin.
        const E_NOT_ADMIN: u64 = 0x1;
        /// Big.
        const CAP: u64 = 100_000_000_000;
        const SEED: vector<u8> = b"kAPT";
        const HEX: vector<u8> = x"0A0b";
        const SHIFTED: u64 = 1 << 16 | 2;
        const DERIVED: u128 = (CAP as u128) * 2;
        const FLAG: bool = true;
        const WHO: address = @kofi;
      }`,
    );
    expect(m.errors).toEqual([{ name: "E_NOT_ADMIN", code: 1, doc: "The caller is not the admin." }]);
    expect(Object.fromEntries(m.constants.map((k) => [k.name, k.value]))).toEqual({
      CAP: 100_000_000_000n,
      SEED: "0x6b415054",
      HEX: "0x0a0b",
      SHIFTED: 65538n,
      DERIVED: 200_000_000_000n,
      FLAG: true,
      WHO: KOFI,
    });
  });

  it("reports a syntax error with its position", () => {
    expect(() => parseFile("module kofi::x {\n  fun f(a u64) {}\n}", "x.move")).toThrow(
      "x.move:2:11: expected ':' after parameter a, found 'u64'",
    );
    expect(() => parseFile("module kofi::x {\n  banana;\n}", "x.move")).toThrow(
      "x.move:2:3: expected a declaration",
    );
  });
});
