import { type Address, MoveAbort, type Signer } from "../runtime/port.ts";

/** Argument narrowing for venue bindings (the node already decoded them with the ABI). */
export function argU(args: readonly unknown[], i: number): bigint {
  const v = args[i];
  if (typeof v !== "bigint") throw new Error(`venue binding: argument ${i} must be an integer`);
  return v;
}
export function argA(args: readonly unknown[], i: number): Address {
  const v = args[i];
  if (typeof v !== "string" || !v.startsWith("0x"))
    throw new Error(`venue binding: argument ${i} must be an address`);
  return v as Address;
}
export function argVecA(args: readonly unknown[], i: number): Address[] {
  const v = args[i];
  if (!Array.isArray(v)) throw new Error(`venue binding: argument ${i} must be a vector`);
  return v.map((x) => argA([x], 0));
}
export function signerOf(s: Signer | undefined): Signer {
  if (!s) throw new Error("venue binding: entry function called without a signer");
  return s;
}

/** A bare-code abort (Hyperion and Echelon abort with plain u64 codes, not `std::error` categories). */
export function venueAbort(moduleId: string, name: string, code: bigint, doc: string): never {
  throw new MoveAbort(moduleId, name, code, doc);
}

export const U64_MAX = (1n << 64n) - 1n;
