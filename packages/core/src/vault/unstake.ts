import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import { assertU64 } from "../amounts/parse.ts";
import { minOutFromQuote } from "../amounts/slippage.ts";
import type { KofiClient } from "../client/createKofiClient.ts";
import { entryPayload } from "../client/payload.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";
import type { KofiAction, PreparedAction, SlippageOptions } from "../execute/action.ts";
import { exchangeRateAt, sharesToKapt, type VaultState } from "./math.ts";

export interface UnstakeQuote {
  stkaptIn: bigint;
  kaptOut: bigint;
}

/** `gateway::quote_unstake(stkapt)`: kAPT paid at the current chain time. */
export async function quoteUnstake(
  client: KofiClient,
  stkapt: bigint,
  options: ReadOptions = {},
): Promise<UnstakeQuote> {
  const [out] = await readView(
    client,
    "gateway",
    "quote_unstake",
    [assertU64(stkapt, "stkAPT amount")],
    options,
  );
  return { stkaptIn: stkapt, kaptOut: big(out) };
}

/** Local, exact: kAPT that `unstake(stkapt)` pays when it executes at `nowSecs`. */
export function quoteUnstakeLocal(vault: VaultState, stkapt: bigint, nowSecs: bigint): UnstakeQuote {
  return { stkaptIn: stkapt, kaptOut: sharesToKapt(stkapt, exchangeRateAt(vault, nowSecs)) };
}

/** `gateway::unstake(stkapt_amount, min_kapt_out)` payload. */
export function unstakePayload(
  client: KofiClient,
  args: { amount: bigint; minKaptOut: bigint },
): InputEntryFunctionData {
  return entryPayload(client, "gateway", "unstake", [
    assertU64(args.amount, "stkAPT amount"),
    assertU64(args.minKaptOut, "min kAPT out"),
  ]);
}

export async function prepareUnstake(
  client: KofiClient,
  args: { amount: bigint } & SlippageOptions,
): Promise<PreparedAction<UnstakeQuote>> {
  const quote = await quoteUnstake(client, args.amount);
  const minOut = args.minOut ?? minOutFromQuote(quote.kaptOut, args.slippageBps);
  return {
    kind: "unstake",
    quote,
    minOut,
    payload: unstakePayload(client, { amount: args.amount, minKaptOut: minOut }),
  };
}

/** Unstake stkAPT for kAPT. */
export function unstake(args: { amount: bigint } & SlippageOptions): KofiAction<UnstakeQuote> {
  return {
    kind: "unstake",
    key: `unstake:${args.amount}`,
    prepare: (client) => prepareUnstake(client, args),
  };
}
