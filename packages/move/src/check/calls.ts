/**
 * Calls: resolving the callee, its visibility from the calling module, type and value arguments, and the
 * global-storage builtins (`move_to`, `borrow_global`, ...), which only the resource's own module may use.
 */
import type { BuiltinOp, CallExpr, Expr, SourcePos } from "../syntax/ast.ts";
import { formatTy, substTy, type Ty, UNIT } from "../types.ts";
import { type FunSig, moduleKey } from "./env.ts";
import type { ExprChecker } from "./expr-checker.ts";
import { ADDRESS, BOOL } from "./primitive-types.ts";

const BUILTINS = new Set<BuiltinOp>([
  "move_to",
  "move_from",
  "borrow_global",
  "borrow_global_mut",
  "exists",
  "freeze",
]);

export function checkCall(ck: ExprChecker, e: CallExpr): Ty {
  const segs = e.path.segments;
  const single = segs[0] as string;
  if (segs.length === 1 && BUILTINS.has(single as BuiltinOp) && !ck.c.scope.hasOwnFun(single)) {
    return checkBuiltin(ck, e, single as BuiltinOp);
  }
  const m = ck.c.scope.member(e.path, (n) => ck.c.scope.hasOwnFun(n));
  const sig = m && ck.c.env.fun(m.module, m.name);
  if (!m || !sig) {
    const where = m ? `\`${m.module.name}\`` : "scope";
    const known = m && ck.c.env.hasModule(m.module);
    ck.error(
      "unknown_function",
      m && known
        ? `module ${where} has no function \`${m.name}\` (checked against ${m.module.address === ck.c.env.framework.address ? "the framework's on-chain ABI" : "the package"})`
        : `unknown function \`${segs.join("::")}\``,
      e.pos,
    );
    for (const a of e.args) ck.expr(a);
    return ck.u.fresh();
  }
  checkVisibility(ck, sig, e.pos);
  let typeArgs: Ty[];
  if (e.typeArgs) {
    typeArgs = e.typeArgs.map((a) => ck.c.scope.type(a, ck.typeParamNames()) ?? ck.u.fresh());
    if (typeArgs.length !== sig.typeParams.length) {
      ck.error(
        "type_arity",
        `\`${sig.module.name}::${sig.name}\` expects ${sig.typeParams.length} type argument(s), got ${typeArgs.length}`,
        e.pos,
      );
      typeArgs = sig.typeParams.map((_, i) => typeArgs[i] ?? ck.u.fresh());
    }
  } else typeArgs = sig.typeParams.map(() => ck.u.fresh());
  const res: NonNullable<CallExpr["res"]> = {
    kind: "function",
    module: sig.module,
    name: sig.name,
    typeArgs,
  };
  e.res = res;
  ck.recordCall({ res, sig, pos: e.pos });
  if (e.args.length !== sig.params.length) {
    ck.error(
      "arity",
      `\`${sig.module.name}::${sig.name}\` takes ${sig.params.length} argument(s), got ${e.args.length}`,
      e.pos,
    );
  }
  e.args.forEach((a, i) => {
    const p = sig.params[i];
    if (!p) {
      ck.expr(a);
      return;
    }
    const pt = substTy(p, typeArgs);
    ck.expect(ck.expr(a, pt), pt, a.pos, `argument ${i + 1} of \`${sig.module.name}::${sig.name}\``);
  });
  if (!sig.framework && moduleKey(sig.module) === moduleKey(ck.c.scope.id)) {
    for (const r of ck.c.acquiresOf(sig.name)) ck.acquired.add(r);
  }
  const rets = sig.returns.map((r) => substTy(r, typeArgs));
  return rets.length === 1 ? (rets[0] as Ty) : { k: "tuple", items: rets };
}

