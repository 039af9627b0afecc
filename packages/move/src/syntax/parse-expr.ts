import type {
  BinaryOp,
  BlockExpr,
  Expr,
  LValue,
  PackExpr,
  PathRef,
  Pattern,
  SourcePos,
  Stmt,
  TypeExpr,
} from "./ast.ts";
import { type Cursor, describe } from "./cursor.ts";
import { parsePath, parseType, parseTypeList } from "./parse-type.ts";
import { MoveSyntaxError } from "./syntax-error.ts";

/**
 * Move expressions by recursive descent, following the grammar of the Aptos Move parser. Binding
 * strength, loosest first: assignment and lambdas < `||` < `&&` < comparisons < `|` < `^` < `&` < shifts
 * < `+ -` < `* / %` < unary (`! & &mut * move copy`) < postfix (`.f`, `.f(..)`, `[i]`) < terms.
 * Casts are not binary operators: `(e as T)` casts the whole parenthesised expression
 * (`(a * b as u128)` casts the product), and `u as T` is also read when a whole expression is one unary
 * expression (`let y = x as u64;`). `if`/`while`/`loop` take a block body without continuing it with
 * operators (`if (c) { a } else { b } + 1` adds to the `if`); statements end with `;`, blocks included.
 */
const PRECEDENCE: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 3,
  ">": 3,
  "<=": 3,
  ">=": 3,
  "|": 4,
  "^": 5,
  "&": 6,
  "<<": 7,
  ">>": 7,
  "+": 8,
  "-": 8,
  "*": 9,
  "/": 9,
  "%": 9,
};
const COMPOUND = new Set(["+", "-", "*", "/", "%", "&", "|", "^"]);

/** The binary operator at the cursor and its token count, or undefined (none, or a compound assignment). */
function peekBinary(c: Cursor): { op: BinaryOp; len: number } | undefined {
  const t = c.peek();
  if (t.kind !== "punct") return undefined;
  let op = t.text;
  let len = 1;
  if ((op === "<" || op === ">") && c.adjacent(1)) {
    // `<<` / `>>` are two adjacent tokens; `<<=` / `>>=` lex as `<` `<=` / `>` `>=`.
    if (c.is(op, 1)) {
      op = op + op;
      len = 2;
    } else if (c.is(`${op}=`, 1)) return undefined;
  }
  if (PRECEDENCE[op] === undefined) return undefined;
  if (COMPOUND.has(op) && c.is("=", 1) && c.adjacent(1)) return undefined;
  return { op: op as BinaryOp, len };
}

/** `+=`, `<<=` ...: the operator, consuming nothing. Always two tokens. */
function peekCompound(c: Cursor): BinaryOp | undefined {
  const t = c.peek();
  if (t.kind !== "punct" || !c.adjacent(1)) return undefined;
  if ((t.text === "<" || t.text === ">") && c.is(`${t.text}=`, 1)) return (t.text + t.text) as BinaryOp;
  if (COMPOUND.has(t.text) && c.is("=", 1)) return t.text as BinaryOp;
  return undefined;
}

/** Exp := Lambda | UnaryExp '=' Exp | UnaryExp 'as' Type | BinaryExp [op '=' Exp]. */
export function parseExpr(c: Cursor): Expr {
  if (c.is("|") || c.is("||")) return parseLambda(c);
  const lhs = parseUnary(c);
  if (c.is("=")) {
    c.next();
    const rhs = parseExpr(c);
    return { kind: "assign", lhs: toLValue(lhs), rhs, pos: lhs.pos };
  }
  if (c.is("as")) {
    c.next();
    return { kind: "cast", expr: lhs, type: parseType(c), pos: lhs.pos };
  }
  const e = parseBinary(c, lhs, 0);
  const op = peekCompound(c);
  if (op) {
    const opPos = c.pos();
    c.next();
    c.next();
    return { kind: "compound_assign", op, lhs: e, rhs: parseExpr(c), pos: opPos };
  }
  if (c.is("=")) throw new MoveSyntaxError("invalid left side of an assignment", lhs.pos);
  return e;
}

/** Operators binding tighter than `minPrec`, continuing from `left`; each level is left-associative. */
function parseBinary(c: Cursor, first: Expr, minPrec: number): Expr {
  let left = first;
  for (;;) {
    const b = peekBinary(c);
    if (!b) return left;
    const prec = PRECEDENCE[b.op] as number;
    if (prec <= minPrec) return left;
    const pos = c.pos();
    for (let k = 0; k < b.len; k++) c.next();
    const right = parseBinary(c, parseUnary(c), prec);
    left = { kind: "binary", op: b.op, left, right, pos };
  }
}

