import { type KofiClient, quoteRequestWithdrawal, quoteUnstakeAndRequestWithdrawal } from "@kofi/core";
import type { ExitToken } from "../core/tokens.ts";

/** The protocol's own exit: a withdrawal ticket paying APT at unlock (then a claim). */
export interface StandardPath {
  kind: "withdrawal-ticket";
  token: ExitToken;
  amountIn: bigint;
  /** APT the ticket pays (Kofi's quote view). */
  aptAtUnlock: bigint;
  /** Estimated unlock time, unix seconds. */
  unlockAtSecs: bigint;
  /** Seconds from the quote's chain time to unlock. */
  waitSecs: bigint;
}

/** `gateway::quote_request_withdrawal` (kAPT) or `quote_unstake_and_request_withdrawal` (stkAPT). */
export async function standardPath(
  client: KofiClient,
  token: ExitToken,
  amount: bigint,
  nowSecs: bigint,
  ledgerVersion?: bigint,
): Promise<StandardPath> {
  const opts = ledgerVersion === undefined ? {} : { ledgerVersion };
  const q =
    token === "kAPT"
      ? await quoteRequestWithdrawal(client, amount, opts)
      : await quoteUnstakeAndRequestWithdrawal(client, amount, opts);
  return {
    kind: "withdrawal-ticket",
    token,
    amountIn: amount,
    aptAtUnlock: q.aptOut,
    unlockAtSecs: q.unlockAt,
    waitSecs: q.unlockAt > nowSecs ? q.unlockAt - nowSecs : 0n,
  };
}
