import type { PathRef, TypeExpr, TypeParam } from "./ast.ts";
import type { Cursor } from "./cursor.ts";

const ABILITIES = new Set(["copy", "drop", "store", "key"]);

/** `a::b::C`: the first segment may be an address number or a named address. */
export function parsePath(c: Cursor, what: string): PathRef {
  const pos = c.pos();
  const first = c.peek();
  if (first.kind !== "ident" && first.kind !== "number") c.fail(`expected ${what}, found '${first.text}'`);
  const segments = [c.next().text];
  while (c.is("::")) {
    c.next();
    segments.push(c.ident(`a name after '::' in ${what}`));
  }
  return { segments, pos };
}

/**
 * Type := '&' ['mut'] Type | '(' [Type {',' Type}] ')' | '|' Types '|' [Type] [has abilities]
 *       | Path ['<' Type {',' Type} '>']
 */
export function parseType(c: Cursor): TypeExpr {
  const pos = c.pos();
  if (c.eat("&")) {
    const mutable = c.eat("mut");
    return { kind: "ref", mutable, to: parseType(c), pos };
  }
  if (c.eat("(")) {
    const items = parseTypeList(c, ")");
    return items.length === 1 && items[0] ? items[0] : { kind: "tuple", items, pos };
  }
  if (c.is("|") || c.is("||")) return parseFunctionType(c);
  const path = parsePath(c, "a type");
  const args: TypeExpr[] = [];
  if (c.eat("<")) args.push(...parseTypeList(c, ">"));
  return { kind: "named", path, args, pos };
}

/** Types separated by commas up to `close` (consumed); a trailing comma is allowed. */
export function parseTypeList(c: Cursor, close: string): TypeExpr[] {
  const items: TypeExpr[] = [];
  while (!c.eat(close)) {
    items.push(parseType(c));
    if (!c.is(close)) c.expect(",", `or '${close}' in a type list`);
  }
  return items;
}

function parseFunctionType(c: Cursor): TypeExpr {
  const pos = c.pos();
  let params: TypeExpr[] = [];
  if (!c.eat("||")) {
    c.expect("|");
    params = parseTypeList(c, "|");
  }
  let result: TypeExpr[] = [];
  // A result type follows unless the next token ends the enclosing construct.
  if (!c.is(",") && !c.is(">") && !c.is(")") && !c.is("{") && !c.is(";") && !c.is("has") && !c.is("=")) {
    const r = parseType(c);
    result = r.kind === "tuple" ? r.items : [r];
  }
  const abilities = c.eat("has") ? parseAbilityList(c, ["+", ","]) : [];
  return { kind: "fn", params, result, abilities, pos };
}

/** `copy + drop` (constraints) or `copy, drop` (struct abilities). */
export function parseAbilityList(c: Cursor, separators: string[]): string[] {
  const out: string[] = [];
  for (;;) {
    const t = c.peek();
    const name = c.ident("an ability");
    if (!ABILITIES.has(name)) c.fail(`unknown ability '${name}'`, t);
    out.push(name);
    if (!separators.some((s) => c.is(s)) || c.peek(1).kind !== "ident" || !ABILITIES.has(c.peek(1).text))
      break;
    c.next();
  }
  return out;
}

/** `<[phantom] T [: a + b], ...>` if present. */
export function parseTypeParams(c: Cursor): TypeParam[] {
  const params: TypeParam[] = [];
  if (!c.eat("<")) return params;
  while (!c.eat(">")) {
    const phantom = c.eat("phantom");
    const name = c.ident("a type parameter name");
    const constraints = c.eat(":") ? parseAbilityList(c, ["+"]) : [];
    params.push({ name, phantom, constraints });
    if (!c.is(">")) c.expect(",", "or '>' in type parameters");
  }
  return params;
}
