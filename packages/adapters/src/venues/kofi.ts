import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import {
  depositAndStakePayload,
  depositPayload,
  getProtocolState,
  type KofiClient,
  quoteDeposit,
  quoteDepositAndStake,
  quoteStake,
  quoteUnstake,
  stakePayload,
  unstakePayload,
} from "@kofi/core";
import type { ChainReader } from "../core/chain.ts";
import { gasEstimate, makeQuote } from "../core/finalize.ts";
import type { AdapterMeta } from "../core/meta.ts";
import type { FeeItem, Quote } from "../core/quote.ts";
import type { SwapAdapter, SwapPayload } from "../core/swapAdapter.ts";
import { type Address, type KofiTokens, normalize } from "../core/tokens.ts";

/** What Kofi itself does for a pair: mint (deposit), mint and stake, stake or unstake, at the protocol rate. */
export type KofiRoute = "deposit" | "deposit_and_stake" | "stake" | "unstake";

/** Estimated gas units per Kofi entry (an estimate; the deposit adds stake to a delegation pool). */
export const KOFI_GAS_UNITS: Record<KofiRoute, bigint> = {
  deposit: 2_500n,
  deposit_and_stake: 3_000n,
  stake: 1_000n,
  unstake: 1_000n,
};

/**
 * Kofi as a venue, in a swap adapter's shape, so an aggregator or wallet can list it beside DEX pools:
 * APT -> kAPT (`gateway::deposit`: 1:1 minus the delegation pool's add-stake fee), APT -> stkAPT
 * (`deposit_and_stake`), kAPT -> stkAPT (`stake`) and stkAPT -> kAPT (`unstake`) at the vault rate. Quotes come
 * from the protocol's own quote views at `request.ledgerVersion`; a paused action is "no route". The payload's
 * min-out argument is the quote's `minAmountOut`; outputs go to the signer (no recipient argument).
 */
export function kofiVenueAdapter(o: {
  client: KofiClient;
  reader: ChainReader;
  tokens: KofiTokens;
}): SwapAdapter {
  const t = o.tokens;
  const meta: AdapterMeta = {
    id: "kofi",
    name: "Kofi (mint / vault)",
    kind: "lst",
    packages: [o.client.kofiAddress],
    liveness: "live",
    livenessSource:
      "the protocol this kit deploys; its pause flags are read per quote (gateway::protocol_state)",
    quoteSource: "view",
  };
  const routeOf = (a: Address, b: Address): KofiRoute | undefined => {
    const x = normalize(a);
    const y = normalize(b);
    if (x === t.APT && y === t.kAPT) return "deposit";
    if (x === t.APT && y === t.stkAPT) return "deposit_and_stake";
    if (x === t.kAPT && y === t.stkAPT) return "stake";
    if (x === t.stkAPT && y === t.kAPT) return "unstake";
    return undefined;
  };
  return {
    meta,
    supports: (a, b) => routeOf(a, b) !== undefined,
    async quote(r) {
      const route = routeOf(r.tokenIn, r.tokenOut);
      if (!route) return null;
      const opts = { ledgerVersion: r.ledgerVersion };
      const [state, gasPrice, q] = await Promise.all([
        getProtocolState(o.client, opts),
        o.reader.gasUnitPrice(),
        (async (): Promise<{ out: bigint; fees: FeeItem[] }> => {
          if (route === "deposit") {
            const d = await quoteDeposit(o.client, r.amountIn, opts);
            return { out: d.kaptOut, fees: addStakeFee(d.fee) };
          }
          if (route === "deposit_and_stake") {
            const d = await quoteDepositAndStake(o.client, r.amountIn, opts);
            return { out: d.stkaptOut, fees: addStakeFee(d.fee) };
          }
          if (route === "stake")
            return { out: (await quoteStake(o.client, r.amountIn, opts)).stkaptOut, fees: [] };
          return { out: (await quoteUnstake(o.client, r.amountIn, opts)).kaptOut, fees: [] };
        })(),
      ]);
      const paused =
        route === "unstake"
          ? state.paused.unstake
          : route === "stake"
            ? state.paused.stake
            : state.paused.deposit;
      if (paused || (route === "deposit_and_stake" && state.paused.stake)) return null;
      return makeQuote({
        adapterId: meta.id,
        request: r,
        amountOut: q.out,
        spotOut: q.out, // the protocol rate does not move with size
        route: [
          {
            venue: "kofi",
            pool: `${o.client.kofiAddress}::gateway::${route}`,
            tokenIn: r.tokenIn,
            tokenOut: r.tokenOut,
            amountIn: r.amountIn,
            amountOut: q.out,
          },
        ],
        fees: q.fees,
        gas: gasEstimate(KOFI_GAS_UNITS[route], gasPrice),
        venueData: { route },
      });
      function addStakeFee(fee: bigint): FeeItem[] {
        return fee > 0n
          ? [{ label: "delegation pool add-stake fee", token: t.APT, amount: fee, includedInOut: true }]
          : [];
      }
    },
    buildPayload(q: Quote, options = {}): SwapPayload {
      const route = (q.venueData as { route?: KofiRoute } | undefined)?.route;
      if (!route) throw new Error("kofi: this quote was not made by the kofi venue adapter");
      if (
        options.recipient &&
        q.request.sender &&
        normalize(options.recipient) !== normalize(q.request.sender)
      )
        throw new Error("kofi: the protocol pays the signer; a different recipient is not supported");
      const args = { amount: q.amountIn, min: q.minAmountOut };
      const data: InputEntryFunctionData =
        route === "deposit"
          ? depositPayload(o.client, { amount: args.amount, minKaptOut: args.min })
          : route === "deposit_and_stake"
            ? depositAndStakePayload(o.client, { amount: args.amount, minStkaptOut: args.min })
            : route === "stake"
              ? stakePayload(o.client, { amount: args.amount, minStkaptOut: args.min })
              : unstakePayload(o.client, { amount: args.amount, minKaptOut: args.min });
      return { minAmountOut: q.minAmountOut, data };
    },
  };
}
