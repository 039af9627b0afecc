import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ModuleDecl } from "../../packages/move/src/syntax/ast.ts";
import { readMoveTomlAddresses } from "./addresses.ts";
import { buildAbi, type ModuleInfo } from "./build-abi.ts";
import { emitAbiFile } from "./emit.ts";
import { GeneratorError } from "./errors.ts";
import { parseModules } from "./parse.ts";

export interface Generated {
  kofiAddress: string;
  modules: ModuleInfo[];
  text: string;
  /** Problems that do not stop generation (printed by the CLI). */
  warnings: string[];
}

/** Parses `<moveDir>/sources/*.move` with the addresses of `<moveDir>/Move.toml`; returns the file text. */
export function generateFromMoveDir(moveDir: string, displayRoot = process.cwd()): Generated {
  const tomlPath = join(moveDir, "Move.toml");
  if (!existsSync(tomlPath)) throw new GeneratorError(`${relative(displayRoot, tomlPath)} not found`);
  const warnings: string[] = [];
  const addresses = readMoveTomlAddresses(
    readFileSync(tomlPath, "utf8"),
    relative(displayRoot, tomlPath),
    warnings,
  );
  const kofiAddress = addresses.kofi;
  if (kofiAddress === undefined) {
    throw new GeneratorError(`${relative(displayRoot, tomlPath)} has no 'kofi' address in [dev-addresses]`);
  }
  const sourcesDir = join(moveDir, "sources");
  const files = existsSync(sourcesDir)
    ? readdirSync(sourcesDir)
        .filter((f) => f.endsWith(".move"))
        .sort()
    : [];
  const decls: ModuleDecl[] = [];
  for (const f of files) {
    const path = join(sourcesDir, f);
    decls.push(...parseModules(readFileSync(path, "utf8"), relative(displayRoot, path)));
  }
  const modules = buildAbi(decls, addresses);
  return { kofiAddress, modules, text: emitAbiFile(kofiAddress, modules), warnings };
}
