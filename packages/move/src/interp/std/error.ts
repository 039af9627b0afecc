/**
 * `0x1::error` (move-stdlib/sources/error.move): canonical codes `(category << 16) + reason`, one function
 * per category. The shift keeps 64 bits and the addition is checked, as the Move body's u64 arithmetic is.
 */
import type { NativeFn } from "../natives.ts";
import { VmFailure } from "../values.ts";
import { entries, stdModule } from "./util.ts";

const U64 = 0xffff_ffff_ffff_ffffn;

/** Models `error::canonical(category, reason)`. */
export function canonical(category: bigint, reason: bigint): bigint {
  const r = ((category << 16n) & U64) + reason;
  if (r > U64) throw new VmFailure("ARITHMETIC_ERROR", "u64 addition overflow", stdModule("error"));
  return r;
}

/** The categories of error.move, by the name of the function that builds each. */
export const ERROR_CATEGORIES: Record<string, bigint> = {
  invalid_argument: 0x1n,
  out_of_range: 0x2n,
  invalid_state: 0x3n,
  unauthenticated: 0x4n,
  permission_denied: 0x5n,
  not_found: 0x6n,
  aborted: 0x7n,
  already_exists: 0x8n,
  resource_exhausted: 0x9n,
  cancelled: 0xan,
  internal: 0xbn,
  not_implemented: 0xcn,
  unavailable: 0xdn,
};

const fns: Record<string, NativeFn> = {
  canonical: (_c, [cat, reason]) => [canonical(cat as bigint, reason as bigint)],
};
for (const [name, cat] of Object.entries(ERROR_CATEGORIES)) {
  fns[name] = (_c, [reason]) => [canonical(cat, reason as bigint)];
}

export const errorNatives = entries("error", fns);
