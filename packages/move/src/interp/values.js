/** `signer`: the address it stands for. Structurally a localnet port `Signer`. */
export class SignerValue {
    address;
    constructor(address) {
        this.address = address;
    }
}
/**
 * A reference: the place `container[key]`. A local is `(frame.locals, slot)`, a field `(struct, name)`, a
 * vector element `(array, index)`. A global resource is a `GlobalRef`.
 */
export class Ref {
    container;
    key;
    constructor(container, key) {
        this.container = container;
        this.key = key;
    }
    get() {
        return this.container[this.key];
    }
    set(v) {
        this.container[this.key] = v;
    }
}
/**
 * A reference to a resource in global storage (the value the storage's `borrow`/`borrowMut` returned).
 * Writing the whole resource (`*borrow_global_mut<R>(a) = r`) replaces its fields in place, so the storage's
 * copy is the one changed.
 */
export class GlobalRef extends Ref {
    value;
    constructor(value) {
        super({ value }, "value");
        this.value = value;
    }
    get() {
        return this.value;
    }
    set(v) {
        const target = this.value;
        for (const k of Object.keys(target))
            delete target[k];
        Object.assign(target, v);
    }
}
/** Deep copy (Move `copy`). Signers and primitives are immutable and shared. */
export function copyValue(v) {
    if (typeof v !== "object" || v instanceof SignerValue || v instanceof Ref)
        return v;
    if (Array.isArray(v))
        return v.map(copyValue);
    const out = {};
    for (const k in v)
        out[k] = copyValue(v[k]);
    return out;
}
/** Structural equality (Move `==` on any type with `drop`). */
export function valueEquals(a, b) {
    if (a === b)
        return true;
    if (typeof a !== "object" || typeof b !== "object")
        return false;
    if (a instanceof SignerValue)
        return b instanceof SignerValue && a.address === b.address;
    if (Array.isArray(a)) {
        if (!Array.isArray(b) || a.length !== b.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!valueEquals(a[i], b[i]))
                return false;
        return true;
    }
    if (Array.isArray(b) || b instanceof SignerValue || a instanceof Ref || b instanceof Ref)
        return false;
    for (const k in a)
        if (!valueEquals(a[k], b[k]))
            return false;
    return true;
}
// ------------------------------------------------------------------------------------------------ failures
/**
 * A Move abort: `abort code` / `assert!` in `module` (fully qualified, long address: `0x…::vault`), or an abort
 * raised by a native on behalf of the framework module it models (`0x…01::coin`).
 * `name` and `doc` are the error constant and its doc comment when known.
 */
export class MoveAbort extends Error {
    module;
    code;
    errorName;
    doc;
    fn;
    constructor(module, code, errorName = "", doc = "", 
    /** The function that aborted, when the interpreter knows it. */
    fn = "") {
        super(`Move abort in ${module}${errorName ? `: ${errorName}` : ""}(0x${code.toString(16)})${doc ? `: ${doc}` : ""}`);
        this.module = module;
        this.code = code;
        this.errorName = errorName;
        this.doc = doc;
        this.fn = fn;
    }
}
/**
 * An execution failure that is not an abort, with the VM's status name: `ARITHMETIC_ERROR` (overflow,
 * underflow, division by zero, failed cast), `RESOURCE_DOES_NOT_EXIST`, `RESOURCE_ALREADY_EXISTS`,
 * `VECTOR_OPERATION_ERROR` (index out of bounds, pop on empty), `EXECUTION_LIMIT_REACHED`.
 */
export class VmFailure extends Error {
    status;
    detail;
    module;
    constructor(status, detail, 
    /** `0x…::module` where it happened. */
    module = "") {
        super(`${status}: ${detail}${module ? ` in ${module}` : ""}`);
        this.status = status;
        this.detail = detail;
        this.module = module;
    }
}
