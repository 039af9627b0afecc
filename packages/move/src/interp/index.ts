/** The interpreter's public surface (re-exported by the package index). */
export { CompileError } from "./compile.ts";
export { DEFAULT_STEP_LIMIT, type MoveEnv } from "./frame.ts";
export { Interpreter, type InterpreterOptions, MissingNativesError } from "./interpreter.ts";
export type { MissingNative } from "./link.ts";
export { MemoryStorage, memoryEnv } from "./memory-storage.ts";
export type { MoveStorage, NativeContext, NativeFn, NativeTable } from "./natives.ts";
export { canonical, ERROR_CATEGORIES } from "./std/error.ts";
export { stdNatives } from "./std/index.ts";
export {
  copyValue,
  GlobalRef,
  MoveAbort,
  Ref,
  SignerValue,
  type StructValue,
  type Value,
  VmFailure,
  valueEquals,
} from "./values.ts";
