import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import { assertU64 } from "../amounts/parse.ts";
import { minOutFromQuote } from "../amounts/slippage.ts";
import type { KofiClient } from "../client/createKofiClient.ts";
import { entryPayload } from "../client/payload.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";
import type { KofiAction, PreparedAction, SlippageOptions } from "../execute/action.ts";

export interface DepositAndStakeQuote {
  aptIn: bigint;
  fee: bigint;
  kaptOut: bigint;
  stkaptOut: bigint;
}

/** `gateway::quote_deposit_and_stake(apt)`. */
export async function quoteDepositAndStake(
  client: KofiClient,
  apt: bigint,
  options: ReadOptions = {},
): Promise<DepositAndStakeQuote> {
  const [fee, kapt, stkapt] = await readView(
    client,
    "gateway",
    "quote_deposit_and_stake",
    [assertU64(apt, "APT amount")],
    options,
  );
  return { aptIn: apt, fee: big(fee), kaptOut: big(kapt), stkaptOut: big(stkapt) };
}

/** `gateway::deposit_and_stake(apt_amount, min_stkapt_out)` payload. */
export function depositAndStakePayload(
  client: KofiClient,
  args: { amount: bigint; minStkaptOut: bigint },
): InputEntryFunctionData {
  return entryPayload(client, "gateway", "deposit_and_stake", [
    assertU64(args.amount, "APT amount"),
    assertU64(args.minStkaptOut, "min stkAPT out"),
  ]);
}

export async function prepareDepositAndStake(
  client: KofiClient,
  args: { amount: bigint } & SlippageOptions,
): Promise<PreparedAction<DepositAndStakeQuote>> {
  const quote = await quoteDepositAndStake(client, args.amount);
  const minOut = args.minOut ?? minOutFromQuote(quote.stkaptOut, args.slippageBps);
  return {
    kind: "deposit_and_stake",
    quote,
    minOut,
    payload: depositAndStakePayload(client, { amount: args.amount, minStkaptOut: minOut }),
  };
}

/** Deposit APT and stake the kAPT in one transaction (stkAPT out). */
export function depositAndStake(
  args: { amount: bigint } & SlippageOptions,
): KofiAction<DepositAndStakeQuote> {
  return {
    kind: "deposit_and_stake",
    key: `deposit_and_stake:${args.amount}`,
    prepare: (client) => prepareDepositAndStake(client, args),
  };
}
