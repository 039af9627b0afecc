/**
 * Signature checks shared by the node (transaction authenticators) and the framework model (key rotation
 * proofs). Ed25519 runs natively (node:crypto, ~20x a JS implementation); every other scheme is verified by
 * the ts-sdk's own key classes (Secp256k1 through @noble/curves, MultiKey and MultiEd25519 key by key).
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";
import {
  AnyPublicKey,
  AnySignature,
  Ed25519PublicKey,
  Ed25519Signature,
  KeylessPublicKey,
  type MultiEd25519PublicKey,
  type MultiEd25519Signature,
  type MultiKey,
  type MultiKeySignature,
  Secp256k1PublicKey,
  Secp256k1Signature,
} from "@aptos-labs/ts-sdk";
import { bytesToHex, sha3 } from "./address.ts";

const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const keyCache = new Map<string, KeyObject>();

function ed25519Key(pk: Uint8Array): KeyObject {
  const hex = Buffer.from(pk).toString("hex");
  let k = keyCache.get(hex);
  if (!k) {
    k = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, pk]), format: "der", type: "spki" });
    if (keyCache.size > 10_000) keyCache.clear();
    keyCache.set(hex, k);
  }
  return k;
}

/** Native (OpenSSL) Ed25519 verification. */
export function verifyEd25519(pk: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean {
  if (pk.length !== 32 || sig.length !== 64) return false;
  try {
    return verify(null, msg, ed25519Key(pk), sig);
  } catch {
    return false;
  }
}

/** Authentication key schemes (`0x1::account`'s `*_SCHEME` constants). */
export const SCHEME = { ed25519: 0, multiEd25519: 1, singleKey: 2, multiKey: 3 } as const;

/** `sha3_256(public key bytes ‖ scheme)`: the authentication key of a public key, as 32-byte hex. */
export function authKeyOf(publicKeyBytes: Uint8Array, scheme: number): `0x${string}` {
  return bytesToHex(sha3(publicKeyBytes, Uint8Array.of(scheme)));
}

/** Thrown for key types the localnet cannot verify (keyless needs the JWK and Groth16 set-up of a real chain). */
export class UnsupportedKey extends Error {}

/** One SingleKey signature: Ed25519 natively, Secp256k1 by the ts-sdk; keyless / WebAuthn unsupported. */
export function verifyAnyKey(pk: AnyPublicKey, msg: Uint8Array, sig: AnySignature): boolean {
  const inner = pk.publicKey;
  const s = sig.signature;
  if (inner instanceof Ed25519PublicKey) {
    return s instanceof Ed25519Signature && verifyEd25519(inner.toUint8Array(), msg, s.toUint8Array());
  }
  if (inner instanceof Secp256k1PublicKey) {
    if (!(s instanceof Secp256k1Signature)) return false;
    try {
      return inner.verifySignature({ message: msg, signature: s });
    } catch {
      return false;
    }
  }
  if (inner instanceof KeylessPublicKey) throw new UnsupportedKey("keyless signatures are not supported");
  throw new UnsupportedKey(`${pk.constructor.name} variant ${pk.variant} signatures are not supported`);
}

/** Indices (0-based, most significant bit first) set in a 4-byte signer bitmap. */
export function bitmapIndices(bitmap: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bitmap.length * 8; i++) {
    if (((bitmap[i >> 3] as number) >> (7 - (i & 7))) & 1) out.push(i);
  }
  return out;
}

/**
 * A MultiKey signature, as the node checks it (aptos-types `multi_key.rs`): one signature per set bit of the
 * bitmap, at least `signatures_required` of them, each valid for the key at its index.
 */
export function verifyMultiKey(pk: MultiKey, msg: Uint8Array, sig: MultiKeySignature): boolean {
  const idx = bitmapIndices(sig.bitmap);
  if (idx.length !== sig.signatures.length || idx.length < pk.signaturesRequired) return false;
  return idx.every((k, i) => {
    const key = pk.publicKeys[k];
    const s = sig.signatures[i];
    return key !== undefined && s !== undefined && verifyAnyKey(key, msg, s);
  });
}

/** A MultiEd25519 signature (`multi_ed25519.rs`): bitmap indices, threshold, each Ed25519 signature valid. */
export function verifyMultiEd25519(
  pk: MultiEd25519PublicKey,
  msg: Uint8Array,
  sig: MultiEd25519Signature,
): boolean {
  const idx = bitmapIndices(sig.bitmap);
  if (idx.length !== sig.signatures.length || idx.length < pk.threshold) return false;
  return idx.every((k, i) => {
    const key = pk.publicKeys[k];
    const s = sig.signatures[i];
    return key !== undefined && s !== undefined && verifyEd25519(key.toUint8Array(), msg, s.toUint8Array());
  });
}

export { AnyPublicKey, AnySignature };
