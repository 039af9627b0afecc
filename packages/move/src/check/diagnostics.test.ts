/**
 * Every diagnostic the checker emits, each from the smallest module that provokes it (and nothing else), at the
 * file, line and column of the mistake (the line marked `// <-` in the source). `diagnostic-codes.test.ts`
 * checks that every code in `DIAGNOSTIC_CODES` is provoked by some test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DiagnosticCode } from "../diagnostics.ts";
import { loadPackage } from "../load.ts";
import { checkPackage } from "./check-package.ts";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** Checks one module `0xcafe::m` (plus optional others) and returns the diagnostics. */
function check(source: string, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "kofi-move-diag-"));
  temps.push(dir);
  mkdirSync(join(dir, "sources"));
  writeFileSync(join(dir, "Move.toml"), '[package]\nname = "T"\n\n[addresses]\nme = "0xcafe"\n');
  writeFileSync(join(dir, "sources", "m.move"), source);
  for (const [f, s] of Object.entries(extra)) writeFileSync(join(dir, "sources", f), s);
  const loaded = loadPackage(dir, { dev: false, tests: true });
  expect(loaded.diagnostics).toEqual([]);
  return checkPackage(loaded.package).diagnostics;
}

const markedLine = (source: string) => source.split("\n").findIndex((l) => l.includes("// <-")) + 1;

/** 1-based column of `anchor` on the marked line (0 when it is missing, which fails the position check). */
const markedCol = (source: string, anchor: string) =>
  (source.split("\n")[markedLine(source) - 1] ?? "").indexOf(anchor) + 1;

const mod = (body: string, uses = "") => `module me::m {\n${uses}${body}\n}\n`;

/**
 * [code, source, message fragment, anchor]: the source marks the expected line with `// <-`; the expected
 * column is where `anchor` first occurs on that line.
 */
