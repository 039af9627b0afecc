import {
  getProtocolState,
  type KofiClient,
  quoteRequestWithdrawal,
  quoteUnstakeAndRequestWithdrawal,
} from "@kofi/core";
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

/**
 * `gateway::quote_request_withdrawal` (kAPT) or `quote_unstake_and_request_withdrawal` (stkAPT), read next to
 * `gateway::protocol_state` because the quote views answer even while the admin has paused the entries:
 * throws when the path is paused.
 */
export async function standardPath(
  client: KofiClient,
  token: ExitToken,
  amount: bigint,
  nowSecs: bigint,
  ledgerVersion?: bigint,
): Promise<StandardPath> {
  const opts = ledgerVersion === undefined ? {} : { ledgerVersion };
  const [state, q] = await Promise.all([
    getProtocolState(client, opts),
    token === "kAPT"
      ? quoteRequestWithdrawal(client, amount, opts)
      : quoteUnstakeAndRequestWithdrawal(client, amount, opts),
  ]);
  if (state.paused.withdraw) throw new Error("the protocol has paused withdrawals (request_withdrawal)");
  if (token === "stkAPT" && state.paused.unstake) throw new Error("the protocol has paused unstaking");
  return {
    kind: "withdrawal-ticket",
    token,
    amountIn: amount,
    aptAtUnlock: q.aptOut,
    unlockAtSecs: q.unlockAt,
    waitSecs: q.unlockAt > nowSecs ? q.unlockAt - nowSecs : 0n,
  };
}
