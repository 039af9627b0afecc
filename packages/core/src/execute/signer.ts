import type { Account, InputEntryFunctionData, PublicKey } from "@aptos-labs/ts-sdk";
import { KofiError } from "../errors/KofiError.ts";

/**
 * Signers `execute` accepts, detected structurally (no wallet library is imported at runtime):
 * - a ts-sdk `Account` (signs locally; the SDK builds, simulates, signs, submits);
 * - a `WalletCore` from `@aptos-labs/wallet-adapter-core` (or anything shaped like it);
 * - an AIP-62 wallet-standard wallet (`features["aptos:signAndSubmitTransaction"]`);
 * - a minimal `{ address, signAndSubmitTransaction }`.
 */
export type KofiSigner = Account | WalletCoreLike | Aip62WalletLike | MinimalSigner;

/** The part of wallet-adapter-core's `WalletCore` the SDK uses. */
export interface WalletCoreLike {
  readonly account: { address: unknown; publicKey?: unknown } | null;
  readonly network?: { chainId?: number | string; name?: string } | null;
  readonly wallet?: unknown;
  signAndSubmitTransaction(input: {
    sender?: string;
    data: InputEntryFunctionData;
    options?: Record<string, unknown>;
  }): Promise<{ hash: string }>;
}

/** The part of an AIP-62 (wallet-standard) Aptos wallet the SDK uses. */
export interface Aip62WalletLike {
  readonly features: {
    readonly "aptos:signAndSubmitTransaction"?: {
      readonly version?: string;
      signAndSubmitTransaction(input: unknown): Promise<unknown>;
    };
    readonly "aptos:account"?: { account(): Promise<{ address: unknown; publicKey?: unknown }> };
    readonly "aptos:network"?: { network(): Promise<{ chainId?: number; name?: string }> };
    readonly [feature: string]: unknown;
  };
  readonly accounts?: readonly { address: unknown }[];
}

/** Anything with an address that can sign and submit a payload. */
export interface MinimalSigner {
  readonly address: string | { toString(): string };
  /** Optional: enables simulation before signing. */
  readonly publicKey?: PublicKey;
  /** Optional: lets `execute` detect a wallet on the wrong network. */
  readonly chainId?: number;
  signAndSubmitTransaction(input: {
    sender: string;
    data: InputEntryFunctionData;
    payload: InputEntryFunctionData;
  }): Promise<{ hash: string } | string>;
}

export type SignerKind = "account" | "wallet-core" | "aip62" | "minimal";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Classifies a signer by shape. */
export function signerKind(signer: unknown): SignerKind {
  if (!isObject(signer)) throw new KofiError("invalid_config", "The signer must be an object.");
  if (typeof signer.signTransactionWithAuthenticator === "function" && "accountAddress" in signer)
    return "account";
  const features = signer.features;
  if (isObject(features) && isObject(features["aptos:signAndSubmitTransaction"])) return "aip62";
  if (typeof signer.signAndSubmitTransaction === "function") {
    if ("address" in signer) return "minimal";
    if ("account" in signer) return "wallet-core";
  }
  throw new KofiError(
    "invalid_config",
    "Unsupported signer: expected a ts-sdk Account, a WalletCore, an AIP-62 wallet or { address, signAndSubmitTransaction }.",
  );
}

/** Duck-typed check for a ts-sdk PublicKey instance (needed for simulation). */
export function isPublicKey(v: unknown): v is PublicKey {
  return isObject(v) && typeof v.toUint8Array === "function" && typeof v.verifySignature === "function";
}
