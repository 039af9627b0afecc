/**
 * The global-storage builtins (`move_to`, `move_from`, `borrow_global`, `borrow_global_mut`, `exists`) and
 * `freeze`, compiled per call site with the resource type string fixed when it has no type parameter.
 */
import type { BuiltinOp } from "../syntax/ast.ts";
import type { Ty } from "../types.ts";
import { type Code, UNIT_VALUE } from "./frame.ts";
import { signerAddress, typeString } from "./util.ts";
import { GlobalRef, type StructValue, type Value, VmFailure } from "./values.ts";

export function storageOp(op: BuiltinOp, typeArgs: readonly Ty[], args: Code[], moduleId: string): Code {
  const a0 = args[0] as Code;
  if (op === "freeze") return a0;
  const t = typeArgs[0];
  if (!t) throw new VmFailure("MISSING_DEPENDENCY", `${op} without a type argument`, moduleId);
  const type = typeString(t);
  const missing = (addr: string, ty: string) =>
    new VmFailure("RESOURCE_DOES_NOT_EXIST", `${ty} at ${addr}`, moduleId);
  switch (op) {
    case "move_to": {
      const a1 = args[1] as Code;
      return (f) => {
        const addr = signerAddress(a0(f));
        const v = a1(f);
        const ty = type(f);
        const st = f.run.env.storage;
        if (st.exists(addr, ty)) throw new VmFailure("RESOURCE_ALREADY_EXISTS", `${ty} at ${addr}`, moduleId);
        st.moveTo(addr, ty, v);
        return UNIT_VALUE;
      };
    }
    case "move_from":
      return (f) => {
        const addr = a0(f) as string;
        const ty = type(f);
        const st = f.run.env.storage;
        if (!st.exists(addr, ty)) throw missing(addr, ty);
        return st.moveFrom<Value>(addr, ty);
      };
    case "borrow_global":
      return (f) => {
        const addr = a0(f) as string;
        const ty = type(f);
        const st = f.run.env.storage;
        if (st.tryBorrow) {
          // one storage lookup instead of exists + borrow
          const v = st.tryBorrow<StructValue>(addr, ty);
          if (v === undefined) throw missing(addr, ty);
          return new GlobalRef(v as StructValue);
        }
        if (!st.exists(addr, ty)) throw missing(addr, ty);
        return new GlobalRef(st.borrow<StructValue>(addr, ty) as StructValue);
      };
    case "borrow_global_mut":
      return (f) => {
        const addr = a0(f) as string;
        const ty = type(f);
        const st = f.run.env.storage;
        if (st.tryBorrowMut) {
          const v = st.tryBorrowMut<StructValue>(addr, ty);
          if (v === undefined) throw missing(addr, ty);
          return new GlobalRef(v);
        }
        if (!st.exists(addr, ty)) throw missing(addr, ty);
        return new GlobalRef(st.borrowMut<StructValue>(addr, ty));
      };
    case "exists":
      return (f) => f.run.env.storage.exists(a0(f) as string, type(f));
  }
}
