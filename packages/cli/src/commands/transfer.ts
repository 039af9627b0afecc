import { transferKapt, transferStkapt } from "@kofi/core";
import { parseAddressArg, parsePositiveAmount } from "../args.ts";
import type { Ctx } from "../context.ts";
import { UsageError } from "../io.ts";

/** `kofi transfer <kAPT|stkAPT> <amount> <to>`: `0x1::primary_fungible_store::transfer`. */
export async function transferCommand(ctx: Ctx): Promise<number> {
  const token = ctx.arg(0, "kAPT|stkAPT");
  if (token !== "kAPT" && token !== "stkAPT")
    throw new UsageError(`transfer sends kAPT or stkAPT, got "${token}"`);
  const amount = parsePositiveAmount(ctx.arg(1, "amount"), token);
  const to = parseAddressArg(ctx.arg(2, "to"), "recipient");
  return ctx.runAction(token === "kAPT" ? transferKapt({ to, amount }) : transferStkapt({ to, amount }));
}
