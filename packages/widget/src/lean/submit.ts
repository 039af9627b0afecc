/**
 * Signing on the lean path: the wallet builds, signs and submits the transaction from the entry-function payload
 * the user reviewed (AIP-62 `aptos:signAndSubmitTransaction` 1.1.0: `{ payload }`; a minimal signer:
 * `{ sender, data, payload }`), then the transaction is awaited over `fetch` and its receipt read from events.
 */
import { KofiError, toKofiError } from "@kofi/core";
import type { SubmitRequest, SubmitResult } from "../backend.ts";
import type { NodeTarget } from "./node.ts";
import { receiptOf } from "./receipt.ts";
import { waitLean } from "./wait.ts";
import { leanWalletKind, walletAccount } from "./wallet.ts";

/** `{ hash }`, a hash string, or an AIP-62 `UserResponse` (`{ status: "Approved", args: { hash } }`). */
function hashOf(response: unknown): string {
  const r = response as { status?: string; args?: { hash?: unknown }; hash?: unknown } | string | null;
  if (typeof r === "string") return r;
  if (r?.status === "Rejected") throw new KofiError("user_rejected", "The wallet rejected the transaction.");
  const hash = r?.args?.hash ?? r?.hash;
  if (typeof hash !== "string") throw new KofiError("unknown", "The wallet returned no transaction hash.");
  return hash;
}

export async function submitLean(
  target: NodeTarget & { readonly chainId: number | undefined },
  request: SubmitRequest,
): Promise<SubmitResult> {
  const { quote, wallet } = request;
  let hash: string | undefined;
  try {
    const account = await walletAccount(wallet);
    if (!account) throw new KofiError("user_rejected", "The wallet is not connected.");
    if (account.chainId !== undefined && target.chainId !== undefined && account.chainId !== target.chainId)
      throw new KofiError(
        "wrong_network",
        `The wallet is on chain ${account.chainId}, not ${target.chainId}.`,
      );
    const payload = {
      function: quote.payload.function as `${string}::${string}::${string}`,
      typeArguments: [...quote.payload.typeArguments],
      functionArguments: [...quote.payload.functionArguments],
    };
    request.onStage({ stage: "sign" });
    if (leanWalletKind(wallet) === "minimal") {
      const signer = wallet as { signAndSubmitTransaction(input: unknown): Promise<unknown> };
      hash = hashOf(
        await signer.signAndSubmitTransaction({ sender: account.address, data: payload, payload }),
      );
    } else {
      const features = (
        wallet as { features: Record<string, { signAndSubmitTransaction(i: unknown): Promise<unknown> }> }
      ).features;
      const sign = features["aptos:signAndSubmitTransaction"];
      if (!sign)
        throw new KofiError("invalid_config", "The wallet has no aptos:signAndSubmitTransaction feature.");
      hash = hashOf(await sign.signAndSubmitTransaction({ payload }));
    }
    request.onStage({ stage: "submitted", hash });
    const tx = await waitLean(target, hash, 30, request.signal);
    request.onStage({ stage: "confirmed", hash });
    return receiptOf(tx, quote.request, target.kofiAddress);
  } catch (e) {
    const error = toKofiError(e, { kofiAddress: target.kofiAddress, ...(hash ? { hash } : {}) });
    request.onStage({ stage: "failed", ...(hash ? { hash } : {}), error });
    throw error;
  }
}
