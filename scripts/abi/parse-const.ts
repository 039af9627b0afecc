import type { ConstDecl } from "./ast.ts";
import type { Cursor } from "./cursor.ts";
import type { Token } from "./lexer.ts";
import { parseType } from "./parse-type.ts";

/** At `const`: `const NAME: Type = expression;` — the expression is kept as tokens. */
export function parseConst(c: Cursor, doc: string[]): ConstDecl {
  const pos = c.pos();
  c.expect("const");
  const name = c.ident("a constant name");
  c.expect(":", `after constant ${name}`);
  const type = parseType(c);
  c.expect("=", `in constant ${name}`);
  const value: Token[] = [];
  while (!c.is(";")) {
    if (c.atEnd()) c.fail(`unterminated constant ${name}`);
    if (c.is("(") || c.is("[") || c.is("{")) {
      const open = c.peek();
      const inner = c.skipGroup();
      value.push(open, ...inner, closing(open));
    } else value.push(c.next());
  }
  c.next();
  if (value.length === 0) c.fail(`constant ${name} has no value`);
  return { name, doc, type, value, pos };
}

function closing(open: Token): Token {
  const text = open.text === "(" ? ")" : open.text === "[" ? "]" : "}";
  return { ...open, text, docs: [] };
}
