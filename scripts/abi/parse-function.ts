import type { FunctionDecl, TypeExpr, Visibility } from "./ast.ts";
import type { Cursor } from "./cursor.ts";
import type { Token } from "./lexer.ts";
import { parseType, parseTypeParams } from "./parse-type.ts";

export interface FunctionModifiers {
  visibility: Visibility;
  isEntry: boolean;
  isInline: boolean;
  isNative: boolean;
}

/**
 * After the modifiers, at `fun`:
 * `fun name<T: copy>(a: A, b: &mut B): R acquires X, Y { body }` or `...;` for native functions.
 * Access specifiers (`acquires`, `reads`, `writes`, ...) are skipped; the body is kept as tokens.
 */
export function parseFunction(
  c: Cursor,
  mods: FunctionModifiers,
  doc: string[],
  attributes: string[],
): FunctionDecl {
  const pos = c.pos();
  c.expect("fun");
  const name = c.ident("a function name");
  const typeParams = parseTypeParams(c);
  c.expect("(", `after the name of function ${name}`);
  const params: { name: string; type: TypeExpr }[] = [];
  while (!c.eat(")")) {
    c.eat("mut");
    const pname = c.ident(`a parameter name in function ${name}`);
    c.expect(":", `after parameter ${pname}`);
    params.push({ name: pname, type: parseType(c) });
    if (!c.is(")")) c.expect(",", `or ')' after parameter ${pname}`);
  }
  let returns: TypeExpr[] = [];
  if (c.eat(":")) {
    const r = parseType(c);
    returns = r.kind === "tuple" ? r.items : [r];
  }
  // Access specifiers up to the body or the terminating semicolon.
  while (!c.is("{") && !c.is(";")) {
    if (c.atEnd()) c.fail(`unterminated declaration of function ${name}`);
    if (c.is("(") || c.is("[")) c.skipGroup();
    else c.next();
  }
  let body: Token[] = [];
  if (c.is("{")) body = c.skipGroup();
  else c.expect(";");
  return { name, doc, attributes, ...mods, typeParams, params, returns, body, pos };
}
