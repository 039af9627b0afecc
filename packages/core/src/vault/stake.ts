import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import { assertU64 } from "../amounts/parse.ts";
import { minOutFromQuote } from "../amounts/slippage.ts";
import type { KofiClient } from "../client/createKofiClient.ts";
import { entryPayload } from "../client/payload.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";
import type { KofiAction, PreparedAction, SlippageOptions } from "../execute/action.ts";
import { exchangeRateAt, kaptToShares, type VaultState } from "./math.ts";

export interface StakeQuote {
  kaptIn: bigint;
  stkaptOut: bigint;
}

/** `gateway::quote_stake(kapt)`: stkAPT minted at the current chain time. */
export async function quoteStake(
  client: KofiClient,
  kapt: bigint,
  options: ReadOptions = {},
): Promise<StakeQuote> {
  const [out] = await readView(client, "gateway", "quote_stake", [assertU64(kapt, "kAPT amount")], options);
  return { kaptIn: kapt, stkaptOut: big(out) };
}

/**
 * Local, exact: stkAPT that `stake(kapt)` mints when the transaction executes at `nowSecs`
 * (`floor(kapt * (shares + 1e8) / (assets(now) + 1e8))`, streaming included). Needs `getVaultState`.
 */
export function quoteStakeLocal(vault: VaultState, kapt: bigint, nowSecs: bigint): StakeQuote {
  return { kaptIn: kapt, stkaptOut: kaptToShares(kapt, exchangeRateAt(vault, nowSecs)) };
}

/** `gateway::stake(kapt_amount, min_stkapt_out)` payload. */
export function stakePayload(
  client: KofiClient,
  args: { amount: bigint; minStkaptOut: bigint },
): InputEntryFunctionData {
  return entryPayload(client, "gateway", "stake", [
    assertU64(args.amount, "kAPT amount"),
    assertU64(args.minStkaptOut, "min stkAPT out"),
  ]);
}

export async function prepareStake(
  client: KofiClient,
  args: { amount: bigint } & SlippageOptions,
): Promise<PreparedAction<StakeQuote>> {
  const quote = await quoteStake(client, args.amount);
  const minOut = args.minOut ?? minOutFromQuote(quote.stkaptOut, args.slippageBps);
  return {
    kind: "stake",
    quote,
    minOut,
    payload: stakePayload(client, { amount: args.amount, minStkaptOut: minOut }),
  };
}

/** Stake kAPT into the vault for stkAPT. */
export function stake(args: { amount: bigint } & SlippageOptions): KofiAction<StakeQuote> {
  return { kind: "stake", key: `stake:${args.amount}`, prepare: (client) => prepareStake(client, args) };
}
