import type { Attribute, BlockExpr, FunctionDecl, Param, PathRef, TypeExpr, Visibility } from "./ast.ts";
import type { Cursor } from "./cursor.ts";
import { parseBlock } from "./parse-expr.ts";
import { parsePath, parseType, parseTypeParams } from "./parse-type.ts";
import { MoveSyntaxError } from "./syntax-error.ts";

export interface FunctionModifiers {
  visibility: Visibility;
  isEntry: boolean;
  isInline: boolean;
  isNative: boolean;
}

const ACCESS_SPECIFIERS = new Set(["reads", "writes", "pure"]);

/**
 * After the modifiers, at `fun`:
 * `fun name<T: copy>(a: A, b: &mut B): R acquires X, Y { body }` or `...;` for native functions.
 * A syntax error inside the body is reported and the body replaced by an empty block, so the signature
 * (and the rest of the file) is still read.
 */
export function parseFunction(
  c: Cursor,
  mods: FunctionModifiers,
  doc: string[],
  attrs: Attribute[],
): FunctionDecl {
  const pos = c.pos();
  c.expect("fun");
  const name = c.ident("a function name");
  const typeParams = parseTypeParams(c);
  c.expect("(", `after the name of function ${name}`);
  const params: Param[] = [];
  while (!c.eat(")")) {
    c.eat("mut");
    const ppos = c.pos();
    const pname = c.ident(`a parameter name in function ${name}`);
    c.expect(":", `after parameter ${pname}`);
    params.push({ name: pname, type: parseType(c), pos: ppos });
    if (!c.is(")")) c.expect(",", `or ')' after parameter ${pname}`);
  }
  let returns: TypeExpr[] = [];
  if (c.eat(":")) {
    const r = parseType(c);
    returns = r.kind === "tuple" ? r.items : [r];
  }
  const acquires: PathRef[] = [];
  while (!c.is("{") && !c.is(";")) {
    if (c.eat("acquires")) {
      do acquires.push(parsePath(c, "a resource name after 'acquires'"));
      while (c.eat(","));
    } else if (ACCESS_SPECIFIERS.has(c.peek().text)) {
      // Move 2 access specifiers restrict storage access at run time; nothing here enforces them.
      const t = c.next();
      c.report("unsupported_syntax", `access specifier '${t.text}' is not supported`, t);
      while (!c.is("{") && !c.is(";") && !c.is("acquires") && !c.atEnd()) {
        if (c.is("(")) c.skipGroup();
        else c.next();
      }
    } else c.fail(`expected '{' or ';' after the signature of function ${name}, found '${c.peek().text}'`);
  }
  const attributes = attrs.map((a) => a.name);
  const decl: FunctionDecl = {
    name,
    doc,
    attributes,
    attrs,
    ...mods,
    typeParams,
    params,
    returns,
    acquires,
    pos,
  };
  if (c.is("{")) decl.body = parseBody(c);
  else c.expect(";");
  return decl;
}

function parseBody(c: Cursor): BlockExpr {
  const open = c.index;
  const close = c.closeIndex(open);
  if (close < 0) c.fail("unclosed '{'");
  const pos = c.pos();
  try {
    const body = parseBlock(c);
    if (c.index !== close + 1) c.fail("unbalanced braces in a function body");
    return body;
  } catch (e) {
    if (!(e instanceof MoveSyntaxError)) throw e;
    c.reportError(e);
    c.reset(close + 1);
    return { kind: "block", stmts: [], pos };
  }
}
