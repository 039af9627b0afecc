import { createHash, hash } from "node:crypto";
import type { Address } from "./port.ts";

/** Derivation scheme bytes, as in `0x1::account` / `0x1::object`. */
export const SCHEME_DERIVE_RESOURCE_ACCOUNT = 0xff;
export const SCHEME_OBJECT_FROM_SEED = 0xfe;
export const SCHEME_OBJECT_FROM_GUID = 0xfd;
export const SCHEME_AUID = 0xfb;
export const SCHEME_USER_DERIVED = 0xfc;

const HEX64 = /^[0-9a-f]{64}$/;

/** Normalise any 0x-address (short or long, any case) to `0x` + 64 lowercase hex digits. Throws on bad input. */
export function normalizeAddress(input: string): Address {
  let s = input.trim().toLowerCase();
  if (s.startsWith("0x")) s = s.slice(2);
  if (s.length === 0 || s.length > 64 || !/^[0-9a-f]+$/.test(s)) throw new Error(`invalid address: ${input}`);
  return `0x${s.padStart(64, "0")}`;
}

export function isNormalizedAddress(s: string): s is Address {
  return s.startsWith("0x") && HEX64.test(s.slice(2));
}

/** Short form as the node prints module addresses (`0x1`, `0x6b6f6669`...). Special addresses only. */
export function shortAddress(a: Address): string {
  const s = a.slice(2).replace(/^0+/, "");
  return `0x${s === "" ? "0" : s}`;
}

export function addressBytes(a: Address): Uint8Array {
  return Buffer.from(a.slice(2), "hex");
}

export function bytesToHex(b: Uint8Array): `0x${string}` {
  return `0x${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex")}`;
}

export function hexToBytes(h: string): Uint8Array {
  const s = h.startsWith("0x") ? h.slice(2) : h;
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw new Error(`invalid hex: ${h}`);
  return new Uint8Array(Buffer.from(s, "hex"));
}

export function sha3(...parts: Uint8Array[]): Uint8Array {
  const h = createHash("sha3-256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

/**
 * Derived addresses by `scheme:address:seed hex`. Derivation is a pure function and the same few are asked
 * for again and again (token metadata objects, primary stores of the same accounts), while a sha3 through
 * node:crypto costs a few µs. Cleared when full, so a long-lived node's memo stays bounded.
 */
const derived = new Map<string, Address>();
const DERIVED_MAX = 50_000;

function derive(a: Address, seed: Uint8Array | Address, scheme: number): Address {
  const seedHex =
    typeof seed === "string"
      ? seed
      : Buffer.from(seed.buffer, seed.byteOffset, seed.byteLength).toString("hex");
  const key = `${scheme}:${a}:${seedHex}`;
  let out = derived.get(key);
  if (out === undefined) {
    const seedBytes = typeof seed === "string" ? addressBytes(seed) : seed;
    out = sha3Hex(addressBytes(a), seedBytes, Uint8Array.of(scheme));
    if (derived.size >= DERIVED_MAX) derived.clear();
    derived.set(key, out);
  }
  return out;
}

/** `account::create_resource_address(source, seed)` = sha3_256(source ‖ seed ‖ 0xFF). */
export function resourceAccountAddress(source: Address, seed: Uint8Array): Address {
  return derive(source, seed, SCHEME_DERIVE_RESOURCE_ACCOUNT);
}

/** `object::create_object_address(creator, seed)` = sha3_256(creator ‖ seed ‖ 0xFE). */
export function namedObjectAddress(creator: Address, seed: Uint8Array): Address {
  return derive(creator, seed, SCHEME_OBJECT_FROM_SEED);
}

/** `object::create_user_derived_object_address(owner, metadata)` = sha3_256(owner ‖ metadata ‖ 0xFC): primary stores. */
export function primaryStoreAddress(owner: Address, metadata: Address): Address {
  // the metadata address string stands for its bytes in the memo key (same bytes, same string form)
  return derive(owner, metadata, SCHEME_USER_DERIVED);
}

/** `transaction_context::generate_auid_address()` = sha3_256(txn_hash ‖ counter as u64 LE ‖ 0xFB). */
export function auidAddress(txnHash: Uint8Array, counter: bigint): Address {
  const c = Buffer.alloc(8);
  c.writeBigUInt64LE(counter);
  return sha3Hex(txnHash, c, Uint8Array.of(SCHEME_AUID));
}

/**
 * `bytesToHex(sha3(...parts))` through node:crypto's one-shot `hash` (hex out): a fifth of a Hash object's cost
 * for these few dozen bytes. Every created object (withdrawal tickets...) takes one.
 */
function sha3Hex(...parts: Uint8Array[]): Address {
  return `0x${hash("sha3-256", Buffer.concat(parts), "hex")}`;
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
