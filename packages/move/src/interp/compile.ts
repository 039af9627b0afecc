/**
 * The closure compiler: turns a checked function body into nested JS closures, once, at load time. Every
 * decision that depends only on the tree (integer width, whether a read must deep-copy, which callee, which
 * storage type string) is taken here, so the closures do the minimum at run time.
 */
import type { BinaryOp, BlockExpr, CallExpr, Expr, FieldExpr, LValue, Pattern, Stmt } from "../syntax/ast.ts";
import { formatTy, type IntKind, isIntKind, type Ty } from "../types.ts";
import { castTo, type IntOp, intOp } from "./arith.ts";
import { escapes } from "./escape.ts";
import { type Code, type Frame, SIG_BREAK, SIG_CONTINUE, SIG_RETURN, UNIT_VALUE } from "./frame.ts";
import type { CompiledFn, Linker } from "./link.ts";
import { NativeCall } from "./native-call.ts";
import { storageOp } from "./storage-ops.ts";
import { isScalar, shortAddress, typeArgsOf } from "./util.ts";
import { copyValue, MoveAbort, Ref, type StructValue, type Value, VmFailure, valueEquals } from "./values.ts";

/** A construct the interpreter cannot run (the checker should have refused it first). */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(`${where}: ${message}`);
  }
}

/** Thrown inside operand evaluation when an operand left through a control signal; caught by its node. */
const ESCAPE: unique symbol = Symbol("escape");

type Binder = (f: Frame, v: Value) => void;

/** Compiles the bodies (and constants) of one module. */
export class FnCompiler {
  constructor(
    private readonly linker: Linker,
    /** `0x…::module` (long address). */
    readonly moduleId: string,
    /** `module::function` for messages. */
    private readonly where: string,
    private readonly fnName = "",
  ) {}

  private err(msg: string, e: { pos: { file: string; line: number; col: number } }): CompileError {
    return new CompileError(msg, `${e.pos.file}:${e.pos.line}:${e.pos.col} (${this.where})`);
  }

  private tyOf(e: Expr): Ty {
    if (!e.ty) throw this.err(`unchecked expression (${e.kind}): run the checker first`, e);
    return e.ty;
  }

  private intKind(t: Ty, e: Expr): IntKind {
    const k = t.k === "ref" ? t.to.k : t.k;
    if (!isIntKind(k)) throw this.err(`expected an integer type, found ${formatTy(t)}`, e);
    return k;
  }

  /** Raises the abort of `code` in this module. */
  abort(code: bigint): MoveAbort {
    const d = this.linker.describeAbort(this.moduleId, code);
    return new MoveAbort(this.moduleId, code, d.name, d.doc, this.fnName);
  }

  // -------------------------------------------------------------------------------------------- expressions

  compile(e: Expr): Code {
    switch (e.kind) {
      case "number": {
        const v = e.value;
        return () => v;
      }
      case "bool": {
        const v = e.value;
        return () => v;
      }
      case "address": {
        const v = e.address;
        if (v === undefined) throw this.err("unresolved address literal", e);
        return () => v;
      }
      case "bytes": {
        const bytes = Array.from(e.value, (b) => BigInt(b));
        // A vector is a mutable value: every evaluation hands out its own array.
        return () => bytes.slice();
      }
      case "name":
        return this.compileName(e);
      case "move": {
        const s = e.slot;
        if (s === undefined) throw this.err(`unresolved local ${e.name}`, e);
        return (f) => f.l[s] as Value;
      }
      case "copy": {
        const s = e.slot;
        if (s === undefined) throw this.err(`unresolved local ${e.name}`, e);
        if (isScalar(e.ty)) return (f) => f.l[s] as Value;
        return (f) => copyValue(f.l[s] as Value);
      }
      case "block":
        return this.compileBlock(e);
      case "if":
        return this.compileIf(e.cond, e.then, e.else);
      case "while":
        return this.compileLoop(e.cond, e.body, e.label);
      case "loop":
        return this.compileLoop(undefined, e.body, e.label);
      case "return":
        return this.compileReturn(e.value);
      case "break":
      case "continue": {
        const sig = e.kind === "break" ? SIG_BREAK : SIG_CONTINUE;
        const label = e.label;
        return (f) => {
          f.sig = sig;
          f.label = label;
          return UNIT_VALUE;
        };
      }
      default:
        return this.plain(e);
    }
  }

