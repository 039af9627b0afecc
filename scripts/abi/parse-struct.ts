import type { StructDecl, TypeExpr } from "./ast.ts";
import type { Cursor } from "./cursor.ts";
import { parseAbilityList, parseType, parseTypeParams } from "./parse-type.ts";

/**
 * At `struct` or `enum`:
 * `struct S<phantom T: store> has key, store { a: A, b: B }`, `struct S(A, B) has copy;`,
 * `native struct S has key;`, `enum E has copy { V1, V2 { x: u64 }, V3(u64) }`.
 * Enum variants are skipped: the fullnode reports enums with no fields.
 */
export function parseStruct(c: Cursor, isNative: boolean, doc: string[], attributes: string[]): StructDecl {
  const pos = c.pos();
  const isEnum = c.is("enum");
  c.next();
  const name = c.ident(isEnum ? "an enum name" : "a struct name");
  const typeParams = parseTypeParams(c);
  let abilities = c.eat("has") ? parseAbilityList(c, [","]) : [];
  const fields: { name: string; type: TypeExpr }[] = [];
  if (isNative || c.is(";")) {
    c.expect(";", `after native struct ${name}`);
  } else if (isEnum) {
    if (!c.is("{")) c.expect("{", `to open enum ${name}`);
    c.skipGroup();
    abilities = postfixAbilities(c, abilities);
  } else if (c.eat("(")) {
    let index = 0;
    while (!c.eat(")")) {
      fields.push({ name: String(index++), type: parseType(c) });
      if (!c.is(")")) c.expect(",", `or ')' in struct ${name}`);
    }
    abilities = postfixAbilities(c, abilities);
    c.eat(";");
  } else {
    c.expect("{", `to open struct ${name}`);
    while (!c.eat("}")) {
      const fname = c.ident(`a field name in struct ${name}`);
      c.expect(":", `after field ${fname}`);
      fields.push({ name: fname, type: parseType(c) });
      if (!c.is("}")) c.expect(",", `or '}' after field ${fname}`);
    }
    abilities = postfixAbilities(c, abilities);
  }
  return { name, doc, attributes, isNative, isEnum, abilities, typeParams, fields, pos };
}

/** Move 2 allows `has ...;` after the body of positional structs and enums. */
function postfixAbilities(c: Cursor, before: string[]): string[] {
  if (!c.eat("has")) return before;
  const after = parseAbilityList(c, [","]);
  c.eat(";");
  return [...before, ...after];
}
