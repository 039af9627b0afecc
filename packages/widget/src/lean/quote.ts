/**
 * Quotes from the chain over plain `fetch`: the same `gateway::quote_*` views `@kofi/core`'s `prepare*` call
 * (the Move computes every figure; nothing is recomputed here), `min_out` from `minOutFromQuote`, and the
 * entry-function payload the wallet will sign. Instant exits are not quoted here (no venue without adapters).
 */
import { assertU64, KofiError, minOutFromQuote } from "@kofi/core";
import { kofiConstants } from "@kofi/core/abi";
import type { EntryPayload, Quote, QuoteOptions, QuoteRequest } from "../backend.ts";
import { longAddress } from "./bcs.ts";
import type { NodeTarget } from "./node.ts";
import { callView } from "./view.ts";

const big = (v: unknown): bigint => BigInt(typeof v === "string" || typeof v === "number" ? v : 0);

type Priced = Omit<Quote, "payload" | "expiresAt">;

function payload(target: NodeTarget, name: string, args: EntryPayload["functionArguments"]): EntryPayload {
  return { function: `${target.kofiAddress}::gateway::${name}`, typeArguments: [], functionArguments: args };
}

/** Most tickets one `claim` takes (`withdrawals::MAX_CLAIM_BATCH`, from the generated ABI, as `@kofi/core`). */
const MAX_CLAIM_BATCH = Number(kofiConstants.withdrawals.MAX_CLAIM_BATCH.value);

/** `withdrawals::MAX_CLAIM_BATCH`, no duplicates, long-form addresses (as `assertClaimBatch` of `@kofi/core`). */
function claimBatch(tickets: readonly string[]): `0x${string}`[] {
  if (tickets.length === 0) throw new KofiError("invalid_argument", "claim needs at least one ticket.");
  if (tickets.length > MAX_CLAIM_BATCH)
    throw new KofiError(
      "invalid_argument",
      `claim takes at most ${MAX_CLAIM_BATCH} tickets at once (withdrawals::MAX_CLAIM_BATCH), got ${tickets.length}.`,
    );
  const ids = tickets.map((t) => longAddress(t));
  if (new Set(ids).size !== ids.length)
    throw new KofiError("invalid_argument", "claim names a ticket twice.");
  return ids;
}

/** A quote for `request`, read from the chain (one view), with the payload to sign. */
export async function quoteLean(
  target: NodeTarget,
  request: QuoteRequest,
  options: QuoteOptions,
  ttlMs: number,
): Promise<Quote> {
  const view = (name: string, args: readonly unknown[]) =>
    callView(target, "gateway", name, args, options.signal);
  const slip = (out: bigint) => minOutFromQuote(out, options.slippageBps);
  const done = (q: Priced, p: EntryPayload): Quote => ({ ...q, payload: p, expiresAt: Date.now() + ttlMs });
  switch (request.action) {
    case "deposit": {
      const amount = assertU64(request.amount, "APT amount");
      if (request.to === "kAPT") {
        const [fee, kapt] = await view("quote_deposit", [amount]);
        const out = big(kapt);
        const minOut = slip(out);
        const q = {
          request,
          tokenIn: "APT",
          amountIn: amount,
          tokenOut: "kAPT",
          amountOut: out,
          minOut,
          fee: big(fee),
        } as const;
        return done(q, payload(target, "deposit", [amount, minOut]));
      }
      const [fee, , stkapt] = await view("quote_deposit_and_stake", [amount]);
      const out = big(stkapt);
      const minOut = slip(out);
      const q = {
        request,
        tokenIn: "APT",
        amountIn: amount,
        tokenOut: "stkAPT",
        amountOut: out,
        minOut,
        fee: big(fee),
      } as const;
      return done(q, payload(target, "deposit_and_stake", [amount, minOut]));
    }
    case "stake": {
      const amount = assertU64(request.amount, "kAPT amount");
      const out = big((await view("quote_stake", [amount]))[0]);
      const minOut = slip(out);
      const q = {
        request,
        tokenIn: "kAPT",
        amountIn: amount,
        tokenOut: "stkAPT",
        amountOut: out,
        minOut,
        fee: 0n,
      } as const;
      return done(q, payload(target, "stake", [amount, minOut]));
    }
    case "unstake": {
      const amount = assertU64(request.amount, "stkAPT amount");
      const out = big((await view("quote_unstake", [amount]))[0]);
      const minOut = slip(out);
      const q = {
        request,
        tokenIn: "stkAPT",
        amountIn: amount,
        tokenOut: "kAPT",
        amountOut: out,
        minOut,
        fee: 0n,
      } as const;
      return done(q, payload(target, "unstake", [amount, minOut]));
    }
    case "request_withdrawal": {
      if (request.from === "kAPT") {
        const amount = assertU64(request.amount, "kAPT amount");
        const [apt, unlockAt] = await view("quote_request_withdrawal", [amount]);
        const out = big(apt);
        // No min_out: kAPT redeems 1:1 (request_withdrawal takes the amount only), as `prepareRequestWithdrawal`.
        const q = {
          request,
          tokenIn: "kAPT",
          amountIn: amount,
          tokenOut: "APT",
          amountOut: out,
          minOut: out,
          fee: 0n,
          unlockAt: Number(big(unlockAt)),
        } as const;
        return done(q, payload(target, "request_withdrawal", [amount]));
      }
      const amount = assertU64(request.amount, "stkAPT amount");
      const [kapt, apt, unlockAt] = await view("quote_unstake_and_request_withdrawal", [amount]);
      // min_out bounds the kAPT the stkAPT unstakes to, as `prepareUnstakeAndRequestWithdrawal`.
      const minOut = slip(big(kapt));
      const q = {
        request,
        tokenIn: "stkAPT",
        amountIn: amount,
        tokenOut: "APT",
        amountOut: big(apt),
        minOut,
        fee: 0n,
        unlockAt: Number(big(unlockAt)),
      } as const;
      return done(q, payload(target, "unstake_and_request_withdrawal", [amount, minOut]));
    }
    case "claim": {
      const ids = claimBatch(request.tickets);
      let out = 0n;
      if (options.account) {
        const [apt] = await view("quote_claim", [longAddress(options.account), ids]);
        out = big(apt);
      }
      const q = {
        request,
        tokenIn: "APT",
        amountIn: 0n,
        tokenOut: "APT",
        amountOut: out,
        minOut: out,
        fee: 0n,
      } as const;
      return done(q, payload(target, "claim", [ids]));
    }
    case "instant_exit":
      throw new KofiError("simulation_failed", "No instant route for this amount.");
    case "buy":
      throw new KofiError(
        "invalid_config",
        "Buying on a venue needs the venues' adapters (the SDK backend).",
      );
  }
}
