/** Operators (`&&`, `==`, arithmetic, shifts, comparisons) and the `assert!` macro. */
import type { Expr, SourcePos } from "../syntax/ast.ts";
import type { Ty } from "../types.ts";
import { UNIT } from "../types.ts";
import type { ExprChecker } from "./expr-checker.ts";
import { BOOL, U8, U64 } from "./primitive-types.ts";
import { isInt } from "./unify.ts";

export function checkMacro(ck: ExprChecker, e: Expr & { kind: "macro" }): Ty {
  if (e.name !== "assert") {
    ck.error("unsupported", `macro \`${e.name}!\` is not supported`, e.pos);
    for (const a of e.args) ck.expr(a);
    return UNIT;
  }
  if (e.args.length !== 2) {
    ck.error("arity", `\`assert!\` takes 2 arguments (condition, abort code), got ${e.args.length}`, e.pos);
    for (const a of e.args) ck.expr(a);
    return UNIT;
  }
  const [cond, code] = e.args as [Expr, Expr];
  ck.expect(ck.expr(cond, BOOL), BOOL, cond.pos, "`assert!` condition");
  ck.expect(ck.expr(code, U64), U64, code.pos, "`assert!` abort code");
  return UNIT;
}

export function checkBinary(ck: ExprChecker, e: Expr & { kind: "binary" }): Ty {
  const op = e.op;
  if (op === "&&" || op === "||") {
    ck.expect(ck.expr(e.left, BOOL), BOOL, e.left.pos, `\`${op}\``);
    ck.expect(ck.expr(e.right, BOOL), BOOL, e.right.pos, `\`${op}\``);
    return BOOL;
  }
  if (op === "==" || op === "!=") {
    const l = ck.expr(e.left);
    const r = ck.expr(e.right, l);
    const ls = ck.u.shallow(l);
    const rs = ck.u.shallow(r);
    // References compare by value; &mut and & mix.
    if (ls.k === "ref" && rs.k === "ref") {
      if (!ck.u.unify(ls.to, rs.to)) reportMismatch(ck, e, l, r);
    } else if (!ck.u.unify(l, r)) reportMismatch(ck, e, l, r);
    ck.need(l, "drop", e.pos, `\`${op}\``);
    return BOOL;
  }
  const l = ck.expr(e.left);
  if (op === "<<" || op === ">>") {
    requireInt(ck, l, e.left.pos, op);
    ck.expect(ck.expr(e.right, U8), U8, e.right.pos, `shift amount of \`${op}\``);
    return l;
  }
  const r = ck.expr(e.right, l);
  if (!ck.u.unify(l, r)) reportMismatch(ck, e, l, r);
  requireInt(ck, l, e.pos, op);
  return op === "<" || op === ">" || op === "<=" || op === ">=" ? BOOL : l;
}

export function reportMismatch(ck: ExprChecker, e: Expr & { kind: "binary" }, l: Ty, r: Ty): void {
  ck.error("type_mismatch", `\`${e.op}\` on \`${ck.show(l)}\` and \`${ck.show(r)}\``, e.pos);
}

export function requireInt(ck: ExprChecker, t: Ty, pos: SourcePos, op: string): void {
  const s = ck.u.shallow(t);
  if (isInt(s) || s.k === "never") return;
  if (s.k === "var") {
    ck.u.unify(s, ck.u.fresh(true));
    return;
  }
  ck.error("type_mismatch", `\`${op}\` needs integers, found \`${ck.show(t)}\``, pos);
}
