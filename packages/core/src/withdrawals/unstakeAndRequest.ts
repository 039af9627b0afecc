import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import { assertU64 } from "../amounts/parse.ts";
import { minOutFromQuote } from "../amounts/slippage.ts";
import type { KofiClient } from "../client/createKofiClient.ts";
import { entryPayload } from "../client/payload.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";
import type { KofiAction, PreparedAction, SlippageOptions } from "../execute/action.ts";

export interface UnstakeAndRequestQuote {
  stkaptIn: bigint;
  kaptOut: bigint;
  aptOut: bigint;
  unlockAt: bigint;
}

/** `gateway::quote_unstake_and_request_withdrawal(stkapt)`. */
export async function quoteUnstakeAndRequestWithdrawal(
  client: KofiClient,
  stkapt: bigint,
  options: ReadOptions = {},
): Promise<UnstakeAndRequestQuote> {
  const [kapt, apt, unlockAt] = await readView(
    client,
    "gateway",
    "quote_unstake_and_request_withdrawal",
    [assertU64(stkapt, "stkAPT amount")],
    options,
  );
  return { stkaptIn: stkapt, kaptOut: big(kapt), aptOut: big(apt), unlockAt: big(unlockAt) };
}

/** `gateway::unstake_and_request_withdrawal(stkapt_amount, min_kapt_out)` payload. */
export function unstakeAndRequestWithdrawalPayload(
  client: KofiClient,
  args: { amount: bigint; minKaptOut: bigint },
): InputEntryFunctionData {
  return entryPayload(client, "gateway", "unstake_and_request_withdrawal", [
    assertU64(args.amount, "stkAPT amount"),
    assertU64(args.minKaptOut, "min kAPT out"),
  ]);
}

export async function prepareUnstakeAndRequestWithdrawal(
  client: KofiClient,
  args: { amount: bigint } & SlippageOptions,
): Promise<PreparedAction<UnstakeAndRequestQuote>> {
  const quote = await quoteUnstakeAndRequestWithdrawal(client, args.amount);
  const minOut = args.minOut ?? minOutFromQuote(quote.kaptOut, args.slippageBps);
  return {
    kind: "unstake_and_request_withdrawal",
    quote,
    minOut,
    payload: unstakeAndRequestWithdrawalPayload(client, { amount: args.amount, minKaptOut: minOut }),
  };
}

/** Unstake stkAPT and open a withdrawal ticket for the kAPT, in one transaction. */
export function unstakeAndRequestWithdrawal(
  args: { amount: bigint } & SlippageOptions,
): KofiAction<UnstakeAndRequestQuote> {
  return {
    kind: "unstake_and_request_withdrawal",
    key: `unstake_and_request_withdrawal:${args.amount}`,
    prepare: (client) => prepareUnstakeAndRequestWithdrawal(client, args),
  };
}
