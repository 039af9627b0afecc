/**
 * Test helper: an interpreter over Move modules given as source strings (parsed with tests, checked against
 * the framework interface), so interpreter tests read as Move rather than as hand-built trees.
 */

import { checkPackage } from "../check/check-package.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import type { MovePackage } from "../package.ts";
import { parseFile } from "../syntax/parse-module.ts";
import { longAddress } from "../types.ts";
import { Interpreter, type InterpreterOptions } from "./interpreter.ts";
import type { NativeFn, NativeTable } from "./natives.ts";
import { stdNatives } from "./std/index.ts";

export const KOFI = longAddress("0x6b6f6669");

export function packageFromSources(sources: Record<string, string>): MovePackage {
  const modules = [];
  const errors: string[] = [];
  for (const [file, src] of Object.entries(sources)) {
    const parsed = parseFile(src, file, { tests: true });
    modules.push(...parsed.modules);
    errors.push(...parsed.diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d)));
  }
  if (errors.length) throw new Error(errors.join("\n"));
  const one = longAddress("0x1");
  const addresses = new Map([
    ["std", one],
    ["aptos_std", one],
    ["aptos_framework", one],
    ["kofi", KOFI],
  ]);
  return { name: "Test", addresses, modules, root: "/" };
}

/** Parses, checks (throwing on any error) and loads `sources` with the std natives plus `extra`. */
export function interpret(
  sources: Record<string, string>,
  extra: Record<string, NativeFn> = {},
  opts: InterpreterOptions = {},
): Interpreter {
  const pkg = packageFromSources(sources);
  const errors = checkPackage(pkg).diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(errors.map((d) => formatDiagnostic(d)).join("\n"));
  const natives: NativeTable = new Map([...stdNatives(), ...Object.entries(extra)]);
  return new Interpreter(pkg, natives, opts);
}
