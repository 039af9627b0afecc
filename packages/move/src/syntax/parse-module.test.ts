import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../diagnostics.ts";
import { parseFile } from "./parse-module.ts";

const errors = (src: string) => parseFile(src, "x.move").diagnostics.map((d) => formatDiagnostic(d));

describe("parseFile: declarations", () => {
  it("reads both module forms and address blocks, skips specs, and keeps test modules only with tests", () => {
    const src = `
      module kofi::a { }
      #[test_only]
      module kofi::a_tests { fun t() {} }
      address kofi { module b { } }
      spec kofi::a { }
    `;
    const names = (tests: boolean) =>
      parseFile(src, "x.move", { tests }).modules.map((m) => `${m.address}::${m.name}`);
    expect(names(false)).toEqual(["kofi::a", "kofi::b"]);
    expect(names(true)).toEqual(["kofi::a", "kofi::a_tests", "kofi::b"]);
    expect(parseFile(src, "x.move", { tests: true }).diagnostics).toEqual([]);
    const move2 = parseFile(
      "/// Docs.\nmodule kofi::c;\nuse std::signer;\npublic fun f() {}\n",
      "y.move",
    ).modules;
    expect(move2).toHaveLength(1);
    expect(move2[0]?.name).toBe("c");
    expect(move2[0]?.doc).toEqual(["Docs."]);
    expect(move2[0]?.functions.map((f) => f.name)).toEqual(["f"]);
  });

  it("keeps #[test_only] items and #[test] functions only with tests; #[verify_only] never", () => {
    const src = `module kofi::m {
      #[test_only] use std::vector;
      #[test_only] const K: u64 = 1;
      #[test_only] struct S has drop {}
      #[test] fun t() {}
      #[verify_only] fun v() {}
      fun f() {}
    }`;
    const [off] = parseFile(src, "m.move").modules;
    expect([off?.uses.length, off?.constants.length, off?.structs.length]).toEqual([0, 0, 0]);
    expect(off?.functions.map((f) => f.name)).toEqual(["f"]);
    const [on] = parseFile(src, "m.move", { tests: true }).modules;
    expect([on?.uses.length, on?.constants.length, on?.structs.length]).toEqual([1, 1, 1]);
    expect(on?.functions.map((f) => f.name)).toEqual(["t", "f"]);
    expect(on?.uses[0]?.attributes.map((a) => a.name)).toEqual(["test_only"]);
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
    ).modules;
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

  it("reads signatures: params with positions, returns, acquires, modifiers", () => {
    const [m] = parseFile(
      `module kofi::s {
        public(friend) entry fun f<T: store>(a: &signer, b: vector<T>): (u64, bool) acquires R, kofi::s::Q { (0, true) }
        native public fun n(x: u64): u64;
      }`,
      "s.move",
    ).modules;
    const f = m?.functions[0];
    expect([f?.visibility, f?.isEntry, f?.params.map((p) => [p.name, p.pos.col])]).toEqual([
      "friend",
      true,
      [
        ["a", 46],
        ["b", 58],
      ],
    ]);
    expect(f?.returns.map((r) => r.kind)).toEqual(["named", "named"]);
    expect(f?.acquires.map((a) => a.segments.join("::"))).toEqual(["R", "kofi::s::Q"]);
    expect(m?.functions[1]?.isNative).toBe(true);
    expect(m?.functions[1]?.body).toBeUndefined();
  });

  it("reports a syntax error with its position and goes on with the next item", () => {
    const r = parseFile("module kofi::x {\n  fun f(a u64) {}\n  banana;\n  fun g() {}\n}", "x.move");
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      "x.move:2:11: error[syntax_error]: expected ':' after parameter a, found 'u64'",
      "x.move:3:3: error[syntax_error]: expected a declaration (use, friend, const, fun, struct, enum, spec), found 'banana'",
    ]);
    expect(r.modules[0]?.functions.map((f) => f.name)).toEqual(["g"]);
  });

  it("keeps a function whose body has an error, with an empty body, and reads the functions after it", () => {
    const r = parseFile("module kofi::x {\n  public fun f(): u64 { 1 + }\n  fun g() {}\n}", "x.move");
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      "x.move:2:29: error[syntax_error]: expected an expression, found '}'",
    ]);
    expect(r.modules[0]?.functions.map((f) => [f.name, f.body?.stmts.length])).toEqual([
      ["f", 0],
      ["g", 0],
    ]);
  });

  it("reports pathologically deep nesting instead of throwing", () => {
    const deep = `${"(".repeat(50_000)}1${")".repeat(50_000)}`;
    const r = parseFile(`module kofi::x {\n  fun f(): u64 { ${deep} }\n}`, "x.move");
    expect(r.diagnostics.map((d) => d.message)).toEqual(["expression nested too deeply"]);
  });

  it("turns lexical errors into a diagnostic", () => {
    expect(errors("module kofi::x {\n  `\n}")).toEqual([
      "x.move:2:3: error[syntax_error]: unexpected character '`'",
    ]);
  });
});