function parseUnary(c: Cursor): Expr {
  const t = c.peek();
  const pos = c.pos(t);
  if (t.kind === "punct") {
    if (t.text === "!") {
      c.next();
      return { kind: "unary", op: "!", expr: parseUnary(c), pos };
    }
    if (t.text === "&") {
      c.next();
      const mutable = c.eat("mut");
      return { kind: "borrow", mutable, expr: parseUnary(c), pos };
    }
    if (t.text === "*") {
      c.next();
      return { kind: "deref", expr: parseUnary(c), pos };
    }
    if (t.text === "-") c.unsupported("unary minus (Move integers are unsigned)");
  }
  if (t.kind === "ident" && (t.text === "move" || t.text === "copy") && c.peek(1).kind === "ident") {
    c.next();
    return { kind: t.text, name: c.next().text, pos };
  }
  return parsePostfix(c, parseTerm(c));
}

function parsePostfix(c: Cursor, base: Expr): Expr {
  let e = base;
  for (;;) {
    if (c.is(".")) {
      c.next();
      const nameTok = c.peek();
      if (nameTok.kind !== "ident" && nameTok.kind !== "number") {
        c.fail(`expected a field name after '.', found ${describe(nameTok)}`);
      }
      c.next();
      const pos = c.pos(nameTok);
      let typeArgs: TypeExpr[] | undefined;
      if (c.is("::") && c.is("<", 1)) {
        c.next();
        c.next();
        typeArgs = parseTypeList(c, ">");
        if (!c.is("(")) c.expect("(", `after the type arguments of method ${nameTok.text}`);
      }
      if (c.is("(")) {
        const call: Expr = { kind: "method", receiver: e, name: nameTok.text, args: parseArgs(c), pos };
        if (typeArgs) call.typeArgs = typeArgs;
        e = call;
      } else e = { kind: "field", base: e, name: nameTok.text, pos };
    } else if (c.is("[")) {
      const pos = c.pos();
      c.next();
      const index = parseExpr(c);
      c.expect("]", "after an index");
      e = { kind: "index", base: e, index, pos };
    } else return e;
  }
}

function parseTerm(c: Cursor): Expr {
  const t = c.peek();
  const pos = c.pos(t);
  switch (t.kind) {
    case "number":
      if (c.is("::", 1)) return parseNameTerm(c);
      c.next();
      return t.suffix === undefined
        ? { kind: "number", value: parseNumber(t.text), pos }
        : { kind: "number", value: parseNumber(t.text), suffix: t.suffix, pos };
    case "bytes":
      c.next();
      return { kind: "bytes", value: byteStringValue(t.text), pos };
    case "hexbytes":
      c.next();
      if (t.text.length % 2 !== 0) c.fail(`x"${t.text}" has an odd number of hex digits`, t);
      return { kind: "bytes", value: Uint8Array.from(Buffer.from(t.text, "hex")), pos };
    case "label":
      return parseLabeled(c);
    case "punct":
      if (t.text === "@") return parseAddress(c);
      if (t.text === "(") return parseParen(c);
      if (t.text === "{") return parseBlock(c);
      if (t.text === "|" || t.text === "||") return parseLambda(c);
      break;
    case "ident":
      switch (t.text) {
        case "true":
        case "false":
          c.next();
          return { kind: "bool", value: t.text === "true", pos };
        case "if":
          return parseIf(c);
        case "while": {
          c.next();
          const cond = parseCondition(c, "while");
          return { kind: "while", cond, body: parseControlBody(c), pos };
        }
        case "loop":
          c.next();
          return { kind: "loop", body: parseControlBody(c), pos };
        case "for":
          if (c.is("(", 1)) return parseFor(c);
          break;
        case "return": {
          c.next();
          if (endsValue(c)) return { kind: "return", pos };
          return { kind: "return", value: parseExpr(c), pos };
        }
        case "abort":
          c.next();
          return { kind: "abort", code: parseExpr(c), pos };
        case "break":
        case "continue": {
          c.next();
          if (c.peek().kind === "label") return { kind: t.text, label: c.next().text, pos };
          return { kind: t.text, pos };
        }
        case "vector":
          if (c.is("[", 1) || c.is("<", 1)) return parseVector(c);
          break;
        case "match":
          if (c.is("(", 1)) return skipUnsupported(c, "match expression", 2);
          break;
        case "spec":
          // Specification blocks only concern the prover; they have no run-time effect.
          if (c.is("{", 1)) {
            c.next();
            c.skipGroup();
            return { kind: "block", stmts: [], pos };
          }
          break;
        case "let":
          c.fail("'let' is only allowed as a statement of a block");
      }
      return parseNameTerm(c);
    case "string":
      c.fail(`string literals are only allowed in attributes; write b"${t.text}"`);
  }
  return c.fail(`expected an expression, found ${describe(t)}`);
}