const CASES: [DiagnosticCode, string, string, string][] = [
  ["unknown_address", mod("    fun f(): address { @nowhere } // <-"), "`@nowhere`", "@nowhere"],
  [
    "unknown_module",
    mod("    use aptos_framework::no_such_module; // <-\n"),
    "no_such_module",
    "aptos_framework::no_such_module",
  ],
  [
    "unknown_member",
    mod("    use aptos_framework::coin::NoSuchThing; // <-\n"),
    "NoSuchThing",
    "aptos_framework::coin::NoSuchThing",
  ],
  ["unknown_type", mod("    fun f(x: Missing) {} // <-"), "`Missing`", "Missing"],
  ["type_arity", mod("    fun f(x: vector<u8, u8>) {} // <-"), "vector", "vector<u8, u8>"],
  ["type_mismatch", mod("    fun f(): u64 { true } // <-"), "expected `u64`, found `bool`", "{ true }"],
  ["literal_range", mod("    fun f(): u8 { 256 } // <-"), "does not fit in `u8`", "256"],
  [
    "cannot_infer",
    mod("    use std::vector;\n    fun f() { let v = vector::empty(); let _ = vector::length(&v); } // <-"),
    "cannot infer",
    "vector::empty()",
  ],
  [
    "not_event",
    mod(
      "    use aptos_framework::event;\n    struct E has drop, store { x: u64 }\n    fun f() { event::emit(E { x: 1 }) } // <-",
    ),
    "not an #[event] struct",
    "event::emit",
  ],
  [
    "missing_ability",
    mod("    struct R has key { x: u64 }\n    fun f(r: R): R { let _c = copy r; r } // <-"),
    "`copy`",
    "copy r",
  ],
  ["unbound", mod("    fun f(): u64 { y } // <-"), "`y`", "y }"],
  [
    "arity",
    mod("    fun g(a: u64): u64 { a }\n    fun f(): u64 { g(1, 2) } // <-"),
    "takes 1 argument(s), got 2",
    "g(1, 2)",
  ],
  ["immutable", mod("    struct S has drop { x: u64 }\n    fun f(s: &S) { s.x = 1; } // <-"), "`&`", "x = 1"],
  [
    "unknown_field",
    mod("    struct S has drop { x: u64 }\n    fun f(s: &S): u64 { s.y } // <-"),
    "no field `y`",
    "y }",
  ],
  [
    "missing_field",
    mod("    struct S has drop { x: u64, y: u64 }\n    fun f(): S { S { x: 1 } } // <-"),
    "`y`",
    "S { x: 1 }",
  ],
  [
    "duplicate_field",
    mod("    struct S has drop { x: u64 }\n    fun f(): S { S { x: 1, x: 2 } } // <-"),
    "given twice",
    "x: 2",
  ],
  [
    "struct_visibility",
    mod(
      "    use aptos_framework::object::ConstructorRef;\n    fun f(c: ConstructorRef) { let ConstructorRef { self: _, can_delete: _ } = c; } // <-",
    ),
    "only be packed or unpacked in its own module",
    "ConstructorRef { self",
  ],
  [
    "field_visibility",
    mod(
      "    use aptos_framework::object::Object;\n    use aptos_framework::fungible_asset::Metadata;\n    fun f(o: &Object<Metadata>): address { o.inner } // <-",
    ),
    "private to module `object`",
    "inner",
  ],
  ["unknown_function", mod("    fun f() { g() } // <-"), "`g`", "g()"],
  ["visibility", mod("    fun f() { me::n::secret() } // <-"), "private to module `n`", "me::n::secret"],
  [
    "storage_visibility",
    mod(
      "    use aptos_framework::coin::CoinInfo;\n    use aptos_framework::aptos_coin::AptosCoin;\n    fun f(): bool { exists<CoinInfo<AptosCoin>>(@0x1) } // <-",
    ),
    "only allowed in module `coin`",
    "exists<",
  ],
  ["bad_break", mod("    fun f() { break } // <-"), "outside a loop", "break"],
  ["bad_field", mod("    struct S { r: &u64 } // <-"), "cannot hold", "r: &u64"],
  ["entry_return", mod("    entry fun f(): u64 { 1 } // <-"), "cannot return", "fun"],
  ["view_return", mod("    #[view]\n    public fun f() {} // <-"), "must return", "fun"],
  [
    "bad_constant",
    mod("    struct S has copy, drop { x: u64 }\n    const C: S = 1; // <-"),
    "not a primitive",
    "const",
  ],
  ["bad_acquires", mod("    fun f() acquires Nope {} // <-"), "`acquires Nope`", "Nope"],
  [
    "missing_acquires",
    mod("    struct R has key { x: u64 }\n    fun f(): u64 { borrow_global<R>(@me).x } // <-"),
    "acquires `R`",
    "fun",
  ],
  ["unsupported", mod("    fun f(v: vector<u64>): u64 { v[0] } // <-"), "index notation", "[0]"],
  [
    "test_only",
    mod("    use aptos_framework::timestamp;\n    fun f() { timestamp::fast_forward_seconds(1) } // <-"),
    "test-only",
    "timestamp::fast_forward_seconds",
  ],
  ["bad_test_param", mod("    #[test]\n    fun t(x: u64) {} // <-"), "`x`", "x: u64"],
  [
    "unknown_constant",
    mod("    #[test]\n    #[expected_failure(abort_code = NOPE)] // <-\n    fun t() {}"),
    "`NOPE`",
    "abort_code",
  ],
  // No signer parameter, so the malformed argument is the only finding (with `a: signer`, `a` would also be a
  // test parameter without an address).
  ["bad_test_attribute", mod("    #[test(a = 1)] // <-\n    fun t() {}"), "name = @address", "a = 1"],
  // A three-segment module path; in `location` it is the only finding (as a call it would also be an
  // unknown function).
  [
    "bad_path",
    mod("    #[test]\n    #[expected_failure(location = me::m::x)] // <-\n    fun t() {}"),
    "not a module path: `me::m::x`",
    "me::m::x",
  ],
  ["duplicate", mod("    fun g() {}\n    fun g() {} // <-"), "function `g` declared twice", "fun"],
  [
    "duplicate",
    mod("    struct S {}\n    struct S has drop {} // <-"),
    "struct `S` declared twice",
    "struct",
  ],
  ["duplicate_module", `${mod("")}module me::m {} // <-\n`, "module `m` declared twice", "module"],
  // `std` is 0x1: a package module there would replace a framework one.
  ["framework_module", `${mod("")}module std::extra {} // <-\n`, "`extra` at 0x1 would shadow", "module"],
];

const OTHER = "module me::n {\n    fun secret() {}\n}\n";

describe("checker diagnostics", () => {
  it.each(CASES)("%s", (code, source, fragment, anchor) => {
    const diags = check(source, { "n.move": OTHER });
    // The source provokes this code and no other (some provoke it twice, e.g. both calls of `cannot_infer`).
    expect(
      diags.map((d) => d.code),
      JSON.stringify(diags, null, 1),
    ).toEqual(diags.map(() => code));
    const hit = diags[0];
    expect(hit, "no diagnostic").toBeDefined();
    expect(hit?.severity).toBe("error");
    expect(hit?.message).toContain(fragment);
    expect(markedCol(source, anchor), `anchor ${anchor} not on the marked line`).toBeGreaterThan(0);
    expect(`${basename(hit?.pos.file ?? "")}:${hit?.pos.line}:${hit?.pos.col}`).toBe(
      `m.move:${markedLine(source)}:${markedCol(source, anchor)}`,
    );
  });

  it("warns about an acquires that is never needed", () => {
    const source = mod("    struct R has key { x: u64 }\n    fun f() acquires R {} // <-");
    expect(check(source)).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "unused_acquires",
        pos: expect.objectContaining({ line: markedLine(source), col: markedCol(source, "fun") }),
      }),
    ]);
  });

  it("a clean module has no diagnostics", () => {
    const src = mod(
      "    struct R has key { x: u64 }\n    public fun get(a: address): u64 acquires R { borrow_global<R>(a).x }\n    public fun add(a: u64, b: u64): u64 { a + (b as u64) }",
    );
    expect(check(src)).toEqual([]);
  });
});
