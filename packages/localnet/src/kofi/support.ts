/**
 * Shared helpers for the Kofi executable model: the package address, Move type names, u64/u128 arithmetic
 * that fails like the Move VM's, and `abort(module, name)` that builds the `std::error` abort code for a
 * Kofi error constant.
 *
 * Not a Move module: it stands for the VM semantics (checked arithmetic, `abort`) and `std::option`.
 */

import { KOFI_DEV_ADDRESS } from "@kofi/core/abi";
import { VmError } from "../runtime/errors.ts";
import { type Address, ERROR_CATEGORY_CODE, MoveAbort } from "../runtime/port.ts";
import { kofiError } from "./errors.ts";

/** The named address `kofi` on the localnet (the dev address the ABI is generated for). */
export const KOFI: Address = KOFI_DEV_ADDRESS;

export type KofiModule =
  | "config"
  | "kapt"
  | "stkapt"
  | "vault"
  | "staking_manager"
  | "rewards"
  | "withdrawals"
  | "gateway";

/** `<kofi>::<module>` */
export function moduleId(module: KofiModule): string {
  return `${KOFI}::${module}`;
}

/** `<kofi>::<module>::<Struct>`: the fully qualified struct type for resources and events. */
export function typeOf(module: KofiModule, struct: string): string {
  return `${KOFI}::${module}::${struct}`;
}

// ---------------------------------------------------------------------------------------------------------
// Aborts

/**
 * `abort error::<category>(E_NAME)` in `module`. Reason, category and doc come from the error table
 * (the generated ABI, plus the category table; see errors.ts).
 */
export function abort(module: KofiModule, name: string): never {
  const err = kofiError(module, name);
  if (err === undefined) throw new Error(`kofi model: unknown error ${module}::${name}`);
  const code = (BigInt(ERROR_CATEGORY_CODE[err.category]) << 16n) | err.reason;
  throw new MoveAbort(moduleId(module), name, code, err.doc);
}

/** `assert!(cond, error::<category>(E_NAME))` */
export function check(cond: boolean, module: KofiModule, name: string): asserts cond {
  if (!cond) abort(module, name);
}

/**
 * The Move VM's ARITHMETIC_ERROR (overflow, underflow, division by zero, failed `as u64` cast). Not a
 * `MoveAbort` (there is no abort code): the node reports it as the transaction's vm_status, as the real VM does.
 */
function arithmeticError(detail: string): never {
  throw new VmError("ARITHMETIC_ERROR", 4017, detail);
}

// ---------------------------------------------------------------------------------------------------------
// Checked u64 / u128 arithmetic (bigint), mirroring Move's aborting operators.

export const U64_MAX = (1n << 64n) - 1n;
export const U128_MAX = (1n << 128n) - 1n;

function fit(v: bigint, max: bigint, what: string): bigint {
  if (v < 0n || v > max) arithmeticError(`${what} out of range`);
  return v;
}

/** `a + b` on u64 */
export const add = (a: bigint, b: bigint): bigint => fit(a + b, U64_MAX, "u64 addition");
/** `a - b` on u64 (underflow aborts) */
export const sub = (a: bigint, b: bigint): bigint => fit(a - b, U64_MAX, "u64 subtraction");
/** `a * b` on u64 */
export const mul = (a: bigint, b: bigint): bigint => fit(a * b, U64_MAX, "u64 multiplication");
/** `a / b` on u64 or u128 (floor; division by zero aborts) */
export function div(a: bigint, b: bigint): bigint {
  if (b === 0n) arithmeticError("division by zero");
  return a / b;
}
/** `a + b` on u128 */
export const add128 = (a: bigint, b: bigint): bigint => fit(a + b, U128_MAX, "u128 addition");
/** `a - b` on u128 */
export const sub128 = (a: bigint, b: bigint): bigint => fit(a - b, U128_MAX, "u128 subtraction");
/** `a * b` on u128 */
export const mul128 = (a: bigint, b: bigint): bigint => fit(a * b, U128_MAX, "u128 multiplication");
/** `(x as u64)` */
export const asU64 = (x: bigint): bigint => fit(x, U64_MAX, "u64 cast");
/** `((a as u128) * (b as u128) / (c as u128) as u64)`: floor(a*b/c) computed in u128, cast back to u64. */
export const mulDiv = (a: bigint, b: bigint, c: bigint): bigint => asU64(div(mul128(a, b), c));

export const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
export const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

// ---------------------------------------------------------------------------------------------------------
// std::option::Option<T> as stored on chain: a struct with one field `vec` (empty or one element).

export interface MoveOption<T> {
  vec: T[];
}
export const none = <T>(): MoveOption<T> => ({ vec: [] });
export const some = <T>(v: T): MoveOption<T> => ({ vec: [v] });
export const isSome = <T>(o: MoveOption<T>): boolean => o.vec.length > 0;

/** UTF-8 bytes of a Move byte-string literal (`b"kAPT"`). */
export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
