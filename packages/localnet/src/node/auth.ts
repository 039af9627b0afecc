/**
 * Transaction authenticators as the node verifies them (aptos-types `transaction/authenticator.rs`): every
 * signer's signature over the right signing message, and each signer's authentication key. Supported: legacy
 * Ed25519, MultiEd25519, SingleKey (Ed25519, Secp256k1), MultiKey (any mix of those), as the sender, as
 * multi-agent secondary signers and as the fee payer. Keyless, WebAuthn (Secp256r1) and account abstraction
 * are refused with INVALID_SIGNATURE and a message saying so.
 */
import {
  AccountAddress,
  type AccountAuthenticator,
  AccountAuthenticatorEd25519,
  AccountAuthenticatorMultiEd25519,
  AccountAuthenticatorMultiKey,
  AccountAuthenticatorNoAccountAuthenticator,
  AccountAuthenticatorSingleKey,
  type AnyPublicKey,
  type AnySignature,
  FeePayerRawTransaction,
  MultiAgentRawTransaction,
  type MultiEd25519PublicKey,
  type MultiEd25519Signature,
  type RawTransaction,
  type TransactionAuthenticator,
  TransactionAuthenticatorEd25519,
  TransactionAuthenticatorFeePayer,
  TransactionAuthenticatorMultiAgent,
  TransactionAuthenticatorMultiEd25519,
  TransactionAuthenticatorSingleSender,
} from "@aptos-labs/ts-sdk";
import { bytesToHex, sha3, utf8 } from "../runtime/address.ts";
import {
  authKeyOf,
  bitmapIndices,
  SCHEME,
  UnsupportedKey,
  verifyAnyKey,
  verifyEd25519,
  verifyMultiEd25519,
  verifyMultiKey,
} from "../runtime/crypto.ts";
import type { Address } from "../runtime/port.ts";
import { VM, vmValidation } from "./errors.ts";

const RAW_TX_PREFIX = sha3(utf8("APTOS::RawTransaction"));
const RAW_TX_WITH_DATA_PREFIX = sha3(utf8("APTOS::RawTransactionWithData"));

/** One signer's authenticator: how to check it, its authentication key, and its JSON. */
export interface SignerAuth {
  /** `AccountAuthenticatorNoAccountAuthenticator` (simulation only): no key checks. */
  none: boolean;
  authKey: `0x${string}`;
  /** True when the signature is valid for `msg`; throws UnsupportedKey for schemes the localnet cannot check. */
  verify(msg: Uint8Array): boolean;
  json: unknown;
}

export interface TxAuth {
  kind: "single" | "multi_agent" | "fee_payer";
  sender: SignerAuth;
  secondary: { address: Address; auth: SignerAuth }[];
  feePayer?: { address: Address; auth: SignerAuth };
  json: unknown;
}

const keyType: Record<number, string> = {
  0: "ed25519",
  1: "secp256k1_ecdsa",
  2: "secp256r1_ecdsa",
  3: "keyless",
  4: "federated_keyless",
};
const sigType: Record<number, string> = { 0: "ed25519", 1: "secp256k1_ecdsa", 2: "webauthn", 3: "keyless" };

function anyKeyJson(pk: AnyPublicKey) {
  return { value: bytesToHex(pk.publicKey.toUint8Array()), type: keyType[pk.variant] ?? "unknown" };
}
function anySigJson(s: AnySignature) {
  return {
    value: bytesToHex(s.signature.toUint8Array()),
    type: sigType[(s as unknown as { variant: number }).variant] ?? "unknown",
  };
}

function ed25519Auth(pk: Uint8Array, sig: Uint8Array): SignerAuth {
  return {
    none: false,
    authKey: authKeyOf(pk, SCHEME.ed25519),
    verify: (msg) => verifyEd25519(pk, msg, sig),
    json: { public_key: bytesToHex(pk), signature: bytesToHex(sig), type: "ed25519_signature" },
  };
}

