import { ERROR_CATEGORY_CODE, type ErrorCategory, MoveAbort } from "./port.ts";

/**
 * A VM-level execution failure that is not a Move abort (missing resource, arithmetic error...). The node
 * reports it as the transaction's `vm_status`, like the real VM does (`RESOURCE_DOES_NOT_EXIST` etc.).
 */
export class VmError extends Error {
  constructor(
    readonly status: string,
    readonly code: number,
    detail?: string,
  ) {
    super(detail ? `${status}: ${detail}` : status);
    this.name = "VmError";
  }
}

export const abortCode = (category: ErrorCategory, reason: number): bigint =>
  (BigInt(ERROR_CATEGORY_CODE[category]) << 16n) | BigInt(reason);

/** Build a framework abort, e.g. `frameworkAbort("coin", "EINSUFFICIENT_BALANCE", "invalid_argument", 6, "...")`. */
export function frameworkAbort(
  module: string,
  name: string,
  category: ErrorCategory,
  reason: number,
  doc: string,
): MoveAbort {
  return new MoveAbort(`0x1::${module}`, name, abortCode(category, reason), doc);
}

const U64_MAX = (1n << 64n) - 1n;
const U128_MAX = (1n << 128n) - 1n;

/** u64 arithmetic check: Move aborts with ARITHMETIC_ERROR on overflow/underflow. */
export function u64(v: bigint): bigint {
  if (v < 0n || v > U64_MAX) throw new VmError("ARITHMETIC_ERROR", 4017, `u64 out of range: ${v}`);
  return v;
}
export function u128(v: bigint): bigint {
  if (v < 0n || v > U128_MAX) throw new VmError("ARITHMETIC_ERROR", 4017, `u128 out of range: ${v}`);
  return v;
}
export { U64_MAX, U128_MAX };
