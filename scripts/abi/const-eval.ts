import type { Expr } from "../../packages/move/src/syntax/ast.ts";

/** A constant's value: integers as bigint, addresses and byte strings as `0x` hex strings. */
export type ConstValue = bigint | boolean | string | ConstValue[];

/**
 * Evaluates a parsed constant expression: literals (`1_000`, `0xff`, `10u64`, `true`, `@kofi`, `b"kAPT"`,
 * `x"0a"`, `vector[...]`), other constants by name, `as` casts and the integer operators
 * `* / % + - << >> & ^ |`. Returns undefined for anything else (the caller decides whether that is fatal).
 */
export function evaluateConst(
  expr: Expr,
  lookup: (name: string) => ConstValue | undefined,
  resolveAddress: (name: string) => string,
): ConstValue | undefined {
  const go = (e: Expr): ConstValue | undefined => {
    switch (e.kind) {
      case "number":
        return e.value;
      case "bool":
        return e.value;
      case "bytes":
        return `0x${Buffer.from(e.value).toString("hex")}`;
      case "address":
        return resolveAddress(e.value);
      case "vector": {
        const items: ConstValue[] = [];
        for (const item of e.items) {
          const v = go(item);
          if (v === undefined) return undefined;
          items.push(v);
        }
        return items;
      }
      case "name":
        return e.path.segments.length === 1 ? lookup(e.path.segments[0] as string) : undefined;
      case "cast": {
        const v = go(e.expr);
        return typeof v === "bigint" ? v : undefined;
      }
      case "binary": {
        const a = go(e.left);
        const b = go(e.right);
        if (typeof a !== "bigint" || typeof b !== "bigint") return undefined;
        return integerOp(e.op, a, b);
      }
      default:
        return undefined;
    }
  };
  return go(expr);
}

function integerOp(op: string, a: bigint, b: bigint): bigint | undefined {
  switch (op) {
    case "*":
      return a * b;
    case "/":
      return b === 0n ? undefined : a / b;
    case "%":
      return b === 0n ? undefined : a % b;
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "<<":
      return a << b;
    case ">>":
      return a >> b;
    case "&":
      return a & b;
    case "^":
      return a ^ b;
    case "|":
      return a | b;
    default:
      return undefined;
  }
}
