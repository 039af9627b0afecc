/**
 * What the checker knows about every module it can reach: the package's own modules (from source) and the
 * framework's (from its on-chain ABI), behind one shape for functions and one for structs.
 */
import type { FunctionDecl, ModuleDecl, ModuleId, StructDecl, Visibility } from "../syntax/ast.ts";
import { longAddress, type Ty } from "../types.ts";
import type { FrameworkInterface } from "./framework.ts";

export interface FunSig {
  module: ModuleId;
  name: string;
  visibility: Visibility;
  isEntry: boolean;
  isView: boolean;
  typeParams: { constraints: string[] }[];
  params: Ty[];
  returns: Ty[];
  /** `#[test_only]` (package) or declared test-only (framework). */
  testOnly: boolean;
  /** In the framework (0x1), not in the package. */
  framework: boolean;
  decl?: FunctionDecl;
}

export interface StructInfo {
  module: ModuleId;
  name: string;
  abilities: ReadonlySet<string>;
  typeParams: { constraints: string[]; phantom: boolean }[];
  fields: { name: string; ty: Ty }[];
  isEvent: boolean;
  framework: boolean;
  decl?: StructDecl;
}

export const moduleKey = (m: ModuleId): string => `${m.address}::${m.name}`;

/** The package's modules by `address::name`, the framework behind them. */
export class Env {
  readonly modules = new Map<string, ModuleDecl>();
  readonly moduleIds = new Map<ModuleDecl, ModuleId>();
  /** Filled by the checker's declaration pass. */
  readonly funs = new Map<string, FunSig>();
  readonly structs = new Map<string, StructInfo>();
  private readonly fwStructs = new Map<string, StructInfo | null>();
  private readonly fwFuns = new Map<string, FunSig | null>();

  constructor(
    readonly framework: FrameworkInterface,
    readonly addresses: ReadonlyMap<string, string>,
    /** Whether test-only framework declarations are visible (checking with tests). */
    readonly withTests: boolean,
  ) {}

  /** A named or numeric address to long form; undefined when the name is unknown. */
  address(written: string): string | undefined {
    if (/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(written)) {
      return written.startsWith("0x") ? longAddress(written) : longAddress(BigInt(written).toString(16));
    }
    return this.addresses.get(written);
  }

  isFramework(address: string): boolean {
    return address === this.framework.address;
  }

  hasModule(id: ModuleId): boolean {
    if (this.modules.has(moduleKey(id))) return true;
    return this.isFramework(id.address) && this.framework.hasModule(id.name);
  }

  /** Whether `module` declares a struct or function `name` (package source, or the framework's ABI). */
  hasMember(id: ModuleId, name: string): boolean {
    const own = this.modules.get(moduleKey(id));
    if (own) return own.structs.some((s) => s.name === name) || own.functions.some((f) => f.name === name);
    return this.struct(id, name) !== undefined || this.fun(id, name) !== undefined;
  }

  fun(id: ModuleId, name: string): FunSig | undefined {
    const own = this.funs.get(`${moduleKey(id)}::${name}`);
    if (own || !this.isFramework(id.address)) return own;
    const key = `${id.name}::${name}`;
    const hit = this.fwFuns.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const f = this.framework.fn(id.name, name, this.withTests);
    const sig: FunSig | null = f
      ? {
          module: id,
          name,
          visibility:
            f.abi.visibility === "friend" ? "friend" : f.abi.visibility === "private" ? "private" : "public",
          isEntry: f.abi.is_entry,
          isView: f.abi.is_view,
          typeParams: f.abi.generic_type_params.map((g) => ({ constraints: g.constraints })),
          params: f.params,
          returns: f.returns,
          testOnly: f.testOnly,
          framework: true,
        }
      : null;
    this.fwFuns.set(key, sig);
    return sig ?? undefined;
  }

  struct(id: ModuleId, name: string): StructInfo | undefined {
    const own = this.structs.get(`${moduleKey(id)}::${name}`);
    if (own || !this.isFramework(id.address)) return own;
    const key = `${id.name}::${name}`;
    const hit = this.fwStructs.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const s = this.framework.struct(id.name, name);
    const info: StructInfo | null = s
      ? {
          module: id,
          name,
          abilities: new Set(s.abi.abilities),
          typeParams: s.abi.generic_type_params.map((g) => ({
            constraints: g.constraints,
            phantom: g.is_phantom ?? false,
          })),
          fields: s.fields.map((f) => ({ name: f.name, ty: f.ty })),
          isEvent: s.abi.is_event,
          framework: true,
        }
      : null;
    this.fwStructs.set(key, info);
    return info ?? undefined;
  }

  /** Abilities of a type (type parameters: their declared constraints, given by `paramAbilities`). */
  abilities(t: Ty, paramAbilities: (index: number) => ReadonlySet<string> = () => ALL): ReadonlySet<string> {
    switch (t.k) {
      case "bool":
      case "u8":
      case "u16":
      case "u32":
      case "u64":
      case "u128":
      case "u256":
      case "address":
        return PRIMITIVE;
      case "signer":
        return DROP_ONLY;
      case "ref":
        return COPY_DROP;
      case "vector":
        return intersect(VECTOR, this.abilities(t.elem, paramAbilities));
      case "struct": {
        const s = this.struct({ address: t.address, name: t.module }, t.name);
        if (!s) return ALL;
        let out = new Set(s.abilities);
        t.args.forEach((a, i) => {
          if (s.typeParams[i]?.phantom) return;
          const argAb = this.abilities(a, paramAbilities);
          // A struct has copy/drop/store only if every non-phantom argument has it; key needs store.
          out = new Set([...out].filter((x) => (x === "key" ? argAb.has("store") : argAb.has(x))));
        });
        return out;
      }
      case "param":
        return paramAbilities(t.index);
      case "tuple":
        return t.items.reduce<ReadonlySet<string>>(
          (acc, x) => intersect(acc, this.abilities(x, paramAbilities)),
          COPY_DROP,
        );
      default:
        return ALL;
    }
  }
}

const ALL: ReadonlySet<string> = new Set(["copy", "drop", "store", "key"]);
const PRIMITIVE: ReadonlySet<string> = new Set(["copy", "drop", "store"]);
const VECTOR: ReadonlySet<string> = PRIMITIVE;
const DROP_ONLY: ReadonlySet<string> = new Set(["drop"]);
const COPY_DROP: ReadonlySet<string> = new Set(["copy", "drop"]);

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...a].filter((x) => b.has(x)));
}