  /**
   * Nodes that evaluate operands and then act. When an operand may leave through a control signal, each operand
   * is followed by a check that abandons the node (so nothing after it runs, e.g. no call happens).
   */
  private plain(e: Expr): Code {
    if (!escapes(e)) return this.compilePlain(e, (c) => this.compile(c));
    const inner = this.compilePlain(e, (c) => {
      const k = this.compile(c);
      return (f) => {
        const v = k(f);
        if (f.sig !== 0) throw ESCAPE;
        return v;
      };
    });
    return (f) => {
      try {
        return inner(f);
      } catch (x) {
        if (x === ESCAPE) return UNIT_VALUE;
        throw x;
      }
    };
  }

  private compilePlain(e: Expr, sub: (c: Expr) => Code): Code {
    switch (e.kind) {
      case "call":
        return this.compileCall(e, sub);
      case "macro":
        return this.compileMacro(e.name, e.args, sub, e);
      case "vector": {
        const items = e.items.map(sub);
        const n = items.length;
        return (f) => {
          const out: Value[] = new Array(n);
          for (let i = 0; i < n; i++) out[i] = (items[i] as Code)(f);
          return out;
        };
      }
      case "tuple": {
        if (e.items.length === 0) return () => UNIT_VALUE;
        const items = e.items.map(sub);
        return (f) => items.map((c) => c(f));
      }
      case "pack":
        return this.compilePack(e, sub);
      case "field":
        return this.compileFieldRead(e, sub);
      case "borrow":
        return this.compileBorrow(e.expr, sub);
      case "deref": {
        const r = sub(e.expr);
        if (isScalar(e.ty)) return (f) => (r(f) as Ref).get();
        return (f) => copyValue((r(f) as Ref).get());
      }
      case "unary": {
        const x = sub(e.expr);
        return (f) => !x(f);
      }
      case "binary":
        return this.compileBinary(e.op, e.left, e.right, sub, e);
      case "cast": {
        const to = this.tyOf(e);
        const kind = this.intKind(to, e);
        const from = this.intKind(this.tyOf(e.expr), e);
        const x = sub(e.expr);
        const widths = ["u8", "u16", "u32", "u64", "u128", "u256"];
        if (widths.indexOf(from) <= widths.indexOf(kind)) return x;
        const cast = castTo(kind, this.moduleId);
        return (f) => cast(x(f) as bigint);
      }
      case "abort": {
        const code = sub(e.code);
        return (f) => {
          throw this.abort(code(f) as bigint);
        };
      }
      case "assign":
        return this.compileAssign(e.lhs, e.rhs, sub);
      case "compound_assign":
        return this.compileCompound(e.op, e.lhs, e.rhs, sub, e);
      default:
        throw this.err(`${e.kind} expressions are not supported by the interpreter`, e);
    }
  }

  private compileName(e: Expr & { kind: "name" }): Code {
    const res = e.res;
    if (!res) throw this.err(`unresolved name ${e.path.segments.join("::")}`, e);
    if (res.kind === "local") {
      const s = res.slot;
      // Reading a local by value copies it; a struct or vector copy must not alias the original.
      if (isScalar(e.ty)) return (f) => f.l[s] as Value;
      return (f) => copyValue(f.l[s] as Value);
    }
    const mod = `${res.module.address}::${res.module.name}`;
    const v = this.linker.constant(mod, res.name);
    if (typeof v !== "object") return () => v;
    return () => copyValue(v);
  }

  private compileBlock(e: BlockExpr): Code {
    const stmts = e.stmts.map((s) => this.compileStmt(s));
    const result = e.result ? this.compile(e.result) : undefined;
    const n = stmts.length;
    if (n === 0) return result ?? (() => UNIT_VALUE);
    if (n === 1 && result) {
      const s0 = stmts[0] as (f: Frame) => void;
      return (f) => {
        s0(f);
        if (f.sig !== 0) return UNIT_VALUE;
        return result(f);
      };
    }
    return (f) => {
      for (let i = 0; i < n; i++) {
        (stmts[i] as (f: Frame) => void)(f);
        if (f.sig !== 0) return UNIT_VALUE;
      }
      return result ? result(f) : UNIT_VALUE;
    };
  }

