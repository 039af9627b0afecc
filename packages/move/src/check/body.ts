/**
 * Checks one function body (or constant): resolves every name, infers every type, and writes the results into
 * the tree (`ty`, slots, callees) for the interpreter. Every problem is a diagnostic at its position. The rules
 * for calls, operators, places, structs and patterns live in their own modules as functions over `ExprChecker`.
 */
import type { DiagnosticCode } from "../diagnostics.ts";
import type { BlockExpr, Expr, FunctionDecl, ModuleId, Pattern, SourcePos, Stmt } from "../syntax/ast.ts";
import { formatTy, INT_MAX, type IntKind, isIntKind, type Ty, UNIT } from "../types.ts";
import { checkCall } from "./calls.ts";
import { type FunSig, moduleKey } from "./env.ts";
import type { BodyContext, ExprChecker, PendingCall } from "./expr-checker.ts";
import { checkBinary, checkMacro } from "./operators.ts";
import { checkPattern } from "./patterns.ts";
import { checkAssign, checkBorrow, checkField } from "./places.ts";
import { ADDRESS, BOOL, NEVER, U8, U64 } from "./primitive-types.ts";
import { checkPack } from "./structs.ts";
import { isInt, Unifier } from "./unify.ts";

export type { BodyContext } from "./expr-checker.ts";

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

export class BodyChecker implements ExprChecker {
  readonly u = new Unifier();
  private readonly locals: Local[] = [];
  private readonly scopes: Map<string, number>[] = [new Map()];
  private readonly needs: AbilityNeed[] = [];
  private readonly annotated: { ty?: Ty }[] = [];
  private readonly calls: PendingCall[] = [];
  private readonly literals: { e: Expr & { kind: "number" } }[] = [];
  private readonly packs: { s: { struct?: Ty } }[] = [];
  private loopBreaks: boolean[] = [];
  private returnTy: Ty = UNIT;
  /** Own-module resources this body touches (for `acquires`). */
  readonly acquired = new Set<string>();

  constructor(readonly c: BodyContext) {}

  error(code: DiagnosticCode, message: string, pos: SourcePos): void {
    this.c.diags.push({ severity: "error", code, message, pos });
  }

  show(t: Ty): string {
    return formatTy(this.u.zonk(t));
  }

  need(ty: Ty, ability: string, pos: SourcePos, what: string): void {
    this.needs.push({ ty, ability, pos, what });
  }

  set<T extends { ty?: Ty }>(node: T, ty: Ty): Ty {
    node.ty = ty;
    this.annotated.push(node);
    return ty;
  }

  expect(actual: Ty, expected: Ty, pos: SourcePos, what: string): void {
    if (!this.u.coerce(actual, expected)) {
      this.error(
        "type_mismatch",
        `${what}: expected \`${this.show(expected)}\`, found \`${this.show(actual)}\``,
        pos,
      );
    }
  }

  declare(name: string, ty: Ty): number {
    this.locals.push({ name, ty });
    const slot = this.locals.length - 1;
    (this.scopes[this.scopes.length - 1] as Map<string, number>).set(name, slot);
    return slot;
  }

  lookup(name: string): number | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = (this.scopes[i] as Map<string, number>).get(name);
      if (s !== undefined) return s;
    }
    return undefined;
  }

  localTy(slot: number): Ty {
    return (this.locals[slot] as Local).ty;
  }

  recordCall(call: PendingCall): void {
    this.calls.push(call);
  }

  recordPack(node: { struct?: Ty }): void {
    this.packs.push({ s: node });
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

  typeParamNames(): string[] {
    return this.c.fn?.typeParams.map((p) => p.name) ?? [];
  }

  /** `let p = ...`: the pattern's variables are new locals. */
  private bind(p: Pattern, t: Ty): void {
    checkPattern(this, p, t, "let");
  }

  // ------------------------------------------------------------------------------------------- expressions

  expr(e: Expr, expected?: Ty): Ty {
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
        return checkCall(this, e);
      case "macro":
        return checkMacro(this, e);
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
        return checkPack(this, e);
      case "field": {
        const t = checkField(this, e, false);
        this.need(t, "copy", e.pos, "field read (copies the field)");
        return t;
      }
      case "borrow":
        return checkBorrow(this, e.expr, e.mutable, e.pos);
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
        return checkBinary(this, e);
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
        checkAssign(this, e.lhs, e.rhs);
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
}

/** Own-module resources a builtin list needs, exported for the acquires pass. */
export type { ModuleId };
