import type { Attribute, SourcePos, UseDecl } from "./ast.ts";
import type { Cursor } from "./cursor.ts";

/**
 * After `use`: `addr::module [as m]`, `addr::module::Member [as M]`,
 * `addr::module::{Self [as m], Member [as M], ...}` and `addr::{module::{...}, module2, ...}`.
 * Every leaf carries the attributes written before the `use`.
 */
export function parseUse(c: Cursor, attributes: Attribute[] = []): UseDecl[] {
  const pos = c.pos();
  const first = c.peek();
  if (first.kind !== "ident" && first.kind !== "number")
    c.fail(`expected an address in use, found '${first.text}'`);
  const address = c.next().text;
  c.expect("::", "after the address in use");
  const out: UseDecl[] = [];
  const ctx = { address, out, attributes };
  if (c.is("{")) {
    c.next();
    while (!c.eat("}")) {
      parseModuleUse(c, ctx, c.pos());
      if (!c.is("}")) c.expect(",", "or '}' in use");
    }
  } else {
    parseModuleUse(c, ctx, pos);
  }
  c.expect(";", "after use");
  return out;
}

interface UseContext {
  address: string;
  out: UseDecl[];
  attributes: Attribute[];
}

function parseModuleUse(c: Cursor, ctx: UseContext, pos: SourcePos): void {
  const module = c.ident("a module name in use");
  const { address, attributes } = ctx;
  if (!c.is("::")) {
    const alias = c.eat("as") ? c.ident("an alias") : module;
    ctx.out.push({ kind: "module", address, module, alias, pos, attributes });
    return;
  }
  c.next();
  if (!c.eat("{")) {
    parseMember(c, ctx, module, pos);
    return;
  }
  while (!c.eat("}")) {
    parseMember(c, ctx, module, c.pos());
    if (!c.is("}")) c.expect(",", "or '}' in use");
  }
}

function parseMember(c: Cursor, ctx: UseContext, module: string, pos: SourcePos): void {
  const member = c.ident("a member name in use");
  const alias = c.eat("as") ? c.ident("an alias") : member;
  const { address, attributes } = ctx;
  if (member === "Self") {
    ctx.out.push({
      kind: "module",
      address,
      module,
      alias: alias === "Self" ? module : alias,
      pos,
      attributes,
    });
  } else ctx.out.push({ kind: "member", address, module, member, alias, pos, attributes });
}
