import type { UseDecl } from "./ast.ts";
import type { Cursor } from "./cursor.ts";
import type { SourcePos } from "./errors.ts";

/**
 * After `use`: `addr::module [as m]`, `addr::module::Member [as M]`,
 * `addr::module::{Self [as m], Member [as M], ...}` and `addr::{module::{...}, module2, ...}`.
 */
export function parseUse(c: Cursor): UseDecl[] {
  const pos = c.pos();
  const first = c.peek();
  if (first.kind !== "ident" && first.kind !== "number")
    c.fail(`expected an address in use, found '${first.text}'`);
  const address = c.next().text;
  c.expect("::", "after the address in use");
  const out: UseDecl[] = [];
  if (c.is("{")) {
    c.next();
    while (!c.eat("}")) {
      parseModuleUse(c, address, out, c.pos());
      if (!c.is("}")) c.expect(",", "or '}' in use");
    }
  } else {
    parseModuleUse(c, address, out, pos);
  }
  c.expect(";", "after use");
  return out;
}

function parseModuleUse(c: Cursor, address: string, out: UseDecl[], pos: SourcePos): void {
  const module = c.ident("a module name in use");
  if (!c.is("::")) {
    const alias = c.eat("as") ? c.ident("an alias") : module;
    out.push({ kind: "module", address, module, alias, pos });
    return;
  }
  c.next();
  if (!c.eat("{")) {
    parseMember(c, address, module, out, pos);
    return;
  }
  while (!c.eat("}")) {
    parseMember(c, address, module, out, c.pos());
    if (!c.is("}")) c.expect(",", "or '}' in use");
  }
}

function parseMember(c: Cursor, address: string, module: string, out: UseDecl[], pos: SourcePos): void {
  const member = c.ident("a member name in use");
  const alias = c.eat("as") ? c.ident("an alias") : member;
  if (member === "Self")
    out.push({ kind: "module", address, module, alias: alias === "Self" ? module : alias, pos });
  else out.push({ kind: "member", address, module, member, alias, pos });
}
