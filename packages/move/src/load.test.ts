import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "./diagnostics.ts";
import { loadPackage } from "./load.ts";

const MOVE = resolve(dirname(fileURLToPath(import.meta.url)), "../../../move");
const KOFI = `0x${"6b6f6669".padStart(64, "0")}`;
const ONE = `0x${"1".padStart(64, "0")}`;
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function tempPackage(toml: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kofi-move-load-"));
  temps.push(dir);
  writeFileSync(join(dir, "Move.toml"), toml);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("loadPackage", () => {
  it("loads Kofi's package with dev addresses and tests: no diagnostics, test modules and #[test] functions in", () => {
    const { package: pkg, diagnostics } = loadPackage(MOVE, { dev: true, tests: true });
    expect(diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(pkg.name).toBe("Kofi");
    expect(pkg.root).toBe(MOVE);
    expect(pkg.addresses.get("kofi")).toBe(KOFI);
    for (const n of ["std", "aptos_std", "aptos_framework"]) expect(pkg.addresses.get(n)).toBe(ONE);
    const names = pkg.modules.map((m) => m.name);
    expect(names).toContain("gateway");
    expect(names).toContain("gateway_tests");
    const tests = pkg.modules.find((m) => m.name === "gateway_tests");
    expect(tests?.functions.some((f) => f.attributes.includes("test"))).toBe(true);
    expect(tests?.pos.file).toBe(join(MOVE, "tests/gateway_tests.move"));
  });

  it("leaves tests/ and every #[test_only] item out without tests", () => {
    const { package: pkg, diagnostics } = loadPackage(MOVE, { dev: true, tests: false });
    expect(diagnostics).toEqual([]);
    expect(pkg.modules.map((m) => m.name).sort()).toEqual([
      "config",
      "gateway",
      "kapt",
      "rewards",
      "staking_manager",
      "stkapt",
      "vault",
      "withdrawals",
    ]);
    for (const m of pkg.modules) {
      for (const f of m.functions) expect(f.attributes, `${m.name}::${f.name}`).not.toContain("test_only");
      for (const u of m.uses) expect(u.attributes.map((a) => a.name)).not.toContain("test_only");
    }
  });

  it("without dev, a '_' address stays unassigned and each module using it is reported", () => {
    const { package: pkg, diagnostics } = loadPackage(MOVE, { dev: false, tests: false });
    expect(pkg.addresses.has("kofi")).toBe(false);
    expect(diagnostics.length).toBe(pkg.modules.length);
    expect(diagnostics[0]?.code).toBe("unassigned_address");
  });

  it("reports the errors of every file, not only the first, and keeps the good modules", () => {
    const dir = tempPackage('[package]\nname = "T"\n[addresses]\nt = "0x7"\n', {
      "sources/a.move": "module t::a {\n  fun f() { let = 1; }\n}\n",
      "sources/b.move": "module t::b {\n  fun g() {}\n}\n",
      "sources/c.move": "module t::c {\n  fun h(): u64 { match (1) { _ => 2 } }\n}\n",
      "tests/d.move": "#[test_only]\nmodule t::d {\n  #[test]\n  fun t() { 1 +; }\n}\n",
    });
    const { package: pkg, diagnostics } = loadPackage(dir, { dev: false, tests: true });
    expect(diagnostics.map((d) => formatDiagnostic(d, dir))).toEqual([
      "sources/a.move:2:17: error[syntax_error]: expected a pattern, found '='",
      "sources/c.move:2:18: error[unsupported_syntax]: match expression is not supported",
      "tests/d.move:4:16: error[syntax_error]: expected an expression, found ';'",
    ]);
    expect(pkg.modules.map((m) => m.name)).toEqual(["a", "b", "c", "d"]);
    expect(pkg.addresses.get("t")).toBe(`0x${"7".padStart(64, "0")}`);
  });

  it("reports a missing Move.toml and a malformed address", () => {
    const dir = tempPackage('[addresses]\nt = "0xZZ"\n', {});
    expect(loadPackage(dir, { dev: true, tests: false }).diagnostics.map((d) => d.code)).toEqual([
      "move_toml",
    ]);
    const empty = mkdtempSync(join(tmpdir(), "kofi-move-load-"));
    temps.push(empty);
    expect(loadPackage(empty, { dev: true, tests: false }).diagnostics[0]?.message).toBe(
      "Move.toml not found",
    );
  });
});
