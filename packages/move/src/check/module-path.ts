/**
 * A module path as written inside one module of a checked package, resolved by that module's checker scope:
 * `kofi::gateway` / `0x1::coin` (address and module), a `use` alias, or `Self`. The checker itself never needs
 * `friend` declarations resolved (it compares friend names only), so tools that report them, such as the ABI
 * generator's friend lists, resolve them here rather than with a second copy of the alias rules.
 */
import type { Diagnostic } from "../diagnostics.ts";
import type { ModuleDecl, ModuleId, PathRef } from "../syntax/ast.ts";
import type { CheckedPackage } from "./check-package.ts";
import { ModuleScope } from "./scope.ts";

export type ResolvedModulePath = { ok: true; id: ModuleId } | { ok: false; diagnostics: Diagnostic[] };

export function resolveModulePath(
  checked: CheckedPackage,
  module: ModuleDecl,
  path: PathRef,
): ResolvedModulePath {
  if (!checked.moduleIds.has(module)) {
    throw new Error(`module ${module.name} is not a module of the checked package`);
  }
  const diags: Diagnostic[] = [];
  const scope = new ModuleScope(checked.env, module, diags);
  // Building the scope re-reads the module's `use`s, whose problems the check already reported: keep only
  // what resolving this path adds.
  const before = diags.length;
  const id = scope.module(path.segments, path.pos);
  return id ? { ok: true, id } : { ok: false, diagnostics: diags.slice(before) };
}
