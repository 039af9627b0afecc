/**
 * Checks one function body (or constant): resolves every name, infers every type, and writes the results into
 * the tree (`ty`, slots, callees) for the interpreter. Every problem is a diagnostic at its position.
 */
import type { Diagnostic } from "../diagnostics.ts";
import type {
  BlockExpr,
  BuiltinOp,
  CallExpr,
  Expr,
  FieldExpr,
  FunctionDecl,
  LValue,
  ModuleId,
  PackExpr,
  Pattern,
  SourcePos,
  Stmt,
} from "../syntax/ast.ts";
import { formatTy, INT_MAX, type IntKind, isIntKind, substTy, type Ty, UNIT } from "../types.ts";
import { type Env, type FunSig, moduleKey, type StructInfo } from "./env.ts";
import type { ModuleScope } from "./scope.ts";
import { isInt, Unifier } from "./unify.ts";

const BUILTINS = new Set<BuiltinOp>([
  "move_to",
  "move_from",
  "borrow_global",
  "borrow_global_mut",
  "exists",
  "freeze",
]);
const NEVER: Ty = { k: "never" };
const BOOL: Ty = { k: "bool" };
const U64: Ty = { k: "u64" };
const U8: Ty = { k: "u8" };
const ADDRESS: Ty = { k: "address" };

interface Local {
  name: string;
  ty: Ty;
}

/** An ability the checked code needs of a type, checked once all types are known. */
interface AbilityNeed {
  ty: Ty;
  ability: string;
  pos: SourcePos;
  what: string;
}

export interface BodyContext {
  env: Env;
  scope: ModuleScope;
  diags: Diagnostic[];
  /** The function being checked (undefined for a constant). */
  fn?: FunctionDecl;
  /** The function's own signature. */
  sig?: FunSig;
  /** Whether the enclosing function or module is test-only. */
  testOnly: boolean;
  /** Own-module resources each function of the module acquires directly or through same-module calls. */
  acquiresOf: (name: string) => ReadonlySet<string>;
}

export class BodyChecker {
  private readonly u = new Unifier();
  private readonly locals: Local[] = [];
  private readonly scopes: Map<string, number>[] = [new Map()];
  private readonly needs: AbilityNeed[] = [];
  private readonly annotated: { ty?: Ty }[] = [];
  private readonly calls: { res: NonNullable<CallExpr["res"]>; sig?: FunSig; pos: SourcePos }[] = [];
  private readonly literals: { e: Expr & { kind: "number" } }[] = [];
  private readonly packs: { s: { struct?: Ty } }[] = [];
  private loopBreaks: boolean[] = [];
  private returnTy: Ty = UNIT;
  /** Own-module resources this body touches (for `acquires`). */
  readonly acquired = new Set<string>();

  constructor(private readonly c: BodyContext) {}

  private error(code: string, message: string, pos: SourcePos): void {
    this.c.diags.push({ severity: "error", code, message, pos });
  }

  private show(t: Ty): string {
    return formatTy(this.u.zonk(t));
  }

  private need(ty: Ty, ability: string, pos: SourcePos, what: string): void {
    this.needs.push({ ty, ability, pos, what });
  }

  private set<T extends { ty?: Ty }>(node: T, ty: Ty): Ty {
    node.ty = ty;
    this.annotated.push(node);
    return ty;
  }

  private expect(actual: Ty, expected: Ty, pos: SourcePos, what: string): void {
    if (!this.u.coerce(actual, expected)) {
      this.error(
        "type_mismatch",
        `${what}: expected \`${this.show(expected)}\`, found \`${this.show(actual)}\``,
        pos,
      );
    }
  }

  private declare(name: string, ty: Ty): number {
    this.locals.push({ name, ty });
    const slot = this.locals.length - 1;
    (this.scopes[this.scopes.length - 1] as Map<string, number>).set(name, slot);
    return slot;
  }

