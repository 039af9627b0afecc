/** Structs: resolving a struct path with its type arguments, and packing a value of it. */
import type { PackExpr, SourcePos, TypeExpr } from "../syntax/ast.ts";
import { substTy, type Ty } from "../types.ts";
import { moduleKey, type StructInfo } from "./env.ts";
import type { ExprChecker } from "./expr-checker.ts";

/** Resolves a struct path for pack/unpack (own module only), with explicit or fresh type arguments. */
export function resolveStruct(
  ck: ExprChecker,
  path: { segments: string[]; pos: SourcePos },
  typeArgs: TypeExpr[] | undefined,
  pos: SourcePos,
  ownOnly: boolean,
): { info: StructInfo; ty: Ty; args: Ty[] } | undefined {
  const m = ck.c.scope.member(path, (n) => ck.c.scope.hasOwnStruct(n));
  const info = m && ck.c.env.struct(m.module, m.name);
  if (!m || !info) {
    ck.error("unknown_type", `unknown struct \`${path.segments.join("::")}\``, pos);
    return undefined;
  }
  if (ownOnly && moduleKey(m.module) !== moduleKey(ck.c.scope.id)) {
    ck.error(
      "struct_visibility",
      `struct \`${m.module.name}::${m.name}\` can only be packed or unpacked in its own module`,
      pos,
    );
    return undefined;
  }
  let args: Ty[];
  if (typeArgs) {
    args = typeArgs.map((a) => ck.c.scope.type(a, ck.typeParamNames()) ?? ck.u.fresh());
    if (args.length !== info.typeParams.length)
      ck.error("type_arity", `\`${m.name}\` expects ${info.typeParams.length} type argument(s)`, pos);
  } else args = info.typeParams.map(() => ck.u.fresh());
  return {
    info,
    args,
    ty: { k: "struct", address: m.module.address, module: m.module.name, name: m.name, args },
  };
}

export function checkPack(ck: ExprChecker, e: PackExpr): Ty {
  const r = resolveStruct(ck, e.path, e.typeArgs, e.pos, true);
  if (!r) {
    for (const f of e.fields) ck.expr(f.value);
    return ck.u.fresh();
  }
  e.struct = r.ty;
  ck.recordPack(e);
  const seen = new Set<string>();
  for (const f of e.fields) {
    const decl = r.info.fields.find((x) => x.name === f.name);
    if (!decl) {
      ck.error("unknown_field", `\`${r.info.name}\` has no field \`${f.name}\``, f.pos);
      ck.expr(f.value);
      continue;
    }
    if (seen.has(f.name)) ck.error("duplicate_field", `field \`${f.name}\` given twice`, f.pos);
    seen.add(f.name);
    const ft = substTy(decl.ty, r.args);
    ck.expect(ck.expr(f.value, ft), ft, f.value.pos, `field \`${f.name}\``);
  }
  const order: number[] = [];
  for (const d of r.info.fields) {
    const i = e.fields.findIndex((f) => f.name === d.name);
    if (i < 0) ck.error("missing_field", `\`${r.info.name}\` misses field \`${d.name}\``, e.pos);
    order.push(i);
  }
  e.order = order;
  return r.ty;
}
