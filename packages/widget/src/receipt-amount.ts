/**
 * The amount a receipt shows: what the chain's events say the user received, per action (the same reading as
 * the lean build's `lean/receipt.ts`).
 */
import type { Received } from "@kofi/core";
import { primaryStoreAddress } from "@kofi/core";
import { normalizeAddress } from "./allowlist.ts";
import type { QuoteRequest } from "./backend.ts";

/**
 * From the Kofi events of the transaction. Undefined for a buy (see `boughtFromEvents`) and for a DEX swap,
 * which emits no Kofi event: the receipt then shows the quote as expected.
 */
export function receivedFromKofiEvents(q: QuoteRequest, r: Received): bigint | undefined {
  return q.action === "deposit"
    ? q.to === "stkAPT"
      ? r.stkaptMinted
      : r.kaptMinted
    : q.action === "stake"
      ? r.stkaptMinted
      : q.action === "unstake"
        ? r.kaptOut
        : q.action === "request_withdrawal"
          ? r.tickets.reduce((sum, t) => sum + t.aptAmount, 0n)
          : q.action === "claim"
            ? r.aptClaimed
            : undefined;
}

/**
 * A buy emits no Kofi event: what the sender received is the net of the `0x1::fungible_asset` Deposit and
 * Withdraw events on the sender's primary store of the token bought (the chain's own record of the transfer).
 */
export function boughtFromEvents(
  tx: { readonly sender: string; readonly events: readonly { type: string; data: unknown }[] },
  token: string,
): bigint | undefined {
  const store = normalizeAddress(primaryStoreAddress(tx.sender, token));
  let net = 0n;
  let seen = false;
  for (const e of tx.events) {
    const deposit = e.type === "0x1::fungible_asset::Deposit";
    if (!deposit && e.type !== "0x1::fungible_asset::Withdraw") continue;
    const data = e.data as { store?: unknown; amount?: unknown };
    if (typeof data.store !== "string" || normalizeAddress(data.store) !== store) continue;
    const amount = BigInt(String(data.amount));
    net += deposit ? amount : -amount;
    seen = true;
  }
  return seen ? net : undefined;
}
