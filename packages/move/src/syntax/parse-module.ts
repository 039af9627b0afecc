import type { Diagnostic } from "../diagnostics.ts";
import type { Attribute, ModuleDecl, PathRef } from "./ast.ts";
import { Cursor, describe } from "./cursor.ts";
import { tokenize } from "./lexer.ts";
import { isTestOnly, parseAttributes } from "./parse-attributes.ts";
import { parseConst } from "./parse-const.ts";
import { type FunctionModifiers, parseFunction } from "./parse-function.ts";
import { parseStruct } from "./parse-struct.ts";
import { parsePath } from "./parse-type.ts";
import { parseUse } from "./parse-use.ts";
import { MoveSyntaxError } from "./syntax-error.ts";

export interface ParseOptions {
  /**
   * Keep `#[test_only]` / `#[test]` modules and items (default false: they are parsed, checked for syntax,
   * then dropped, as a non-test build does). `#[verify_only]` items are always dropped.
   */
  tests?: boolean;
}

export interface ParsedFile {
  modules: ModuleDecl[];
  /** Syntax errors (`syntax_error`) and valid Move this toolchain cannot run (`unsupported_syntax`). */
  diagnostics: Diagnostic[];
}

/**
 * A Move source file: any number of `module addr::name { ... }` blocks, one Move 2 `module addr::name;`
 * (the rest of the file is the module), `address addr { module name { ... } }` blocks and module-level
 * specs (skipped: they only concern the prover). Never throws on bad input: an error inside an item is
 * reported and parsing resumes at the next item; an error outside items ends the file.
 */
export function parseFile(source: string, file: string, options: ParseOptions = {}): ParsedFile {
  let c: Cursor;
  try {
    c = new Cursor(tokenize(source, file), file, source);
  } catch (e) {
    if (!(e instanceof MoveSyntaxError)) throw e;
    return { modules: [], diagnostics: [{ severity: "error", code: e.code, message: e.reason, pos: e.pos }] };
  }
  const keep = (attributes: readonly string[]) => !dropped(attributes, options);
  const modules: ModuleDecl[] = [];
  try {
    while (!c.atEnd()) {
      const { doc, attrs } = leadingDocAndAttributes(c);
      const names = attrs.map((a) => a.name);
      if (c.is("module")) {
        const mod = parseModule(c, undefined, doc, attrs, keep);
        if (keep(names)) modules.push(mod);
      } else if (c.is("address")) {
        c.next();
        const address = c.next().text;
        c.expect("{", `after address ${address}`);
        while (!c.eat("}")) {
          if (c.atEnd()) c.fail(`address block ${address} is not closed`);
          const inner = leadingDocAndAttributes(c);
          const mod = parseModule(c, address, inner.doc, inner.attrs, keep);
          if (keep(inner.attrs.map((a) => a.name)) && keep(names)) modules.push(mod);
        }
      } else if (c.is("spec")) {
        skipToGroup(c);
      } else if (c.is("script")) {
        c.report("unsupported_syntax", "scripts are not supported");
        skipToGroup(c);
      } else {
        c.fail(`expected 'module', found ${describe(c.peek())}`);
      }
    }
  } catch (e) {
    if (e instanceof RangeError) {
      // Recursive descent on pathologically deep nesting exhausts the stack: a finding, not a crash.
      c.report("syntax_error", "expression nested too deeply");
    } else if (e instanceof MoveSyntaxError) c.reportError(e);
    else throw e;
  }
  return { modules, diagnostics: c.diagnostics };
}

function dropped(attributes: readonly string[], options: ParseOptions): boolean {
  if (attributes.includes("verify_only")) return true;
  return !options.tests && isTestOnly(attributes);
}

function parseModule(
  c: Cursor,
  blockAddress: string | undefined,
  doc: string[],
  attrs: Attribute[],
  keep: (attributes: readonly string[]) => boolean,
): ModuleDecl {
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
    attributes: attrs.map((a) => a.name),
    attrs,
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
    const start = c.index;
    try {
      parseItem(c, mod, keep);
    } catch (e) {
      if (!(e instanceof MoveSyntaxError)) throw e;
      c.reportError(e);
      skipItem(c, start);
    }
  }
  return mod;
}

function parseItem(c: Cursor, mod: ModuleDecl, keep: (attributes: readonly string[]) => boolean): void {
  const { doc, attrs } = leadingDocAndAttributes(c);
  const kept = keep(attrs.map((a) => a.name));
  if (c.eat("use")) {
    const uses = parseUse(c, attrs);
    if (kept) mod.uses.push(...uses);
    return;
  }
  if (c.is("friend") && !isFunctionStart(c, 1)) {
    c.next();
    const path: PathRef = parsePath(c, "a friend module");
    c.expect(";", "after friend declaration");
    if (kept) mod.friends.push(path);
    return;
  }
  if (c.is("const")) {
    const k = parseConst(c, doc, attrs);
    if (kept) mod.constants.push(k);
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
    const f = parseFunction(c, mods, doc, attrs);
    if (kept) mod.functions.push(f);
    return;
  }
  if (c.is("struct") || c.is("enum")) {
    if (mods.isEntry || mods.isInline || (mods.visibility !== "private" && !structVisibility)) {
      c.fail("a struct cannot have function modifiers");
    }
    const s = parseStruct(c, mods.isNative, doc, attrs);
    if (kept) mod.structs.push(s);
    return;
  }
  c.fail(`expected a declaration (use, friend, const, fun, struct, enum, spec), found ${describe(c.peek())}`);
}

/**
 * Error recovery: from the start of the failed item, skips to just after its first top-level `{...}` group
 * or `;`, whichever comes first (bracket groups are jumped over), stopping before the module's `}`.
 */
function skipItem(c: Cursor, start: number): void {
  let k = start;
  for (;;) {
    c.reset(k);
    const t = c.peek();
    if (t.kind === "eof") return;
    if (t.kind === "punct") {
      if (t.text === "(" || t.text === "[" || t.text === "{") {
        const close = c.closeIndex(k);
        if (close < 0) c.fail(`unclosed '${t.text}'`, t);
        k = close + 1;
        if (t.text === "{") break;
        continue;
      }
      if (t.text === ";") {
        k++;
        break;
      }
      if (t.text === "}") break;
    }
    k++;
  }
  c.reset(Math.max(k, start + 1));
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
function leadingDocAndAttributes(c: Cursor): { doc: string[]; attrs: Attribute[] } {
  const doc = [...c.peek().docs];
  const start = c.index;
  const attrs = parseAttributes(c);
  if (c.index !== start) doc.push(...c.peek().docs);
  return { doc, attrs };
}