  private compileStmt(s: Stmt): (f: Frame) => void {
    if (s.kind === "expr") return this.compile(s.expr);
    const init = s.init;
    if (!init) return () => {};
    const bind = this.compileBinder(s.pattern);
    const value = this.compile(init);
    if (s.pattern.kind === "var") {
      const slot = s.pattern.slot;
      if (slot === undefined) throw this.err(`unresolved local ${s.pattern.name}`, s.pattern);
      if (!escapes(init)) {
        return (f) => {
          f.l[slot] = value(f);
        };
      }
    }
    return (f) => {
      const v = value(f);
      if (f.sig !== 0) return;
      bind(f, v);
    };
  }

  private compileIf(cond: Expr, then: Expr, els: Expr | undefined): Code {
    const c = this.compile(cond);
    const t = this.compile(then);
    const o = els ? this.compile(els) : undefined;
    if (escapes(cond)) {
      return (f) => {
        const b = c(f);
        if (f.sig !== 0) return UNIT_VALUE;
        return b ? t(f) : o ? o(f) : UNIT_VALUE;
      };
    }
    if (o) return (f) => (c(f) ? t(f) : o(f));
    return (f) => (c(f) ? t(f) : UNIT_VALUE);
  }

  private compileLoop(cond: Expr | undefined, body: Expr, label: string | undefined): Code {
    const c = cond ? this.compile(cond) : undefined;
    const b = this.compile(body);
    // A signal ends this loop when it names no label or this loop's label; otherwise it travels outward.
    return (f) => {
      const run = f.run;
      for (;;) {
        run.tick();
        if (c) {
          const go = c(f);
          if (f.sig !== 0) return UNIT_VALUE;
          if (!go) return UNIT_VALUE;
        }
        b(f);
        const sig = f.sig;
        if (sig !== 0) {
          if (sig === SIG_RETURN || (f.label !== undefined && f.label !== label)) return UNIT_VALUE;
          f.sig = 0;
          f.label = undefined;
          if (sig === SIG_BREAK) return UNIT_VALUE;
        }
      }
    };
  }

  private compileReturn(value: Expr | undefined): Code {
    if (!value) {
      return (f) => {
        f.ret = UNIT_VALUE;
        f.sig = SIG_RETURN;
        return UNIT_VALUE;
      };
    }
    const v = this.compile(value);
    return (f) => {
      const r = v(f);
      if (f.sig !== 0) return UNIT_VALUE;
      f.ret = r;
      f.sig = SIG_RETURN;
      return UNIT_VALUE;
    };
  }

  private compileMacro(name: string, args: Expr[], sub: (c: Expr) => Code, e: Expr): Code {
    if (name !== "assert" || args.length !== 2) {
      throw this.err(`${name}!(${args.length} arguments) is not supported by the interpreter`, e);
    }
    const cond = sub(args[0] as Expr);
    const code = sub(args[1] as Expr);
    return (f) => {
      if (!cond(f)) throw this.abort(code(f) as bigint);
      return UNIT_VALUE;
    };
  }

  private compilePack(e: Expr & { kind: "pack" }, sub: (c: Expr) => Code): Code {
    const st = e.struct;
    const order = e.order;
    if (st?.k !== "struct" || !order) throw this.err("unchecked struct pack", e);
    const values = e.fields.map((x) => sub(x.value));
    const names = order.map((i) => (e.fields[i] as { name: string }).name);
    const n = values.length;
    const inOrder = order.every((i, k) => i === k);
    if (inOrder) {
      return (f) => {
        const o: StructValue = {};
        for (let i = 0; i < n; i++) o[names[i] as string] = (values[i] as Code)(f);
        return o;
      };
    }
    // Field values run in source order; the object keys follow the declaration order.
    return (f) => {
      const vs: Value[] = new Array(n);
      for (let i = 0; i < n; i++) vs[i] = (values[i] as Code)(f);
      const o: StructValue = {};
      for (let k = 0; k < n; k++) o[names[k] as string] = vs[order[k] as number] as Value;
      return o;
    };
  }

