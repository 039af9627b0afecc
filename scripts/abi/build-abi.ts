import type { ConstDecl, FunctionDecl, ModuleDecl, StructDecl } from "../../packages/move/src/syntax/ast.ts";
import { type ConstValue, evaluateConst } from "./const-eval.ts";
import { GeneratorError } from "./errors.ts";
import { inferPackageFriends } from "./friends.ts";
import { resolveType } from "./resolve-type.ts";
import { buildScope, type ModuleScope, moduleKey, resolveAddress, resolveModulePath } from "./scope.ts";

/** The fullnode's `abi` object of `GET /v1/accounts/{addr}/module/{name}`, field for field. */
export interface MoveModuleAbi {
  address: string;
  name: string;
  friends: string[];
  exposed_functions: MoveFunctionAbi[];
  structs: MoveStructAbi[];
}

export interface MoveFunctionAbi {
  name: string;
  visibility: "public" | "friend" | "private";
  is_entry: boolean;
  is_view: boolean;
  generic_type_params: { constraints: string[] }[];
  params: string[];
  return: string[];
}

export interface MoveStructAbi {
  name: string;
  is_native: boolean;
  is_event: boolean;
  is_enum: boolean;
  abilities: string[];
  generic_type_params: { constraints: string[] }[];
  fields: { name: string; type: string }[];
}

export interface ErrorInfo {
  name: string;
  code: number;
  doc: string;
}

export interface ConstantInfo {
  name: string;
  type: string;
  value: ConstValue | undefined;
  /** The source text of a value the generator could not evaluate. */
  expr?: string;
  doc: string;
}

export interface ModuleInfo {
  abi: MoveModuleAbi;
  doc: string;
  errors: ErrorInfo[];
  events: string[];
  constants: ConstantInfo[];
  /** Doc comments of exposed functions, for the docs and the consistency tests. */
  functionDocs: Record<string, string>;
  file: string;
}

/** Ability order of `AbilitySet` iteration, which is how the fullnode lists abilities and constraints. */
const ABILITY_ORDER = ["copy", "drop", "store", "key"];

export function sortAbilities(abilities: readonly string[]): string[] {
  return ABILITY_ORDER.filter((a) => abilities.includes(a));
}

export function joinDoc(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join(" ");
}

/** Builds every module's ABI, errors, events and constants; modules sorted by name. */
export function buildAbi(
  modules: readonly ModuleDecl[],
  namedAddresses: Record<string, string>,
): ModuleInfo[] {
  const packageModules = new Map<string, ModuleDecl>();
  for (const m of modules) {
    const key = `${resolveAddress(m.address, namedAddresses, m.pos)}::${m.name}`;
    if (packageModules.has(key)) throw new GeneratorError(`module ${m.name} is declared twice`, m.pos);
    packageModules.set(key, m);
  }
  const scopes = modules.map((m) => buildScope(m, namedAddresses, packageModules));
  const inferred = inferPackageFriends(scopes);
  return scopes
    .map((scope) => buildModule(scope, inferred.get(moduleKey(scope.id)) ?? new Set()))
    .sort((a, b) => (a.abi.name < b.abi.name ? -1 : a.abi.name > b.abi.name ? 1 : 0));
}

function buildModule(scope: ModuleScope, inferredFriends: ReadonlySet<string>): ModuleInfo {
  const { mod } = scope;
  const friends = new Set(inferredFriends);
  for (const f of mod.friends) friends.add(moduleKey(resolveModulePath(scope, f)));
  const exposed = mod.functions.filter(isExposed);
  const constants = buildConstants(scope);
  const errors: ErrorInfo[] = [];
  for (const k of constants) {
    if (!/^E(_|[A-Z0-9])/.test(k.name) || k.type !== "u64") continue;
    if (typeof k.value !== "bigint" || k.value > BigInt(Number.MAX_SAFE_INTEGER)) {
      const decl = mod.constants.find((c) => c.name === k.name) as ConstDecl;
      throw new GeneratorError(`error constant ${mod.name}::${k.name} must be a u64 literal`, decl.pos);
    }
    errors.push({ name: k.name, code: Number(k.value), doc: k.doc });
  }
  return {
    abi: {
      address: scope.id.address,
      name: mod.name,
      friends: [...friends].sort(),
      exposed_functions: exposed.map((f) => buildFunction(scope, f)),
      structs: mod.structs.map((s) => buildStruct(scope, s)),
    },
    doc: joinDoc(mod.doc),
    errors,
    events: mod.structs.filter((s) => s.attributes.includes("event")).map((s) => s.name),
    constants: constants.filter((k) => !errors.some((e) => e.name === k.name)),
    functionDocs: Object.fromEntries(exposed.map((f) => [f.name, joinDoc(f.doc)])),
    file: mod.file,
  };
}

/**
 * The fullnode lists public and friend functions and private entry functions. `public(package)` compiles
 * to friend visibility. Inline functions are not in the bytecode at all.
 */
function isExposed(f: FunctionDecl): boolean {
  if (f.isInline) return false;
  return f.visibility !== "private" || f.isEntry;
}

function buildFunction(scope: ModuleScope, f: FunctionDecl): MoveFunctionAbi {
  const names = f.typeParams.map((p) => p.name);
  const where = `${scope.mod.name}::${f.name}`;
  return {
    name: f.name,
    visibility: f.visibility === "package" ? "friend" : f.visibility,
    is_entry: f.isEntry,
    is_view: f.attributes.includes("view"),
    generic_type_params: f.typeParams.map((p) => ({ constraints: sortAbilities(p.constraints) })),
    params: f.params.map((p) => resolveType(scope, p.type, names, where)),
    return: f.returns.map((r) => resolveType(scope, r, names, where)),
  };
}

function buildStruct(scope: ModuleScope, s: StructDecl): MoveStructAbi {
  const names = s.typeParams.map((p) => p.name);
  const where = `${scope.mod.name}::${s.name}`;
  return {
    name: s.name,
    is_native: s.isNative,
    is_event: s.attributes.includes("event"),
    is_enum: s.isEnum,
    abilities: sortAbilities(s.abilities),
    generic_type_params: s.typeParams.map((p) => ({ constraints: sortAbilities(p.constraints) })),
    fields: s.fields.map((fl) => ({ name: fl.name, type: resolveType(scope, fl.type, names, where) })),
  };
}

function buildConstants(scope: ModuleScope): ConstantInfo[] {
  const { mod } = scope;
  const values = new Map<string, ConstValue | undefined>();
  const evaluating = new Set<string>();
  const evaluate = (k: ConstDecl): ConstValue | undefined => {
    if (values.has(k.name)) return values.get(k.name);
    if (evaluating.has(k.name)) throw new GeneratorError(`constant ${k.name} refers to itself`, k.pos);
    evaluating.add(k.name);
    const v = evaluateConst(
      k.value,
      (name) => {
        const other = mod.constants.find((c) => c.name === name);
        return other ? evaluate(other) : undefined;
      },
      (name) => resolveAddress(name, scope.namedAddresses, k.pos),
    );
    evaluating.delete(k.name);
    values.set(k.name, v);
    return v;
  };
  return mod.constants.map((k) => {
    const value = evaluate(k);
    const info: ConstantInfo = {
      name: k.name,
      type: resolveType(scope, k.type, [], `${mod.name}::${k.name}`),
      value,
      doc: joinDoc(k.doc),
    };
    if (value === undefined) info.expr = k.source ?? "";
    return info;
  });
}
