import type { CommittedTransactionResponse, UserTransactionResponse } from "@aptos-labs/ts-sdk";
import type { KofiClient } from "../client/createKofiClient.ts";
import { KofiError } from "../errors/KofiError.ts";
import { toKofiError } from "../errors/toKofiError.ts";

/**
 * Waits for a transaction and returns it when it succeeded; throws a decoded `KofiError` (with `hash`) when it
 * failed, `timeout` when it was not seen in time.
 */
export async function waitForKofiTransaction(
  client: KofiClient,
  hash: string,
  options: { timeoutSecs?: number } = {},
): Promise<UserTransactionResponse> {
  let tx: CommittedTransactionResponse;
  try {
    tx = await client.aptos.waitForTransaction({
      transactionHash: hash,
      options: { timeoutSecs: options.timeoutSecs ?? 30, checkSuccess: false, waitForIndexer: false },
    });
  } catch (e) {
    const err = toKofiError(e, { kofiAddress: client.kofiAddress, hash });
    // The ts-sdk rethrows the last 404 when the hash never appeared within the timeout.
    throw err.code === "unknown" && /timed out|timeout|transaction_not_found|not found/i.test(err.message)
      ? new KofiError(
          "timeout",
          `Transaction ${hash} was not confirmed within ${options.timeoutSecs ?? 30} s.`,
          {
            cause: e,
            hash,
          },
        )
      : err;
  }
  const user = tx as UserTransactionResponse;
  if (!user.success) {
    throw toKofiError(
      { vm_status: user.vm_status, message: user.vm_status },
      { kofiAddress: client.kofiAddress, hash },
    );
  }
  return user;
}

/** Whether the node knows a transaction hash (pending or committed). One `GET /v1/transactions/by_hash/…`. */
export async function lookupHash(client: KofiClient, hash: string): Promise<boolean> {
  try {
    await client.aptos.getTransactionByHash({ transactionHash: hash });
    return true;
  } catch {
    return false;
  }
}
