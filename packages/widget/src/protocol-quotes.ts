/**
 * Quotes of the protocol's own actions (deposit, stake, unstake, request a withdrawal, claim) through the SDK's
 * `prepare*`: the payload each returns is exactly what is signed, so the prepared action is kept with the quote.
 */
import {
  type KofiClient,
  type PreparedAction,
  prepareClaim,
  prepareDeposit,
  prepareDepositAndStake,
  prepareRequestWithdrawal,
  prepareStake,
  prepareUnstake,
  prepareUnstakeAndRequestWithdrawal,
} from "@kofi/core";
import type { Quote, QuoteOptions, QuoteRequest } from "./backend.ts";

type Token = Quote["tokenIn"];

/** Remembers the prepared action behind a quote and completes it (min-out, payload, expiry). */
export type KeepPrepared = (
  prepared: PreparedAction<unknown>,
  quote: Omit<Quote, "payload" | "minOut" | "expiresAt">,
) => Quote;

export type ProtocolRequest = Exclude<QuoteRequest, { action: "buy" | "instant_exit" }>;

/** The quote inside a prepared action (the SDK's prepare* always sets it for these actions). */
function quoted<Q>(p: PreparedAction<Q>): Q {
  if (p.quote === undefined) throw { code: "unknown", message: "The SDK returned no quote." };
  return p.quote;
}

/** What an action's SDK quote says it gives for the request's amount. */
interface Outcome {
  amountOut: bigint;
  fee: bigint;
  /** When the withdrawal it requests unlocks (request_withdrawal only). */
  unlockAt?: bigint;
}

export async function quoteProtocolAction(
  c: KofiClient,
  request: ProtocolRequest,
  options: QuoteOptions,
  keep: KeepPrepared,
): Promise<Quote> {
  const { slippageBps } = options;
  if (request.action === "claim") {
    const p = await prepareClaim(c, {
      tickets: request.tickets,
      ...(options.account ? { owner: options.account } : {}),
    });
    // Not through `quoted`: a claim whose SDK quote is absent shows 0 APT instead of failing.
    return keep(p, {
      request,
      tokenIn: "APT",
      amountIn: 0n,
      tokenOut: "APT",
      amountOut: p.quote?.aptOut ?? 0n,
      fee: 0n,
    });
  }
  const { amount } = request;
  /** The request's amount of `tokenIn` for the outcome the SDK quoted. */
  const quoteOf = <Q>(
    p: PreparedAction<Q>,
    tokenIn: Token,
    tokenOut: Token,
    outcome: (q: Q) => Outcome,
  ): Quote => {
    const o = outcome(quoted(p));
    return keep(p, {
      request,
      tokenIn,
      amountIn: amount,
      tokenOut,
      amountOut: o.amountOut,
      fee: o.fee,
      ...(o.unlockAt !== undefined ? { unlockAt: Number(o.unlockAt) } : {}),
    });
  };
  switch (request.action) {
    case "deposit": {
      if (request.to === "kAPT")
        return quoteOf(await prepareDeposit(c, { amount, slippageBps }), "APT", "kAPT", (q) => ({
          amountOut: q.kaptOut,
          fee: q.fee,
        }));
      return quoteOf(await prepareDepositAndStake(c, { amount, slippageBps }), "APT", "stkAPT", (q) => ({
        amountOut: q.stkaptOut,
        fee: q.fee,
      }));
    }
    case "stake":
      return quoteOf(await prepareStake(c, { amount, slippageBps }), "kAPT", "stkAPT", (q) => ({
        amountOut: q.stkaptOut,
        fee: 0n,
      }));
    case "unstake":
      return quoteOf(await prepareUnstake(c, { amount, slippageBps }), "stkAPT", "kAPT", (q) => ({
        amountOut: q.kaptOut,
        fee: 0n,
      }));
    case "request_withdrawal": {
      if (request.from === "kAPT")
        return quoteOf(await prepareRequestWithdrawal(c, { amount }), "kAPT", "APT", (q) => ({
          amountOut: q.aptOut,
          fee: 0n,
          unlockAt: q.unlockAt,
        }));
      return quoteOf(
        await prepareUnstakeAndRequestWithdrawal(c, { amount, slippageBps }),
        "stkAPT",
        "APT",
        (q) => ({ amountOut: q.aptOut, fee: 0n, unlockAt: q.unlockAt }),
      );
    }
  }
}
