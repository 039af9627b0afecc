/**
 * The checker on the real package, and on broken copies of it: each mistake must come back as its diagnostic,
 * at the line of the mistake.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostics.ts";
import { loadPackage } from "../load.ts";
import { checkPackage } from "./check-package.ts";

const MOVE_DIR = fileURLToPath(new URL("../../../../move", import.meta.url));
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function check(dir: string, tests = true): Diagnostic[] {
  const pkg = loadPackage(dir, { dev: true, tests });
  return [...pkg.diagnostics, ...checkPackage(pkg.package).diagnostics].filter((d) => d.severity === "error");
}

/** A copy of move/ with `from` replaced by `to` in `file`; returns the dir and the 1-based line of the change. */
function broken(file: string, from: string, to: string): { dir: string; line: number } {
  const dir = mkdtempSync(join(tmpdir(), "kofi-move-check-"));
  temps.push(dir);
  cpSync(MOVE_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const src = readFileSync(path, "utf8");
  const at = src.indexOf(from);
  if (at < 0) throw new Error(`test setup: ${from} not in ${file}`);
  writeFileSync(path, src.slice(0, at) + to + src.slice(at + from.length));
  return { dir, line: src.slice(0, at).split("\n").length };
}

function only(diags: Diagnostic[], code: string): Diagnostic {
  const hits = diags.filter((d) => d.code === code);
  expect(hits, JSON.stringify(diags, null, 1)).toHaveLength(1);
  return hits[0] as Diagnostic;
}

describe("checkPackage", () => {
  it("accepts move/sources and move/tests against the framework's on-chain ABI", () => {
    expect(check(MOVE_DIR)).toEqual([]);
  });

  it("reports an unknown framework function", () => {
    const { dir, line } = broken(
      "sources/staking_manager.move",
      "delegation_pool::get_add_stake_fee(pool, amount)",
      "delegation_pool::get_add_stake_fees(pool, amount)",
    );
    const d = only(check(dir), "unknown_function");
    expect(d.pos.line).toBe(line);
    expect(d.message).toContain("get_add_stake_fees");
  });

  it("reports a wrong number of arguments", () => {
    const { dir, line } = broken(
      "sources/staking_manager.move",
      "delegation_pool::get_add_stake_fee(pool, amount)",
      "delegation_pool::get_add_stake_fee(pool)",
    );
    const d = only(check(dir), "arity");
    expect(d.pos.line).toBe(line);
    expect(d.message).toContain("takes 2 argument(s), got 1");
  });

  it("reports an argument of the wrong type", () => {
    const { dir, line } = broken(
      "sources/staking_manager.move",
      "delegation_pool::operator_commission_percentage(pool)",
      "delegation_pool::operator_commission_percentage(7u64)",
    );
    const d = only(check(dir), "type_mismatch");
    expect(d.pos.line).toBe(line);
    expect(d.message).toContain("expected `address`, found `u64`");
  });

  it("reports a missing ability (an #[event] struct without store)", () => {
    const { dir, line } = broken(
      "sources/vault.move",
      "struct Staked has drop, store {",
      "struct Staked has drop {",
    );
    const diags = check(dir).filter((d) => d.code === "missing_ability");
    expect(diags.map((d) => d.pos.line)).toContain(line);
    // event::emit<T: drop + store> at the call site as well.
    expect(diags.some((d) => d.message.includes("does not have the `store` ability"))).toBe(true);
  });

  it("reports a missing acquires", () => {
    const { dir, line } = broken(
      "sources/config.move",
      "public entry fun set_fee_bps(admin: &signer, fee_bps: u64) acquires Config {",
      "public entry fun set_fee_bps(admin: &signer, fee_bps: u64) {",
    );
    const d = only(check(dir), "missing_acquires");
    expect(d.pos.line).toBe(line);
    expect(d.message).toContain("acquires `Config`");
  });

  it("reports a public(package) function called from outside the package", () => {
    const { dir } = broken("sources/config.move", "module kofi::config {", "module kofi::config {");
    writeFileSync(
      join(dir, "sources", "outsider.move"),
      "module 0xcafe::outsider {\n    use kofi::config;\n    public fun who(): address {\n        config::protocol_address()\n    }\n}\n",
    );
    const d = only(check(dir, false), "visibility");
    expect(d.pos.file).toContain("outsider.move");
    expect(d.pos.line).toBe(4);
    expect(d.message).toContain("public(package)");
  });

  it("reports a framework public(friend) function called from the package", () => {
    const { dir, line } = broken(
      "sources/staking_manager.move",
      "delegation_pool::get_add_stake_fee(pool, amount)",
      "{ stake::on_new_epoch(); amount }",
    );
    const d = only(check(dir), "visibility");
    expect(d.pos.line).toBe(line);
    expect(d.message).toContain("stake::on_new_epoch");
  });

  it("reports a call to a test-only framework function from production code", () => {
    const { dir, line } = broken(
      "sources/staking_manager.move",
      "delegation_pool::get_add_stake_fee(pool, amount)",
      "{ delegation_pool::end_aptos_epoch(); amount }",
    );
    const diags = check(dir, false);
    const d = diags.find((x) => x.pos.line === line);
    expect(d?.code, JSON.stringify(diags)).toMatch(/unknown_function|test_only/);
  });
});
