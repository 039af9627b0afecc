import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import { assertU64 } from "../amounts/parse.ts";
import type { KofiClient } from "../client/createKofiClient.ts";
import { entryPayload } from "../client/payload.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";
import type { KofiAction, PreparedAction } from "../execute/action.ts";

export interface RequestWithdrawalQuote {
  kaptIn: bigint;
  /** APT the ticket will pay (kAPT burned minus at most the framework's unlock rounding). */
  aptOut: bigint;
  /** Estimated unlock time, seconds. */
  unlockAt: bigint;
}

/** `gateway::quote_request_withdrawal(kapt)`. */
export async function quoteRequestWithdrawal(
  client: KofiClient,
  kapt: bigint,
  options: ReadOptions = {},
): Promise<RequestWithdrawalQuote> {
  const [apt, unlockAt] = await readView(
    client,
    "gateway",
    "quote_request_withdrawal",
    [assertU64(kapt, "kAPT amount")],
    options,
  );
  return { kaptIn: kapt, aptOut: big(apt), unlockAt: big(unlockAt) };
}

/** `gateway::request_withdrawal(kapt_amount)` payload (no min_out: the entry has none). */
export function requestWithdrawalPayload(
  client: KofiClient,
  args: { amount: bigint },
): InputEntryFunctionData {
  return entryPayload(client, "gateway", "request_withdrawal", [assertU64(args.amount, "kAPT amount")]);
}

export async function prepareRequestWithdrawal(
  client: KofiClient,
  args: { amount: bigint },
): Promise<PreparedAction<RequestWithdrawalQuote>> {
  const quote = await quoteRequestWithdrawal(client, args.amount);
  return {
    kind: "request_withdrawal",
    quote,
    minOut: undefined,
    payload: requestWithdrawalPayload(client, args),
  };
}

/** Burn kAPT and open a withdrawal ticket (claimable after the lockup). */
export function requestWithdrawal(args: { amount: bigint }): KofiAction<RequestWithdrawalQuote> {
  return {
    kind: "request_withdrawal",
    key: `request_withdrawal:${args.amount}`,
    prepare: (client) => prepareRequestWithdrawal(client, args),
  };
}