/** `return` without a value: the next token cannot start an expression. */
function endsValue(c: Cursor): boolean {
  const t = c.peek();
  if (t.kind === "eof") return true;
  if (t.kind === "punct")
    return t.text === ";" || t.text === "}" || t.text === ")" || t.text === "," || t.text === "]";
  return t.kind === "ident" && t.text === "else";
}

/** Reports a construct as unsupported, skips its `groups` bracket groups, and stands in a unit block. */
function skipUnsupported(c: Cursor, what: string, groups: number): Expr {
  const t = c.next();
  c.report("unsupported_syntax", `${what} is not supported`, t);
  for (let k = 0; k < groups && (c.is("(") || c.is("{")); k++) c.skipGroup();
  return { kind: "block", stmts: [], pos: c.pos(t) };
}

export function parseNumber(text: string): bigint {
  return BigInt(text.replace(/_/g, ""));
}

/** `b"..."` as bytes: escapes are already decoded; other characters are UTF-8 encoded. */
function byteStringValue(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 256) out.push(code);
    else out.push(...Buffer.from(ch, "utf8"));
  }
  return Uint8Array.from(out);
}

function parseAddress(c: Cursor): Expr {
  const pos = c.pos();
  c.expect("@");
  const a = c.peek();
  if (a.kind !== "ident" && a.kind !== "number")
    c.fail(`expected an address after '@', found ${describe(a)}`);
  c.next();
  return { kind: "address", value: a.text, pos };
}

/** `()`, `(e)`, `(e as T)`, `(a, b, ...)`. */
function parseParen(c: Cursor): Expr {
  const pos = c.pos();
  c.expect("(");
  if (c.eat(")")) return { kind: "tuple", items: [], pos };
  const first = parseExpr(c);
  if (c.is("as")) {
    c.next();
    const type = parseType(c);
    c.expect(")", "after a cast");
    return { kind: "cast", expr: first, type, pos };
  }
  if (c.is(":")) c.unsupported("type annotation '(e: T)'");
  if (c.is("is")) c.unsupported("variant test '(e is V)'");
  if (c.is(",")) {
    const items = [first];
    while (c.eat(",")) {
      if (c.is(")")) break;
      items.push(parseExpr(c));
    }
    c.expect(")", "to close a tuple");
    return { kind: "tuple", items, pos };
  }
  c.expect(")", "to close a parenthesised expression");
  return first;
}

function parseIf(c: Cursor): Expr {
  const pos = c.pos();
  c.expect("if");
  const cond = parseCondition(c, "if");
  const then = parseControlBody(c);
  if (!c.eat("else")) return { kind: "if", cond, then, pos };
  return { kind: "if", cond, then, else: parseControlBody(c), pos };
}

/** Move requires parentheses around `if` and `while` conditions. */
function parseCondition(c: Cursor, keyword: string): Expr {
  c.expect("(", `after '${keyword}'`);
  const cond = parseExpr(c);
  c.expect(")", `to close the condition of '${keyword}'`);
  return cond;
}

/** A block body stands alone (no operators after its `}`); any other body is a full expression. */
function parseControlBody(c: Cursor): Expr {
  return c.is("{") ? parseBlock(c) : parseExpr(c);
}

function parseLabeled(c: Cursor): Expr {
  const label = c.next();
  c.expect(":", `after the label ${label.text}`);
  const e = parseTerm(c);
  if (e.kind !== "while" && e.kind !== "loop") c.fail(`a label must precede 'while' or 'loop'`, label);
  e.label = label.text;
  return e;
}

/** `for (i in from..to) body`. */
function parseFor(c: Cursor): Expr {
  const pos = c.pos();
  c.expect("for");
  c.expect("(");
  const name = c.ident("a loop variable");
  c.expect("in", "in a for loop");
  const from = parseUnary(c);
  c.expect("..", "in a for loop range");
  const to = parseExpr(c);
  c.expect(")", "to close the for loop header");
  return { kind: "for", var: name, from, to, body: parseControlBody(c), pos };
}

