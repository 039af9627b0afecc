/**
 * A call site bound to a native: builds the `NativeContext`, passes the evaluated arguments, and maps the
 * native's result list onto the call's value (unit, one value, or a tuple). A `VmFailure` a native raises
 * without a location is attributed to the calling module, as the VM attributes a failed bytecode instruction.
 */
import type { Ty } from "../types.ts";
import { type Code, type Frame, UNIT_VALUE } from "./frame.ts";
import type { NativeContext, NativeFn } from "./natives.ts";
import { type StructValue, type Value, VmFailure } from "./values.ts";

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
