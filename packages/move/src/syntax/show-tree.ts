import type { Expr, LValue, Pattern, Stmt, TypeExpr } from "./ast.ts";

/** A compact S-expression of a tree, so tests can state the expected shape in one line. */
export function show(e: Expr): string {
  switch (e.kind) {
    case "number":
      return `${e.value}${e.suffix ?? ""}`;
    case "bool":
      return String(e.value);
    case "address":
      return `@${e.value}`;
    case "bytes":
      return `bytes[${[...e.value].join(",")}]`;
    case "name":
      return e.path.segments.join("::");
    case "move":
    case "copy":
      return `(${e.kind} ${e.name})`;
    case "call":
      return `(call ${e.path.segments.join("::")}${targs(e.typeArgs)}${args(e.args)})`;
    case "macro":
      return `(${e.name}!${args(e.args)})`;
    case "vector":
      return `(vector${e.typeArg ? `<${showType(e.typeArg)}>` : ""}${args(e.items)})`;
    case "pack":
      return `(pack ${e.path.segments.join("::")}${targs(e.typeArgs)}${e.fields.map((f) => ` ${f.name}:${show(f.value)}`).join("")})`;
    case "field":
      return `(. ${show(e.base)} ${e.name})`;
    case "method":
      return `(method ${show(e.receiver)} ${e.name}${targs(e.typeArgs)}${args(e.args)})`;
    case "index":
      return `(index ${show(e.base)} ${show(e.index)})`;
    case "borrow":
      return `(${e.mutable ? "&mut" : "&"} ${show(e.expr)})`;
    case "deref":
      return `(* ${show(e.expr)})`;
    case "unary":
      return `(! ${show(e.expr)})`;
    case "binary":
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case "cast":
      return `(as ${show(e.expr)} ${showType(e.type)})`;
    case "if":
      return `(if ${show(e.cond)} ${show(e.then)}${e.else ? ` ${show(e.else)}` : ""})`;
    case "while":
      return `(while${e.label ? ` ${e.label}` : ""} ${show(e.cond)} ${show(e.body)})`;
    case "loop":
      return `(loop${e.label ? ` ${e.label}` : ""} ${show(e.body)})`;
    case "for":
      return `(for ${e.var} ${show(e.from)} ${show(e.to)} ${show(e.body)})`;
    case "block":
      return `{${[...e.stmts.map(showStmt), ...(e.result ? [show(e.result)] : [])].join(" ")}}`;
    case "return":
      return e.value ? `(return ${show(e.value)})` : "(return)";
    case "abort":
      return `(abort ${show(e.code)})`;
    case "break":
    case "continue":
      return e.label ? `(${e.kind} ${e.label})` : `(${e.kind})`;
    case "tuple":
      return `(tuple${args(e.items)})`;
    case "assign":
      return `(= ${showLValue(e.lhs)} ${show(e.rhs)})`;
    case "compound_assign":
      return `(${e.op}= ${show(e.lhs)} ${show(e.rhs)})`;
    case "lambda":
      return `(lambda [${e.params.join(",")}] ${show(e.body)})`;
  }
}

function args(items: Expr[]): string {
  return items.map((i) => ` ${show(i)}`).join("");
}

function targs(types: TypeExpr[] | undefined): string {
  return types ? `<${types.map(showType).join(",")}>` : "";
}

export function showType(t: TypeExpr): string {
  switch (t.kind) {
    case "ref":
      return `${t.mutable ? "&mut " : "&"}${showType(t.to)}`;
    case "tuple":
      return `(${t.items.map(showType).join(",")})`;
    case "fn":
      return `|${t.params.map(showType).join(",")}|${t.result.map(showType).join(",")}`;
    case "named":
      return `${t.path.segments.join("::")}${t.args.length ? `<${t.args.map(showType).join(",")}>` : ""}`;
  }
}

export function showPattern(p: Pattern): string {
  switch (p.kind) {
    case "var":
      return p.name;
    case "wildcard":
      return "_";
    case "tuple":
      return `(${p.items.map(showPattern).join(",")})`;
    case "unpack":
      return `${p.path.segments.join("::")}${targs(p.typeArgs)}{${p.fields.map((f) => `${f.name}:${showPattern(f.pattern)}`).join(",")}}`;
  }
}

function showLValue(l: LValue): string {
  return l.kind === "place" ? `[place ${show(l.expr)}]` : showPattern(l);
}

export function showStmt(s: Stmt): string {
  if (s.kind === "expr") return `${show(s.expr)};`;
  const type = s.type ? `: ${showType(s.type)}` : "";
  return `(let ${showPattern(s.pattern)}${type}${s.init ? ` ${show(s.init)}` : ""});`;
}