/** `|a, b| body`, `|| body`; parameter types (`|x: u64|`) are read and not kept. */
function parseLambda(c: Cursor): Expr {
  const pos = c.pos();
  const params: string[] = [];
  if (!c.eat("||")) {
    c.expect("|");
    while (!c.eat("|")) {
      params.push(c.ident("a lambda parameter"));
      if (c.eat(":")) parseType(c);
      if (!c.is("|")) c.expect(",", "or '|' after a lambda parameter");
    }
  }
  return { kind: "lambda", params, body: parseExpr(c), pos };
}

/** `vector[a, b]`, `vector<T>[]`. */
function parseVector(c: Cursor): Expr {
  const pos = c.pos();
  c.expect("vector");
  let typeArg: TypeExpr | undefined;
  if (c.is("<")) {
    const lt = c.next();
    const args = parseTypeList(c, ">");
    if (args.length !== 1) c.fail(`vector takes one type argument, found ${args.length}`, lt);
    typeArg = args[0];
  }
  c.expect("[", "to open a vector literal");
  const items = parseExprList(c, "]");
  return typeArg ? { kind: "vector", typeArg, items, pos } : { kind: "vector", items, pos };
}

/** Expressions separated by commas up to `close` (consumed); a trailing comma is allowed. */
function parseExprList(c: Cursor, close: string): Expr[] {
  const items: Expr[] = [];
  while (!c.eat(close)) {
    items.push(parseExpr(c));
    if (!c.is(close)) c.expect(",", `or '${close}'`);
  }
  return items;
}

function parseArgs(c: Cursor): Expr[] {
  c.expect("(");
  return parseExprList(c, ")");
}

/**
 * Generic arguments right after a name, taken only if they parse as a type list AND a `(` or `{` follows
 * (`f<T>(`, `S<T> {`); otherwise `<` is a comparison (`a<b`) and the cursor is put back.
 */
function tryTypeArgs(c: Cursor): TypeExpr[] | undefined {
  const start = c.index;
  try {
    c.expect("<");
    const args = parseTypeList(c, ">");
    if (c.is("(") || c.is("{")) return args;
  } catch (e) {
    if (!(e instanceof MoveSyntaxError)) throw e;
  }
  c.reset(start);
  return undefined;
}

/** A path: a name, a call `f(..)`/`m::f<T>(..)`, a pack `S { .. }`, or a macro `assert!(..)`. */
function parseNameTerm(c: Cursor): Expr {
  const path = parsePath(c, "an expression");
  const pos = path.pos;
  const [only] = path.segments;
  if (path.segments.length === 1 && only !== undefined && c.is("!") && c.is("(", 1)) {
    c.next();
    return { kind: "macro", name: only, args: parseArgs(c), pos };
  }
  // As in Move, `<` right after a name (no space) opens type arguments; `a < b` is a comparison.
  const typeArgs = c.is("<") && c.adjacent(0) ? tryTypeArgs(c) : undefined;
  if (c.is("(")) {
    const args = parseArgs(c);
    return typeArgs ? { kind: "call", path, typeArgs, args, pos } : { kind: "call", path, args, pos };
  }
  if (c.is("{")) return parsePack(c, path, typeArgs);
  return { kind: "name", path, pos };
}

/** `S { a: e, b }` after the path (and type arguments). */
function parsePack(c: Cursor, path: PathRef, typeArgs: TypeExpr[] | undefined): PackExpr {
  c.expect("{");
  const fields: PackExpr["fields"] = [];
  while (!c.eat("}")) {
    const ft = c.peek();
    const fpos = c.pos(ft);
    const name = c.ident(`a field name in ${path.segments.join("::")} { .. }`);
    const value: Expr = c.eat(":")
      ? parseExpr(c)
      : { kind: "name", path: { segments: [name], pos: fpos }, pos: fpos };
    fields.push({ name, value, pos: fpos });
    if (!c.is("}")) c.expect(",", "or '}' after a field");
  }
  const pack: PackExpr = { kind: "pack", path, fields, pos: path.pos };
  if (typeArgs) pack.typeArgs = typeArgs;
  return pack;
}

// ------------------------------------------------------------------------------------------------ blocks

