/** Patterns of `let` and of assignments: variables, `_`, tuples and struct unpacks. */
import type { Pattern } from "../syntax/ast.ts";
import { substTy, type Ty } from "../types.ts";
import type { ExprChecker } from "./expr-checker.ts";
import { resolveStruct } from "./structs.ts";

/**
 * A pattern of `let` (variables declare new locals) or of an assignment (variables name existing ones): both
 * destructure tuples and structs the same way, and both drop what `_` receives.
 */
export function checkPattern(ck: ExprChecker, p: Pattern, t: Ty, mode: "let" | "assign"): void {
  ck.set(p, t);
  switch (p.kind) {
    case "var": {
      if (mode === "let") {
        p.slot = ck.declare(p.name, t);
        return;
      }
      const slot = ck.lookup(p.name);
      if (slot === undefined) {
        ck.error("unbound", `assignment to undeclared variable \`${p.name}\``, p.pos);
        return;
      }
      p.slot = slot;
      ck.expect(t, ck.localTy(slot), p.pos, `assignment to \`${p.name}\``);
      return;
    }
    case "wildcard":
      ck.need(t, "drop", p.pos, mode === "let" ? "value bound to `_`" : "value assigned to `_`");
      return;
    case "tuple": {
      const items = p.items.map(() => ck.u.fresh());
      if (!ck.u.unify(t, { k: "tuple", items }))
        ck.error("type_mismatch", `expected a tuple of ${p.items.length}, found \`${ck.show(t)}\``, p.pos);
      p.items.forEach((q, i) => {
        checkPattern(ck, q, items[i] as Ty, mode);
      });
      return;
    }
    case "unpack": {
      const r = resolveStruct(ck, p.path, p.typeArgs, p.pos, true);
      if (!r) return;
      ck.expect(t, r.ty, p.pos, "unpack");
      p.struct = r.ty;
      ck.recordPack(p);
      for (const f of p.fields) {
        const decl = r.info.fields.find((x) => x.name === f.name);
        if (!decl) {
          ck.error("unknown_field", `\`${r.info.name}\` has no field \`${f.name}\``, f.pos);
          continue;
        }
        checkPattern(ck, f.pattern, substTy(decl.ty, r.args), mode);
      }
      for (const d of r.info.fields) {
        if (!p.fields.some((f) => f.name === d.name))
          ck.error("missing_field", `unpack of \`${r.info.name}\` misses field \`${d.name}\``, p.pos);
      }
      return;
    }
  }
}
