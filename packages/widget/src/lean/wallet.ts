/**
 * The wallets the lean path serves, by shape (no wallet library imported): an AIP-62 wallet whose
 * `aptos:signAndSubmitTransaction` takes an entry-function payload (feature version 1.1.0 and later: input
 * `{ payload, gasUnitPrice?, maxGasAmount? }`; 1.0.0 takes a transaction built by the ts-sdk), and a minimal
 * `{ address, signAndSubmitTransaction }` signer. A WalletCore, a ts-sdk `Account` or anything else goes to the
 * SDK backend.
 */
import { KofiError, toKofiError } from "@kofi/core";
import type { AccountInfo } from "../backend.ts";
import { longAddress } from "./bcs.ts";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

interface Feature {
  version?: string;
  [method: string]: unknown;
}

function feature(wallet: unknown, name: string): Feature | null {
  if (!isObject(wallet) || !isObject(wallet.features)) return null;
  const f = wallet.features[name];
  return isObject(f) ? (f as Feature) : null;
}

export type LeanWalletKind = "aip62" | "minimal";

/** Which lean kind `wallet` is, or null when the SDK backend must serve it. */
export function leanWalletKind(wallet: unknown): LeanWalletKind | null {
  if (!isObject(wallet)) return null;
  const sign = feature(wallet, "aptos:signAndSubmitTransaction");
  if (sign)
    return typeof sign.signAndSubmitTransaction === "function" && sign.version !== "1.0.0" ? "aip62" : null;
  if (typeof wallet.signTransactionWithAuthenticator === "function") return null; // a ts-sdk Account
  if (typeof wallet.signAndSubmitTransaction === "function" && "address" in wallet && !("account" in wallet))
    return "minimal";
  return null;
}

export interface WalletAccount extends AccountInfo {
  /** The account's public key as the wallet gives it (for simulation). */
  readonly publicKey?: unknown;
}

/** Address, key and network of a lean wallet; null when it has no connected account. */
export async function walletAccount(wallet: unknown): Promise<WalletAccount | null> {
  if (!isObject(wallet)) return null;
  try {
    if (leanWalletKind(wallet) === "minimal") {
      const w = wallet as { address: unknown; publicKey?: unknown; chainId?: unknown };
      return {
        address: longAddress(String(w.address)),
        ...(w.publicKey !== undefined ? { publicKey: w.publicKey } : {}),
        ...(typeof w.chainId === "number" ? { chainId: w.chainId } : {}),
      };
    }
    const accountFeature = feature(wallet, "aptos:account");
    const account = (
      typeof accountFeature?.account === "function"
        ? await (accountFeature.account as () => Promise<unknown>)()
        : Array.isArray(wallet.accounts)
          ? wallet.accounts[0]
          : null
    ) as { address?: unknown; publicKey?: unknown } | null;
    if (!account?.address) return null;
    const networkFeature = feature(wallet, "aptos:network");
    const net = (
      typeof networkFeature?.network === "function"
        ? await (networkFeature.network as () => Promise<unknown>)().catch(() => null)
        : null
    ) as { name?: unknown; chainId?: unknown } | null;
    return {
      address: longAddress(String(account.address)),
      ...(account.publicKey !== undefined ? { publicKey: account.publicKey } : {}),
      ...(typeof net?.name === "string" ? { network: net.name.toLowerCase() } : {}),
      ...(net?.chainId !== undefined && net.chainId !== null ? { chainId: Number(net.chainId) } : {}),
    };
  } catch (e) {
    if (e instanceof TypeError) throw new KofiError("invalid_address", e.message, { cause: e });
    const err = toKofiError(e);
    if (err.code === "user_rejected") return null; // "not connected", as the SDK backend reads it
    throw err;
  }
}

/** `aptos:connect` (only after the user pressed Connect). */
export async function connectWallet(wallet: unknown): Promise<void> {
  const f = feature(wallet, "aptos:connect");
  if (typeof f?.connect !== "function") return;
  let result: { status?: string } | undefined;
  try {
    result = (await (f.connect as () => Promise<unknown>)()) as { status?: string } | undefined;
  } catch (e) {
    throw toKofiError(e);
  }
  if (result?.status === "Rejected")
    throw new KofiError("user_rejected", "The wallet rejected the connection.");
}

/** The AccountInfo the element sees (no key). */
export function accountInfo(a: WalletAccount): AccountInfo {
  return {
    address: a.address,
    ...(a.network ? { network: a.network } : {}),
    ...(a.chainId !== undefined ? { chainId: a.chainId } : {}),
  };
}