  /**
   * The object (struct or vector) an expression denotes, without copying it: the target of a field access or a
   * borrow. A reference yields what it points to; a local yields its slot's value; anything else is a temporary.
   */
  private compilePlace(e: Expr, sub: (c: Expr) => Code): Code {
    if (e.ty?.k === "ref") {
      const r = sub(e);
      return (f) => (r(f) as Ref).get();
    }
    if (e.kind === "name" && e.res?.kind === "local") {
      const s = e.res.slot;
      return (f) => f.l[s] as Value;
    }
    if (e.kind === "field") {
      const base = this.compilePlace(e.base, sub);
      const name = e.name;
      return (f) => (base(f) as StructValue)[name] as Value;
    }
    if (e.kind === "deref") {
      const r = sub(e.expr);
      return (f) => (r(f) as Ref).get();
    }
    return sub(e);
  }

  private compileFieldRead(e: FieldExpr, sub: (c: Expr) => Code): Code {
    const base = this.compilePlace(e.base, sub);
    const name = e.name;
    if (isScalar(e.ty)) return (f) => (base(f) as StructValue)[name] as Value;
    return (f) => copyValue((base(f) as StructValue)[name] as Value);
  }

  private compileBorrow(target: Expr, sub: (c: Expr) => Code): Code {
    if (target.kind === "name" && target.res?.kind === "local") {
      const s = target.res.slot;
      // `&r` of a reference local is the reference itself (Move has no reference to reference).
      if (target.ty?.k === "ref") return (f) => f.l[s] as Value;
      return (f) => new Ref(f.l, s);
    }
    if (target.kind === "field") {
      const base = this.compilePlace(target.base, sub);
      const name = target.name;
      return (f) => new Ref(base(f) as StructValue, name);
    }
    if (target.kind === "deref") return sub(target.expr);
    if (target.ty?.k === "ref") return sub(target);
    const v = sub(target);
    return (f) => new Ref([v(f)], 0);
  }

  private compileBinary(op: BinaryOp, left: Expr, right: Expr, sub: (c: Expr) => Code, e: Expr): Code {
    const l = sub(left);
    const r = sub(right);
    switch (op) {
      case "&&":
        return (f) => (l(f) as boolean) && (r(f) as boolean);
      case "||":
        return (f) => (l(f) as boolean) || (r(f) as boolean);
      case "==":
      case "!=": {
        const lt = this.tyOf(left);
        const neg = op === "!=";
        if (isScalar(lt) && lt.k !== "ref") return neg ? (f) => l(f) !== r(f) : (f) => l(f) === r(f);
        if (lt.k === "ref") {
          return (f) => {
            const a = (l(f) as Ref).get();
            const b = (r(f) as Ref).get();
            return valueEquals(a, b) !== neg;
          };
        }
        return (f) => valueEquals(l(f), r(f)) !== neg;
      }
      case "<":
        return (f) => (l(f) as bigint) < (r(f) as bigint);
      case ">":
        return (f) => (l(f) as bigint) > (r(f) as bigint);
      case "<=":
        return (f) => (l(f) as bigint) <= (r(f) as bigint);
      case ">=":
        return (f) => (l(f) as bigint) >= (r(f) as bigint);
      default: {
        const kind = this.intKind(this.tyOf(left), e);
        const fn = intOp(op as IntOp, kind, this.moduleId);
        return (f) => fn(l(f) as bigint, r(f) as bigint);
      }
    }
  }

  private compileCall(e: CallExpr, sub: (c: Expr) => Code): Code {
    const res = e.res;
    if (!res) throw this.err(`unresolved call ${e.path.segments.join("::")}`, e);
    const args = e.args.map(sub);
    const n = args.length;
    if (res.kind === "builtin") return storageOp(res.op, res.typeArgs, args, this.moduleId);
    const tys = typeArgsOf(res.typeArgs);
    const id = `${res.module.address}::${res.module.name}::${res.name}`;
    const fn = this.linker.fn(id);
    if (fn && !fn.decl.isNative) return callCompiled(fn, args, tys);
    const key = `${shortAddress(res.module.address)}::${res.module.name}::${res.name}`;
    const native = this.linker.native(key);
    if (!native) {
      this.linker.missing({
        fn: key,
        calledFrom: this.where.split("::").slice(0, -1).join("::") || this.where,
      });
      return () => {
        throw new VmFailure("MISSING_DEPENDENCY", `no native for ${key}`, this.moduleId);
      };
    }
    const returns = e.ty?.k === "tuple" ? e.ty.items.length : 1;
    return new NativeCall(native, args, n, tys, returns, this.moduleId).code;
  }

