/**
 * Remembers a submitted transaction in sessionStorage (our own key, per account) so that a page reload
 * while it is pending can wait for it and report the outcome. Never touches the wallet adapter's keys.
 */
import type { ActionKind, Token } from "./backend.ts";
import type { TxAmounts } from "./events.ts";

export interface PendingTx {
  readonly hash: string;
  readonly action: ActionKind;
  readonly amounts: TxAmounts;
}

const PREFIX = "kofi-stake:pending:";

function storage(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null; // blocked storage (sandboxed iframes, privacy modes)
  }
}

export function serializePending(tx: PendingTx): string {
  const a = tx.amounts;
  return JSON.stringify({
    hash: tx.hash,
    action: tx.action,
    amounts: {
      tokenIn: a.tokenIn,
      amountIn: a.amountIn.toString(),
      tokenOut: a.tokenOut,
      amountOut: a.amountOut.toString(),
      minOut: a.minOut.toString(),
    },
  });
}

export function parsePending(text: string | null): PendingTx | null {
  if (!text) return null;
  try {
    const o = JSON.parse(text) as {
      hash: string;
      action: ActionKind;
      amounts: { tokenIn: Token; amountIn: string; tokenOut: Token; amountOut: string; minOut: string };
    };
    if (typeof o.hash !== "string" || typeof o.action !== "string") return null;
    return {
      hash: o.hash,
      action: o.action,
      amounts: {
        tokenIn: o.amounts.tokenIn,
        amountIn: BigInt(o.amounts.amountIn),
        tokenOut: o.amounts.tokenOut,
        amountOut: BigInt(o.amounts.amountOut),
        minOut: BigInt(o.amounts.minOut),
      },
    };
  } catch {
    return null;
  }
}

export function savePending(address: string, tx: PendingTx): void {
  try {
    storage()?.setItem(PREFIX + address.toLowerCase(), serializePending(tx));
  } catch {
    // quota or blocked: recovery is best effort
  }
}

export function loadPending(address: string): PendingTx | null {
  return parsePending(storage()?.getItem(PREFIX + address.toLowerCase()) ?? null);
}

export function clearPending(address: string): void {
  try {
    storage()?.removeItem(PREFIX + address.toLowerCase());
  } catch {
    // ignore
  }
}
