/**
 * Between the node's value conventions (runtime/port.ts: `vector<u8>` as Uint8Array, `Object<T>` as an address,
 * `String` as a JS string) and the interpreter's Move values (`@kofi/move`: `vector<u8>` as an array of bigint,
 * `Object<T>` as `{ inner }`, `String` as `{ bytes }`), directed by the Move type.
 */
import { formatTy, type Ty, type Value } from "@kofi/move";

/** Field types of a struct type (type arguments substituted), or undefined for an unknown struct. */
export type FieldsOf = (t: Extract<Ty, { k: "struct" }>) => readonly { name: string; ty: Ty }[] | undefined;

const FRAMEWORK = "0x0000000000000000000000000000000000000000000000000000000000000001";
const isStd = (t: Extract<Ty, { k: "struct" }>, module: string, name: string) =>
  t.address === FRAMEWORK && t.module === module && t.name === name;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A node value (decoded entry-function or view argument) as the Move value of type `t`. */
export function toMove(t: Ty, v: unknown, fields: FieldsOf): Value {
  switch (t.k) {
    case "vector":
      if (t.elem.k === "u8" && v instanceof Uint8Array) return Array.from(v, (b) => BigInt(b));
      return (v as unknown[]).map((x) => toMove(t.elem, x, fields));
    case "struct": {
      if (isStd(t, "object", "Object"))
        return { inner: typeof v === "string" ? v : (v as { inner: string }).inner };
      if (isStd(t, "string", "String"))
        return { bytes: Array.from(utf8.encode(typeof v === "string" ? v : String(v)), (b) => BigInt(b)) };
      if (isStd(t, "option", "Option")) {
        const inner = t.args[0] as Ty;
        return { vec: ((v as { vec: unknown[] }).vec ?? []).map((x) => toMove(inner, x, fields)) };
      }
      const fs = fields(t);
      if (!fs) throw new Error(`no layout for ${formatTy(t)}`);
      const out: Record<string, Value> = {};
      for (const f of fs) out[f.name] = toMove(f.ty, (v as Record<string, unknown>)[f.name], fields);
      return out;
    }
    default:
      return v as Value;
  }
}

/** A Move value of type `t` as the node's value (view results, events). */
export function fromMove(t: Ty, v: Value, fields: FieldsOf): unknown {
  switch (t.k) {
    case "vector":
      if (t.elem.k === "u8") return Uint8Array.from(v as bigint[], (b) => Number(b));
      return (v as Value[]).map((x) => fromMove(t.elem, x, fields));
    case "ref":
      return fromMove(t.to, v, fields);
    case "struct": {
      if (isStd(t, "object", "Object")) return (v as { inner: string }).inner;
      if (isStd(t, "string", "String"))
        return fromUtf8.decode(Uint8Array.from((v as { bytes: bigint[] }).bytes, (b) => Number(b)));
      if (isStd(t, "option", "Option")) {
        const inner = t.args[0] as Ty;
        return { vec: (v as { vec: Value[] }).vec.map((x) => fromMove(inner, x, fields)) };
      }
      const fs = fields(t);
      if (!fs) return v;
      const out: Record<string, unknown> = {};
      for (const f of fs) out[f.name] = fromMove(f.ty, (v as Record<string, Value>)[f.name] as Value, fields);
      return out;
    }
    default:
      return v;
  }
}
