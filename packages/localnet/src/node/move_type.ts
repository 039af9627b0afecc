import { bytesToHex, isNormalizedAddress, normalizeAddress } from "../runtime/address.ts";
import type { Address } from "../runtime/port.ts";

/** A parsed Move type as the ABI prints it. */
export type MoveType =
  | { k: "bool" | "u8" | "u16" | "u32" | "u64" | "u128" | "u256" | "address" | "signer" }
  | { k: "vector"; item: MoveType }
  | { k: "struct"; address: Address; module: string; name: string; args: MoveType[] }
  | { k: "param"; index: number }
  | { k: "ref"; inner: MoveType };

const PRIMS = new Set(["bool", "u8", "u16", "u32", "u64", "u128", "u256", "address", "signer"]);

export class TypeParseError extends Error {}

/** Parse `vector<0x1::option::Option<u64>>`, `&signer`, `T0`, `0x1::object::Object<T0>`... */
export function parseMoveType(src: string): MoveType {
  let i = 0;
  const s = src.replace(/\s+/g, "");
  function ident(): string {
    const m = /^[A-Za-z0-9_]+/.exec(s.slice(i));
    if (!m) throw new TypeParseError(`bad type: ${src}`);
    i += m[0].length;
    return m[0];
  }
  function ty(): MoveType {
    if (s.startsWith("&mut", i)) {
      i += 4;
      return { k: "ref", inner: ty() };
    }
    if (s[i] === "&") {
      i += 1;
      return { k: "ref", inner: ty() };
    }
    const first = ident();
    if (PRIMS.has(first)) return { k: first } as MoveType;
    if (first === "vector") {
      expect("<");
      const item = ty();
      expect(">");
      return { k: "vector", item };
    }
    if (/^T\d+$/.test(first) && !s.startsWith("::", i)) return { k: "param", index: Number(first.slice(1)) };
    expect("::");
    const module = ident();
    expect("::");
    const name = ident();
    const args: MoveType[] = [];
    if (s[i] === "<") {
      i += 1;
      for (;;) {
        args.push(ty());
        if (s[i] === ",") {
          i += 1;
          continue;
        }
        expect(">");
        break;
      }
    }
    let address: Address;
    try {
      address = normalizeAddress(first);
    } catch {
      throw new TypeParseError(`bad address in type: ${src}`);
    }
    return { k: "struct", address, module, name, args };
  }
  function expect(t: string): void {
    if (!s.startsWith(t, i)) throw new TypeParseError(`bad type: ${src}`);
    i += t.length;
  }
  const t = ty();
  if (i !== s.length) throw new TypeParseError(`bad type: ${src}`);
  return t;
}

/** Print a type the way the node does (`0x1::...` short for special addresses, long otherwise). */
export function formatMoveType(t: MoveType): string {
  switch (t.k) {
    case "vector":
      return `vector<${formatMoveType(t.item)}>`;
    case "struct":
      return `${displayAddress(t.address)}::${t.module}::${t.name}${t.args.length ? `<${t.args.map(formatMoveType).join(", ")}>` : ""}`;
    case "param":
      return `T${t.index}`;
    case "ref":
      return `&${formatMoveType(t.inner)}`;
    default:
      return t.k;
  }
}

/** AIP-40: special addresses (0x0..0xf) short, everything else long. */
export function displayAddress(a: Address): string {
  if (/^0x0{63}[0-9a-f]$/.test(a)) return `0x${a[65]}`;
  return a;
}

export function substitute(t: MoveType, targs: readonly MoveType[]): MoveType {
  switch (t.k) {
    case "param": {
      const r = targs[t.index];
      if (!r) throw new TypeParseError(`missing type argument T${t.index}`);
      return r;
    }
    case "vector":
      return { k: "vector", item: substitute(t.item, targs) };
    case "struct":
      return { ...t, args: t.args.map((a) => substitute(a, targs)) };
    case "ref":
      return { k: "ref", inner: substitute(t.inner, targs) };
    default:
      return t;
  }
}

