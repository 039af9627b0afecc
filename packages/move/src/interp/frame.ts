/**
 * Run-time state of the closure-compiled code: one `Frame` per function activation, one `Run` per top-level
 * call. `return`, `break` and `continue` do not throw: they set `Frame.sig`, and blocks, loops and function
 * bodies test it after each statement (a property read), so a loop pays nothing per iteration for them.
 */
import type { Ty } from "../types.ts";
import type { MoveStorage } from "./natives.ts";
import { type StructValue, type Value, VmFailure } from "./values.ts";

/** What the embedder passes to every call: its host object, the storage, and where events go. */
export interface MoveEnv<H = unknown> {
  host: H;
  storage: MoveStorage;
  emit(type: string, data: StructValue): void;
}

/** No pending control transfer. */
export const SIG_NONE = 0;
export const SIG_BREAK = 1;
export const SIG_CONTINUE = 2;
export const SIG_RETURN = 3;

/** Unit `()` and the value of expressions evaluated only for their effect. Never mutated. */
export const UNIT_VALUE: Value = Object.freeze([]) as unknown as Value;

/** Default step budget: loop iterations plus function calls of one top-level call. */
export const DEFAULT_STEP_LIMIT = 10_000_000;

/** One top-level call: its environment and the step budget shared by every frame below it. */
export class Run<H = unknown> {
  steps = 0;
  constructor(
    readonly env: MoveEnv<H>,
    readonly limit: number,
  ) {}
  /** Counts one step; called per loop iteration and per function entry. */
  tick(): void {
    if (++this.steps > this.limit) {
      throw new VmFailure(
        "EXECUTION_LIMIT_REACHED",
        `more than ${this.limit} steps (loop iterations and calls)`,
      );
    }
  }
}

export class Frame {
  /** Pending control transfer (SIG_*). */
  sig = SIG_NONE;
  /** Label of a pending labelled `break`/`continue`. */
  label: string | undefined = undefined;
  /** The value of a pending `return`. */
  ret: Value = UNIT_VALUE;
  constructor(
    /** Local slots, parameters first. */
    readonly l: Value[],
    /** The activation's type arguments (for generic callees, builtins and natives). */
    readonly tys: readonly Ty[],
    readonly run: Run,
  ) {}
}

/** A compiled expression. Expressions of unit type return `UNIT_VALUE`. */
export type Code = (f: Frame) => Value;
