/**
 * Waits for a transaction over plain `fetch`: `GET /transactions/wait_by_hash/{hash}` (the node holds the request
 * until the transaction commits or a short timeout), then `GET /transactions/by_hash/{hash}` once a second until
 * it is committed. A failed transaction throws its decoded error (`toKofiError`, with the hash).
 */
import { KofiError, toKofiError } from "@kofi/core";
import { type NodeTarget, nodeJson } from "./node.ts";
import type { CommittedTx } from "./receipt.ts";

interface TxJson extends CommittedTx {
  type: string;
  success?: boolean;
  vm_status?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitLean(
  target: NodeTarget,
  hash: string,
  timeoutSecs = 30,
  signal?: AbortSignal,
): Promise<CommittedTx> {
  const deadline = Date.now() + timeoutSecs * 1000;
  let tx = await nodeJson<TxJson | null>(target, `/transactions/wait_by_hash/${hash}`, {
    signal,
    notFoundIsNull: true,
  });
  while (!tx || tx.type === "pending_transaction") {
    if (Date.now() > deadline)
      throw new KofiError("timeout", `Transaction ${hash} was not confirmed within ${timeoutSecs} s.`, {
        hash,
      });
    await sleep(1000);
    tx = await nodeJson<TxJson | null>(target, `/transactions/by_hash/${hash}`, {
      signal,
      notFoundIsNull: true,
    });
  }
  if (tx.success === false)
    throw toKofiError(
      { vm_status: tx.vm_status, message: tx.vm_status },
      { kofiAddress: target.kofiAddress, hash },
    );
  return tx;
}