export const isStruct = (t: MoveType, module: string, name: string, address = "0x1"): boolean =>
  t.k === "struct" && t.module === module && t.name === name && t.address === normalizeAddress(address);

export const isString = (t: MoveType) => isStruct(t, "string", "String");
export const isObject = (t: MoveType) => isStruct(t, "object", "Object");
export const isOption = (t: MoveType) => isStruct(t, "option", "Option");

const BITS: Record<string, bigint> = { u8: 8n, u16: 16n, u32: 32n, u64: 64n, u128: 128n, u256: 256n };

export class ArgError extends Error {}

/** Struct field lookup for type-directed JSON (Kofi structs from the ABI). */
export type StructResolver = (
  t: Extract<MoveType, { k: "struct" }>,
) => { name: string; type: string }[] | undefined;

/** Model value -> fullnode JSON, directed by the Move type. */
export function toJson(t: MoveType, v: unknown, structs?: StructResolver): unknown {
  switch (t.k) {
    case "bool":
      return Boolean(v);
    case "u8":
    case "u16":
    case "u32":
      return Number(v);
    case "u64":
    case "u128":
    case "u256":
      return BigInt(v as bigint).toString();
    case "address":
    case "signer":
      return typeof v === "string" && isNormalizedAddress(v) ? displayAddress(v) : v;
    case "vector":
      if (t.item.k === "u8") return v instanceof Uint8Array ? bytesToHex(v) : v;
      return Array.isArray(v) ? v.map((x) => toJson(t.item, x, structs)) : v;
    case "ref":
      return toJson(t.inner, v, structs);
    case "param":
      return anyToJson(v);
    case "struct": {
      if (isString(t)) return v;
      if (isObject(t)) {
        const a = typeof v === "string" ? v : (v as { inner?: string })?.inner;
        return { inner: a && isNormalizedAddress(a) ? displayAddress(a) : a };
      }
      if (isOption(t)) {
        const inner = t.args[0] as MoveType;
        const vec = (v as { vec?: unknown[] } | null | undefined)?.vec ?? [];
        return { vec: vec.map((x) => toJson(inner, x, structs)) };
      }
      const fields = structs?.(t);
      if (fields && v && typeof v === "object") {
        const out: Record<string, unknown> = {};
        for (const f of fields)
          out[f.name] = toJson(parseMoveType(f.type), (v as Record<string, unknown>)[f.name], structs);
        return out;
      }
      return anyToJson(v);
    }
  }
}

/** Untyped model value -> JSON (bigint as decimal string, bytes as hex, addresses AIP-40). */
export function anyToJson(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return bytesToHex(v);
  if (typeof v === "string") return isNormalizedAddress(v) ? displayAddress(v) : v;
  if (Array.isArray(v)) return v.map(anyToJson);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = anyToJson(x);
    return out;
  }
  return v;
}

// ------------------------------------------------------------------------------------------------ BCS in

class Reader {
  i = 0;
  constructor(readonly b: Uint8Array) {}
  take(n: number): Uint8Array {
    if (this.i + n > this.b.length) throw new ArgError("unexpected end of input");
    const out = this.b.subarray(this.i, this.i + n);
    this.i += n;
    return out;
  }
  uleb(): number {
    let v = 0;
    let shift = 0;
    for (;;) {
      const [byte] = this.take(1) as unknown as [number];
      v += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
      if (shift > 28) throw new ArgError("uleb128 too long");
    }
    return v;
  }
  uint(bytes: number): bigint {
    const b = this.take(bytes);
    let v = 0n;
    for (let k = bytes - 1; k >= 0; k--) v = (v << 8n) | BigInt(b[k] as number);
    return v;
  }
}

/** Decode one BCS argument (the raw bytes of an EntryFunction argument) into a model value. */
export function decodeBcsArg(t: MoveType, bytes: Uint8Array): unknown {
  const r = new Reader(bytes);
  const v = readBcs(t, r);
  if (r.i !== bytes.length) throw new ArgError("trailing bytes");
  return v;
}

