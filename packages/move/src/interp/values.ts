/**
 * Move values at run time, shared by the interpreter and the natives (std natives here, framework natives in
 * `@kofi/localnet`).
 *
 * - every integer (u8 .. u256): `bigint` (its width is static: the checker's type on the node)
 * - `bool`: `boolean`
 * - `address`: normalised long-form hex string (`0x` + 64 lowercase digits)
 * - `signer`: a `SignerValue`
 * - `vector<T>`: a JS array (`vector<u8>` too: an array of bigint), owned by its holder
 * - struct: a plain object, keys = field names in declaration order (framework structs likewise, with the
 *   real framework's field names: `Object<T>` is `{ inner }`, `Option<T>` is `{ vec: [] }`,
 *   `String` is `{ bytes: [...] }`)
 * - reference: a `Ref` (never stored in a struct or vector; Move forbids it)
 *
 * Values have value semantics: a copy is a deep clone (`copyValue`); a move hands over the object.
 */
export type Value = bigint | boolean | string | SignerValue | Value[] | StructValue | Ref;
export interface StructValue {
  [field: string]: Value;
}

/** `signer`: the address it stands for. Structurally a localnet port `Signer`. */
export class SignerValue {
  constructor(readonly address: string) {}
}

/**
 * A reference: the place `container[key]`. A local is `(frame.locals, slot)`, a field `(struct, name)`, a
 * vector element `(array, index)`. A global resource is a `GlobalRef`.
 */
export class Ref {
  constructor(
    readonly container: Record<string | number, Value> | Value[],
    readonly key: string | number,
  ) {}
  get(): Value {
    return (this.container as Record<string | number, Value>)[this.key] as Value;
  }
  set(v: Value): void {
    (this.container as Record<string | number, Value>)[this.key] = v;
  }
}

/**
 * A reference to a resource in global storage (the value the storage's `borrow`/`borrowMut` returned).
 * Writing the whole resource (`*borrow_global_mut<R>(a) = r`) replaces its fields in place, so the storage's
 * copy is the one changed.
 */
export class GlobalRef extends Ref {
  constructor(readonly value: StructValue) {
    super({ value }, "value");
  }
  override get(): Value {
    return this.value;
  }
  override set(v: Value): void {
    const target = this.value as Record<string, Value>;
    for (const k of Object.keys(target)) delete target[k];
    Object.assign(target, v as StructValue);
  }
}

/** Deep copy (Move `copy`). Signers and primitives are immutable and shared. */
export function copyValue<V extends Value>(v: V): V {
  if (typeof v !== "object" || v instanceof SignerValue || v instanceof Ref) return v;
  if (Array.isArray(v)) return v.map(copyValue) as V;
  const out: StructValue = {};
  for (const k in v) out[k] = copyValue((v as StructValue)[k] as Value);
  return out as V;
}

/** Structural equality (Move `==` on any type with `drop`). */
export function valueEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object") return false;
  if (a instanceof SignerValue) return b instanceof SignerValue && a.address === b.address;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valueEquals(a[i] as Value, b[i] as Value)) return false;
    return true;
  }
  if (Array.isArray(b) || b instanceof SignerValue || a instanceof Ref || b instanceof Ref) return false;
  for (const k in a)
    if (!valueEquals((a as StructValue)[k] as Value, (b as StructValue)[k] as Value)) return false;
  return true;
}

// ------------------------------------------------------------------------------------------------ failures

/**
 * A Move abort: `abort code` / `assert!` in `module` (fully qualified, long address: `0x…::vault`), or an abort
 * raised by a native on behalf of the framework module it models (`0x…01::coin`).
 * `name` and `doc` are the error constant and its doc comment when known.
 */
export class MoveAbort extends Error {
  constructor(
    readonly module: string,
    readonly code: bigint,
    readonly errorName = "",
    readonly doc = "",
    /** The function that aborted, when the interpreter knows it. */
    readonly fn = "",
  ) {
    super(
      `Move abort in ${module}${errorName ? `: ${errorName}` : ""}(0x${code.toString(16)})${doc ? `: ${doc}` : ""}`,
    );
  }
}

/**
 * An execution failure that is not an abort, with the VM's status name: `ARITHMETIC_ERROR` (overflow,
 * underflow, division by zero, failed cast), `RESOURCE_DOES_NOT_EXIST`, `RESOURCE_ALREADY_EXISTS`,
 * `VECTOR_OPERATION_ERROR` (index out of bounds, pop on empty), `EXECUTION_LIMIT_REACHED`.
 */
export class VmFailure extends Error {
  constructor(
    readonly status:
      | "ARITHMETIC_ERROR"
      | "RESOURCE_DOES_NOT_EXIST"
      | "RESOURCE_ALREADY_EXISTS"
      | "VECTOR_OPERATION_ERROR"
      | "EXECUTION_LIMIT_REACHED"
      | "MISSING_DEPENDENCY"
      /** Added by the interpreter: the JS stack ran out (Move's call depth limit is 1024 frames). */
      | "CALL_STACK_OVERFLOW",
    readonly detail: string,
    /** `0x…::module` where it happened. */
    readonly module = "",
  ) {
    super(`${status}: ${detail}${module ? ` in ${module}` : ""}`);
  }
}