function multiEd25519Auth(pk: MultiEd25519PublicKey, sig: MultiEd25519Signature): SignerAuth {
  return {
    none: false,
    authKey: authKeyOf(pk.toUint8Array(), SCHEME.multiEd25519),
    verify: (msg) => verifyMultiEd25519(pk, msg, sig),
    json: {
      public_keys: pk.publicKeys.map((k) => bytesToHex(k.toUint8Array())),
      signatures: sig.signatures.map((s) => bytesToHex(s.toUint8Array())),
      threshold: pk.threshold,
      bitmap: bytesToHex(sig.bitmap),
      type: "multi_ed25519_signature",
    },
  };
}

/** One `AccountAuthenticator` (a SingleSender's sender, a secondary signer, the fee payer). */
export function signerAuth(a: AccountAuthenticator): SignerAuth {
  if (a instanceof AccountAuthenticatorNoAccountAuthenticator) {
    return { none: true, authKey: "0x", verify: () => false, json: { type: "no_account_signature" } };
  }
  if (a instanceof AccountAuthenticatorEd25519) {
    return ed25519Auth(a.public_key.toUint8Array(), a.signature.toUint8Array());
  }
  if (a instanceof AccountAuthenticatorMultiEd25519) return multiEd25519Auth(a.public_key, a.signature);
  if (a instanceof AccountAuthenticatorSingleKey) {
    const pk = a.public_key;
    const sig = a.signature;
    return {
      none: false,
      authKey: authKeyOf(pk.bcsToBytes(), SCHEME.singleKey),
      verify: (msg) => verifyAnyKey(pk, msg, sig),
      json: { public_key: anyKeyJson(pk), signature: anySigJson(sig), type: "single_key_signature" },
    };
  }
  if (a instanceof AccountAuthenticatorMultiKey) {
    const pk = a.public_keys;
    const sig = a.signatures;
    const idx = bitmapIndices(sig.bitmap);
    return {
      none: false,
      authKey: authKeyOf(pk.bcsToBytes(), SCHEME.multiKey),
      verify: (msg) => verifyMultiKey(pk, msg, sig),
      json: {
        public_keys: pk.publicKeys.map(anyKeyJson),
        signatures: sig.signatures.map((s, i) => ({ index: idx[i] ?? 0, signature: anySigJson(s) })),
        signatures_required: pk.signaturesRequired,
        type: "multi_key_signature",
      },
    };
  }
  throw vmValidation(
    "INVALID_SIGNATURE",
    VM.INVALID_SIGNATURE,
    `${(a as AccountAuthenticator).constructor.name} is not supported by the localnet (account abstraction)`,
  );
}

const long = (a: AccountAddress) => a.toStringLong() as Address;

/** Decompose a transaction authenticator into its signers. */
export function txAuth(a: TransactionAuthenticator): TxAuth {
  if (a instanceof TransactionAuthenticatorEd25519) {
    const s = ed25519Auth(a.public_key.toUint8Array(), a.signature.toUint8Array());
    return { kind: "single", sender: s, secondary: [], json: s.json };
  }
  if (a instanceof TransactionAuthenticatorMultiEd25519) {
    const s = multiEd25519Auth(a.public_key, a.signature);
    return { kind: "single", sender: s, secondary: [], json: s.json };
  }
  if (a instanceof TransactionAuthenticatorSingleSender) {
    const s = signerAuth(a.sender);
    // The node flattens the account signature into `single_sender` (the ts-sdk's TransactionSingleSenderSignature).
    return {
      kind: "single",
      sender: s,
      secondary: [],
      json: { ...(s.json as object), type: "single_sender" },
    };
  }
  if (a instanceof TransactionAuthenticatorMultiAgent || a instanceof TransactionAuthenticatorFeePayer) {
    if (a.secondary_signer_addresses.length !== a.secondary_signers.length) {
      throw vmValidation(
        "SECONDARY_KEYS_ADDRESSES_COUNT_MISMATCH",
        VM.SECONDARY_KEYS_ADDRESSES_COUNT_MISMATCH,
      );
    }
    const sender = signerAuth(a.sender);
    const secondary = a.secondary_signer_addresses.map((addr, i) => ({
      address: long(addr),
      auth: signerAuth(a.secondary_signers[i] as AccountAuthenticator),
    }));
    const base = {
      sender: sender.json,
      secondary_signer_addresses: secondary.map((s) => s.address),
      secondary_signers: secondary.map((s) => s.auth.json),
    };
    if (a instanceof TransactionAuthenticatorMultiAgent) {
      return {
        kind: "multi_agent",
        sender,
        secondary,
        json: { ...base, type: "multi_agent_signature" },
      };
    }
    const feePayer = { address: long(a.fee_payer.address), auth: signerAuth(a.fee_payer.authenticator) };
    return {
      kind: "fee_payer",
      sender,
      secondary,
      feePayer,
      json: {
        ...base,
        fee_payer_address: feePayer.address,
        fee_payer_signer: feePayer.auth.json,
        type: "fee_payer_signature",
      },
    };
  }
  throw vmValidation("INVALID_SIGNATURE", VM.INVALID_SIGNATURE, "unknown transaction authenticator");
}