  private compileAssign(lhs: LValue, rhs: Expr, sub: (c: Expr) => Code): Code {
    const v = sub(rhs);
    if (lhs.kind === "place") {
      const target = lhs.expr;
      if (target.kind === "deref") {
        const r = sub(target.expr);
        // Move evaluates the right side first, then the reference it writes through.
        return (f) => {
          const x = v(f);
          (r(f) as Ref).set(x);
          return UNIT_VALUE;
        };
      }
      const base = this.compilePlace(target.base, sub);
      const name = target.name;
      return (f) => {
        const x = v(f);
        (base(f) as StructValue)[name] = x;
        return UNIT_VALUE;
      };
    }
    if (lhs.kind === "var") {
      const s = lhs.slot;
      if (s === undefined) throw this.err(`unresolved local ${lhs.name}`, lhs);
      return (f) => {
        f.l[s] = v(f);
        return UNIT_VALUE;
      };
    }
    const bind = this.compileBinder(lhs);
    return (f) => {
      bind(f, v(f));
      return UNIT_VALUE;
    };
  }

  private compileCompound(op: BinaryOp, lhs: Expr, rhs: Expr, sub: (c: Expr) => Code, e: Expr): Code {
    const kind = this.intKind(this.tyOf(lhs), e);
    const fn = intOp(op as IntOp, kind, this.moduleId);
    const v = sub(rhs);
    if (lhs.kind === "name" && lhs.res?.kind === "local") {
      const s = lhs.res.slot;
      return (f) => {
        const x = v(f) as bigint;
        f.l[s] = fn(f.l[s] as bigint, x);
        return UNIT_VALUE;
      };
    }
    if (lhs.kind === "deref") {
      const r = sub(lhs.expr);
      return (f) => {
        const x = v(f) as bigint;
        const ref = r(f) as Ref;
        ref.set(fn(ref.get() as bigint, x));
        return UNIT_VALUE;
      };
    }
    if (lhs.kind === "field") {
      const base = this.compilePlace(lhs.base, sub);
      const name = lhs.name;
      return (f) => {
        const x = v(f) as bigint;
        const o = base(f) as StructValue;
        o[name] = fn(o[name] as bigint, x);
        return UNIT_VALUE;
      };
    }
    throw this.err(`unsupported target of ${op}=`, e);
  }

  // -------------------------------------------------------------------------------------------- patterns

  compileBinder(p: Pattern): Binder {
    switch (p.kind) {
      case "var": {
        const s = p.slot;
        if (s === undefined) throw this.err(`unresolved local ${p.name}`, p);
        return (f, v) => {
          f.l[s] = v;
        };
      }
      case "wildcard":
        return () => {};
      case "tuple": {
        const items = p.items.map((q) => this.compileBinder(q));
        return (f, v) => {
          const a = v as Value[];
          for (let i = 0; i < items.length; i++) (items[i] as Binder)(f, a[i] as Value);
        };
      }
      case "unpack": {
        const fields = p.fields.map((x) => ({ name: x.name, bind: this.compileBinder(x.pattern) }));
        // Unpacking through a reference binds references to the fields.
        if (p.ty?.k === "ref") {
          return (f, v) => {
            const o = (v as Ref).get() as StructValue;
            for (const x of fields) x.bind(f, new Ref(o, x.name));
          };
        }
        return (f, v) => {
          const o = v as StructValue;
          for (const x of fields) x.bind(f, o[x.name] as Value);
        };
      }
    }
  }
}

/** A call into a package function: arguments go straight into the callee's fresh locals. */
function callCompiled(fn: CompiledFn, args: Code[], tys: (f: Frame) => readonly Ty[]): Code {
  const n = args.length;
  const size = fn.frameSize;
  if (n === 0) return (f) => fn.invoke(new Array(size), tys(f), f.run);
  if (n === 1) {
    const a0 = args[0] as Code;
    return (f) => {
      const l: Value[] = new Array(size);
      l[0] = a0(f);
      return fn.invoke(l, tys(f), f.run);
    };
  }
  return (f) => {
    const l: Value[] = new Array(size);
    for (let i = 0; i < n; i++) l[i] = (args[i] as Code)(f);
    return fn.invoke(l, tys(f), f.run);
  };
}
