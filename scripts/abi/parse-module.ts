import type { ModuleDecl, PathRef } from "./ast.ts";
import { Cursor } from "./cursor.ts";
import { tokenize } from "./lexer.ts";
import { isTestOnly, parseAttributes } from "./parse-attributes.ts";
import { parseConst } from "./parse-const.ts";
import { type FunctionModifiers, parseFunction } from "./parse-function.ts";
import { parseStruct } from "./parse-struct.ts";
import { parsePath } from "./parse-type.ts";
import { parseUse } from "./parse-use.ts";

/**
 * A Move source file: any number of `module addr::name { ... }` blocks, one Move 2
 * `module addr::name;` (the rest of the file is the module), `address addr { module name { ... } }`
 * blocks, scripts and specs (skipped). Test-only modules are dropped.
 */
export function parseFile(source: string, file: string): ModuleDecl[] {
  const c = new Cursor(tokenize(source, file), file);
  const modules: ModuleDecl[] = [];
  while (!c.atEnd()) {
    const { doc, attributes } = leadingDocAndAttributes(c);
    if (c.is("module")) {
      const mod = parseModule(c, undefined, doc);
      if (!isTestOnly(attributes)) modules.push(mod);
    } else if (c.is("address")) {
      c.next();
      const address = c.next().text;
      c.expect("{", `after address ${address}`);
      while (!c.eat("}")) {
        const { doc: innerDoc, attributes: innerAttributes } = leadingDocAndAttributes(c);
        const mod = parseModule(c, address, innerDoc);
        if (!isTestOnly(innerAttributes) && !isTestOnly(attributes)) modules.push(mod);
      }
    } else if (c.is("script") || c.is("spec")) {
      skipToGroup(c);
    } else {
      c.fail(`expected 'module', found '${c.peek().text}'`);
    }
  }
  return modules;
}

function parseModule(c: Cursor, blockAddress: string | undefined, doc: string[]): ModuleDecl {
  const pos = c.pos();
  c.expect("module");
  let address = blockAddress;
  let name = c.next().text;
  if (c.eat("::")) {
    address = name;
    name = c.ident("a module name");
  }
  if (address === undefined) c.fail(`module ${name} has no address (write 'module <address>::${name}')`);
  const mod: ModuleDecl = {
    address,
    name,
    doc,
    file: c.file,
    uses: [],
    friends: [],
    functions: [],
    structs: [],
    constants: [],
    pos,
  };
  const braced = c.eat("{");
  if (!braced) c.expect(";", `or '{' after module ${address}::${name}`);
  while (braced ? !c.eat("}") : !c.atEnd()) {
    if (c.atEnd()) c.fail(`module ${name} is not closed`);
    parseItem(c, mod);
  }
  return mod;
}

function parseItem(c: Cursor, mod: ModuleDecl): void {
  const { doc, attributes } = leadingDocAndAttributes(c);
  const testOnly = isTestOnly(attributes);
  if (c.eat("use")) {
    const uses = parseUse(c);
    if (!testOnly) mod.uses.push(...uses);
    return;
  }
  if (c.is("friend") && !isFunctionStart(c, 1)) {
    c.next();
    const path: PathRef = parsePath(c, "a friend module");
    c.expect(";", "after friend declaration");
    if (!testOnly) mod.friends.push(path);
    return;
  }
  if (c.is("const")) {
    const k = parseConst(c, doc);
    if (!testOnly) mod.constants.push(k);
    return;
  }
  if (c.is("spec")) {
    skipToGroup(c);
    return;
  }
  const mods: FunctionModifiers = { visibility: "private", isEntry: false, isInline: false, isNative: false };
  let structVisibility = false;
  for (;;) {
    if (c.is("public")) {
      c.next();
      mods.visibility = "public";
      structVisibility = true;
      if (c.is("(")) {
        c.next();
        const scope = c.ident("'friend', 'package' or 'script' in public(...)");
        if (scope === "friend") mods.visibility = "friend";
        else if (scope === "package") mods.visibility = "package";
        else if (scope === "script") mods.isEntry = true;
        else c.fail(`unknown visibility public(${scope})`);
        c.expect(")", "after the visibility scope");
      }
    } else if (c.is("friend") && isFunctionStart(c, 1)) {
      c.next();
      mods.visibility = "friend";
    } else if (c.is("package") && isFunctionStart(c, 1)) {
      c.next();
      mods.visibility = "package";
    } else if (c.eat("entry")) mods.isEntry = true;
    else if (c.eat("inline")) mods.isInline = true;
    else if (c.eat("native")) mods.isNative = true;
    else break;
  }
  if (c.is("fun")) {
    const f = parseFunction(c, mods, doc, attributes);
    if (!testOnly) mod.functions.push(f);
    return;
  }
  if (c.is("struct") || c.is("enum")) {
    if (mods.isEntry || mods.isInline || (mods.visibility !== "private" && !structVisibility)) {
      c.fail("a struct cannot have function modifiers");
    }
    const s = parseStruct(c, mods.isNative, doc, attributes);
    if (!testOnly) mod.structs.push(s);
    return;
  }
  c.fail(`expected a declaration (use, friend, const, fun, struct, enum, spec), found '${c.peek().text}'`);
}

const FUNCTION_START = new Set(["fun", "entry", "inline", "native", "public"]);

function isFunctionStart(c: Cursor, offset: number): boolean {
  const t = c.peek(offset);
  return t.kind === "ident" && FUNCTION_START.has(t.text);
}

/** Skips `script { ... }`, `spec module { ... }`, `spec schema S<T> { ... }`, `spec fun f(): u64;`. */
function skipToGroup(c: Cursor): void {
  c.next();
  while (!c.is("{") && !c.is(";")) {
    if (c.atEnd()) c.fail("unterminated spec or script");
    if (c.is("(") || c.is("[")) c.skipGroup();
    else c.next();
  }
  if (c.is("{")) c.skipGroup();
  else c.next();
}

/** Doc comments may stand before or after the attributes: `/// doc #[view] fun` or `#[view] /// doc fun`. */
function leadingDocAndAttributes(c: Cursor): { doc: string[]; attributes: string[] } {
  const doc = [...c.peek().docs];
  const start = c.index;
  const attributes = parseAttributes(c);
  if (c.index !== start) doc.push(...c.peek().docs);
  return { doc, attributes };
}
