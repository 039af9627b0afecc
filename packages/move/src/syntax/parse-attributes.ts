import type { Attribute, AttributeArg, AttributeValue } from "./ast.ts";
import { type Cursor, describe } from "./cursor.ts";
import { parsePath } from "./parse-type.ts";

/**
 * Zero or more `#[...]` groups, each a comma-separated list of `name`, `name(args)` or `name = value`
 * (names may be paths: `lint::skip`). Arguments nest the same way:
 * `#[test(a = @0x1, b = @kofi)]`, `#[expected_failure(abort_code = m::E_X, location = kofi::m)]`,
 * `#[expected_failure(arithmetic_error, location = Self)]`.
 */
export function parseAttributes(c: Cursor): Attribute[] {
  const out: Attribute[] = [];
  while (c.is("#") && c.is("[", 1)) {
    c.next();
    c.next();
    while (!c.eat("]")) {
      const pos = c.pos();
      const name = attributeName(c);
      const attr: Attribute = { name, args: [], pos };
      if (c.is("(")) attr.args = parseArgs(c);
      else if (c.eat("=")) attr.value = parseValue(c);
      out.push(attr);
      if (!c.is("]")) c.expect(",", "or ']' in an attribute");
    }
  }
  return out;
}

function attributeName(c: Cursor): string {
  let name = c.ident("an attribute name");
  while (c.eat("::")) name += `::${c.ident("an attribute name")}`;
  return name;
}

function parseArgs(c: Cursor): AttributeArg[] {
  c.expect("(");
  const args: AttributeArg[] = [];
  while (!c.eat(")")) {
    const pos = c.pos();
    const name = attributeName(c);
    if (c.is("(")) args.push({ kind: "nested", name, args: parseArgs(c), pos });
    else if (c.eat("=")) args.push({ kind: "assign", name, value: parseValue(c), pos });
    else args.push({ kind: "flag", name, pos });
    if (!c.is(")")) c.expect(",", "or ')' in attribute arguments");
  }
  return args;
}

function parseValue(c: Cursor): AttributeValue {
  const t = c.peek();
  if (c.eat("@")) {
    const a = c.peek();
    if (a.kind !== "ident" && a.kind !== "number")
      c.fail(`expected an address after '@', found ${describe(a)}`);
    c.next();
    return { kind: "address", value: a.text };
  }
  if (t.kind === "number") {
    c.next();
    return { kind: "number", value: BigInt(t.text.replace(/_/g, "")) };
  }
  if (t.kind === "string") {
    c.next();
    return { kind: "string", value: t.text };
  }
  if (c.is("true") || c.is("false")) {
    c.next();
    return { kind: "bool", value: t.text === "true" };
  }
  if (t.kind === "ident") return { kind: "path", path: parsePath(c, "an attribute value") };
  return c.fail(`expected an attribute value, found ${describe(t)}`);
}

/** Items with these attributes exist only in test builds (`verify_only`: only for the prover). */
export function isTestOnly(attributes: readonly string[]): boolean {
  return attributes.some((a) => a === "test_only" || a === "test" || a === "verify_only");
}
