/**
 * Whether evaluating an expression may leave it through `return`, `break` or `continue` (a control signal on
 * the frame) rather than by producing a value. Only nodes for which this holds need signal checks between
 * their operands; for the rest (nearly all), the compiled code carries no check at all.
 */
import type { Expr, Stmt } from "../syntax/ast.ts";

const memo = new WeakMap<Expr, boolean>();

/** Conservative: labelled `break`/`continue` count as escaping even when an inner loop has that label. */
export function escapes(e: Expr, inLoop = false): boolean {
  if (!inLoop) {
    const m = memo.get(e);
    if (m !== undefined) return m;
  }
  const r = compute(e, inLoop);
  if (!inLoop) memo.set(e, r);
  return r;
}

function any(es: readonly (Expr | undefined)[], inLoop: boolean): boolean {
  for (const e of es) if (e && escapes(e, inLoop)) return true;
  return false;
}

function stmtEscapes(s: Stmt, inLoop: boolean): boolean {
  if (s.kind === "let") return s.init ? escapes(s.init, inLoop) : false;
  return escapes(s.expr, inLoop);
}

function compute(e: Expr, inLoop: boolean): boolean {
  switch (e.kind) {
    case "return":
      return true;
    case "break":
    case "continue":
      return !inLoop || e.label !== undefined;
    case "while":
      return escapes(e.cond, inLoop) || escapes(e.body, true);
    case "loop":
      return escapes(e.body, true);
    case "for":
      return any([e.from, e.to], inLoop) || escapes(e.body, true);
    case "block":
      return e.stmts.some((s) => stmtEscapes(s, inLoop)) || (e.result ? escapes(e.result, inLoop) : false);
    case "if":
      return any([e.cond, e.then, e.else], inLoop);
    case "call":
    case "macro":
      return any(e.args, inLoop);
    case "method":
      return escapes(e.receiver, inLoop) || any(e.args, inLoop);
    case "vector":
      return any(e.items, inLoop);
    case "tuple":
      return any(e.items, inLoop);
    case "pack":
      return e.fields.some((f) => escapes(f.value, inLoop));
    case "field":
      return escapes(e.base, inLoop);
    case "index":
      return any([e.base, e.index], inLoop);
    case "borrow":
    case "deref":
    case "unary":
    case "cast":
      return escapes(e.expr, inLoop);
    case "binary":
      return any([e.left, e.right], inLoop);
    case "compound_assign":
      return any([e.lhs, e.rhs], inLoop);
    case "abort":
      return escapes(e.code, inLoop);
    case "assign":
      return escapes(e.rhs, inLoop) || (e.lhs.kind === "place" ? escapes(e.lhs.expr, inLoop) : false);
    case "lambda":
      return false;
    default:
      return false;
  }
}
