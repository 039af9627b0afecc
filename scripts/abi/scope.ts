import type { ModuleDecl, PathRef, SourcePos } from "../../packages/move/src/syntax/ast.ts";
import { FRAMEWORK_ADDRESSES, formatAddress } from "./addresses.ts";
import { GeneratorError } from "./errors.ts";

export interface ModuleId {
  address: string;
  module: string;
}

/** What a module's names refer to: its address, its `use` aliases and its own structs. */
export interface ModuleScope {
  mod: ModuleDecl;
  id: ModuleId;
  namedAddresses: Readonly<Record<string, string>>;
  moduleAliases: Map<string, ModuleId>;
  memberAliases: Map<string, ModuleId & { member: string }>;
  /** Every module of the package being generated, by `address::name`, to check references into it. */
  packageModules: ReadonlyMap<string, ModuleDecl>;
}

export function moduleKey(id: ModuleId): string {
  return `${id.address}::${id.module}`;
}

/** A named address (`kofi`, `std`) or a literal (`0x1`) in the fullnode's standard form. */
export function resolveAddress(
  name: string,
  namedAddresses: Readonly<Record<string, string>>,
  pos?: SourcePos,
): string {
  if (/^[0-9]/.test(name)) return formatAddress(name);
  const value = namedAddresses[name] ?? FRAMEWORK_ADDRESSES[name];
  if (value === undefined) {
    throw new GeneratorError(
      `unknown named address '${name}' (not in Move.toml and not a framework address)`,
      pos,
    );
  }
  return value;
}

export function buildScope(
  mod: ModuleDecl,
  namedAddresses: Readonly<Record<string, string>>,
  packageModules: ReadonlyMap<string, ModuleDecl>,
): ModuleScope {
  const id = { address: resolveAddress(mod.address, namedAddresses, mod.pos), module: mod.name };
  const scope: ModuleScope = {
    mod,
    id,
    namedAddresses,
    moduleAliases: new Map([[mod.name, id]]),
    memberAliases: new Map(),
    packageModules,
  };
  for (const u of mod.uses) {
    const target = { address: resolveAddress(u.address, namedAddresses, u.pos), module: u.module };
    if (u.kind === "module") scope.moduleAliases.set(u.alias, target);
    else scope.memberAliases.set(u.alias, { ...target, member: u.member });
  }
  return scope;
}

/** `kofi::gateway`, `0x1::coin` or an alias bound by `use`. */
export function resolveModulePath(scope: ModuleScope, path: PathRef): ModuleId {
  const [a, b] = path.segments;
  if (path.segments.length === 2 && a !== undefined && b !== undefined) {
    return { address: resolveAddress(a, scope.namedAddresses, path.pos), module: b };
  }
  if (path.segments.length === 1 && a !== undefined) {
    const alias = scope.moduleAliases.get(a);
    if (alias) return alias;
  }
  throw new GeneratorError(
    `unknown module '${path.segments.join("::")}' in ${scope.mod.address}::${scope.mod.name}`,
    path.pos,
  );
}
