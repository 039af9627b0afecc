import type { Attribute, ConstDecl } from "./ast.ts";
import type { Cursor } from "./cursor.ts";
import { parseExpr } from "./parse-expr.ts";
import { parseType } from "./parse-type.ts";

/** At `const`: `const NAME: Type = expression;`. `source` keeps the expression as written. */
export function parseConst(c: Cursor, doc: string[], attrs: Attribute[]): ConstDecl {
  const pos = c.pos();
  c.expect("const");
  const name = c.ident("a constant name");
  c.expect(":", `after constant ${name}`);
  const type = parseType(c);
  c.expect("=", `in constant ${name}`);
  if (c.is(";")) c.fail(`constant ${name} has no value`);
  const start = c.index;
  const value = parseExpr(c);
  const source = c.textSince(start);
  c.expect(";", `after the value of constant ${name}`);
  return { name, doc, attributes: attrs.map((a) => a.name), attrs, type, value, source, pos };
}
