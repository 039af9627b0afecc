/** The std natives against the real modules' behaviour: results, abort codes and locations. */
import { describe, expect, it } from "vitest";
import type { NativeContext } from "../natives.ts";
import { MoveAbort, Ref, SignerValue, type Value, VmFailure } from "../values.ts";
import { stdNatives } from "./index.ts";

const natives = stdNatives();
const ctx = {} as NativeContext;
const call = (key: string, ...args: Value[]) => {
  const f = natives.get(key);
  if (!f) throw new Error(`no ${key}`);
  return f(ctx, args);
};
const ref = (v: Value) => new Ref([v], 0);
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}
const ONE = `0x${"0".repeat(63)}1`;

describe("0x1::vector", () => {
  it("reads and writes through references", () => {
    const v: Value[] = [1n, 2n, 3n];
    const r = call("0x1::vector::borrow_mut", ref(v), 1n)[0] as Ref;
    r.set(20n);
    expect(v).toEqual([1n, 20n, 3n]);
    expect(call("0x1::vector::length", ref(v))).toEqual([3n]);
    expect(call("0x1::vector::index_of", ref(v), ref(20n))).toEqual([true, 1n]);
    expect(call("0x1::vector::index_of", ref(v), ref(9n))).toEqual([false, 0n]);
    expect(call("0x1::vector::contains", ref([{ a: 1n }]), ref({ a: 1n }))).toEqual([true]);
  });
  it("remove keeps order, swap_remove moves the last element, insert shifts", () => {
    const v: Value[] = [1n, 2n, 3n, 4n];
    expect(call("0x1::vector::remove", ref(v), 1n)).toEqual([2n]);
    expect(v).toEqual([1n, 3n, 4n]);
    expect(call("0x1::vector::swap_remove", ref(v), 0n)).toEqual([1n]);
    expect(v).toEqual([4n, 3n]);
    call("0x1::vector::insert", ref(v), 2n, 9n);
    expect(v).toEqual([4n, 3n, 9n]);
    call("0x1::vector::reverse", ref(v));
    call("0x1::vector::append", ref(v), [7n]);
    expect(v).toEqual([9n, 3n, 4n, 7n]);
  });
  it("Move-defined functions abort EINDEX_OUT_OF_BOUNDS (0x20000) at 0x1::vector", () => {
    for (const f of [
      () => call("0x1::vector::remove", ref([1n]), 1n),
      () => call("0x1::vector::swap_remove", ref([]), 0n),
      () => call("0x1::vector::insert", ref([1n]), 2n, 0n),
    ]) {
      const e = thrown(f) as MoveAbort;
      expect(e).toBeInstanceOf(MoveAbort);
      expect(e.code).toBe(0x20000n);
      expect(e.module).toBe(`${ONE}::vector`);
    }
  });
  it("bytecode instructions fail with VECTOR_OPERATION_ERROR, located by the caller", () => {
    for (const f of [
      () => call("0x1::vector::borrow", ref([1n]), 1n),
      () => call("0x1::vector::pop_back", ref([])),
      () => call("0x1::vector::swap", ref([1n]), 0n, 1n),
      () => call("0x1::vector::swap_remove", ref([1n]), 3n),
      () => call("0x1::vector::destroy_empty", [1n]),
    ]) {
      const e = thrown(f) as VmFailure;
      expect(e).toBeInstanceOf(VmFailure);
      expect(e.status).toBe("VECTOR_OPERATION_ERROR");
      expect(e.module).toBe("");
    }
  });
});

describe("0x1::option", () => {
  it("some/none/extract/borrow", () => {
    const o = call("0x1::option::some", 5n)[0] as { vec: Value[] };
    expect(call("0x1::option::is_some", ref(o))).toEqual([true]);
    expect((call("0x1::option::borrow", ref(o))[0] as Ref).get()).toBe(5n);
    expect(call("0x1::option::extract", ref(o))).toEqual([5n]);
    expect(call("0x1::option::is_none", ref(o))).toEqual([true]);
  });
  it("aborts EOPTION_NOT_SET 0x40001 / EOPTION_IS_SET 0x40000 at 0x1::option", () => {
    const none = () => ({ vec: [] as Value[] });
    const notSet = thrown(() => call("0x1::option::extract", ref(none()))) as MoveAbort;
    expect([notSet.code, notSet.module, notSet.errorName]).toEqual([
      0x40001n,
      `${ONE}::option`,
      "EOPTION_NOT_SET",
    ]);
    expect((thrown(() => call("0x1::option::destroy_some", none())) as MoveAbort).code).toBe(0x40001n);
    expect((thrown(() => call("0x1::option::fill", ref({ vec: [1n] }), 2n)) as MoveAbort).code).toBe(
      0x40000n,
    );
    expect((thrown(() => call("0x1::option::destroy_none", { vec: [1n] })) as MoveAbort).code).toBe(0x40000n);
  });
});

describe("0x1::error, signer, string", () => {
  it("canonical codes for every category", () => {
    expect(call("0x1::error::invalid_argument", 1n)).toEqual([0x10001n]);
    expect(call("0x1::error::permission_denied", 1n)).toEqual([0x50001n]);
    expect(call("0x1::error::unavailable", 0xffffn)).toEqual([0xdffffn]);
    expect(call("0x1::error::canonical", 3n, 2n)).toEqual([0x30002n]);
  });
  it("signer::address_of", () => {
    expect(call("0x1::signer::address_of", ref(new SignerValue(ONE)))).toEqual([ONE]);
  });
  it("string::utf8 accepts UTF-8 and aborts EINVALID_UTF8 (1) otherwise", () => {
    const bytes = [...new TextEncoder().encode("kAPT é")].map(BigInt);
    expect(call("0x1::string::utf8", bytes)).toEqual([{ bytes }]);
    const e = thrown(() => call("0x1::string::utf8", [0xffn])) as MoveAbort;
    expect([e.code, e.module]).toEqual([1n, `${ONE}::string`]);
  });
});
