import type { Account, InputEntryFunctionData, PublicKey, SimpleTransaction } from "@aptos-labs/ts-sdk";
import { type KofiClient, normalizeAddress } from "../client/createKofiClient.ts";
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
  /** Signs without submitting (wallet-adapter-core 4+): used for sponsored (fee payer) transactions. */
  signTransaction?(input: {
    transactionOrPayload: SimpleTransaction;
    asFeePayer?: boolean;
  }): Promise<unknown>;
}

/** The part of an AIP-62 (wallet-standard) Aptos wallet the SDK uses. */
export interface Aip62WalletLike {
  readonly features: {
    readonly "aptos:signAndSubmitTransaction"?: {
      readonly version?: string;
      signAndSubmitTransaction(input: unknown): Promise<unknown>;
    };
    /** Signs without submitting: used for sponsored (fee payer) transactions, given the raw transaction. */
    readonly "aptos:signTransaction"?: {
      readonly version?: string;
      signTransaction(transaction: SimpleTransaction, asFeePayer?: boolean): Promise<unknown>;
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
  /** Optional: signs without submitting (an `AccountAuthenticator`); needed for sponsored transactions. */
  signTransaction?(transaction: SimpleTransaction): Promise<unknown>;
}

export type SignerKind = "account" | "wallet-core" | "aip62" | "minimal";

const SIGNER_HINT =
  "Pass a ts-sdk Account, a connected WalletCore, an AIP-62 wallet, or { address, signAndSubmitTransaction }.";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Classifies a signer by shape. */
export function signerKind(signer: unknown): SignerKind {
  if (!isObject(signer))
    throw new KofiError("invalid_config", "The signer must be an object.", { hint: SIGNER_HINT });
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
    { hint: SIGNER_HINT },
  );
}

/** Duck-typed check for a ts-sdk PublicKey instance (needed for simulation). */
export function isPublicKey(v: unknown): v is PublicKey {
  return isObject(v) && typeof v.toUint8Array === "function" && typeof v.verifySignature === "function";
}

/** What a signer says about itself: read by `execute` and `simulate`, and by UIs (account, network badge). */
export interface SignerInfo {
  /** The sender address, long form. */
  address: `0x${string}`;
  /** The account's public key, when the signer exposes one (a ts-sdk `PublicKey`; enables simulation with it). */
  publicKey?: PublicKey;
  /** The chain the wallet says it is on (wallet-core `network.chainId`, AIP-62 `aptos:network`, minimal `chainId`). */
  chainId?: number;
  /** The network name the wallet reports, lower case (e.g. `"mainnet"`, `"local"`); wallets only. */
  networkName?: string;
}

function notConnected(): KofiError {
  return new KofiError("user_rejected", "The wallet is not connected.", { hint: "Connect a wallet first." });
}

function networkFields(network: unknown): Pick<SignerInfo, "chainId" | "networkName"> {
  if (!isObject(network)) return {};
  const out: Pick<SignerInfo, "chainId" | "networkName"> = {};
  const id = network.chainId;
  if (id !== undefined && id !== null) out.chainId = Number(id);
  if (typeof network.name === "string") out.networkName = network.name.toLowerCase();
  return out;
}

/**
 * Address, public key and network of any supported signer, detected by shape (the one implementation `execute`
 * and `simulate` use). Throws `user_rejected` when a wallet has no connected account, `invalid_config` for an
 * unsupported signer, `invalid_address` for a malformed address. An AIP-62 wallet is asked once for its account
 * and once for its network.
 */
export async function signerInfo(signer: KofiSigner): Promise<SignerInfo> {
  const kind = signerKind(signer);
  let address: unknown;
  let publicKey: unknown;
  let network: Pick<SignerInfo, "chainId" | "networkName"> = {};
  if (kind === "account") {
    const account = signer as Account;
    address = account.accountAddress.toString();
    publicKey = account.publicKey;
  } else if (kind === "wallet-core") {
    const wc = signer as WalletCoreLike;
    if (!wc.account) throw notConnected();
    address = wc.account.address;
    publicKey = wc.account.publicKey;
    network = networkFields(wc.network);
  } else if (kind === "aip62") {
    const w = signer as Aip62WalletLike;
    const feature = w.features["aptos:account"];
    const account = feature ? await feature.account() : w.accounts?.[0];
    if (!account) throw notConnected();
    address = account.address;
    publicKey = (account as { publicKey?: unknown }).publicKey;
    network = networkFields(await w.features["aptos:network"]?.network());
  } else {
    const m = signer as MinimalSigner;
    address = m.address;
    publicKey = m.publicKey;
    network = networkFields({ chainId: m.chainId });
  }
  const what = kind === "wallet-core" || kind === "aip62" ? "wallet address" : "signer address";
  return {
    address: normalizeAddress(String(address), what),
    ...(isPublicKey(publicKey) ? { publicKey } : {}),
    ...network,
  };
}

/**
 * Throws `wrong_network` when the wallet says it is on another chain than the client (nothing to compare when
 * either side does not know its chain id).
 */
export function assertSignerNetwork(client: Pick<KofiClient, "chainId" | "network">, info: SignerInfo): void {
  if (info.chainId !== undefined && client.chainId !== undefined && info.chainId !== client.chainId) {
    throw new KofiError(
      "wrong_network",
      `The wallet is on chain ${info.chainId}, but the Kofi client is configured for ${client.network} (chain ${client.chainId}).`,
    );
  }
}

/** The sender address of any supported signer (`signerInfo(signer).address`). */
export async function signerAddress(signer: KofiSigner): Promise<`0x${string}`> {
  return (await signerInfo(signer)).address;
}