/** `{ stmt; ... [result] }`. */
export function parseBlock(c: Cursor): BlockExpr {
  const open = c.expect("{");
  const stmts: Stmt[] = [];
  let result: Expr | undefined;
  for (;;) {
    if (c.is("}")) break;
    if (c.atEnd()) c.fail("unclosed '{'", open);
    if (c.is("let")) {
      stmts.push(parseLet(c));
      continue;
    }
    if (c.is("use")) c.unsupported("'use' inside a function body");
    if (c.eat(";")) continue;
    const start = c.peek();
    const e = parseExpr(c);
    if (c.eat(";")) {
      stmts.push({ kind: "expr", expr: e, pos: c.pos(start) });
      continue;
    }
    if (c.is("}")) {
      result = e;
      break;
    }
    // As in Move, every statement but the last ends with `;`, also after `if (..) { .. }` and loops.
    c.fail(`expected ';' or '}' after an expression, found ${describe(c.peek())}`);
  }
  c.expect("}");
  const block: BlockExpr = { kind: "block", stmts, pos: c.pos(open) };
  if (result) block.result = result;
  return block;
}

/** `let p [: T] [= e];` */
function parseLet(c: Cursor): Stmt {
  const pos = c.pos();
  c.expect("let");
  const pattern = parsePattern(c);
  const stmt: Stmt = { kind: "let", pattern, pos };
  if (c.eat(":")) stmt.type = parseType(c);
  if (c.eat("=")) stmt.init = parseExpr(c);
  c.expect(";", "after let");
  return stmt;
}

/** `x`, `_`, `(p, q)`, `S { f: p, g }`, `m::S<T> { .. }`, positional `S(p, q)`. */
export function parsePattern(c: Cursor): Pattern {
  const pos = c.pos();
  if (c.eat("(")) {
    const items: Pattern[] = [];
    while (!c.eat(")")) {
      items.push(parsePattern(c));
      if (!c.is(")")) c.expect(",", "or ')' in a tuple pattern");
    }
    return { kind: "tuple", items, pos };
  }
  if (c.eat("_")) return { kind: "wildcard", pos };
  const first = c.peek();
  const path = parsePath(c, "a pattern");
  let typeArgs: TypeExpr[] | undefined;
  if (c.eat("<")) typeArgs = parseTypeList(c, ">");
  if (c.is("{") || c.is("(")) {
    const positional = c.is("(");
    const close = positional ? ")" : "}";
    c.next();
    const fields: { name: string; pattern: Pattern; pos: SourcePos }[] = [];
    let index = 0;
    while (!c.eat(close)) {
      const fpos = c.pos();
      if (c.is("..")) c.unsupported("'..' in a pattern");
      if (positional) fields.push({ name: String(index++), pattern: parsePattern(c), pos: fpos });
      else {
        const name = c.ident("a field name in a pattern");
        const pattern: Pattern = c.eat(":") ? parsePattern(c) : { kind: "var", name, pos: fpos };
        fields.push({ name, pattern, pos: fpos });
      }
      if (!c.is(close)) c.expect(",", `or '${close}' in a pattern`);
    }
    const unpack: Pattern = { kind: "unpack", path, fields, pos };
    if (typeArgs) unpack.typeArgs = typeArgs;
    return unpack;
  }
  if (typeArgs || path.segments.length > 1 || first.kind !== "ident") {
    c.fail(`expected '{' to unpack ${path.segments.join("::")}`);
  }
  return { kind: "var", name: first.text, pos };
}

/** The left side of `=`, read as an expression first (`(a, b)`, `S { f }`, `*r`, `s.f`, `x`). */
function toLValue(e: Expr): LValue {
  if (e.kind === "deref" || e.kind === "field") return { kind: "place", expr: e, pos: e.pos };
  return toPattern(e);
}

function toPattern(e: Expr): Pattern {
  switch (e.kind) {
    case "name": {
      const [name] = e.path.segments;
      if (e.path.segments.length === 1 && name !== undefined) {
        return name === "_" ? { kind: "wildcard", pos: e.pos } : { kind: "var", name, pos: e.pos };
      }
      break;
    }
    case "tuple":
      return { kind: "tuple", items: e.items.map((i) => toPattern(i)), pos: e.pos };
    case "pack": {
      const p: Pattern = {
        kind: "unpack",
        path: e.path,
        fields: e.fields.map((f) => ({ name: f.name, pattern: toPattern(f.value), pos: f.pos })),
        pos: e.pos,
      };
      if (e.typeArgs) p.typeArgs = e.typeArgs;
      return p;
    }
    case "call": {
      // Positional unpack: `S(a, b) = e`.
      const p: Pattern = {
        kind: "unpack",
        path: e.path,
        fields: e.args.map((a, i) => ({ name: String(i), pattern: toPattern(a), pos: a.pos })),
        pos: e.pos,
      };
      if (e.typeArgs) p.typeArgs = e.typeArgs;
      return p;
    }
  }
  throw new MoveSyntaxError("invalid left side of an assignment", e.pos);
}
