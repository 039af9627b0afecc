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
export declare class SignerValue {
    readonly address: string;
    constructor(address: string);
}
/**
 * A reference: the place `container[key]`. A local is `(frame.locals, slot)`, a field `(struct, name)`, a
 * vector element `(array, index)`. A global resource is a `GlobalRef`.
 */
export declare class Ref {
    readonly container: Record<string | number, Value> | Value[];
    readonly key: string | number;
    constructor(container: Record<string | number, Value> | Value[], key: string | number);
    get(): Value;
    set(v: Value): void;
}
/**
 * A reference to a resource in global storage (the value the storage's `borrow`/`borrowMut` returned).
 * Writing the whole resource (`*borrow_global_mut<R>(a) = r`) replaces its fields in place, so the storage's
 * copy is the one changed.
 */
export declare class GlobalRef extends Ref {
    readonly value: StructValue;
    constructor(value: StructValue);
    get(): Value;
    set(v: Value): void;
}
/** Deep copy (Move `copy`). Signers and primitives are immutable and shared. */
export declare function copyValue<V extends Value>(v: V): V;
/** Structural equality (Move `==` on any type with `drop`). */
export declare function valueEquals(a: Value, b: Value): boolean;
/**
 * A Move abort: `abort code` / `assert!` in `module` (fully qualified, long address: `0x…::vault`), or an abort
 * raised by a native on behalf of the framework module it models (`0x…01::coin`).
 * `name` and `doc` are the error constant and its doc comment when known.
 */
export declare class MoveAbort extends Error {
    readonly module: string;
    readonly code: bigint;
    readonly errorName: string;
    readonly doc: string;
    /** The function that aborted, when the interpreter knows it. */
    readonly fn: string;
    constructor(module: string, code: bigint, errorName?: string, doc?: string, 
    /** The function that aborted, when the interpreter knows it. */
    fn?: string);
}
/**
 * An execution failure that is not an abort, with the VM's status name: `ARITHMETIC_ERROR` (overflow,
 * underflow, division by zero, failed cast), `RESOURCE_DOES_NOT_EXIST`, `RESOURCE_ALREADY_EXISTS`,
 * `VECTOR_OPERATION_ERROR` (index out of bounds, pop on empty), `EXECUTION_LIMIT_REACHED`.
 */
export declare class VmFailure extends Error {
    readonly status: "ARITHMETIC_ERROR" | "RESOURCE_DOES_NOT_EXIST" | "RESOURCE_ALREADY_EXISTS" | "VECTOR_OPERATION_ERROR" | "EXECUTION_LIMIT_REACHED" | "MISSING_DEPENDENCY"
    /** Added by the interpreter: the JS stack ran out (Move's call depth limit is 1024 frames). */
     | "CALL_STACK_OVERFLOW";
    readonly detail: string;
    /** `0x…::module` where it happened. */
    readonly module: string;
    constructor(status: "ARITHMETIC_ERROR" | "RESOURCE_DOES_NOT_EXIST" | "RESOURCE_ALREADY_EXISTS" | "VECTOR_OPERATION_ERROR" | "EXECUTION_LIMIT_REACHED" | "MISSING_DEPENDENCY"
    /** Added by the interpreter: the JS stack ran out (Move's call depth limit is 1024 frames). */
     | "CALL_STACK_OVERFLOW", detail: string, 
    /** `0x…::module` where it happened. */
    module?: string);
}
