/**
 * Names of one module: its `use` aliases and its own items, resolved to module ids, structs, functions and
 * constants, with a diagnostic for every name that does not resolve.
 */
import type { Diagnostic, DiagnosticCode } from "../diagnostics.ts";
import type { ModuleDecl, ModuleId, PathRef, SourcePos, TypeExpr } from "../syntax/ast.ts";
import type { Ty } from "../types.ts";
import type { Env } from "./env.ts";

const PRIMS = new Set(["bool", "u8", "u16", "u32", "u64", "u128", "u256", "address", "signer"]);

export class ModuleScope {
  readonly id: ModuleId;
  private readonly moduleAliases = new Map<string, ModuleId>();
  private readonly memberAliases = new Map<string, { module: ModuleId; member: string }>();

  constructor(
    readonly env: Env,
    readonly decl: ModuleDecl,
    readonly diags: Diagnostic[],
  ) {
    this.id = env.moduleIds.get(decl) as ModuleId;
    for (const u of decl.uses) {
      const address = env.address(u.address);
      if (address === undefined) {
        this.error("unknown_address", `unknown named address \`${u.address}\``, u.pos);
        continue;
      }
      const module = { address, name: u.module };
      if (!env.hasModule(module)) {
        this.error("unknown_module", `unknown module \`${u.address}::${u.module}\``, u.pos);
        continue;
      }
      if (u.kind === "module") this.moduleAliases.set(u.alias, module);
      else {
        if (!env.hasMember(module, u.member)) {
          this.error(
            "unknown_member",
            `\`${u.address}::${u.module}\` has no struct or function \`${u.member}\``,
            u.pos,
          );
          continue;
        }
        this.memberAliases.set(u.alias, { module, member: u.member });
      }
    }
  }

  error(code: DiagnosticCode, message: string, pos: SourcePos): void {
    this.diags.push({ severity: "error", code, message, pos });
  }

  /** `a` in `a::f`: a module alias, `Self`, or (with an address) `addr::m`. */
  module(segments: readonly string[], pos: SourcePos): ModuleId | undefined {
    if (segments.length === 1) {
      const s = segments[0] as string;
      if (s === "Self") return this.id;
      const m = this.moduleAliases.get(s);
      if (!m) this.error("unknown_module", `unknown module alias \`${s}\``, pos);
      return m;
    }
    if (segments.length === 2) {
      const address = this.env.address(segments[0] as string);
      if (address === undefined) {
        this.error("unknown_address", `unknown address \`${segments[0]}\``, pos);
        return undefined;
      }
      const m = { address, name: segments[1] as string };
      if (!this.env.hasModule(m)) {
        this.error("unknown_module", `unknown module \`${segments.join("::")}\``, pos);
        return undefined;
      }
      return m;
    }
    this.error("bad_path", `not a module path: \`${segments.join("::")}\``, pos);
    return undefined;
  }

  /** A member path (`X`, `m::X`, `addr::m::X`) to its module and name. Single names: aliases, then own items. */
  member(path: PathRef, ownHas: (name: string) => boolean): { module: ModuleId; name: string } | undefined {
    const segs = path.segments;
    const last = segs[segs.length - 1] as string;
    if (segs.length === 1) {
      if (ownHas(last)) return { module: this.id, name: last };
      const a = this.memberAliases.get(last);
      if (a) return { module: a.module, name: a.member };
      return undefined;
    }
    const module = this.module(segs.slice(0, -1), path.pos);
    return module ? { module, name: last } : undefined;
  }

  hasOwnStruct(name: string): boolean {
    return this.decl.structs.some((s) => s.name === name);
  }
  hasOwnFun(name: string): boolean {
    return this.decl.functions.some((f) => f.name === name);
  }
  hasOwnConst(name: string): boolean {
    return this.decl.constants.some((c) => c.name === name);
  }

  /** Resolves a written type; type parameters by name from `typeParams`. */
  type(t: TypeExpr, typeParams: readonly string[] = []): Ty | undefined {
    switch (t.kind) {
      case "ref": {
        const to = this.type(t.to, typeParams);
        return to && { k: "ref", mut: t.mutable, to };
      }
      case "tuple": {
        const items = t.items.map((x) => this.type(x, typeParams));
        return items.every((x) => x) ? { k: "tuple", items: items as Ty[] } : undefined;
      }
      case "fn":
        this.error("unsupported", "function types are not supported", t.pos);
        return undefined;
      case "named": {
        const segs = t.path.segments;
        const first = segs[0] as string;
        if (segs.length === 1) {
          if (PRIMS.has(first)) {
            if (t.args.length) this.error("type_arity", `\`${first}\` takes no type arguments`, t.pos);
            return { k: first } as Ty;
          }
          if (first === "vector") {
            if (t.args.length !== 1) {
              this.error("type_arity", "`vector` takes exactly one type argument", t.pos);
              return undefined;
            }
            const elem = this.type(t.args[0] as TypeExpr, typeParams);
            return elem && { k: "vector", elem };
          }
          const pi = typeParams.indexOf(first);
          if (pi >= 0) return { k: "param", index: pi, name: first };
        }
        const m = this.member(t.path, (n) => this.hasOwnStruct(n));
        if (!m) {
          if (segs.length === 1) this.error("unknown_type", `unknown type \`${first}\``, t.pos);
          return undefined;
        }
        const s = this.env.struct(m.module, m.name);
        if (!s) {
          this.error("unknown_type", `unknown struct \`${segs.join("::")}\``, t.pos);
          return undefined;
        }
        if (s.typeParams.length !== t.args.length) {
          this.error(
            "type_arity",
            `\`${m.name}\` expects ${s.typeParams.length} type argument(s), got ${t.args.length}`,
            t.pos,
          );
          return undefined;
        }
        const args = t.args.map((a) => this.type(a, typeParams));
        if (!args.every((a) => a)) return undefined;
        return {
          k: "struct",
          address: m.module.address,
          module: m.module.name,
          name: m.name,
          args: args as Ty[],
        };
      }
    }
  }
}
