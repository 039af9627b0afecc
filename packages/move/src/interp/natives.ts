/**
 * How the interpreter reaches code it does not interpret: every function of a module outside the package
 * (`0x1::*` framework and std functions) runs as a native.
 *
 * `@kofi/move` ships the pure std natives (`std::vector`, `std::signer`, `std::error`, `std::option`,
 * `std::string`, ...: `stdNatives()`); `@kofi/localnet` binds the chain-facing framework functions to its
 * framework model (`packages/localnet/src/framework/natives/`). A package that calls a framework function
 * with no native is refused at load time, naming the function.
 */
import type { Ty } from "../types.ts";
import type { StructValue, Value } from "./values.ts";

/**
 * Global storage as Move sees it: one value per (address, fully qualified struct type as `formatTy` prints it).
 * The localnet's transaction journal satisfies it as it is.
 */
export interface MoveStorage {
  exists(addr: string, type: string): boolean;
  /** Read-only; throws when missing (the interpreter checks `exists` first and raises RESOURCE_DOES_NOT_EXIST). */
  borrow<T>(addr: string, type: string): Readonly<T>;
  /** The transaction's mutable copy; the same object on repeated calls. */
  borrowMut<T>(addr: string, type: string): T;
  moveTo<T>(addr: string, type: string, value: T): void;
  moveFrom<T>(addr: string, type: string): T;
  /**
   * Optional single-lookup forms of `exists` + `borrow` / `borrowMut`: undefined when missing (a resource is a
   * struct, never undefined). The storage builtins use them when present.
   */
  tryBorrow?<T>(addr: string, type: string): Readonly<T> | undefined;
  tryBorrowMut?<T>(addr: string, type: string): T | undefined;
}

/** What a native sees of the call. `H` is the embedder's host (the localnet passes its runtime). */
export interface NativeContext<H = unknown> {
  readonly host: H;
  readonly storage: MoveStorage;
  /** The call's type arguments, fully resolved. */
  readonly typeArgs: readonly Ty[];
  /** Emits a module event (`0x1::event::emit`): `type` as `formatTy` prints it. */
  emit(type: string, data: StructValue): void;
}

/**
 * A native function. Arguments arrive in parameter order; a reference parameter (`&T`, `&mut T`) arrives as a
 * `Ref` (read with `.get()`, write with `.set()`), every other parameter as a value the native owns.
 * Returns the function's return values in order (`[]` for unit); a returned reference is a `Ref`.
 * Failures: throw `MoveAbort` (with the framework module and its error code) or `VmFailure`.
 */
export type NativeFn<H = unknown> = (ctx: NativeContext<H>, args: Value[]) => Value[];

/** Natives by fully qualified name: `0x1::vector::push_back` (address in short form for 0x0..0xf). */
export type NativeTable<H = unknown> = ReadonlyMap<string, NativeFn<H>>;