function readBcs(t: MoveType, r: Reader): unknown {
  switch (t.k) {
    case "bool": {
      const [b] = r.take(1) as unknown as [number];
      if (b > 1) throw new ArgError("invalid bool");
      return b === 1;
    }
    case "u8":
    case "u16":
    case "u32":
    case "u64":
    case "u128":
    case "u256":
      return r.uint(Number((BITS[t.k] as bigint) / 8n));
    case "address":
      return bytesToHex(r.take(32)) as Address;
    case "vector": {
      const n = r.uleb();
      if (t.item.k === "u8") return r.take(n).slice();
      const out: unknown[] = [];
      for (let k = 0; k < n; k++) out.push(readBcs(t.item, r));
      return out;
    }
    case "struct": {
      if (isString(t)) {
        const n = r.uleb();
        try {
          return new TextDecoder("utf-8", { fatal: true }).decode(r.take(n));
        } catch {
          throw new ArgError("invalid utf-8 string");
        }
      }
      if (isObject(t)) return bytesToHex(r.take(32)) as Address;
      if (isOption(t)) {
        const n = r.uleb();
        if (n > 1) throw new ArgError("option with more than one element");
        return { vec: n === 1 ? [readBcs(t.args[0] as MoveType, r)] : [] };
      }
      throw new ArgError(`struct arguments are not allowed: ${formatMoveType(t)}`);
    }
    default:
      throw new ArgError(`unsupported argument type ${formatMoveType(t)}`);
  }
}

// ------------------------------------------------------------------------------------------------ JSON in

/** Decode one JSON argument (view JSON bodies) into a model value, with the node's range checks. */
export function decodeJsonArg(t: MoveType, v: unknown): unknown {
  switch (t.k) {
    case "bool":
      if (typeof v !== "boolean") throw new ArgError(`expected bool, got ${JSON.stringify(v)}`);
      return v;
    case "u8":
    case "u16":
    case "u32":
    case "u64":
    case "u128":
    case "u256": {
      let n: bigint;
      if (typeof v === "number" && Number.isSafeInteger(v)) n = BigInt(v);
      else if (typeof v === "string" && /^[0-9]+$/.test(v)) n = BigInt(v);
      else throw new ArgError(`expected ${t.k}, got ${JSON.stringify(v)}`);
      if (n >= 1n << (BITS[t.k] as bigint)) throw new ArgError(`${t.k} out of range: ${v}`);
      return n;
    }
    case "address":
      return parseAddr(v);
    case "vector":
      if (t.item.k === "u8" && typeof v === "string") {
        if (!/^0x([0-9a-fA-F]{2})*$/.test(v))
          throw new ArgError(`expected hex bytes, got ${JSON.stringify(v)}`);
        return new Uint8Array(Buffer.from(v.slice(2), "hex"));
      }
      if (!Array.isArray(v)) throw new ArgError(`expected vector, got ${JSON.stringify(v)}`);
      return v.map((x) => decodeJsonArg(t.item, x));
    case "struct":
      if (isString(t)) {
        if (typeof v !== "string") throw new ArgError(`expected string, got ${JSON.stringify(v)}`);
        return v;
      }
      if (isObject(t))
        return parseAddr(typeof v === "object" && v !== null ? (v as { inner?: unknown }).inner : v);
      if (isOption(t)) {
        const inner = t.args[0] as MoveType;
        if (v === null || v === undefined) return { vec: [] };
        if (typeof v === "object" && Array.isArray((v as { vec?: unknown }).vec)) {
          const arr = (v as { vec: unknown[] }).vec;
          if (arr.length > 1) throw new ArgError("option with more than one element");
          return { vec: arr.map((x) => decodeJsonArg(inner, x)) };
        }
        return { vec: [decodeJsonArg(inner, v)] };
      }
      throw new ArgError(`struct arguments are not allowed: ${formatMoveType(t)}`);
    default:
      throw new ArgError(`unsupported argument type ${formatMoveType(t)}`);
  }
}

function parseAddr(v: unknown): Address {
  if (typeof v !== "string") throw new ArgError(`expected address, got ${JSON.stringify(v)}`);
  try {
    return normalizeAddress(v);
  } catch {
    throw new ArgError(`invalid address: ${v}`);
  }
}
