/** Deep copy of model values (plain objects, arrays, bigint, string, boolean, Uint8Array). Fast path for Move data. */
export function cloneValue<T>(v: T): T {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map(cloneValue) as T;
  if (v instanceof Uint8Array) return v.slice() as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = cloneValue((v as Record<string, unknown>)[k]);
  return out as T;
}

/** JSON encoding of model values that survives bigint and bytes (for persistence). */
export function encodeState(v: unknown): string {
  return JSON.stringify(v, (_k, x) => {
    if (typeof x === "bigint") return { $n: x.toString() };
    if (x instanceof Uint8Array) return { $b: Buffer.from(x).toString("hex") };
    return x;
  });
}

export function decodeState<T>(s: string): T {
  return JSON.parse(s, (_k, x) => {
    if (x && typeof x === "object" && !Array.isArray(x)) {
      const keys = Object.keys(x);
      if (keys.length === 1 && keys[0] === "$n") return BigInt(x.$n);
      if (keys.length === 1 && keys[0] === "$b") return new Uint8Array(Buffer.from(x.$b, "hex"));
    }
    return x;
  }) as T;
}

/**
 * Freeze a committed value (recursively) so that code which mutates a value obtained with `borrow` (instead
 * of `borrowMut`) fails loudly instead of silently changing committed state outside the journal.
 */
export function deepFreeze<T>(v: T): T {
  if (typeof v !== "object" || v === null || Object.isFrozen(v)) return v;
  if (v instanceof Uint8Array) return v; // typed arrays cannot be frozen; bytes are replaced, not edited
  Object.freeze(v);
  for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  return v;
}
