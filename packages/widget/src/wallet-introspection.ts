/**
 * What a connected wallet says about itself, read defensively: wallets come as AIP-62 standard wallets, adapter
 * objects or bare signers, and each exposes its key and network in its own place (or not at all).
 */
import type { PublicKey } from "@aptos-labs/ts-sdk";

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function isPublicKey(v: unknown): v is PublicKey {
  return isObject(v) && typeof v.toUint8Array === "function" && typeof v.verifySignature === "function";
}

/** The public key a signer exposes, when it exposes one (enables simulation with the real key). */
export async function publicKeyOf(wallet: unknown): Promise<PublicKey | undefined> {
  if (!isObject(wallet)) return undefined;
  if (isPublicKey(wallet.publicKey)) return wallet.publicKey;
  const account = wallet.account;
  if (isObject(account) && isPublicKey(account.publicKey)) return account.publicKey;
  const features = wallet.features;
  if (isObject(features) && isObject(features["aptos:account"])) {
    try {
      const acc = await (
        features["aptos:account"] as { account(): Promise<{ publicKey?: unknown }> }
      ).account();
      if (isPublicKey(acc.publicKey)) return acc.publicKey;
    } catch {
      // not connected
    }
  }
  return undefined;
}

/** The network a wallet says it is on: name and chain id, when it says. */
export async function walletNetwork(wallet: unknown): Promise<{ name?: string; chainId?: number }> {
  if (!isObject(wallet)) return {};
  const pick = (n: unknown) => {
    if (!isObject(n)) return {};
    const out: { name?: string; chainId?: number } = {};
    if (typeof n.name === "string") out.name = n.name.toLowerCase();
    if (n.chainId !== undefined && n.chainId !== null) out.chainId = Number(n.chainId);
    return out;
  };
  if (isObject(wallet.network)) return pick(wallet.network);
  if (typeof wallet.chainId === "number") return { chainId: wallet.chainId };
  const features = wallet.features;
  if (isObject(features) && isObject(features["aptos:network"])) {
    try {
      return pick(await (features["aptos:network"] as { network(): Promise<unknown> }).network());
    } catch {
      return {};
    }
  }
  return {};
}
