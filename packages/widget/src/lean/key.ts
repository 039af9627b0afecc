/**
 * The wallet's public key as simulation needs it, read without the ts-sdk's classes: a ts-sdk `Ed25519PublicKey`
 * (32 bytes), an `AnyPublicKey` wrapping Ed25519 (SingleKey accounts), or raw bytes / hex. Other schemes
 * (Keyless, Secp256k1, MultiKey…) are refused with a clear error: their simulation authenticator is not encoded
 * on the lean path.
 */
import { KofiError } from "@kofi/core";
import type { SenderKey } from "./bcs.ts";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function bytesOf(v: unknown): Uint8Array | null {
  if (v instanceof Uint8Array) return v;
  if (typeof v === "string" && /^(0x)?[0-9a-fA-F]*$/.test(v) && v.replace(/^0x/, "").length % 2 === 0) {
    const hex = v.replace(/^0x/, "");
    return Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
  }
  if (isObject(v) && typeof v.toUint8Array === "function") return (v.toUint8Array as () => Uint8Array)();
  return null;
}

/** `AnyPublicKey` variants (aptos-core `AnyPublicKey`): 0 Ed25519, 1 Secp256k1, 2 Secp256r1, 3 Keyless, 4 Federated. */
const ANY_VARIANTS = ["Ed25519", "Secp256k1", "Secp256r1", "Keyless", "FederatedKeyless"];

/**
 * The sender key for simulation, null when the wallet exposes none (then the simulation is skipped, as on the
 * SDK path). Throws `simulation_failed` for a key scheme the lean path does not encode.
 */
export function senderKeyOf(publicKey: unknown): SenderKey | null {
  if (publicKey === undefined || publicKey === null) return null;
  // AnyPublicKey (SingleKey accounts): `{ publicKey, variant }`.
  if (isObject(publicKey) && typeof publicKey.variant === "number" && "publicKey" in publicKey) {
    const inner = bytesOf(publicKey.publicKey);
    if (publicKey.variant === 0 && inner?.length === 32)
      return { scheme: "single_key_ed25519", publicKey: inner };
    throw unsupported(`single-key ${ANY_VARIANTS[publicKey.variant] ?? `variant ${publicKey.variant}`}`);
  }
  const bytes = bytesOf(publicKey);
  if (bytes?.length === 32) return { scheme: "ed25519", publicKey: bytes };
  throw unsupported(bytes ? `${bytes.length}-byte key` : "unknown key");
}

function unsupported(what: string): KofiError {
  return new KofiError(
    "simulation_failed",
    `This wallet's account uses a ${what}: the widget can simulate Ed25519 and single-key Ed25519 accounts only.`,
  );
}
