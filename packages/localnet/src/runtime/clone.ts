/** Deep copy of model values (plain objects, arrays, bigint, string, boolean, Uint8Array). Fast path for Move data. */
export function cloneValue<T>(v: T): T {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    // index loop and for-in below: no per-object key array, no callback (every borrowMut clones)
    // primitives (addresses, bigints...) are copied inline: long vectors of them are common
    const n = v.length;
    const a: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const e: unknown = v[i];
      a[i] = typeof e === "object" && e !== null ? cloneValue(e) : e;
    }
    return a as T;
  }
  if (v instanceof Uint8Array) return v.slice() as T;
  const out: Record<string, unknown> = {};
  // model values are plain objects: for-in sees exactly their own enumerable keys, in the same order
  for (const k in v) {
    const e = (v as Record<string, unknown>)[k];
    out[k] = typeof e === "object" && e !== null ? cloneValue(e) : e;
  }
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
  // only objects need a visit (primitives are immutable)
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const e: unknown = v[i];
      if (typeof e === "object" && e !== null) deepFreeze(e);
    }
  } else {
    for (const k in v) {
      const e = (v as Record<string, unknown>)[k];
      if (typeof e === "object" && e !== null) deepFreeze(e);
    }
  }
  return v;
}
