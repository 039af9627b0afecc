/**
 * `0x1::vector` (move-stdlib/sources/vector.move, aptos-release-v1.39). The `#[bytecode_instruction]`
 * functions (borrow, borrow_mut, pop_back, swap, destroy_empty) fail with VECTOR_OPERATION_ERROR in the caller;
 * the Move-defined ones (remove, swap_remove on an empty vector, insert, replace) abort with the module's
 * EINDEX_OUT_OF_BOUNDS = 0x20000 at 0x1::vector, as their Move bodies do.
 */
import { UNIT_VALUE } from "../frame.ts";
import { type DirectNative, registerDirect } from "../native-call.ts";
import type { NativeFn } from "../natives.ts";
import { Ref, type Value, valueEquals } from "../values.ts";
import { abortIn, deref, entries, index, vectorFailure } from "./util.ts";

const EINDEX_OUT_OF_BOUNDS = 0x20000n;

function outOfBounds(fn: string) {
  return abortIn(
    "vector",
    EINDEX_OUT_OF_BOUNDS,
    "EINDEX_OUT_OF_BOUNDS",
    "The index into the vector is out of bounds",
    fn,
  );
}

function arr(v: Value | undefined): Value[] {
  return deref<Value[]>(v);
}

function checkIndex(a: Value[], i: number, op: string): void {
  if (i >= a.length) throw vectorFailure(`${op}: index ${i} out of bounds (length ${a.length})`);
}

// The bytecode-instruction natives below are defined through a context-free form (`registerDirect`): call
// sites run that form directly, and the table entry is the same function wrapped in a result list.

/** Models `vector::empty` (bytecode VecPack). */
const emptyD: DirectNative = () => [];
const empty: NativeFn = registerDirect(() => [emptyD(undefined, undefined)], emptyD);
/** `BigInt(i)` for the lengths most vectors have: a shared value instead of a fresh bigint per call. */
const SMALL: readonly bigint[] = Array.from({ length: 256 }, (_, i) => BigInt(i));
/** Models `vector::length` (bytecode VecLen). */
const lengthD: DirectNative = (v) => {
  const n = arr(v).length;
  return n < 256 ? (SMALL[n] as bigint) : BigInt(n);
};
const length: NativeFn = registerDirect((_c, [v]) => [lengthD(v, undefined)], lengthD);
/** Models `vector::borrow` (bytecode VecImmBorrow): a reference to element `i`. */
const borrowD: DirectNative = (v, i) => {
  const a = arr(v);
  const k = index(i);
  checkIndex(a, k, "borrow");
  return new Ref(a, k);
};
const borrow: NativeFn = registerDirect((_c, [v, i]) => [borrowD(v, i)], borrowD);
/** Models `vector::push_back` (bytecode VecPushBack). */
const push_back: NativeFn = registerDirect(
  (_c, [v, e]) => {
    arr(v).push(e as Value);
    return [];
  },
  (v, e) => {
    arr(v).push(e as Value);
    return UNIT_VALUE;
  },
);
/** Models `vector::pop_back` (bytecode VecPopBack): fails on an empty vector. */
const pop_back: NativeFn = (_c, [v]) => {
  const a = arr(v);
  if (a.length === 0) throw vectorFailure("pop_back on an empty vector");
  return [a.pop() as Value];
};
/** Models `vector::destroy_empty` (bytecode VecUnpack 0). */
const destroy_empty: NativeFn = (_c, [v]) => {
  if (arr(v).length !== 0) throw vectorFailure("destroy_empty on a non-empty vector");
  return [];
};
/** Models `vector::swap` (bytecode VecSwap). */
const swap: NativeFn = (_c, [v, i, j]) => {
  const a = arr(v);
  const x = index(i);
  const y = index(j);
  checkIndex(a, x, "swap");
  checkIndex(a, y, "swap");
  const t = a[x] as Value;
  a[x] = a[y] as Value;
  a[y] = t;
  return [];
};
/** Models `vector::singleton`. */
const singleton: NativeFn = (_c, [e]) => [[e as Value]];
/** Models `vector::reverse`. */
const reverse: NativeFn = (_c, [v]) => {
  arr(v).reverse();
  return [];
};
/** Models `vector::append`: `other`'s elements go to the end of `self`, in order. */
const append: NativeFn = (_c, [v, other]) => {
  const a = arr(v);
  for (const e of other as Value[]) a.push(e);
  return [];
};
/** Models `vector::is_empty`. */
const isEmptyD: DirectNative = (v) => arr(v).length === 0;
const is_empty: NativeFn = registerDirect((_c, [v]) => [isEmptyD(v, undefined)], isEmptyD);
/** Models `vector::contains`: structural equality with `*e`. */
const contains: NativeFn = (_c, [v, e]) => {
  const x = deref(e);
  return [arr(v).some((y) => valueEquals(y, x))];
};
/** Models `vector::index_of`: `(true, i)` for the first equal element, else `(false, 0)`. */
const index_of: NativeFn = (_c, [v, e]) => {
  const x = deref(e);
  const k = arr(v).findIndex((y) => valueEquals(y, x));
  return k < 0 ? [false, 0n] : [true, BigInt(k)];
};
/** Models `vector::remove`: aborts EINDEX_OUT_OF_BOUNDS when `i >= length`; keeps the order of the rest. */
const remove: NativeFn = (_c, [v, i]) => {
  const a = arr(v);
  const k = index(i);
  if (k >= a.length) throw outOfBounds("remove");
  return [a.splice(k, 1)[0] as Value];
};
/**
 * Models `vector::swap_remove`: aborts EINDEX_OUT_OF_BOUNDS on an empty vector; an index out of bounds of a
 * non-empty one fails in its `swap` (VECTOR_OPERATION_ERROR).
 */
const swap_remove: NativeFn = (_c, [v, i]) => {
  const a = arr(v);
  if (a.length === 0) throw outOfBounds("swap_remove");
  const k = index(i);
  checkIndex(a, k, "swap");
  const last = a.pop() as Value;
  if (k === a.length) return [last];
  const out = a[k] as Value;
  a[k] = last;
  return [out];
};
/** Models `vector::insert`: aborts EINDEX_OUT_OF_BOUNDS when `i > length`. */
const insert: NativeFn = (_c, [v, i, e]) => {
  const a = arr(v);
  const k = index(i);
  if (k > a.length) throw outOfBounds("insert");
  a.splice(k, 0, e as Value);
  return [];
};
/** Models `vector::replace`: aborts EINDEX_OUT_OF_BOUNDS when `i >= length`; returns the old element. */
const replace: NativeFn = (_c, [v, i, e]) => {
  const a = arr(v);
  const k = index(i);
  if (k >= a.length) throw outOfBounds("replace");
  const old = a[k] as Value;
  a[k] = e as Value;
  return [old];
};

export const vectorNatives = entries("vector", {
  empty,
  length,
  borrow,
  borrow_mut: borrow,
  push_back,
  pop_back,
  destroy_empty,
  swap,
  singleton,
  reverse,
  append,
  is_empty,
  contains,
  index_of,
  remove,
  swap_remove,
  insert,
  replace,
});