function check(auth: SignerAuth, msg: Uint8Array): boolean {
  try {
    return auth.verify(msg);
  } catch (e) {
    if (e instanceof UnsupportedKey) throw vmValidation("INVALID_SIGNATURE", VM.INVALID_SIGNATURE, e.message);
    throw e;
  }
}

/**
 * Verify every signature (throws INVALID_SIGNATURE). The signing messages follow the node: the raw transaction
 * for one signer, `RawTransactionWithData::MultiAgent` for multi-agent, and for fee payer transactions the
 * sender and secondary signers may sign either with the fee payer's address or with 0x0 (the ts-sdk's
 * `withFeePayer` flow), while the fee payer always signs with its own address.
 */
export function verifyTxAuth(t: TxAuth, raw: RawTransaction, rawBytes: Uint8Array): void {
  const bad = () => vmValidation("INVALID_SIGNATURE", VM.INVALID_SIGNATURE);
  if (t.kind === "single") {
    if (!check(t.sender, concat(RAW_TX_PREFIX, rawBytes))) throw bad();
    return;
  }
  const secondaries = t.secondary.map((s) => AccountAddress.from(s.address));
  if (t.kind === "multi_agent") {
    const msg = concat(RAW_TX_WITH_DATA_PREFIX, new MultiAgentRawTransaction(raw, secondaries).bcsToBytes());
    for (const s of [t.sender, ...t.secondary.map((x) => x.auth)]) if (!check(s, msg)) throw bad();
    return;
  }
  const fp = t.feePayer as NonNullable<TxAuth["feePayer"]>;
  const withZero = concat(
    RAW_TX_WITH_DATA_PREFIX,
    new FeePayerRawTransaction(raw, secondaries, AccountAddress.ZERO).bcsToBytes(),
  );
  const withPayer = concat(
    RAW_TX_WITH_DATA_PREFIX,
    new FeePayerRawTransaction(raw, secondaries, AccountAddress.from(fp.address)).bcsToBytes(),
  );
  for (const s of [t.sender, ...t.secondary.map((x) => x.auth)]) {
    if (!check(s, withZero) && !check(s, withPayer)) throw bad();
  }
  if (!check(fp.auth, withPayer)) throw bad();
}

/** Simulation: true when any signer carries a signature that is actually valid (the node refuses those). */
export function anyValidSignature(t: TxAuth, raw: RawTransaction, rawBytes: Uint8Array): boolean {
  const signers = [t.sender, ...t.secondary.map((s) => s.auth), ...(t.feePayer ? [t.feePayer.auth] : [])];
  if (signers.every((s) => s.none)) return false;
  try {
    verifyTxAuth(t, raw, rawBytes);
    return true;
  } catch {
    return false;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
