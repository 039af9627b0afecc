import {
  assertClaimBatch,
  claim,
  deposit,
  depositAndStake,
  getPosition,
  MAX_CLAIM_BATCH,
  requestWithdrawal,
  stake,
  unstake,
} from "@kofi/core";
import { parseAddressArg, parsePositiveAmount } from "../args.ts";
import type { Ctx } from "../context.ts";
import { UsageError } from "../io.ts";

const slippage = (ctx: Ctx) => (ctx.slippageBps === undefined ? {} : { slippageBps: ctx.slippageBps });

/** `kofi deposit <apt> [--stake]`. */
export async function depositCommand(ctx: Ctx): Promise<number> {
  const amount = parsePositiveAmount(ctx.arg(0, "apt"), "APT");
  return ctx.runAction(
    ctx.values.stake ? depositAndStake({ amount, ...slippage(ctx) }) : deposit({ amount, ...slippage(ctx) }),
  );
}

export async function stakeCommand(ctx: Ctx): Promise<number> {
  return ctx.runAction(stake({ amount: parsePositiveAmount(ctx.arg(0, "kapt"), "kAPT"), ...slippage(ctx) }));
}

export async function unstakeCommand(ctx: Ctx): Promise<number> {
  return ctx.runAction(
    unstake({ amount: parsePositiveAmount(ctx.arg(0, "stkapt"), "stkAPT"), ...slippage(ctx) }),
  );
}

export async function requestCommand(ctx: Ctx): Promise<number> {
  return ctx.runAction(requestWithdrawal({ amount: parsePositiveAmount(ctx.arg(0, "kapt"), "kAPT") }));
}

/** `kofi claim [ticket...] | --all`: at most MAX_CLAIM_BATCH tickets, checked before any request. */
export async function claimCommand(ctx: Ctx): Promise<number> {
  if (ctx.values.all && ctx.args.length > 0)
    throw new UsageError("claim takes ticket addresses or --all, not both");
  if (!ctx.values.all && ctx.args.length === 0) throw new UsageError("claim needs ticket addresses or --all");
  let ids = ctx.values.all ? [] : ctx.args.map((t) => parseAddressArg(t, "ticket"));
  if (!ctx.values.all) assertClaimBatch(ids);
  const account = ctx.account();
  const owner = account.accountAddress.toStringLong();
  if (ctx.values.all) {
    const p = await getPosition(ctx.client, owner);
    ids = p.readyTickets.map((t) => t.id).slice(0, MAX_CLAIM_BATCH);
    if (ids.length === 0) {
      ctx.out("no ready tickets", { ok: true, kind: "claim", claimed: [] });
      return 0;
    }
    if (p.readyTickets.length > MAX_CLAIM_BATCH)
      ctx.io.stderr(
        `[claim] ${p.readyTickets.length} tickets ready; claiming the first ${MAX_CLAIM_BATCH} (run again for the rest)\n`,
      );
  }
  return ctx.runAction(claim({ tickets: ids, owner }));
}