  private lookup(name: string): number | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = (this.scopes[i] as Map<string, number>).get(name);
      if (s !== undefined) return s;
    }
    return undefined;
  }

  // ------------------------------------------------------------------------------------------- entry points

  checkFunction(fn: FunctionDecl, sig: FunSig): void {
    this.returnTy = sig.returns.length === 1 ? (sig.returns[0] as Ty) : { k: "tuple", items: sig.returns };
    fn.params.forEach((p, i) => {
      p.slot = this.declare(p.name, sig.params[i] as Ty);
      p.ty = sig.params[i];
    });
    if (fn.body) {
      const t = this.block(fn.body, this.returnTy);
      this.expect(t, this.returnTy, fn.body.pos, `body of \`${fn.name}\``);
    }
    this.finish();
    fn.frameSize = this.locals.length;
  }

  checkConstant(value: Expr, ty: Ty): void {
    const t = this.expr(value, ty);
    this.expect(t, ty, value.pos, "constant value");
    this.finish();
  }

  /** Resolves remaining variables, checks literal ranges, inferred type arguments and ability needs. */
  private finish(): void {
    for (const n of this.annotated) if (n.ty) n.ty = this.u.zonk(n.ty, true);
    for (const l of this.literals) {
      const t = l.e.ty;
      if (t && isIntKind(t.k) && l.e.value > INT_MAX[t.k as IntKind]) {
        this.error("literal_range", `literal ${l.e.value} does not fit in \`${t.k}\``, l.e.pos);
      }
    }
    for (const p of this.packs) if (p.s.struct) p.s.struct = this.u.zonk(p.s.struct, true);
    for (const call of this.calls) {
      call.res.typeArgs = call.res.typeArgs.map((t) => this.u.zonk(t, true));
      call.res.typeArgs.forEach((t, i) => {
        if (this.u.hasVars(t)) {
          this.error("cannot_infer", `cannot infer type argument ${i} of the call`, call.pos);
          return;
        }
        const constraints = call.sig?.typeParams[i]?.constraints ?? [];
        for (const a of constraints) this.need(t, a, call.pos, `type argument \`${formatTy(t)}\``);
      });
      if (call.sig?.framework && call.sig.module.name === "event" && call.sig.name === "emit") {
        const t = call.res.typeArgs[0];
        if (t?.k === "struct") {
          const s = this.c.env.struct({ address: t.address, name: t.module }, t.name);
          if (s && !s.isEvent)
            this.error("not_event", `\`${formatTy(t)}\` is not an #[event] struct (event::emit)`, call.pos);
        }
      }
    }
    for (const n of this.needs) {
      const t = this.u.zonk(n.ty, true);
      if (t.k === "var" || t.k === "never") continue;
      const ab = this.c.env.abilities(t, (i) => this.paramAbilities(i));
      if (!ab.has(n.ability)) {
        this.error(
          "missing_ability",
          `${n.what}: \`${formatTy(t)}\` does not have the \`${n.ability}\` ability`,
          n.pos,
        );
      }
    }
  }

  private paramAbilities(i: number): ReadonlySet<string> {
    return new Set(this.c.fn?.typeParams[i]?.constraints ?? []);
  }

  // ------------------------------------------------------------------------------------------- blocks

  private block(b: BlockExpr, expected?: Ty): Ty {
    this.scopes.push(new Map());
    let diverges = false;
    for (const s of b.stmts) if (this.stmt(s)) diverges = true;
    let t: Ty;
    if (b.result) t = this.expr(b.result, expected);
    else t = diverges ? NEVER : UNIT;
    this.scopes.pop();
    return this.set(b, t);
  }

  /** Returns true when the statement always diverges. */
  private stmt(s: Stmt): boolean {
    if (s.kind === "let") {
      let declared: Ty | undefined;
      if (s.type) declared = this.c.scope.type(s.type, this.typeParamNames());
      if (s.init) {
        const t = this.expr(s.init, declared);
        if (declared) this.expect(t, declared, s.init.pos, "let");
        this.bind(s.pattern, declared ?? t);
        return this.u.shallow(t).k === "never";
      }
      this.bind(s.pattern, declared ?? this.u.fresh());
      return false;
    }
    const t = this.expr(s.expr);
    const sh = this.u.shallow(t);
    if (sh.k === "never") return true;
    if (!(sh.k === "tuple" && sh.items.length === 0)) this.need(t, "drop", s.pos, "value dropped by `;`");
    return false;
  }

  private typeParamNames(): string[] {
    return this.c.fn?.typeParams.map((p) => p.name) ?? [];
  }

  /** `let p = ...`: the pattern's variables are new locals. */
  private bind(p: Pattern, t: Ty): void {
    this.pattern(p, t, "let");
  }

  /**
   * A pattern of `let` (variables declare new locals) or of an assignment (variables name existing ones): both
   * destructure tuples and structs the same way, and both drop what `_` receives.
   */
  private pattern(p: Pattern, t: Ty, mode: "let" | "assign"): void {
    p.ty = t;
    this.annotated.push(p);
    switch (p.kind) {
      case "var": {
        if (mode === "let") {
          p.slot = this.declare(p.name, t);
          return;
        }
        const slot = this.lookup(p.name);
        if (slot === undefined) {
          this.error("unbound", `assignment to undeclared variable \`${p.name}\``, p.pos);
          return;
        }
        p.slot = slot;
        this.expect(t, (this.locals[slot] as Local).ty, p.pos, `assignment to \`${p.name}\``);
        return;
      }
      case "wildcard":
        this.need(t, "drop", p.pos, mode === "let" ? "value bound to `_`" : "value assigned to `_`");
        return;
      case "tuple": {
        const items = p.items.map(() => this.u.fresh());
        if (!this.u.unify(t, { k: "tuple", items }))
          this.error(
            "type_mismatch",
            `expected a tuple of ${p.items.length}, found \`${this.show(t)}\``,
            p.pos,
          );
        p.items.forEach((q, i) => {
          this.pattern(q, items[i] as Ty, mode);
        });
        return;
      }
      case "unpack": {
        const r = this.structOf(p.path, p.typeArgs, p.pos, true);
        if (!r) return;
        this.expect(t, r.ty, p.pos, "unpack");
        p.struct = r.ty;
        this.packs.push({ s: p });
        for (const f of p.fields) {
          const decl = r.info.fields.find((x) => x.name === f.name);
          if (!decl) {
            this.error("unknown_field", `\`${r.info.name}\` has no field \`${f.name}\``, f.pos);
            continue;
          }
          this.pattern(f.pattern, substTy(decl.ty, r.args), mode);
        }
        for (const d of r.info.fields) {
          if (!p.fields.some((f) => f.name === d.name))
            this.error("missing_field", `unpack of \`${r.info.name}\` misses field \`${d.name}\``, p.pos);
        }
        return;
      }
    }
  }

  // ------------------------------------------------------------------------------------------- expressions

  private expr(e: Expr, expected?: Ty): Ty {
    const t = this.exprInner(e, expected);
    return this.set(e, t);
  }

  private exprInner(e: Expr, expected?: Ty): Ty {
    switch (e.kind) {
      case "number": {
        this.literals.push({ e });
        if (e.suffix) {
          if (!isIntKind(e.suffix)) {
            this.error("unsupported", `integer suffix \`${e.suffix}\` is not supported`, e.pos);
            return this.u.fresh(true);
          }
          return { k: e.suffix };
        }
        const v = this.u.fresh(true);
        if (expected && isInt(this.u.shallow(expected))) this.u.unify(v, expected);
        return v;
      }
      case "bool":
        return BOOL;
      case "address": {
        const a = this.c.env.address(e.value);
        if (a === undefined) this.error("unknown_address", `unknown address \`@${e.value}\``, e.pos);
        else e.address = a;
        return ADDRESS;
      }
      case "bytes":
        return { k: "vector", elem: U8 };
      case "name":
        return this.name(e);
      case "move":
      case "copy": {
        const slot = this.lookup(e.name);
        if (slot === undefined) {
          this.error("unbound", `unbound variable \`${e.name}\``, e.pos);
          return this.u.fresh();
        }
        e.slot = slot;
        const t = (this.locals[slot] as Local).ty;
        if (e.kind === "copy") this.need(t, "copy", e.pos, "`copy`");
        return t;
      }
      case "call":
        return this.call(e);
      case "macro":
        return this.macro(e);
      case "vector": {
        let elem: Ty = this.u.fresh();
        if (e.typeArg) elem = this.c.scope.type(e.typeArg, this.typeParamNames()) ?? elem;
        else if (expected) {
          const ex = this.u.shallow(expected);
          if (ex.k === "vector") elem = ex.elem;
        }
        for (const it of e.items) this.expect(this.expr(it, elem), elem, it.pos, "vector element");
        return { k: "vector", elem };
      }
      case "pack":
        return this.pack(e);
      case "field": {
        const t = this.field(e, false);
        this.need(t, "copy", e.pos, "field read (copies the field)");
        return t;
      }
      case "borrow":
        return this.borrow(e.expr, e.mutable, e.pos);
      case "deref": {
        const t = this.u.shallow(this.expr(e.expr));
        if (t.k !== "ref") {
          if (t.k !== "never")
            this.error("type_mismatch", `\`*\` of a non-reference \`${this.show(t)}\``, e.pos);
          return this.u.fresh();
        }
        this.need(t.to, "copy", e.pos, "dereference (copies the value)");
        return t.to;
      }
      case "unary":
        this.expect(this.expr(e.expr, BOOL), BOOL, e.expr.pos, "`!`");
        return BOOL;
      case "binary":
        return this.binary(e);
      case "cast": {
        const from = this.expr(e.expr);
        const fs = this.u.shallow(from);
        if (!isInt(fs) && !this.u.isIntVar(fs)) {
          if (fs.k === "var") this.u.unify(fs, this.u.fresh(true));
          else this.error("type_mismatch", `cannot cast \`${this.show(from)}\``, e.pos);
        }
        const to = this.c.scope.type(e.type, this.typeParamNames());
        if (!to || !isInt(to)) {
          if (to) this.error("type_mismatch", `cast to non-integer \`${formatTy(to)}\``, e.pos);
          return this.u.fresh(true);
        }
        return to;
      }
      case "if": {
        this.expect(this.expr(e.cond, BOOL), BOOL, e.cond.pos, "`if` condition");
        if (!e.else) {
          const t = this.expr(e.then, UNIT);
          this.expect(t, UNIT, e.then.pos, "`if` without `else`");
          return UNIT;
        }
        const a = this.expr(e.then, expected);
        const b = this.expr(e.else, expected ?? a);
        const sa = this.u.shallow(a);
        if (sa.k === "never") return b;
        this.expect(b, a, e.else.pos, "`else` branch");
        return a;
      }
      case "while": {
        this.expect(this.expr(e.cond, BOOL), BOOL, e.cond.pos, "`while` condition");
        this.loopBreaks.push(false);
        this.expect(this.expr(e.body, UNIT), UNIT, e.body.pos, "`while` body");
        this.loopBreaks.pop();
        return UNIT;
      }
      case "loop": {
        this.loopBreaks.push(false);
        this.expect(this.expr(e.body, UNIT), UNIT, e.body.pos, "`loop` body");
        const broke = this.loopBreaks.pop();
        return broke ? UNIT : NEVER;
      }
      case "block":
        return this.block(e, expected);
      case "return": {
        const t = e.value ? this.expr(e.value, this.returnTy) : UNIT;
        this.expect(t, this.returnTy, e.pos, "returned value");
        return NEVER;
      }
      case "abort":
        this.expect(this.expr(e.code, U64), U64, e.code.pos, "abort code");
        return NEVER;
      case "break":
      case "continue":
        if (this.loopBreaks.length === 0) this.error("bad_break", `\`${e.kind}\` outside a loop`, e.pos);
        else if (e.kind === "break") this.loopBreaks[this.loopBreaks.length - 1] = true;
        if (e.label) this.error("unsupported", "labelled `break`/`continue` is not supported", e.pos);
        return NEVER;
      case "tuple": {
        const ex = expected ? this.u.shallow(expected) : undefined;
        const items = e.items.map((it, i) =>
          this.expr(it, ex?.k === "tuple" ? (ex.items[i] as Ty | undefined) : undefined),
        );
        return { k: "tuple", items };
      }
      case "assign":
        this.assign(e.lhs, e.rhs);
        return UNIT;
      case "method":
        this.error("unsupported", "receiver-style calls (`x.f()`) are not supported", e.pos);
        return this.u.fresh();
      case "index":
        this.error("unsupported", "index notation (`v[i]`) is not supported", e.pos);
        return this.u.fresh();
      case "for":
        this.error("unsupported", "`for` loops are not supported", e.pos);
        return UNIT;
      case "lambda":
        this.error("unsupported", "lambdas are not supported", e.pos);
        return this.u.fresh();
      case "compound_assign":
        this.error("unsupported", `\`${e.op}=\` is not supported`, e.pos);
        return UNIT;
    }
  }

  private name(e: Expr & { kind: "name" }): Ty {
    const segs = e.path.segments;
    if (segs.length === 1) {
      const slot = this.lookup(segs[0] as string);
      if (slot !== undefined) {
        e.res = { kind: "local", slot };
        return (this.locals[slot] as Local).ty;
      }
    }
    const m = this.c.scope.member(e.path, (n) => this.c.scope.hasOwnConst(n));
    if (m && moduleKey(m.module) === moduleKey(this.c.scope.id)) {
      const k = this.c.scope.decl.constants.find((x) => x.name === m.name);
      if (k) {
        e.res = { kind: "const", module: m.module, name: m.name };
        const t = k.ty ?? this.c.scope.type(k.type);
        return t ?? this.u.fresh();
      }
    }
    this.error(
      "unbound",
      segs.length === 1
        ? `unbound variable or constant \`${segs[0]}\``
        : `unknown constant \`${segs.join("::")}\``,
      e.pos,
    );
    return this.u.fresh();
  }

  private macro(e: Expr & { kind: "macro" }): Ty {
    if (e.name !== "assert") {
      this.error("unsupported", `macro \`${e.name}!\` is not supported`, e.pos);
      for (const a of e.args) this.expr(a);
      return UNIT;
    }
    if (e.args.length !== 2) {
      this.error(
        "arity",
        `\`assert!\` takes 2 arguments (condition, abort code), got ${e.args.length}`,
        e.pos,
      );
      for (const a of e.args) this.expr(a);
      return UNIT;
    }
    const [cond, code] = e.args as [Expr, Expr];
    this.expect(this.expr(cond, BOOL), BOOL, cond.pos, "`assert!` condition");
    this.expect(this.expr(code, U64), U64, code.pos, "`assert!` abort code");
    return UNIT;
  }

  private binary(e: Expr & { kind: "binary" }): Ty {
    const op = e.op;
    if (op === "&&" || op === "||") {
      this.expect(this.expr(e.left, BOOL), BOOL, e.left.pos, `\`${op}\``);
      this.expect(this.expr(e.right, BOOL), BOOL, e.right.pos, `\`${op}\``);
      return BOOL;
    }
    if (op === "==" || op === "!=") {
      const l = this.expr(e.left);
      const r = this.expr(e.right, l);
      const ls = this.u.shallow(l);
      const rs = this.u.shallow(r);
      // References compare by value; &mut and & mix.
      if (ls.k === "ref" && rs.k === "ref") {
        if (!this.u.unify(ls.to, rs.to)) this.mismatch(e, l, r);
      } else if (!this.u.unify(l, r)) this.mismatch(e, l, r);
      this.need(l, "drop", e.pos, `\`${op}\``);
      return BOOL;
    }
    const l = this.expr(e.left);
    if (op === "<<" || op === ">>") {
      this.requireInt(l, e.left.pos, op);
      this.expect(this.expr(e.right, U8), U8, e.right.pos, `shift amount of \`${op}\``);
      return l;
    }
    const r = this.expr(e.right, l);
    if (!this.u.unify(l, r)) this.mismatch(e, l, r);
    this.requireInt(l, e.pos, op);
    return op === "<" || op === ">" || op === "<=" || op === ">=" ? BOOL : l;
  }

  private mismatch(e: Expr & { kind: "binary" }, l: Ty, r: Ty): void {
    this.error("type_mismatch", `\`${e.op}\` on \`${this.show(l)}\` and \`${this.show(r)}\``, e.pos);
  }

  private requireInt(t: Ty, pos: SourcePos, op: string): void {
    const s = this.u.shallow(t);
    if (isInt(s) || s.k === "never") return;
    if (s.k === "var") {
      this.u.unify(s, this.u.fresh(true));
      return;
    }
    this.error("type_mismatch", `\`${op}\` needs integers, found \`${this.show(t)}\``, pos);
  }

  // ------------------------------------------------------------------------------------------- places

  /** `base.f` as a value (`asPlace` false) or as a place to borrow (`mutable` tells which borrow). */
  private field(e: FieldExpr, asPlace: boolean, mutable = false): Ty {
    let baseTy: Ty;
    if (asPlace && e.base.kind === "field") baseTy = this.set(e.base, this.field(e.base, true, mutable));
    else if (asPlace && e.base.kind === "name" && e.base.path.segments.length === 1)
      baseTy = this.expr(e.base);
    else baseTy = this.expr(e.base);
    let s = this.u.shallow(baseTy);
    if (s.k === "ref") {
      if (mutable && !s.mut) this.error("immutable", "cannot mutably borrow a field through `&`", e.pos);
      s = this.u.shallow(s.to);
    }
    if (s.k === "never") return NEVER;
    if (s.k !== "struct") {
      this.error(
        "type_mismatch",
        s.k === "var"
          ? `cannot infer the type of the value whose field \`${e.name}\` is read (annotate it)`
          : `field \`${e.name}\` of non-struct \`${this.show(s)}\``,
        e.pos,
      );
      return this.u.fresh();
    }
    if (s.address !== this.c.scope.id.address || s.module !== this.c.scope.id.name) {
      this.error(
        "field_visibility",
        `field \`${e.name}\` of \`${formatTy(s)}\` is private to module \`${s.module}\``,
        e.pos,
      );
      return this.u.fresh();
    }
    const info = this.c.env.struct({ address: s.address, name: s.module }, s.name);
    const f = info?.fields.find((x) => x.name === e.name);
    if (!f) {
      this.error("unknown_field", `\`${s.name}\` has no field \`${e.name}\``, e.pos);
      return this.u.fresh();
    }
    return substTy(f.ty, s.args);
  }

  private borrow(target: Expr, mutable: boolean, pos: SourcePos): Ty {
    if (target.kind === "field") {
      const t = this.set(target, this.field(target, true, mutable));
      return { k: "ref", mut: mutable, to: t };
    }
    if (target.kind === "name" && target.path.segments.length === 1) {
      const t = this.expr(target);
      if (target.res?.kind === "const" && mutable)
        this.error("immutable", "cannot mutably borrow a constant", pos);
      return { k: "ref", mut: mutable, to: t };
    }
    const t = this.expr(target);
    const s = this.u.shallow(t);
    if (s.k === "ref") {
      this.error("type_mismatch", "cannot borrow a reference", pos);
      return t;
    }
    return { k: "ref", mut: mutable, to: t };
  }

  private assign(lhs: LValue, rhs: Expr): void {
    if (lhs.kind === "place") {
      const target = lhs.expr;
      let t: Ty;
      if (target.kind === "deref") {
        const r = this.u.shallow(this.expr(target.expr));
        this.set(target, r.k === "ref" ? r.to : this.u.fresh());
        if (r.k !== "ref" || !r.mut) {
          if (r.k !== "never") this.error("immutable", "`*r = ...` needs a `&mut` reference", target.pos);
          t = r.k === "ref" ? r.to : this.u.fresh();
        } else t = r.to;
      } else t = this.set(target, this.field(target, true, true));
      this.need(t, "drop", lhs.pos, "assignment overwrites a value");
      this.expect(this.expr(rhs, t), t, rhs.pos, "assigned value");
      return;
    }
    const rt = this.expr(rhs);
    this.pattern(lhs, rt, "assign");
  }

  // ------------------------------------------------------------------------------------------- structs

  /** Resolves a struct path for pack/unpack (own module only), with explicit or fresh type arguments. */
  private structOf(
    path: { segments: string[]; pos: SourcePos },
    typeArgs: import("../syntax/ast.ts").TypeExpr[] | undefined,
    pos: SourcePos,
    ownOnly: boolean,
  ): { info: StructInfo; ty: Ty; args: Ty[] } | undefined {
    const m = this.c.scope.member(path, (n) => this.c.scope.hasOwnStruct(n));
    const info = m && this.c.env.struct(m.module, m.name);
    if (!m || !info) {
      this.error("unknown_type", `unknown struct \`${path.segments.join("::")}\``, pos);
      return undefined;
    }
    if (ownOnly && moduleKey(m.module) !== moduleKey(this.c.scope.id)) {
      this.error(
        "struct_visibility",
        `struct \`${m.module.name}::${m.name}\` can only be packed or unpacked in its own module`,
        pos,
      );
      return undefined;
    }
    let args: Ty[];
    if (typeArgs) {
      args = typeArgs.map((a) => this.c.scope.type(a, this.typeParamNames()) ?? this.u.fresh());
      if (args.length !== info.typeParams.length)
        this.error("type_arity", `\`${m.name}\` expects ${info.typeParams.length} type argument(s)`, pos);
    } else args = info.typeParams.map(() => this.u.fresh());
    return {
      info,
      args,
      ty: { k: "struct", address: m.module.address, module: m.module.name, name: m.name, args },
    };
  }

  private pack(e: PackExpr): Ty {
    const r = this.structOf(e.path, e.typeArgs, e.pos, true);
    if (!r) {
      for (const f of e.fields) this.expr(f.value);
      return this.u.fresh();
    }
    e.struct = r.ty;
    this.packs.push({ s: e });
    const seen = new Set<string>();
    for (const f of e.fields) {
      const decl = r.info.fields.find((x) => x.name === f.name);
      if (!decl) {
        this.error("unknown_field", `\`${r.info.name}\` has no field \`${f.name}\``, f.pos);
        this.expr(f.value);
        continue;
      }
      if (seen.has(f.name)) this.error("duplicate_field", `field \`${f.name}\` given twice`, f.pos);
      seen.add(f.name);
      const ft = substTy(decl.ty, r.args);
      this.expect(this.expr(f.value, ft), ft, f.value.pos, `field \`${f.name}\``);
    }
    const order: number[] = [];
    for (const d of r.info.fields) {
      const i = e.fields.findIndex((f) => f.name === d.name);
      if (i < 0) this.error("missing_field", `\`${r.info.name}\` misses field \`${d.name}\``, e.pos);
      order.push(i);
    }
    e.order = order;
    return r.ty;
  }

  // ------------------------------------------------------------------------------------------- calls

  private call(e: CallExpr): Ty {
    const segs = e.path.segments;
    const single = segs[0] as string;
    if (segs.length === 1 && BUILTINS.has(single as BuiltinOp) && !this.c.scope.hasOwnFun(single)) {
      return this.builtin(e, single as BuiltinOp);
    }
    const m = this.c.scope.member(e.path, (n) => this.c.scope.hasOwnFun(n));
    const sig = m && this.c.env.fun(m.module, m.name);
    if (!m || !sig) {
      const where = m ? `\`${m.module.name}\`` : "scope";
      const known = m && this.c.env.hasModule(m.module);
      this.error(
        "unknown_function",
        m && known
          ? `module ${where} has no function \`${m.name}\` (checked against ${m.module.address === this.c.env.framework.address ? "the framework's on-chain ABI" : "the package"})`
          : `unknown function \`${segs.join("::")}\``,
        e.pos,
      );
      for (const a of e.args) this.expr(a);
      return this.u.fresh();
    }
    this.visibility(sig, e.pos);
    let typeArgs: Ty[];
    if (e.typeArgs) {
      typeArgs = e.typeArgs.map((a) => this.c.scope.type(a, this.typeParamNames()) ?? this.u.fresh());
      if (typeArgs.length !== sig.typeParams.length) {
        this.error(
          "type_arity",
          `\`${sig.module.name}::${sig.name}\` expects ${sig.typeParams.length} type argument(s), got ${typeArgs.length}`,
          e.pos,
        );
        typeArgs = sig.typeParams.map((_, i) => typeArgs[i] ?? this.u.fresh());
      }
    } else typeArgs = sig.typeParams.map(() => this.u.fresh());
    const res: NonNullable<CallExpr["res"]> = {
      kind: "function",
      module: sig.module,
      name: sig.name,
      typeArgs,
    };
    e.res = res;
    this.calls.push({ res, sig, pos: e.pos });
    if (e.args.length !== sig.params.length) {
      this.error(
        "arity",
        `\`${sig.module.name}::${sig.name}\` takes ${sig.params.length} argument(s), got ${e.args.length}`,
        e.pos,
      );
    }
    e.args.forEach((a, i) => {
      const p = sig.params[i];
      if (!p) {
        this.expr(a);
        return;
      }
      const pt = substTy(p, typeArgs);
      this.expect(this.expr(a, pt), pt, a.pos, `argument ${i + 1} of \`${sig.module.name}::${sig.name}\``);
    });
    if (!sig.framework && moduleKey(sig.module) === moduleKey(this.c.scope.id)) {
      for (const r of this.c.acquiresOf(sig.name)) this.acquired.add(r);
    }
    const rets = sig.returns.map((r) => substTy(r, typeArgs));
    return rets.length === 1 ? (rets[0] as Ty) : { k: "tuple", items: rets };
  }

  private visibility(sig: FunSig, pos: SourcePos): void {
    const here = this.c.scope.id;
    const same = moduleKey(sig.module) === moduleKey(here);
    const name = `${sig.module.name}::${sig.name}`;
    if (sig.testOnly && !this.c.testOnly)
      this.error("test_only", `\`${name}\` is test-only and cannot be called from non-test code`, pos);
    if (same) return;
    switch (sig.visibility) {
      case "public":
        return;
      case "private":
        this.error("visibility", `\`${name}\` is private to module \`${sig.module.name}\``, pos);
        return;
      case "package":
        if (sig.framework || sig.module.address !== here.address)
          this.error(
            "visibility",
            `\`${name}\` is public(package) and cannot be called from outside its package`,
            pos,
          );
        return;
      case "friend": {
        if (sig.framework) {
          this.error(
            "visibility",
            `\`${name}\` is public(friend)/public(package) in the framework and cannot be called from \`${here.name}\``,
            pos,
          );
          return;
        }
        const callee = this.c.env.modules.get(moduleKey(sig.module));
        const friends = callee?.friends ?? [];
        const ok = friends.some((f) => f.segments[f.segments.length - 1] === here.name);
        if (!ok)
          this.error("visibility", `\`${name}\` is public(friend) and \`${here.name}\` is not a friend`, pos);
        return;
      }
    }
  }

  private builtin(e: CallExpr, op: BuiltinOp): Ty {
    let t: Ty | undefined;
    if (e.typeArgs) {
      if (e.typeArgs.length !== 1)
        this.error("type_arity", `\`${op}\` takes exactly one type argument`, e.pos);
      t = e.typeArgs[0] && this.c.scope.type(e.typeArgs[0], this.typeParamNames());
    }
    const ty = t ?? this.u.fresh();
    const res: NonNullable<CallExpr["res"]> = { kind: "builtin", op, typeArgs: [ty] };
    e.res = res;
    const arity = op === "move_to" ? 2 : 1;
    if (e.args.length !== arity) {
      this.error("arity", `\`${op}\` takes ${arity} argument(s), got ${e.args.length}`, e.pos);
      for (const a of e.args) this.expr(a);
      return this.u.fresh();
    }
    let out: Ty;
    switch (op) {
      case "freeze": {
        const a = this.u.shallow(this.expr(e.args[0] as Expr));
        if (a.k !== "ref" || !a.mut) {
          this.error("type_mismatch", "`freeze` needs a `&mut` reference", e.pos);
          return this.u.fresh();
        }
        this.u.unify(ty, a.to);
        this.calls.push({ res, pos: e.pos });
        return { k: "ref", mut: false, to: a.to };
      }
      case "move_to": {
        const s = this.expr(e.args[0] as Expr, { k: "ref", mut: false, to: { k: "signer" } });
        this.expect(
          s,
          { k: "ref", mut: false, to: { k: "signer" } },
          (e.args[0] as Expr).pos,
          "`move_to` signer",
        );
        this.expect(this.expr(e.args[1] as Expr, ty), ty, (e.args[1] as Expr).pos, "`move_to` value");
        out = UNIT;
        break;
      }
      default:
        this.expect(
          this.expr(e.args[0] as Expr, ADDRESS),
          ADDRESS,
          (e.args[0] as Expr).pos,
          `\`${op}\` address`,
        );
        out =
          op === "exists"
            ? BOOL
            : op === "move_from"
              ? ty
              : { k: "ref", mut: op === "borrow_global_mut", to: ty };
    }
    this.calls.push({ res, pos: e.pos });
    const s = this.u.shallow(ty);
    if (s.k !== "struct") {
      this.error("cannot_infer", `\`${op}\` needs a resource type (write \`${op}<R>\`)`, e.pos);
      return out;
    }
    if (s.address !== this.c.scope.id.address || s.module !== this.c.scope.id.name) {
      this.error(
        "storage_visibility",
        `\`${op}<${formatTy(s)}>\` is only allowed in module \`${s.module}\``,
        e.pos,
      );
      return out;
    }
    this.need(s, "key", e.pos, `\`${op}\``);
    if (op !== "move_to" && op !== "exists") this.acquired.add(s.name);
    return out;
  }
}

/** Own-module resources a builtin list needs, exported for the acquires pass. */
export type { ModuleId };
