/** Helpers for writing natives: argument access and the framework's abort shape. */
import { longAddress } from "../../types.ts";
import type { NativeFn } from "../natives.ts";
import { MoveAbort, Ref, type Value, VmFailure } from "../values.ts";

/** `0x000…001::<name>`: where a std native's abort is located, as the module it models. */
export function stdModule(name: string): string {
  return `${longAddress("0x1")}::${name}`;
}

/** The value behind a reference argument. */
export function deref<T extends Value>(v: Value | undefined): T {
  return (v instanceof Ref ? v.get() : v) as T;
}

/** A `u64` index argument as a JS number (indices beyond 2^53 are out of bounds of any JS array anyway). */
export function index(v: Value | undefined): number {
  const b = v as bigint;
  return b > 0x1f_ffff_ffff_ffffn ? Number.MAX_SAFE_INTEGER : Number(b);
}

/** A bytecode-level vector failure (out of bounds, pop on empty): located in the caller, as the VM does. */
export function vectorFailure(detail: string): VmFailure {
  return new VmFailure("VECTOR_OPERATION_ERROR", detail);
}

export function abortIn(module: string, code: bigint, name: string, doc: string, fn: string): MoveAbort {
  return new MoveAbort(stdModule(module), code, name, doc, fn);
}

/** Builds `0x1::<module>::<fn>` table entries. */
export function entries(module: string, fns: Record<string, NativeFn>): [string, NativeFn][] {
  return Object.entries(fns).map(([name, fn]) => [`0x1::${module}::${name}`, fn]);
}
