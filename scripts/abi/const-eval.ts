import { GeneratorError } from "./errors.ts";
import type { Token } from "./lexer.ts";

/** A constant's value: integers as bigint, addresses and byte strings as `0x` hex strings. */
export type ConstValue = bigint | boolean | string | ConstValue[];

/**
 * Evaluates a constant expression: literals (`1_000`, `0xff`, `10u64`, `true`, `@kofi`, `b"kAPT"`,
 * `x"0a"`, `vector[...]`), other constants by name, parentheses, `as` casts and the integer operators
 * `* / % + - << >> & ^ |`. Returns undefined for anything else (the caller decides whether that is fatal).
 */
export function evaluateConst(
  tokens: Token[],
  lookup: (name: string) => ConstValue | undefined,
  resolveAddress: (name: string) => string,
): ConstValue | undefined {
  let i = 0;
  const peek = (o = 0) => tokens[i + o];
  const isP = (text: string, o = 0) => {
    const t = peek(o);
    return t !== undefined && t.kind === "punct" && t.text === text;
  };
  /** `<<` / `>>` are two adjacent single-character tokens. */
  const isShift = (ch: "<" | ">") => {
    const a = peek();
    const b = peek(1);
    return isP(ch) && isP(ch, 1) && a !== undefined && b !== undefined && a.end === b.start;
  };
  const fail = (): never => {
    throw new Unsupported();
  };
  const int = (v: ConstValue): bigint => (typeof v === "bigint" ? v : fail());

  const binary = (
    ops: string[],
    next: () => ConstValue,
    apply: (op: string, a: bigint, b: bigint) => bigint,
  ) => {
    return (): ConstValue => {
      let left = next();
      for (;;) {
        const t = peek();
        if (t?.kind !== "punct" || !ops.includes(t.text)) return left;
        // `&&` / `||` are single tokens, so `&` and `|` here are always the bitwise operators.
        i++;
        left = apply(t.text, int(left), int(next()));
      }
    };
  };

  const primary = (): ConstValue => {
    const t = peek();
    if (!t) return fail();
    i++;
    if (t.kind === "number") return BigInt(t.text.replace(/_/g, ""));
    if (t.kind === "bytes") return `0x${Buffer.from(t.text, "latin1").toString("hex")}`;
    if (t.kind === "hexbytes") return `0x${t.text.toLowerCase()}`;
    if (t.kind === "punct" && t.text === "@") {
      const a = peek();
      if (!a) return fail();
      i++;
      return resolveAddress(a.text);
    }
    if (t.kind === "punct" && t.text === "(") {
      const v = expr();
      if (isP(")")) i++;
      else fail();
      return v;
    }
    if (t.kind === "ident") {
      if (t.text === "true") return true;
      if (t.text === "false") return false;
      if (t.text === "vector" && isP("[")) {
        i++;
        const items: ConstValue[] = [];
        while (!isP("]")) {
          items.push(expr());
          if (isP(",")) i++;
          else if (!isP("]")) fail();
        }
        i++;
        return items;
      }
      const v = lookup(t.text);
      if (v !== undefined) return v;
    }
    return fail();
  };
  const cast = (): ConstValue => {
    let v = primary();
    while (peek()?.kind === "ident" && peek()?.text === "as") {
      i += 2;
      v = int(v);
    }
    return v;
  };
  const mul = binary(["*", "/", "%"], cast, (op, a, b) => {
    if (op !== "*" && b === 0n) return fail();
    return op === "*" ? a * b : op === "/" ? a / b : a % b;
  });
  const add = binary(["+", "-"], mul, (op, a, b) => (op === "+" ? a + b : a - b));
  const shift = (): ConstValue => {
    let left = add();
    while (isShift("<") || isShift(">")) {
      const left_ = isShift("<");
      i += 2;
      const right = int(add());
      left = left_ ? int(left) << right : int(left) >> right;
    }
    return left;
  };
  const band = binary(["&"], shift, (_op, a, b) => a & b);
  const bxor = binary(["^"], band, (_op, a, b) => a ^ b);
  const bor = binary(["|"], bxor, (_op, a, b) => a | b);
  const expr = bor;

  try {
    const v = expr();
    return i === tokens.length ? v : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    if (e instanceof GeneratorError) throw e;
    throw e;
  }
}

class Unsupported extends Error {}
