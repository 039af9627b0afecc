import type { Cursor } from "./cursor.ts";

/**
 * Zero or more `#[name, name(args), name = value, a::b]` groups; returns the attribute names
 * (`view`, `event`, `test_only`, `lint::skip`, ...). Arguments are skipped.
 */
export function parseAttributes(c: Cursor): string[] {
  const names: string[] = [];
  while (c.is("#") && c.is("[", 1)) {
    c.next();
    c.next();
    while (!c.eat("]")) {
      let name = c.ident("an attribute name");
      while (c.eat("::")) name += `::${c.ident("an attribute name")}`;
      names.push(name);
      if (c.is("(")) c.skipGroup();
      else if (c.eat("=")) c.next();
      if (!c.is("]")) c.expect(",", "or ']' in an attribute");
    }
  }
  return names;
}

/** Items with these attributes exist only in test builds and are not part of the published ABI. */
export function isTestOnly(attributes: string[]): boolean {
  return attributes.some((a) => a === "test_only" || a === "test" || a === "verify_only");
}