export function checkVisibility(ck: ExprChecker, sig: FunSig, pos: SourcePos): void {
  const here = ck.c.scope.id;
  const same = moduleKey(sig.module) === moduleKey(here);
  const name = `${sig.module.name}::${sig.name}`;
  if (sig.testOnly && !ck.c.testOnly)
    ck.error("test_only", `\`${name}\` is test-only and cannot be called from non-test code`, pos);
  if (same) return;
  switch (sig.visibility) {
    case "public":
      return;
    case "private":
      ck.error("visibility", `\`${name}\` is private to module \`${sig.module.name}\``, pos);
      return;
    case "package":
      if (sig.framework || sig.module.address !== here.address)
        ck.error(
          "visibility",
          `\`${name}\` is public(package) and cannot be called from outside its package`,
          pos,
        );
      return;
    case "friend": {
      if (sig.framework) {
        ck.error(
          "visibility",
          `\`${name}\` is public(friend)/public(package) in the framework and cannot be called from \`${here.name}\``,
          pos,
        );
        return;
      }
      const callee = ck.c.env.modules.get(moduleKey(sig.module));
      const friends = callee?.friends ?? [];
      const ok = friends.some((f) => f.segments[f.segments.length - 1] === here.name);
      if (!ok)
        ck.error("visibility", `\`${name}\` is public(friend) and \`${here.name}\` is not a friend`, pos);
      return;
    }
  }
}

export function checkBuiltin(ck: ExprChecker, e: CallExpr, op: BuiltinOp): Ty {
  let t: Ty | undefined;
  if (e.typeArgs) {
    if (e.typeArgs.length !== 1) ck.error("type_arity", `\`${op}\` takes exactly one type argument`, e.pos);
    t = e.typeArgs[0] && ck.c.scope.type(e.typeArgs[0], ck.typeParamNames());
  }
  const ty = t ?? ck.u.fresh();
  const res: NonNullable<CallExpr["res"]> = { kind: "builtin", op, typeArgs: [ty] };
  e.res = res;
  const arity = op === "move_to" ? 2 : 1;
  if (e.args.length !== arity) {
    ck.error("arity", `\`${op}\` takes ${arity} argument(s), got ${e.args.length}`, e.pos);
    for (const a of e.args) ck.expr(a);
    return ck.u.fresh();
  }
  let out: Ty;
  switch (op) {
    case "freeze": {
      const a = ck.u.shallow(ck.expr(e.args[0] as Expr));
      if (a.k !== "ref" || !a.mut) {
        ck.error("type_mismatch", "`freeze` needs a `&mut` reference", e.pos);
        return ck.u.fresh();
      }
      ck.u.unify(ty, a.to);
      ck.recordCall({ res, pos: e.pos });
      return { k: "ref", mut: false, to: a.to };
    }
    case "move_to": {
      const s = ck.expr(e.args[0] as Expr, { k: "ref", mut: false, to: { k: "signer" } });
      ck.expect(
        s,
        { k: "ref", mut: false, to: { k: "signer" } },
        (e.args[0] as Expr).pos,
        "`move_to` signer",
      );
      ck.expect(ck.expr(e.args[1] as Expr, ty), ty, (e.args[1] as Expr).pos, "`move_to` value");
      out = UNIT;
      break;
    }
    default:
      ck.expect(ck.expr(e.args[0] as Expr, ADDRESS), ADDRESS, (e.args[0] as Expr).pos, `\`${op}\` address`);
      out =
        op === "exists"
          ? BOOL
          : op === "move_from"
            ? ty
            : { k: "ref", mut: op === "borrow_global_mut", to: ty };
  }
  ck.recordCall({ res, pos: e.pos });
  const s = ck.u.shallow(ty);
  if (s.k !== "struct") {
    ck.error("cannot_infer", `\`${op}\` needs a resource type (write \`${op}<R>\`)`, e.pos);
    return out;
  }
  if (s.address !== ck.c.scope.id.address || s.module !== ck.c.scope.id.name) {
    ck.error(
      "storage_visibility",
      `\`${op}<${formatTy(s)}>\` is only allowed in module \`${s.module}\``,
      e.pos,
    );
    return out;
  }
  ck.need(s, "key", e.pos, `\`${op}\``);
  if (op !== "move_to" && op !== "exists") ck.acquired.add(s.name);
  return out;
}
