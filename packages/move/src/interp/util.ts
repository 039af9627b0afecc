/** Run-time helpers shared by the closure compiler, the storage builtins and the natives. */

import { formatTy, isIntKind, substTy, type Ty } from "../types.ts";
import type { Frame } from "./frame.ts";
import { Ref, SignerValue, type Value, VmFailure } from "./values.ts";

/** Types whose values are immutable in JS (bigint, boolean, string, SignerValue) or a `Ref`: never deep-copied. */
export function isScalar(t: Ty | undefined): boolean {
  if (!t) return false;
  return t.k === "bool" || t.k === "address" || t.k === "signer" || t.k === "ref" || isIntKind(t.k);
}

function hasParam(t: Ty): boolean {
  switch (t.k) {
    case "param":
      return true;
    case "vector":
      return hasParam(t.elem);
    case "struct":
      return t.args.some(hasParam);
    case "ref":
      return hasParam(t.to);
    case "tuple":
      return t.items.some(hasParam);
    default:
      return false;
  }
}

/** The type string of `t` for an activation: precomputed when `t` has no type parameter. */
export function typeString(t: Ty): (f: Frame) => string {
  if (!hasParam(t)) {
    const s = formatTy(t);
    return () => s;
  }
  return (f) => formatTy(substTy(t, f.tys));
}

export function typeArgsOf(ts: readonly Ty[]): (f: Frame) => readonly Ty[] {
  if (!ts.some(hasParam)) return () => ts;
  return (f) => ts.map((t) => substTy(t, f.tys));
}

/** `0x1` for the special addresses 0x0..0xf, the long form otherwise (the native table's key form). */
export function shortAddress(long: string): string {
  const hex = long.replace(/^0x/, "").replace(/^0+/, "");
  return hex.length <= 1 ? `0x${hex || "0"}` : long;
}

/** The signer a `&signer` or `signer` argument carries. */
export function signerAddress(v: Value): string {
  const s = v instanceof Ref ? v.get() : v;
  if (!(s instanceof SignerValue)) throw new VmFailure("MISSING_DEPENDENCY", "expected a signer");
  return s.address;
}
