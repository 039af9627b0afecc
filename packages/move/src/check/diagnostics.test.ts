/**
 * Every diagnostic the checker emits, each from the smallest module that provokes it, at the line of the mistake
 * (the line marked `// <-` in the source).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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

const mod = (body: string, uses = "") => `module me::m {\n${uses}${body}\n}\n`;

/** [code, source, message fragment]: the source marks the expected line with `// <-`. */
const CASES: [string, string, string][] = [
  ["unknown_address", mod("    fun f(): address { @nowhere } // <-"), "`@nowhere`"],
  ["unknown_module", mod("    use aptos_framework::no_such_module; // <-\n"), "no_such_module"],
  ["unknown_member", mod("    use aptos_framework::coin::NoSuchThing; // <-\n"), "NoSuchThing"],
  ["unknown_type", mod("    fun f(x: Missing) {} // <-"), "`Missing`"],
  ["type_arity", mod("    fun f(x: vector<u8, u8>) {} // <-"), "vector"],
  ["type_mismatch", mod("    fun f(): u64 { true } // <-"), "expected `u64`, found `bool`"],
  ["literal_range", mod("    fun f(): u8 { 256 } // <-"), "does not fit in `u8`"],
  [
    "cannot_infer",
    mod("    use std::vector;\n    fun f() { let v = vector::empty(); let _ = vector::length(&v); } // <-"),
    "cannot infer",
  ],
  [
    "not_event",
    mod(
      "    use aptos_framework::event;\n    struct E has drop, store { x: u64 }\n    fun f() { event::emit(E { x: 1 }) } // <-",
    ),
    "not an #[event] struct",
  ],
  [
    "missing_ability",
    mod("    struct R has key { x: u64 }\n    fun f(r: R): R { let _c = copy r; r } // <-"),
    "`copy`",
  ],
  ["unbound", mod("    fun f(): u64 { y } // <-"), "`y`"],
  [
    "arity",
    mod("    fun g(a: u64): u64 { a }\n    fun f(): u64 { g(1, 2) } // <-"),
    "takes 1 argument(s), got 2",
  ],
  ["immutable", mod("    struct S has drop { x: u64 }\n    fun f(s: &S) { s.x = 1; } // <-"), "`&`"],
  [
    "unknown_field",
    mod("    struct S has drop { x: u64 }\n    fun f(s: &S): u64 { s.y } // <-"),
    "no field `y`",
  ],
  [
    "missing_field",
    mod("    struct S has drop { x: u64, y: u64 }\n    fun f(): S { S { x: 1 } } // <-"),
    "`y`",
  ],
  [
    "duplicate_field",
    mod("    struct S has drop { x: u64 }\n    fun f(): S { S { x: 1, x: 2 } } // <-"),
    "given twice",
  ],
  [
    "struct_visibility",
    mod(
      "    use aptos_framework::object::ConstructorRef;\n    fun f(c: ConstructorRef) { let ConstructorRef { self: _, can_delete: _ } = c; } // <-",
    ),
    "only be packed or unpacked in its own module",
  ],
  [
    "field_visibility",
    mod(
      "    use aptos_framework::object::Object;\n    use aptos_framework::fungible_asset::Metadata;\n    fun f(o: &Object<Metadata>): address { o.inner } // <-",
    ),
    "private to module `object`",
  ],
  ["unknown_function", mod("    fun f() { g() } // <-"), "`g`"],
  ["visibility", mod("    fun f() { me::n::secret() } // <-"), "private to module `n`"],
  [
    "storage_visibility",
    mod(
      "    use aptos_framework::coin::CoinInfo;\n    use aptos_framework::aptos_coin::AptosCoin;\n    fun f(): bool { exists<CoinInfo<AptosCoin>>(@0x1) } // <-",
    ),
    "only allowed in module `coin`",
  ],
  ["bad_break", mod("    fun f() { break } // <-"), "outside a loop"],
  ["bad_field", mod("    struct S { r: &u64 } // <-"), "cannot hold"],
  ["entry_return", mod("    entry fun f(): u64 { 1 } // <-"), "cannot return"],
  ["view_return", mod("    #[view]\n    public fun f() {} // <-"), "must return"],
  [
    "bad_constant",
    mod("    struct S has copy, drop { x: u64 }\n    const C: S = 1; // <-"),
    "not a primitive",
  ],
  ["bad_acquires", mod("    fun f() acquires Nope {} // <-"), "`acquires Nope`"],
  [
    "missing_acquires",
    mod("    struct R has key { x: u64 }\n    fun f(): u64 { borrow_global<R>(@me).x } // <-"),
    "acquires `R`",
  ],
  ["unsupported", mod("    fun f(v: vector<u64>): u64 { v[0] } // <-"), "index notation"],
  [
    "test_only",
    mod("    use aptos_framework::timestamp;\n    fun f() { timestamp::fast_forward_seconds(1) } // <-"),
    "test-only",
  ],
  ["bad_test_param", mod("    #[test]\n    fun t(x: u64) {} // <-"), "`x`"],
  [
    "unknown_constant",
    mod("    #[test]\n    #[expected_failure(abort_code = NOPE)] // <-\n    fun t() {}"),
    "`NOPE`",
  ],
  ["bad_test_attribute", mod("    #[test(a = 1)] // <-\n    fun t(a: signer) {}"), "name = @address"],
];

const OTHER = "module me::n {\n    fun secret() {}\n}\n";

describe("checker diagnostics", () => {
  it.each(CASES)("%s", (code, source, fragment) => {
    const diags = check(source, { "n.move": OTHER });
    const hit = diags.find((d) => d.code === code);
    expect(hit, JSON.stringify(diags, null, 1)).toBeDefined();
    expect(hit?.severity).toBe("error");
    expect(hit?.message).toContain(fragment);
    expect(hit?.pos.line).toBe(markedLine(source));
    expect(hit?.pos.file).toContain("m.move");
  });

  it("warns about an acquires that is never needed", () => {
    const diags = check(mod("    struct R has key { x: u64 }\n    fun f() acquires R {} // <-"));
    expect(diags).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "unused_acquires",
        pos: expect.objectContaining({ line: 3 }),
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
