import { relative } from "node:path";
import {
  type CheckedPackage,
  type ConstDecl,
  displayAddress,
  type FunctionDecl,
  formatTy,
  Interpreter,
  type ModuleDecl,
  type ModuleId,
  moduleKey,
  resolveModulePath,
  type SourcePos,
  type Ty,
  type Value,
} from "../../packages/move/src/index.ts";
import { GeneratorError } from "./errors.ts";
import { inferPackageFriends, shownModule } from "./friends.ts";

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

/** A constant's value in the ABI: integers as bigint, addresses and byte strings as `0x` hex strings. */
export type ConstValue = bigint | boolean | string | ConstValue[];

export interface ConstantInfo {
  name: string;
  type: string;
  value: ConstValue;
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

/**
 * Builds every module's ABI, errors, events and constants from the checked package (the one the localnet
 * publishes); modules sorted by name. Types are the checker's resolved signatures printed with `formatTy`,
 * constant values come from the interpreter that runs the package.
 */
export function buildAbi(checked: CheckedPackage, displayRoot = process.cwd()): ModuleInfo[] {
  const at = (pos: SourcePos): SourcePos => ({ ...pos, file: relative(displayRoot, pos.file) });
  // Constants never call functions, so no native is ever reached: an empty table, missing natives allowed.
  const interpreter = new Interpreter(checked.package, new Map(), { allowMissingNatives: true });
  const inferred = inferPackageFriends(checked);
  return checked.package.modules
    .map((mod) => {
      const id = checked.moduleIds.get(mod) as ModuleId;
      return buildModule(checked, interpreter, mod, id, inferred.get(moduleKey(id)) ?? new Set(), at);
    })
    .sort((a, b) => (a.abi.name < b.abi.name ? -1 : a.abi.name > b.abi.name ? 1 : 0));
}

function buildModule(
  checked: CheckedPackage,
  interpreter: Interpreter,
  mod: ModuleDecl,
  id: ModuleId,
  inferredFriends: ReadonlySet<string>,
  at: (pos: SourcePos) => SourcePos,
): ModuleInfo {
  const friends = new Set(inferredFriends);
  for (const path of mod.friends) {
    const r = resolveModulePath(checked, mod, path);
    if (!r.ok) {
      const d = r.diagnostics[0];
      throw new GeneratorError(
        `friend ${path.segments.join("::")}: ${d?.message ?? "unknown module"}`,
        at(path.pos),
      );
    }
    friends.add(shownModule(r.id));
  }
  const exposed = mod.functions.filter(isExposed);
  const constants = buildConstants(interpreter, mod, id, at);
  const errors: ErrorInfo[] = [];
  for (const k of constants) {
    if (!/^E(_|[A-Z0-9])/.test(k.name) || k.type !== "u64") continue;
    if (typeof k.value !== "bigint" || k.value > BigInt(Number.MAX_SAFE_INTEGER)) {
      const decl = mod.constants.find((c) => c.name === k.name) as ConstDecl;
      throw new GeneratorError(
        `error constant ${mod.name}::${k.name} = ${k.value} is above 2^53 - 1 (the abort reason is a number)`,
        at(decl.pos),
      );
    }
    errors.push({ name: k.name, code: Number(k.value), doc: k.doc });
  }
  return {
    abi: {
      address: displayAddress(id.address),
      name: mod.name,
      friends: [...friends].sort(),
      exposed_functions: exposed.map((f) => buildFunction(checked, id, f, at)),
      structs: mod.structs.map((s) => buildStruct(checked, id, s.name)),
    },
    doc: joinDoc(mod.doc),
    errors,
    events: mod.structs.filter((s) => s.attributes.includes("event")).map((s) => s.name),
    constants: constants.filter((k) => !errors.some((e) => e.name === k.name)),
    functionDocs: Object.fromEntries(exposed.map((f) => [f.name, joinDoc(f.doc)])),
  };
}

/**
 * The fullnode lists public and friend functions and private entry functions. `public(package)` compiles
 * to friend visibility. Inline functions are not in the bytecode at all (the checker rejects them today;
 * the rule stays so the ABI is right the day it accepts them).
 */
function isExposed(f: FunctionDecl): boolean {
  if (f.isInline) return false;
  return f.visibility !== "private" || f.isEntry;
}

function buildFunction(
  checked: CheckedPackage,
  id: ModuleId,
  f: FunctionDecl,
  at: (pos: SourcePos) => SourcePos,
): MoveFunctionAbi {
  const sig = checked.env.funs.get(`${moduleKey(id)}::${f.name}`);
  if (!sig) throw new GeneratorError(`${id.name}::${f.name} has no checked signature`, at(f.pos));
  return {
    name: sig.name,
    visibility: sig.visibility === "package" ? "friend" : sig.visibility,
    is_entry: sig.isEntry,
    is_view: sig.isView,
    generic_type_params: sig.typeParams.map((p) => ({ constraints: sortAbilities(p.constraints) })),
    params: sig.params.map(formatTy),
    return: sig.returns.map(formatTy),
  };
}

function buildStruct(checked: CheckedPackage, id: ModuleId, name: string): MoveStructAbi {
  const info = checked.env.struct(id, name);
  const decl = info?.decl;
  if (!info || !decl) throw new GeneratorError(`${id.name}::${name} has no checked declaration`);
  return {
    name,
    is_native: decl.isNative,
    is_event: info.isEvent,
    is_enum: decl.isEnum,
    abilities: sortAbilities([...info.abilities]),
    generic_type_params: info.typeParams.map((p) => ({ constraints: sortAbilities(p.constraints) })),
    fields: info.fields.map((f) => ({ name: f.name, type: formatTy(f.ty) })),
  };
}

function buildConstants(
  interpreter: Interpreter,
  mod: ModuleDecl,
  id: ModuleId,
  at: (pos: SourcePos) => SourcePos,
): ConstantInfo[] {
  return mod.constants.map((k) => {
    if (!k.ty) throw new GeneratorError(`constant ${k.name} has no checked type`, at(k.pos));
    let value: Value;
    try {
      value = interpreter.constant(moduleKey(id), k.name);
    } catch (e) {
      throw new GeneratorError(
        `constant ${mod.name}::${k.name} cannot be evaluated: ${(e as Error).message}`,
        at(k.pos),
      );
    }
    return { name: k.name, type: formatTy(k.ty), value: abiValue(value, k.ty), doc: joinDoc(k.doc) };
  });
}

/** An interpreter value in the ABI's form: `vector<u8>` as one hex string, addresses as the fullnode shows them. */
function abiValue(v: Value, ty: Ty): ConstValue {
  switch (ty.k) {
    case "bool":
      return v as boolean;
    case "address":
      return displayAddress(v as string);
    case "vector": {
      const items = v as Value[];
      if (ty.elem.k === "u8") {
        return `0x${items.map((b) => (b as bigint).toString(16).padStart(2, "0")).join("")}`;
      }
      return items.map((x) => abiValue(x, ty.elem));
    }
    default:
      // The checker allows only primitives and vectors in constants; what is left is an integer.
      return v as bigint;
  }
}
