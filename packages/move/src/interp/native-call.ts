/**
 * A call site bound to a native: builds the `NativeContext`, passes the evaluated arguments, and maps the
 * native's result list onto the call's value (unit, one value, or a tuple). A `VmFailure` a native raises
 * without a location is attributed to the calling module, as the VM attributes a failed bytecode instruction.
 */
import type { Ty } from "../types.ts";
import { type Code, type Frame, UNIT_VALUE } from "./frame.ts";
import type { NativeContext, NativeFn } from "./natives.ts";
import { type StructValue, type Value, VmFailure } from "./values.ts";

/**
 * A native's context-free form: its arguments in, its single result (or anything, for a unit native) out.
 * The hottest std natives (`vector::borrow`, `length`, `push_back`...) register one so a call site skips the
 * argument array, the context and the result array; the table's `NativeFn` stays the reference behaviour
 * (it is defined through the same function). A replaced table entry has no direct form and runs as usual.
 */
export type DirectNative = (a: Value | undefined, b: Value | undefined) => Value;
const directForms = new WeakMap<NativeFn, DirectNative>();

/** Declares `direct` as the context-free form of `native` (which must be `(_, [a, b]) => [direct(a, b)]`). */
export function registerDirect<H>(native: NativeFn<H>, direct: DirectNative): NativeFn<H> {
  directForms.set(native as NativeFn, direct);
  return native;
}

class Ctx implements NativeContext {
  constructor(
    private readonly f: Frame,
    readonly typeArgs: readonly Ty[],
  ) {}
  get host(): unknown {
    return this.f.run.env.host;
  }
  get storage() {
    return this.f.run.env.storage;
  }
  emit(type: string, data: StructValue): void {
    this.f.run.env.emit(type, data);
  }
}

export class NativeCall {
  readonly code: Code;
  constructor(
    native: NativeFn,
    args: Code[],
    n: number,
    tys: (f: Frame) => readonly Ty[],
    returns: number,
    moduleId: string,
  ) {
    const direct = directForms.get(native);
    if (direct && n <= 2 && returns <= 1) {
      const a0 = args[0];
      const a1 = args[1];
      const fail = (x: unknown): never => {
        if (x instanceof VmFailure && !x.module) throw new VmFailure(x.status, x.detail, moduleId);
        throw x;
      };
      this.code = (f) => {
        // arguments evaluate in order before the call, as in the general path below
        const x = a0 ? a0(f) : undefined;
        const y = a1 ? a1(f) : undefined;
        let out: Value;
        try {
          out = direct(x, y);
        } catch (e) {
          return fail(e);
        }
        return returns === 1 ? out : UNIT_VALUE;
      };
      return;
    }
    this.code = (f) => {
      const a: Value[] = new Array(n);
      for (let i = 0; i < n; i++) a[i] = (args[i] as Code)(f);
      let out: Value[];
      try {
        out = native(new Ctx(f, tys(f)), a);
      } catch (x) {
        if (x instanceof VmFailure && !x.module) throw new VmFailure(x.status, x.detail, moduleId);
        throw x;
      }
      if (returns === 1) return out[0] as Value;
      return returns === 0 ? UNIT_VALUE : out;
    };
  }
}
