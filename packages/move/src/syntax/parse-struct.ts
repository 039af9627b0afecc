import type { Attribute, FieldDecl, StructDecl } from "./ast.ts";
import type { Cursor } from "./cursor.ts";
import { parseAbilityList, parseType, parseTypeParams } from "./parse-type.ts";

/**
 * At `struct` or `enum`:
 * `struct S<phantom T: store> has key, store { a: A, b: B }`, `struct S(A, B) has copy;`,
 * `native struct S has key;`, `enum E has copy { V1, V2 { x: u64 }, V3(u64) }`.
 * Enum variants are skipped (the fullnode's ABI lists enums without fields) and reported as
 * `unsupported_syntax`: nothing downstream can execute them.
 */
export function parseStruct(c: Cursor, isNative: boolean, doc: string[], attrs: Attribute[]): StructDecl {
  const pos = c.pos();
  const isEnum = c.is("enum");
  const keyword = c.next();
  const name = c.ident(isEnum ? "an enum name" : "a struct name");
  const typeParams = parseTypeParams(c);
  let abilities = c.eat("has") ? parseAbilityList(c, [","]) : [];
  const fields: FieldDecl[] = [];
  if (isNative || c.is(";")) {
    c.expect(";", `after native struct ${name}`);
  } else if (isEnum) {
    if (!c.is("{")) c.expect("{", `to open enum ${name}`);
    c.report("unsupported_syntax", `enum ${name}: enums are not supported`, keyword);
    c.skipGroup();
    abilities = postfixAbilities(c, abilities);
  } else if (c.eat("(")) {
    let index = 0;
    while (!c.eat(")")) {
      const fpos = c.pos();
      fields.push({ name: String(index++), type: parseType(c), pos: fpos });
      if (!c.is(")")) c.expect(",", `or ')' in struct ${name}`);
    }
    abilities = postfixAbilities(c, abilities);
    c.eat(";");
  } else {
    c.expect("{", `to open struct ${name}`);
    while (!c.eat("}")) {
      const fpos = c.pos();
      const fname = c.ident(`a field name in struct ${name}`);
      c.expect(":", `after field ${fname}`);
      fields.push({ name: fname, type: parseType(c), pos: fpos });
      if (!c.is("}")) c.expect(",", `or '}' after field ${fname}`);
    }
    abilities = postfixAbilities(c, abilities);
  }
  const attributes = attrs.map((a) => a.name);
  return { name, doc, attributes, attrs, isNative, isEnum, abilities, typeParams, fields, pos };
}

/** Move 2 allows `has ...;` after the body of positional structs and enums. */
function postfixAbilities(c: Cursor, before: string[]): string[] {
  if (!c.eat("has")) return before;
  const after = parseAbilityList(c, [","]);
  c.eat(";");
  return [...before, ...after];
}
