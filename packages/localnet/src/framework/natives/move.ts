/**
 * The one place the framework natives import `@kofi/move` from: run-time values, failures, native contracts
 * and `formatTy`.
 */
export type {
  MoveStorage,
  NativeContext,
  NativeFn,
  NativeTable,
  StructValue,
  Ty,
  Value,
} from "@kofi/move";
export { formatTy, longAddress, MoveAbort, Ref, SignerValue, VmFailure, valueEquals } from "@kofi/move";
