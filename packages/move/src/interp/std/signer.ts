/** `0x1::signer` (move-stdlib/sources/signer.move). */
import type { NativeFn } from "../natives.ts";
import { Ref, type SignerValue } from "../values.ts";
import { deref, entries } from "./util.ts";

export const signerNatives = entries("signer", {
  /** Models `signer::address_of(&signer): address`. */
  address_of: (_c, [s]) => [deref<SignerValue>(s).address],
  /** Models the native `signer::borrow_address(&signer): &address` (a read-only reference to a copy). */
  borrow_address: (_c, [s]) => [new Ref([deref<SignerValue>(s).address], 0)],
} satisfies Record<string, NativeFn>);
