import type { Expr, LValue, Pattern } from "./ast.ts";

/**
 * Calls `visit` on `root` and every expression inside it, parents before children, in source order.
 * Patterns are not expressions; the places of assignments (`*r = e`, `s.f = e`) are.
 */
export function forEachExpr(root: Expr, visit: (e: Expr) => void): void {
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop() as Expr;
    visit(e);
    const children = childrenOf(e);
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k] as Expr);
  }
}

/** The direct sub-expressions of `e`, in source order. */
export function childrenOf(e: Expr): Expr[] {
  switch (e.kind) {
    case "number":
    case "bool":
    case "address":
    case "bytes":
    case "name":
    case "move":
    case "copy":
    case "break":
    case "continue":
      return [];
    case "call":
    case "macro":
      return e.args;
    case "method":
      return [e.receiver, ...e.args];
    case "vector":
      return e.items;
    case "pack":
      return e.fields.map((f) => f.value);
    case "field":
      return [e.base];
    case "index":
      return [e.base, e.index];
    case "borrow":
    case "deref":
    case "unary":
    case "cast":
      return [e.expr];
    case "binary":
      return [e.left, e.right];
    case "if":
      return e.else ? [e.cond, e.then, e.else] : [e.cond, e.then];
    case "while":
      return [e.cond, e.body];
    case "loop":
      return [e.body];
    case "for":
      return [e.from, e.to, e.body];
    case "block": {
      const out: Expr[] = [];
      for (const s of e.stmts) {
        if (s.kind === "expr") out.push(s.expr);
        else if (s.init) out.push(s.init);
      }
      if (e.result) out.push(e.result);
      return out;
    }
    case "return":
      return e.value ? [e.value] : [];
    case "abort":
      return [e.code];
    case "tuple":
      return e.items;
    case "assign":
      return isPlace(e.lhs) ? [e.lhs.expr, e.rhs] : [e.rhs];
    case "compound_assign":
      return [e.lhs, e.rhs];
    case "lambda":
      return [e.body];
  }
}

function isPlace(lhs: LValue): lhs is Extract<LValue, { kind: "place" }> {
  return lhs.kind === "place";
}

/** Calls `visit` on `root` and every pattern nested in it. */
export function forEachPattern(root: Pattern, visit: (p: Pattern) => void): void {
  visit(root);
  if (root.kind === "tuple") for (const p of root.items) forEachPattern(p, visit);
  else if (root.kind === "unpack") for (const f of root.fields) forEachPattern(f.pattern, visit);
}
