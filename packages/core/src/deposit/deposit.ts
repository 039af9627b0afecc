import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import { assertU64 } from "../amounts/parse.ts";
import { minOutFromQuote } from "../amounts/slippage.ts";
import { type KofiClient, normalizeAddress } from "../client/createKofiClient.ts";
import { entryPayload } from "../client/payload.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";
import type { KofiAction, PreparedAction, SlippageOptions } from "../execute/action.ts";

export interface DepositQuote {
  aptIn: bigint;
  /** The delegation pool's add-stake fee (refunded by the framework at the epoch's end, counted as rewards). */
  fee: bigint;
  kaptOut: bigint;
}

/** `gateway::quote_deposit(apt)`: kAPT minted for `apt` octas (aborts like `deposit` on bad input). */
export async function quoteDeposit(
  client: KofiClient,
  apt: bigint,
  options: ReadOptions = {},
): Promise<DepositQuote> {
  const [fee, kapt] = await readView(
    client,
    "gateway",
    "quote_deposit",
    [assertU64(apt, "APT amount")],
    options,
  );
  return { aptIn: apt, fee: big(fee), kaptOut: big(kapt) };
}

/** One pool's part of a deposit (`gateway::quote_deposit_split`). */
export interface DepositPart {
  pool: `0x${string}`;
  apt: bigint;
  /** The pool's add-stake fee on this part. */
  fee: bigint;
}

/**
 * `gateway::quote_deposit_split(apt)`: how a deposit of `apt` octas is split over pools now, in staking order.
 * One part unless no eligible pool can take it all (caps, maximum stake, allowlists, commission limit). Aborts
 * like `deposit`, incl. `E_INSUFFICIENT_CAPACITY` when all pools together cannot take it.
 */
export async function quoteDepositSplit(
  client: KofiClient,
  apt: bigint,
  options: ReadOptions = {},
): Promise<DepositPart[]> {
  const [pools, amounts, fees] = (await readView(
    client,
    "gateway",
    "quote_deposit_split",
    [assertU64(apt, "APT amount")],
    options,
  )) as unknown as [string[], unknown[], unknown[]];
  return pools.map((pool, i) => ({
    pool: normalizeAddress(pool),
    apt: big(amounts[i]),
    fee: big(fees[i]),
  }));
}

/**
 * The framework's `delegation_pool::get_add_stake_fee`: `amount * rate / (rate_denominator + rate)` (floor)
 * for a pool in the current validator set, else 0. kAPT minted is `apt - fee`, up to the pool's share rounding.
 */
export function addStakeFee(amount: bigint, rewardsRate: bigint, rewardsRateDenominator: bigint): bigint {
  if (rewardsRateDenominator === 0n) return 0n;
  return (amount * rewardsRate) / (rewardsRateDenominator + rewardsRate);
}

/** `gateway::deposit(apt_amount, min_kapt_out)` payload. */
export function depositPayload(
  client: KofiClient,
  args: { amount: bigint; minKaptOut: bigint },
): InputEntryFunctionData {
  return entryPayload(client, "gateway", "deposit", [
    assertU64(args.amount, "APT amount"),
    assertU64(args.minKaptOut, "min kAPT out"),
  ]);
}

/** Quotes then builds `deposit` with `min_kapt_out` from the quote and the slippage. */
export async function prepareDeposit(
  client: KofiClient,
  args: { amount: bigint } & SlippageOptions,
): Promise<PreparedAction<DepositQuote>> {
  const quote = await quoteDeposit(client, args.amount);
  const minOut = args.minOut ?? minOutFromQuote(quote.kaptOut, args.slippageBps);
  return {
    kind: "deposit",
    quote,
    minOut,
    payload: depositPayload(client, { amount: args.amount, minKaptOut: minOut }),
  };
}

/** Deposit APT for kAPT (1:1 minus the pool's add-stake fee). */
export function deposit(args: { amount: bigint } & SlippageOptions): KofiAction<DepositQuote> {
  return {
    kind: "deposit",
    key: `deposit:${args.amount}`,
    prepare: (client) => prepareDeposit(client, args),
  };
}
