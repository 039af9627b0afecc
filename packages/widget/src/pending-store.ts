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

/**
 * An action as stored: entries with `v: 2` carry the Move's verbs; older ones (before 0.2, a page reloaded across
 * the upgrade) the old names, mapped here: `stake` was deposit, `convert` is told apart by the token paid.
 */
function storedAction(action: string, version: unknown, tokenIn: Token): ActionKind {
  if (version === 2) return action as ActionKind;
  switch (action) {
    case "stake":
      return "deposit";
    case "convert":
      return tokenIn === "kAPT" ? "stake" : "unstake";
    case "unstake_standard":
      return "request_withdrawal";
    case "unstake_instant":
      return "instant_exit";
    default:
      return action as ActionKind;
  }
}

export function serializePending(tx: PendingTx): string {
  const a = tx.amounts;
  return JSON.stringify({
    v: 2,
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
      v?: number;
      hash: string;
      action: ActionKind;
      amounts: { tokenIn: Token; amountIn: string; tokenOut: Token; amountOut: string; minOut: string };
    };
    if (typeof o.hash !== "string" || typeof o.action !== "string") return null;
    return {
      hash: o.hash,
      action: storedAction(o.action, o.v, o.amounts.tokenIn),
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
