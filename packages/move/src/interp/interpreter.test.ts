/**
 * The interpreter on small Move modules: integer edges per width, copies and references, control flow, aborts,
 * global storage, and the load-time missing-native error.
 */
import { describe, expect, it } from "vitest";
import { MissingNativesError } from "./interpreter.ts";
import { memoryEnv } from "./memory-storage.ts";
import { interpret, KOFI } from "./test-support.ts";
import { MoveAbort, SignerValue, type Value, VmFailure } from "./values.ts";

const mod = (body: string) => ({ "m.move": `module kofi::m {\n${body}\n}` });
const M = `${KOFI}::m`;

function run(body: string, fn: string, args: Value[] = []): Value[] {
  return interpret(mod(body)).call(memoryEnv(), "m", fn, [], args);
}

function failure(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

describe("integer arithmetic", () => {
  const widths = [
    ["u8", 255n],
    ["u16", 65535n],
    ["u32", 4294967295n],
    ["u64", 18446744073709551615n],
    ["u128", (1n << 128n) - 1n],
    ["u256", (1n << 256n) - 1n],
  ] as const;
  for (const [t, max] of widths) {
    describe(t, () => {
      const i = interpret(
        mod(`
        public fun add(a: ${t}, b: ${t}): ${t} { a + b }
        public fun sub(a: ${t}, b: ${t}): ${t} { a - b }
        public fun mul(a: ${t}, b: ${t}): ${t} { a * b }
        public fun div(a: ${t}, b: ${t}): ${t} { a / b }
        public fun rem(a: ${t}, b: ${t}): ${t} { a % b }
        public fun shl(a: ${t}, b: u8): ${t} { a << b }
        public fun shr(a: ${t}, b: u8): ${t} { a >> b }
        public fun to_u8(a: ${t}): u8 { (a as u8) }
        public fun widen(a: ${t}): u256 { (a as u256) }
      `),
      );
      const call = (fn: string, ...args: bigint[]) => i.call(memoryEnv(), "m", fn, [], args)[0];
      const arith = (fn: string, ...args: bigint[]) => {
        const e = failure(() => call(fn, ...args));
        expect(e).toBeInstanceOf(VmFailure);
        expect((e as VmFailure).status).toBe("ARITHMETIC_ERROR");
        expect((e as VmFailure).module).toBe(M);
      };
      it("computes at the edges", () => {
        expect(call("add", max - 1n, 1n)).toBe(max);
        expect(call("sub", 5n, 5n)).toBe(0n);
        expect(call("mul", max, 1n)).toBe(max);
        expect(call("div", 7n, 2n)).toBe(3n);
        expect(call("rem", 7n, 2n)).toBe(1n);
        expect(call("widen", max)).toBe(max);
      });
      it("fails on overflow, underflow, zero divisors", () => {
        arith("add", max, 1n);
        arith("sub", 0n, 1n);
        arith("mul", max, 2n);
        arith("div", 1n, 0n);
        arith("rem", 1n, 0n);
      });
      it("shifts: shl truncates, a shift >= width fails", () => {
        const bits = BigInt(max.toString(2).length);
        expect(call("shl", max, 1n)).toBe(max - 1n);
        expect(call("shr", max, 1n)).toBe(max >> 1n);
        if (bits < 256n) {
          arith("shl", 1n, bits);
          arith("shr", 1n, bits);
        }
        expect(call("shl", 1n, bits - 1n)).toBe(1n << (bits - 1n));
      });
      it("casts down only when the value fits", () => {
        expect(call("to_u8", 255n)).toBe(255n);
        if (t !== "u8") arith("to_u8", 256n);
      });
    });
  }

  it("bitwise operators and comparisons", () => {
    const body = `public fun f(a: u64, b: u64): (u64, u64, u64, bool, bool, bool, bool) {
      (a & b, a | b, a ^ b, a < b, a <= b, a > b, a >= b) }`;
    expect(run(body, "f", [12n, 10n])).toEqual([8n, 14n, 6n, false, false, true, true]);
  });
});

describe("copies and references", () => {
  const body = `
    struct P has copy, drop, store { x: u64, v: vector<u64> }
    public fun copy_then_mutate(): (u64, u64) {
      let a = P { x: 1, v: vector[1, 2] };
      let b = a;
      b.x = 9;
      *vector::borrow_mut(&mut b.v, 0) = 7;
      (a.x + *vector::borrow(&a.v, 0), b.x + *vector::borrow(&b.v, 0))
    }
    public fun via_ref(): vector<u64> {
      let v = vector[1, 2, 3];
      let r = vector::borrow_mut(&mut v, 1);
      *r = *r + 40;
      bump(&mut v);
      v
    }
    fun bump(v: &mut vector<u64>) { vector::push_back(v, 4); }
    public fun deref_copies(): (u64, u64) {
      let p = P { x: 1, v: vector[] };
      let r = &mut p;
      let q = *r;
      q.x = 2;
      r.x = 3;
      (p.x, q.x)
    }
    public fun eq(): (bool, bool, bool) {
      let a = P { x: 1, v: vector[5] };
      let b = P { x: 1, v: vector[5] };
      let c = P { x: 1, v: vector[6] };
      (a == b, &a == &b, a != c)
    }
    public fun vector_of_structs(): u64 {
      let ps = vector[P { x: 1, v: vector[] }, P { x: 2, v: vector[] }];
      let first = *vector::borrow(&ps, 0);
      first.x = 100;
      vector::borrow_mut(&mut ps, 1).x = 20;
      vector::borrow(&ps, 0).x + vector::borrow(&ps, 1).x
    }`;
  const i = interpret(mod(`use std::vector;\n${body}`));
  const call = (fn: string) => i.call(memoryEnv(), "m", fn, [], []);
  it("mutating a copy never changes the original", () => {
    expect(call("copy_then_mutate")).toEqual([2n, 16n]);
    expect(call("vector_of_structs")).toEqual([21n]);
  });
  it("writes through &mut to a vector element and through a &mut parameter", () => {
    expect(call("via_ref")).toEqual([[1n, 42n, 3n, 4n]]);
  });
  it("a dereference copies", () => {
    expect(call("deref_copies")).toEqual([3n, 2n]);
  });
  it("== is structural, through references too", () => {
    expect(call("eq")).toEqual([true, true, true]);
  });
});

describe("control flow", () => {
  const i = interpret(
    mod(`
    public fun sum_to(n: u64): u64 { let s = 0; let i = 0; while (i < n) { i = i + 1; s = s + i; }; s }
    public fun first_multiple(of: u64): u64 {
      let i = 1;
      loop { if (i % of == 0) break; i = i + 1; };
      i
    }
    public fun skip_odd(n: u64): u64 {
      let i = 0; let s = 0;
      while (i < n) { i = i + 1; if (i % 2 == 1) continue; s = s + i; };
      s
    }
    public fun early(x: u64): u64 { if (x > 10) return 1; let y = x * 2; if (y > 10) { return 2 }; 3 }
    public fun in_loop(): u64 { let i = 0; while (true) { i = i + 1; if (i == 5) return i * 10; }; 0 }
    public fun nested(): u64 {
      let count = 0; let i = 0;
      while (i < 3) { let j = 0; while (j < 3) { j = j + 1; if (j == 2) continue; count = count + 1; }; i = i + 1; };
      count
    }
    public fun short_circuit(): bool { let v = vector<u64>[]; vector::length(&v) > 0 && *vector::borrow(&v, 0) == 1 }
    public fun if_value(b: bool): u64 { let x = if (b) { 1 } else { 2 }; x }
    public fun spin() { loop {} }
    public fun tuple_swap(a: u64, b: u64): (u64, u64) { let (x, y) = (b, a); (x, y) }
    use std::vector;
  `),
    {},
    { stepLimit: 100_000 },
  );
  const call = (fn: string, args: Value[] = []) => i.call(memoryEnv(), "m", fn, [], args);
  it("loops, break, continue", () => {
    expect(call("sum_to", [10n])).toEqual([55n]);
    expect(call("first_multiple", [7n])).toEqual([7n]);
    expect(call("skip_odd", [6n])).toEqual([12n]);
    expect(call("nested")).toEqual([6n]);
  });
  it("return from a branch, from a loop", () => {
    expect(call("early", [11n])).toEqual([1n]);
    expect(call("early", [6n])).toEqual([2n]);
    expect(call("early", [1n])).toEqual([3n]);
    expect(call("in_loop")).toEqual([50n]);
  });
  it("&& short-circuits; if is an expression; tuples", () => {
    expect(call("short_circuit")).toEqual([false]);
    expect(call("if_value", [false])).toEqual([2n]);
    expect(call("tuple_swap", [1n, 2n])).toEqual([2n, 1n]);
  });
  it("an endless loop hits the step limit", () => {
    const e = failure(() => call("spin"));
    expect((e as VmFailure).status).toBe("EXECUTION_LIMIT_REACHED");
  });
});

describe("aborts", () => {
  const i = interpret(
    mod(`
    use std::error;
    /// The amount must be positive.
    const E_ZERO: u64 = 1;
    const E_OTHER: u64 = 2;
    public fun check(x: u64) { assert!(x > 0, error::invalid_argument(E_ZERO)); }
    public fun raw() { abort 42 }
    public fun other() { abort E_OTHER }
  `),
  );
  it("assert! aborts with the canonical code, module and error constant", () => {
    const e = failure(() => i.call(memoryEnv(), "m", "check", [], [0n])) as MoveAbort;
    expect(e).toBeInstanceOf(MoveAbort);
    expect(e.code).toBe(0x10001n);
    expect(e.module).toBe(M);
    expect(e.errorName).toBe("E_ZERO");
    expect(e.doc).toBe("The amount must be positive.");
    expect(e.fn).toBe("check");
    expect(i.call(memoryEnv(), "m", "check", [], [1n])).toEqual([]);
  });
  it("abort with a plain code", () => {
    const e = failure(() => i.call(memoryEnv(), "m", "raw", [], [])) as MoveAbort;
    expect(e.code).toBe(42n);
    expect(e.errorName).toBe("");
    expect((failure(() => i.call(memoryEnv(), "m", "other", [], [])) as MoveAbort).errorName).toBe("E_OTHER");
  });
});

describe("global storage", () => {
  const i = interpret(
    mod(`
    use std::signer;
    struct Counter has key, drop { n: u64, hist: vector<u64> }
    public fun init(s: &signer) { move_to(s, Counter { n: 0, hist: vector[] }) }
    public fun bump(a: address) acquires Counter {
      let c = borrow_global_mut<Counter>(a);
      c.n = c.n + 1;
      std::vector::push_back(&mut c.hist, c.n);
    }
    public fun replace(a: address) acquires Counter { *borrow_global_mut<Counter>(a) = Counter { n: 100, hist: vector[] }; }
    public fun get(a: address): u64 acquires Counter { borrow_global<Counter>(a).n }
    public fun has(a: address): bool { exists<Counter>(a) }
    public fun take(s: &signer): u64 acquires Counter {
      let Counter { n, hist: _ } = move_from<Counter>(signer::address_of(s));
      n
    }
    fun init_module(s: &signer) { init(s) }
  `),
  );
  const type = `0x6b6f6669::m::Counter`;
  it("move_to, borrow_global_mut writes back, whole-resource writes, move_from", () => {
    const env = memoryEnv();
    const s = new SignerValue(KOFI);
    i.call(env, "m", "init", [], [s]);
    i.call(env, "m", "bump", [], [KOFI]);
    i.call(env, "m", "bump", [], [KOFI]);
    expect(env.storage.borrow(KOFI, `0x${"0".repeat(56)}6b6f6669::m::Counter`)).toEqual({
      n: 2n,
      hist: [1n, 2n],
    });
    i.call(env, "m", "replace", [], [KOFI]);
    expect(i.call(env, "m", "get", [], [KOFI])).toEqual([100n]);
    expect(i.call(env, "m", "take", [], [s])).toEqual([100n]);
    expect(i.call(env, "m", "has", [], [KOFI])).toEqual([false]);
    expect(type).toContain("Counter");
  });
  it("RESOURCE_ALREADY_EXISTS and RESOURCE_DOES_NOT_EXIST", () => {
    const env = memoryEnv();
    const s = new SignerValue(KOFI);
    expect((failure(() => i.call(env, "m", "get", [], [KOFI])) as VmFailure).status).toBe(
      "RESOURCE_DOES_NOT_EXIST",
    );
    expect((failure(() => i.call(env, "m", "take", [], [s])) as VmFailure).status).toBe(
      "RESOURCE_DOES_NOT_EXIST",
    );
    i.call(env, "m", "init", [], [s]);
    const e = failure(() => i.call(env, "m", "init", [], [s])) as VmFailure;
    expect(e.status).toBe("RESOURCE_ALREADY_EXISTS");
    expect(e.module).toBe(M);
  });
  it("publish runs init_module", () => {
    const env = memoryEnv();
    i.publish(env, KOFI);
    expect(i.call(env, "m", "has", [], [KOFI])).toEqual([true]);
  });
});

describe("load-time checks", () => {
  it("names every framework call with no native", () => {
    const src = mod(`
      use aptos_framework::timestamp;
      use aptos_framework::account;
      public fun now(): u64 { timestamp::now_seconds() }
      public fun has(a: address): bool { account::exists_at(a) }
    `);
    const e = failure(() => interpret(src)) as MissingNativesError;
    expect(e).toBeInstanceOf(MissingNativesError);
    expect(e.message).toContain("no native for 0x1::timestamp::now_seconds (called from kofi::m)");
    expect(e.missing.map((m) => m.fn).sort()).toEqual([
      "0x1::account::exists_at",
      "0x1::timestamp::now_seconds",
    ]);
    const ok = interpret(src, {
      "0x1::timestamp::now_seconds": () => [7n],
      "0x1::account::exists_at": () => [true],
    });
    expect(ok.call(memoryEnv(), "m", "now", [], [])).toEqual([7n]);
  });
  it("allowMissingNatives lists them and fails only when reached", () => {
    const i = interpret(
      mod(
        `use aptos_framework::timestamp; public fun now(): u64 { timestamp::now_seconds() } public fun one(): u64 { 1 }`,
      ),
      {},
      { allowMissingNatives: true },
    );
    expect(i.missingNatives).toEqual([{ fn: "0x1::timestamp::now_seconds", calledFrom: "kofi::m" }]);
    expect(i.call(memoryEnv(), "m", "one", [], [])).toEqual([1n]);
    expect((failure(() => i.call(memoryEnv(), "m", "now", [], [])) as VmFailure).status).toBe(
      "MISSING_DEPENDENCY",
    );
  });
});
