/**
 * The receipt of a confirmed transaction, from its Kofi events (`parseKofiEvents` + `receivedFromEvents` of
 * `@kofi/core`, client-free): what the user received for the quoted action, and the tickets it created. The
 * same reading as `backend-core.ts`'s `submit`.
 */
import { parseKofiEvents, receivedFromEvents } from "@kofi/core";
import type { QuoteRequest, SubmitResult } from "../backend.ts";

export interface CommittedTx {
  readonly hash: string;
  readonly sender: string;
  readonly events?: readonly { type: string; data?: unknown }[];
}

export function receiptOf(tx: CommittedTx, request: QuoteRequest, kofiAddress: string): SubmitResult {
  const r = receivedFromEvents(
    parseKofiEvents(tx as Parameters<typeof parseKofiEvents>[0], {
      kofiAddress: kofiAddress as `0x${string}`,
    }),
    tx.sender,
  );
  const amountOut =
    request.action === "deposit"
      ? request.to === "stkAPT"
        ? r.stkaptMinted
        : r.kaptMinted
      : request.action === "stake"
        ? r.stkaptMinted
        : request.action === "unstake"
          ? r.kaptOut
          : request.action === "request_withdrawal"
            ? r.tickets.reduce((sum, t) => sum + t.aptAmount, 0n)
            : request.action === "claim"
              ? r.aptClaimed
              : undefined;
  return {
    hash: tx.hash,
    ...(amountOut !== undefined && amountOut > 0n ? { amountOut } : {}),
    ...(r.tickets.length
      ? {
          tickets: r.tickets.map((t) => ({ id: t.id, aptAmount: t.aptAmount, unlockAt: Number(t.unlockAt) })),
        }
      : {}),
  };
}
