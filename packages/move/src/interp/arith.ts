/**
 * Integer semantics of Move: every width is a `bigint` at run time, and the width decides where an operation
 * fails. Move never wraps: overflow, underflow, division or modulo by zero, a shift by the bit width or more,
 * and a cast to a narrower type that cannot hold the value all stop execution with `ARITHMETIC_ERROR`.
 * Shifts left are the exception: bits shifted out are discarded (the VM truncates, it does not fail).
 */
import { INT_MAX, type IntKind } from "../types.ts";
import { VmFailure } from "./values.ts";

export const BITS: Record<IntKind, bigint> = { u8: 8n, u16: 16n, u32: 32n, u64: 64n, u128: 128n, u256: 256n };

export type IntOp = "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^" | "<<" | ">>";

function fail(detail: string, module: string): VmFailure {
  return new VmFailure("ARITHMETIC_ERROR", detail, module);
}

/**
 * The checked operation for one width, as a two-argument function. The closure compiler calls it with the
 * operands already evaluated; building it once per call site keeps the width test out of the hot path.
 */
export function intOp(op: IntOp, kind: IntKind, module: string): (a: bigint, b: bigint) => bigint {
  const max = INT_MAX[kind];
  const bits = BITS[kind];
  switch (op) {
    case "+":
      return (a, b) => {
        const r = a + b;
        if (r > max) throw fail(`${kind} addition overflow`, module);
        return r;
      };
    case "-":
      return (a, b) => {
        if (b > a) throw fail(`${kind} subtraction underflow`, module);
        return a - b;
      };
    case "*":
      return (a, b) => {
        const r = a * b;
        if (r > max) throw fail(`${kind} multiplication overflow`, module);
        return r;
      };
    case "/":
      return (a, b) => {
        if (b === 0n) throw fail("division by zero", module);
        return a / b;
      };
    case "%":
      return (a, b) => {
        if (b === 0n) throw fail("modulo by zero", module);
        return a % b;
      };
    case "&":
      return (a, b) => a & b;
    case "|":
      return (a, b) => a | b;
    case "^":
      return (a, b) => a ^ b;
    case "<<":
      return (a, b) => {
        if (b >= bits) throw fail(`shift by ${b} on ${kind}`, module);
        return (a << b) & max;
      };
    case ">>":
      return (a, b) => {
        if (b >= bits) throw fail(`shift by ${b} on ${kind}`, module);
        return a >> b;
      };
  }
}

/** `(v as kind)`: fails when the value does not fit the target width. */
export function castTo(kind: IntKind, module: string): (v: bigint) => bigint {
  const max = INT_MAX[kind];
  return (v) => {
    if (v > max) throw fail(`cast of ${v} to ${kind}`, module);
    return v;
  };
}
