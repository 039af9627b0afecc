/**
 * Resolved Move types, as the checker computes them and the interpreter and natives read them.
 * Addresses inside struct types are normalised long form (`0x` + 64 lowercase hex digits).
 */
export type IntKind = "u8" | "u16" | "u32" | "u64" | "u128" | "u256";

export type Ty =
  | { k: "bool" }
  | { k: IntKind }
  | { k: "address" }
  | { k: "signer" }
  | { k: "vector"; elem: Ty }
  | { k: "struct"; address: string; module: string; name: string; args: Ty[] }
  | { k: "ref"; mut: boolean; to: Ty }
  /** Multiple values; `items: []` is unit `()`. */
  | { k: "tuple"; items: Ty[] }
  /** A type parameter of the enclosing function or struct, by position. */
  | { k: "param"; index: number; name: string }
  /** An inference variable (checker internal; none survives a successful check). */
  | { k: "var"; id: number }
  /** The type of an expression that never returns (`abort`, `return`, `break`). */
  | { k: "never" };

export const INT_KINDS: readonly IntKind[] = ["u8", "u16", "u32", "u64", "u128", "u256"];

/** The largest value of each integer type. */
export const INT_MAX: Record<IntKind, bigint> = {
  u8: 0xffn,
  u16: 0xffffn,
  u32: 0xffff_ffffn,
  u64: 0xffff_ffff_ffff_ffffn,
  u128: (1n << 128n) - 1n,
  u256: (1n << 256n) - 1n,
};

export const isIntKind = (k: string): k is IntKind => k in INT_MAX;

export const UNIT: Ty = { k: "tuple", items: [] };

/** Normalised long form of an address literal (`0x1` -> `0x000…001`). */
export function longAddress(a: string): string {
  const hex = a.toLowerCase().replace(/^0x/, "");
  if (!/^[0-9a-f]{1,64}$/.test(hex)) throw new Error(`not an address: ${a}`);
  return `0x${hex.padStart(64, "0")}`;
}

/** The fullnode's display form: `0x1` ... `0xf` short (AIP-40 special addresses), otherwise 64 digits. */
export function displayAddress(long: string): string {
  const hex = long.slice(2).replace(/^0+/, "");
  if (hex.length <= 1) return `0x${hex || "0"}`;
  return long;
}

/**
 * The type as the fullnode prints it in ABIs, resource types and event types:
 * `u64`, `vector<u8>`, `&mut 0x1::object::Object<0x1::fungible_asset::Metadata>`, `0x…6b6f6669::vault::Vault`.
 * Type parameters print as `T0`, `T1` ...
 */
export function formatTy(t: Ty): string {
  switch (t.k) {
    case "vector":
      return `vector<${formatTy(t.elem)}>`;
    case "struct": {
      const base = `${displayAddress(t.address)}::${t.module}::${t.name}`;
      return t.args.length ? `${base}<${t.args.map(formatTy).join(", ")}>` : base;
    }
    case "ref":
      return `${t.mut ? "&mut " : "&"}${formatTy(t.to)}`;
    case "tuple":
      return `(${t.items.map(formatTy).join(", ")})`;
    case "param":
      return `T${t.index}`;
    case "var":
      return `?${t.id}`;
    case "never":
      return "!";
    default:
      return t.k;
  }
}

/** Replaces type parameters by the given arguments. */
export function substTy(t: Ty, args: readonly Ty[]): Ty {
  switch (t.k) {
    case "param":
      return args[t.index] ?? t;
    case "vector":
      return { k: "vector", elem: substTy(t.elem, args) };
    case "struct":
      return t.args.length ? { ...t, args: t.args.map((a) => substTy(a, args)) } : t;
    case "ref":
      return { k: "ref", mut: t.mut, to: substTy(t.to, args) };
    case "tuple":
      return { k: "tuple", items: t.items.map((a) => substTy(a, args)) };
    default:
      return t;
  }
}

export function sameTy(a: Ty, b: Ty): boolean {
  return formatTy(a) === formatTy(b);
}
