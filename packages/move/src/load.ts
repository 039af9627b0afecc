import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Diagnostic } from "./diagnostics.ts";
import { readMoveToml } from "./move-toml.ts";
import type { MovePackage } from "./package.ts";
import type { ModuleDecl } from "./syntax/ast.ts";
import { parseFile } from "./syntax/parse-module.ts";
import { longAddress } from "./types.ts";

export interface LoadOptions {
  /** Apply `[dev-addresses]` over `[addresses]` (what `aptos move test` and the localnet use). */
  dev: boolean;
  /** Read `tests/*.move` and keep `#[test_only]` / `#[test]` modules and items. */
  tests: boolean;
}

export interface LoadedPackage {
  package: MovePackage;
  /** Move.toml problems and every file's syntax diagnostics (all files are read even after an error). */
  diagnostics: Diagnostic[];
}

/** Named addresses of the framework packages Kofi depends on; always defined. */
export const FRAMEWORK_NAMED_ADDRESSES: Readonly<Record<string, string>> = {
  std: longAddress("0x1"),
  aptos_std: longAddress("0x1"),
  aptos_framework: longAddress("0x1"),
};

/**
 * Reads a Move package: `Move.toml` (`[package] name`, `[addresses]`, `[dev-addresses]` when `dev`), then
 * `sources/*.move` and, with `tests`, `tests/*.move`, each file parsed in name order.
 */
export function loadPackage(moveDir: string, options: LoadOptions): LoadedPackage {
  const root = resolve(moveDir);
  const diagnostics: Diagnostic[] = [];
  const tomlPath = join(root, "Move.toml");
  const addresses = new Map<string, string>(Object.entries(FRAMEWORK_NAMED_ADDRESSES));
  let name = "";
  if (!existsSync(tomlPath)) {
    diagnostics.push({
      severity: "error",
      code: "move_toml",
      message: "Move.toml not found",
      pos: { file: tomlPath, line: 1, col: 1 },
    });
  } else {
    const toml = readMoveToml(readFileSync(tomlPath, "utf8"), tomlPath, diagnostics);
    name = toml.name;
    const written = new Map(toml.addresses);
    if (options.dev) for (const [k, v] of toml.devAddresses) written.set(k, v);
    for (const [k, v] of written) {
      if (v === "_" || k in FRAMEWORK_NAMED_ADDRESSES) continue;
      try {
        addresses.set(k, longAddress(v));
      } catch {
        diagnostics.push({
          severity: "error",
          code: "move_toml",
          message: `named address ${k} = "${v}" is not an address (0x followed by at most 64 hex digits)`,
          pos: { file: tomlPath, line: 1, col: 1 },
        });
      }
    }
  }
  const modules: ModuleDecl[] = [];
  const dirs = options.tests ? ["sources", "tests"] : ["sources"];
  for (const dir of dirs) {
    for (const file of moveFiles(join(root, dir))) {
      const parsed = parseFile(readFileSync(file, "utf8"), file, { tests: options.tests });
      modules.push(...parsed.modules);
      diagnostics.push(...parsed.diagnostics);
    }
  }
  for (const m of modules) {
    if (/^[0-9]/.test(m.address) || addresses.has(m.address)) continue;
    diagnostics.push({
      severity: "error",
      code: "unassigned_address",
      message: `module ${m.address}::${m.name}: named address '${m.address}' has no value${
        options.dev ? "" : " (it may be in [dev-addresses]: load with dev)"
      }`,
      pos: m.pos,
    });
  }
  return { package: { name, addresses, modules, root }, diagnostics };
}

function moveFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".move"))
    .sort()
    .map((f) => join(dir, f));
}
