/**
 * What the closure compiler needs from the interpreter while it compiles one function: the package's
 * functions (compiled or not yet), the natives, the constants, and how to describe an abort.
 */
import type { FunctionDecl } from "../syntax/ast.ts";
import type { Ty } from "../types.ts";
import { type Code, Frame, type Run, SIG_RETURN } from "./frame.ts";
import type { NativeFn } from "./natives.ts";
import type { Value } from "./values.ts";

/** A package function. `body` is filled once every function has its record, so calls can be mutually recursive. */
export class CompiledFn {
  body: Code | undefined = undefined;
  constructor(
    /** `0x…::module::name`, long address. */
    readonly id: string,
    /** `0x…::module`, long address (abort locations). */
    readonly module: string,
    readonly decl: FunctionDecl,
    readonly frameSize: number,
  ) {}

  /** Runs the body over prepared locals (arguments already in slots 0..n-1). */
  invoke(locals: Value[], tys: readonly Ty[], run: Run): Value {
    run.tick();
    const f = new Frame(locals, tys, run);
    const v = (this.body as Code)(f);
    return f.sig === SIG_RETURN ? f.ret : v;
  }
}

/** A call to a function outside the package with no native: reported at load time. */
export interface MissingNative {
  /** `0x1::object::transfer_call` */
  fn: string;
  /** `kofi::withdrawals` as written in the package (named address when it has one). */
  calledFrom: string;
}

export interface Linker {
  /** A package function by `0x…::module::name` (long address). */
  fn(id: string): CompiledFn | undefined;
  /** A native by its table key (`0x1::vector::borrow`). */
  native(key: string): NativeFn | undefined;
  /** The value of a constant (evaluated on first use; constants may refer to each other). */
  constant(moduleId: string, name: string): Value;
  /** Records a call with no implementation; the compiled call fails with MISSING_DEPENDENCY if ever reached. */
  missing(m: MissingNative): void;
  /** Error constant name and doc for an abort `code` raised in `moduleId`. */
  describeAbort(moduleId: string, code: bigint): { name: string; doc: string };
}
