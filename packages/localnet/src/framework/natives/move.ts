/**
 * The one place the framework natives import `@kofi/move` from: run-time values, failures, native contracts
 * and `formatTy`.
 */
// TEMPORARY: `@kofi/move`'s index does not export the interpreter contracts yet; switch these three paths to
// "@kofi/move" once it does (nothing else in the localnet imports @kofi/move's files).
export type {
  MoveStorage,
  NativeContext,
  NativeFn,
  NativeTable,
} from "../../../../move/src/interp/natives.ts";
export type { StructValue, Value } from "../../../../move/src/interp/values.ts";
export {
  MoveAbort,
  Ref,
  SignerValue,
  VmFailure,
  valueEquals,
} from "../../../../move/src/interp/values.ts";
export type { Ty } from "../../../../move/src/types.ts";
export { formatTy, longAddress } from "../../../../move/src/types.ts";
