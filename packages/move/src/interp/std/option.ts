/**
 * `0x1::option` (move-stdlib/sources/option.move, aptos-release-v1.39). The value shape follows the shared
 * contract (`{ vec: [] }` / `{ vec: [e] }`); the abort codes are the real module's: EOPTION_IS_SET = 0x40000,
 * EOPTION_NOT_SET = 0x40001, EOPTION_VEC_TOO_LONG = 0x40002, located at 0x1::option.
 */
import type { NativeFn } from "../natives.ts";
import { Ref, type StructValue, type Value, valueEquals } from "../values.ts";
import { abortIn, deref, entries } from "./util.ts";

interface Opt extends StructValue {
  vec: Value[];
}

const isSet = (fn: string) =>
  abortIn(
    "option",
    0x40000n,
    "EOPTION_IS_SET",
    "The `Option` is in an invalid state for the operation attempted. The `Option` is `Some` while it should be `None`.",
    fn,
  );
const notSet = (fn: string) =>
  abortIn(
    "option",
    0x40001n,
    "EOPTION_NOT_SET",
    "The `Option` is in an invalid state for the operation attempted. The `Option` is `None` while it should be `Some`.",
    fn,
  );

function opt(v: Value | undefined): Opt {
  return deref<Opt>(v);
}

/** The element of a `Some`, or the NOT_SET abort of `fn`. */
function some(o: Opt, fn: string): Value {
  if (o.vec.length === 0) throw notSet(fn);
  return o.vec[0] as Value;
}

export const optionNatives = entries("option", {
  /** Models `option::none`. */
  none: () => [{ vec: [] }],
  /** Models `option::some`. */
  some: (_c, [e]) => [{ vec: [e as Value] }],
  /** Models `option::from_vec`: aborts EOPTION_VEC_TOO_LONG for more than one element. */
  from_vec: (_c, [v]) => {
    const a = v as Value[];
    if (a.length > 1)
      throw abortIn(
        "option",
        0x40002n,
        "EOPTION_VEC_TOO_LONG",
        "Cannot construct an option from a vector with 2 or more elements.",
        "from_vec",
      );
    return [{ vec: a }];
  },
  /** Models `option::is_none`. */
  is_none: (_c, [o]) => [opt(o).vec.length === 0],
  /** Models `option::is_some`. */
  is_some: (_c, [o]) => [opt(o).vec.length !== 0],
  /** Models `option::contains`. */
  contains: (_c, [o, e]) => {
    const v = opt(o).vec;
    return [v.length !== 0 && valueEquals(v[0] as Value, deref(e))];
  },
  /** Models `option::borrow`: aborts EOPTION_NOT_SET on `None`. */
  borrow: (_c, [o]) => {
    const x = opt(o);
    some(x, "borrow");
    return [new Ref(x.vec, 0)];
  },
  /** Models `option::borrow_mut`: aborts EOPTION_NOT_SET on `None`. */
  borrow_mut: (_c, [o]) => {
    const x = opt(o);
    some(x, "borrow_mut");
    return [new Ref(x.vec, 0)];
  },
  /** Models `option::borrow_with_default`. */
  borrow_with_default: (_c, [o, d]) => {
    const x = opt(o);
    return [x.vec.length ? new Ref(x.vec, 0) : (d as Value)];
  },
  /** Models `option::get_with_default`. */
  get_with_default: (_c, [o, d]) => {
    const x = opt(o);
    return [x.vec.length ? (x.vec[0] as Value) : (d as Value)];
  },
  /** Models `option::fill`: aborts EOPTION_IS_SET on `Some`. */
  fill: (_c, [o, e]) => {
    const x = opt(o);
    if (x.vec.length) throw isSet("fill");
    x.vec.push(e as Value);
    return [];
  },
  /** Models `option::extract`: takes the element out, leaving `None`; aborts EOPTION_NOT_SET on `None`. */
  extract: (_c, [o]) => {
    const x = opt(o);
    some(x, "extract");
    return [x.vec.pop() as Value];
  },
  /** Models `option::swap`: aborts EOPTION_NOT_SET on `None`. */
  swap: (_c, [o, e]) => {
    const x = opt(o);
    const old = some(x, "swap");
    x.vec[0] = e as Value;
    return [old];
  },
  /** Models `option::swap_or_fill`: returns the previous option. */
  swap_or_fill: (_c, [o, e]) => {
    const x = opt(o);
    const old = { vec: x.vec.splice(0, x.vec.length) };
    x.vec.push(e as Value);
    return [old];
  },
  /** Models `option::destroy_with_default`. */
  destroy_with_default: (_c, [o, d]) => {
    const x = o as Opt;
    return [x.vec.length ? (x.vec[0] as Value) : (d as Value)];
  },
  /** Models `option::destroy_some`: aborts EOPTION_NOT_SET on `None`. */
  destroy_some: (_c, [o]) => [some(o as Opt, "destroy_some")],
  /** Models `option::destroy_none`: aborts EOPTION_IS_SET on `Some`. */
  destroy_none: (_c, [o]) => {
    if ((o as Opt).vec.length) throw isSet("destroy_none");
    return [];
  },
  /** Models `option::to_vec`. */
  to_vec: (_c, [o]) => [(o as Opt).vec],
} satisfies Record<string, NativeFn>);
