/** Places: field reads, borrows of locals, fields and values, and assignments through them. */
import type { Expr, FieldExpr, LValue, SourcePos } from "../syntax/ast.ts";
import { formatTy, substTy, type Ty } from "../types.ts";
import type { ExprChecker } from "./expr-checker.ts";
import { checkPattern } from "./patterns.ts";
import { NEVER } from "./primitive-types.ts";

/** `base.f` as a value (`asPlace` false) or as a place to borrow (`mutable` tells which borrow). */
export function checkField(ck: ExprChecker, e: FieldExpr, asPlace: boolean, mutable = false): Ty {
  let baseTy: Ty;
  if (asPlace && e.base.kind === "field") baseTy = ck.set(e.base, checkField(ck, e.base, true, mutable));
  else if (asPlace && e.base.kind === "name" && e.base.path.segments.length === 1) baseTy = ck.expr(e.base);
  else baseTy = ck.expr(e.base);
  let s = ck.u.shallow(baseTy);
  if (s.k === "ref") {
    if (mutable && !s.mut) ck.error("immutable", "cannot mutably borrow a field through `&`", e.pos);
    s = ck.u.shallow(s.to);
  }
  if (s.k === "never") return NEVER;
  if (s.k !== "struct") {
    ck.error(
      "type_mismatch",
      s.k === "var"
        ? `cannot infer the type of the value whose field \`${e.name}\` is read (annotate it)`
        : `field \`${e.name}\` of non-struct \`${ck.show(s)}\``,
      e.pos,
    );
    return ck.u.fresh();
  }
  if (s.address !== ck.c.scope.id.address || s.module !== ck.c.scope.id.name) {
    ck.error(
      "field_visibility",
      `field \`${e.name}\` of \`${formatTy(s)}\` is private to module \`${s.module}\``,
      e.pos,
    );
    return ck.u.fresh();
  }
  const info = ck.c.env.struct({ address: s.address, name: s.module }, s.name);
  const f = info?.fields.find((x) => x.name === e.name);
  if (!f) {
    ck.error("unknown_field", `\`${s.name}\` has no field \`${e.name}\``, e.pos);
    return ck.u.fresh();
  }
  return substTy(f.ty, s.args);
}

export function checkBorrow(ck: ExprChecker, target: Expr, mutable: boolean, pos: SourcePos): Ty {
  if (target.kind === "field") {
    const t = ck.set(target, checkField(ck, target, true, mutable));
    return { k: "ref", mut: mutable, to: t };
  }
  if (target.kind === "name" && target.path.segments.length === 1) {
    const t = ck.expr(target);
    if (target.res?.kind === "const" && mutable)
      ck.error("immutable", "cannot mutably borrow a constant", pos);
    return { k: "ref", mut: mutable, to: t };
  }
  const t = ck.expr(target);
  const s = ck.u.shallow(t);
  if (s.k === "ref") {
    ck.error("type_mismatch", "cannot borrow a reference", pos);
    return t;
  }
  return { k: "ref", mut: mutable, to: t };
}

export function checkAssign(ck: ExprChecker, lhs: LValue, rhs: Expr): void {
  if (lhs.kind === "place") {
    const target = lhs.expr;
    let t: Ty;
    if (target.kind === "deref") {
      const r = ck.u.shallow(ck.expr(target.expr));
      ck.set(target, r.k === "ref" ? r.to : ck.u.fresh());
      if (r.k !== "ref" || !r.mut) {
        if (r.k !== "never") ck.error("immutable", "`*r = ...` needs a `&mut` reference", target.pos);
        t = r.k === "ref" ? r.to : ck.u.fresh();
      } else t = r.to;
    } else t = ck.set(target, checkField(ck, target, true, true));
    ck.need(t, "drop", lhs.pos, "assignment overwrites a value");
    ck.expect(ck.expr(rhs, t), t, rhs.pos, "assigned value");
    return;
  }
  const rt = ck.expr(rhs);
  checkPattern(ck, lhs, rt, "assign");
}
