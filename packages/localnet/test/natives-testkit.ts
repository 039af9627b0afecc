/**
 * Calling framework natives from TypeScript tests the way the interpreter does. Test-only: it lives in test/,
 * outside the published build (tsconfig.build.json compiles src/ only).
 */

import type { MoveAbort, StructValue, Ty, Value } from "../src/framework/natives/move.ts";
import { longAddress as long, Ref, SignerValue } from "../src/framework/natives/move.ts";
import type { MoveTestWorld } from "../src/framework/natives/world.ts";

export const addr = (a: string): `0x${string}` => long(a) as `0x${string}`;
export const sig = (a: string) => new SignerValue(addr(a));
/** A `&T` argument. */
export const ref = (v: Value) => new Ref([v], 0);
export const str = (s: string): StructValue => ({ bytes: [...new TextEncoder().encode(s)].map(BigInt) });
export const bytes = (s: string): bigint[] => [...new TextEncoder().encode(s)].map(BigInt);
export const structTy = (a: string, module: string, name: string): Ty => ({
  k: "struct",
  address: long(a),
  module,
  name,
  args: [],
});
export const APTOS_COIN: Ty = structTy("0x1", "aptos_coin", "AptosCoin");
export const FA_METADATA: Ty = structTy("0x1", "fungible_asset", "Metadata");

/** Calls `0x1::module::fn` with `args` (and type arguments) as the interpreter would. */
export function call(w: MoveTestWorld, fn: string, args: Value[] = [], typeArgs: Ty[] = []): Value[] {
  const f = w.natives.get(fn);
  if (!f) throw new Error(`no native ${fn}`);
  return f({ host: w.env.host, storage: w.env.storage, typeArgs, emit: (t, d) => w.env.emit(t, d) }, args);
}

/** The abort `f` raises (fails the test when it returns normally). */
export function abortOf(f: () => unknown): MoveAbort {
  try {
    f();
  } catch (e) {
    return e as MoveAbort;
  }
  throw new Error("expected a Move abort");
}

const APT = 100_000_000n;
/** `test_helpers::setup_framework` of Kofi's Move tests: 1 % per epoch, 1 h lockups, 60 s epochs. */
export function setupFramework(w: MoveTestWorld): void {
  call(w, "0x1::delegation_pool::initialize_for_test_custom", [
    ref(sig("0x1")),
    100n * APT,
    10_000_000n * APT,
    3600n,
    true,
    1n,
    100n,
    1_000_000n,
  ]);
  call(w, "0x1::block::initialize_for_test", [ref(sig("0x1")), 60_000_000n]);
}
