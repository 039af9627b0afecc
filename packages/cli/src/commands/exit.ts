import {
  chainReader,
  createExitRouter,
  discoverThalaPools,
  type ExitToken,
  hyperionAdapter,
  kofiRateProvider,
  resolveKofiTokens,
  thalaswapV2Adapter,
} from "@kofi/adapters";
import type { KofiAction, PreparedAction } from "@kofi/core";
import { parsePositiveAmount } from "../args.ts";
import type { Ctx } from "../context.ts";
import { UsageError } from "../io.ts";
import { fmt } from "../progress.ts";

/**
 * `kofi exit <amount> [--token kAPT|stkAPT] [--best | --venue <id>]`: instant exit through `@kofi/adapters`'s exit
 * router (Hyperion, ThalaSwap v2), next to the protocol's withdrawal ticket. Without `--best`/`--venue` it only
 * lists the options; with one, it swaps at that quote (its min-out enforced on chain).
 */
export async function exitCommand(ctx: Ctx): Promise<number> {
  const token = (ctx.values.token ?? "kAPT") as ExitToken;
  if (token !== "kAPT" && token !== "stkAPT")
    throw new UsageError(`--token takes kAPT or stkAPT, got "${token}"`);
  const amount = parsePositiveAmount(ctx.arg(0, "amount"), token);
  if (ctx.values.best && ctx.values.venue)
    throw new UsageError("exit takes --best or --venue <id>, not both");
  const executing = ctx.values.best === true || ctx.values.venue !== undefined;
  const sender = executing ? ctx.account().accountAddress.toStringLong() : undefined;
  const { client } = ctx;
  const reader = chainReader(client.aptos);
  const tokens = await resolveKofiTokens(client);
  const pools = await discoverThalaPools(reader, [tokens.kAPT, tokens.stkAPT]).catch(() => []);
  const adapters = [hyperionAdapter({ reader, tokens }), thalaswapV2Adapter({ reader, pools })];
  const router = createExitRouter({
    client,
    reader,
    tokens,
    rates: kofiRateProvider(client),
    adapters,
    ...(sender ? { sender } : {}),
  });
  const x = await router.getExitOptions({ token, amount, slippageBps: ctx.slippageBps ?? 50n });
  const lines = [
    `exit ${fmt(amount, token)} (fair value ${fmt(x.fairValueApt, "APT")})`,
    x.standard
      ? `  ticket      ${fmt(x.standard.aptAtUnlock, "APT")} after ${Number(x.standard.waitSecs / 3600n)} h (kofi request)`
      : `  ticket      unavailable: ${x.standardError ?? "unknown"}`,
    ...x.venues.map((v) =>
      v.status === "ok"
        ? `  ${v.adapterId.padEnd(11)} ${fmt(v.quote.amountOut, "APT")} now, min ${fmt(v.quote.minAmountOut, "APT")}, net of gas ${fmt(v.netApt, "APT")}${v.guard.level === "ok" ? "" : ` [${v.guard.level}: ${v.guard.reasons.join("; ")}]`}${v.adapterId === x.best?.adapterId ? "  <- best" : ""}`
        : `  ${v.adapterId.padEnd(11)} ${v.status}: ${"reason" in v ? v.reason : v.error}`,
    ),
  ];
  if (!executing) {
    ctx.out(lines.join("\n"), { ok: true, ...x });
    return 0;
  }
  ctx.io.stderr(`${lines.join("\n")}\n`);
  const pick = ctx.values.best ? x.best : x.ranked.find((v) => v.adapterId === ctx.values.venue);
  if (!pick) {
    const known = x.venues.map((v) => v.adapterId).join(", ");
    throw new UsageError(
      ctx.values.best
        ? "no venue can take this exit now (see the list above)"
        : `venue "${ctx.values.venue}" has no quote (venues: ${known})`,
    );
  }
  if (pick.guard.level === "block")
    throw new UsageError(`the ${pick.adapterId} quote is blocked: ${pick.guard.reasons.join("; ")}`);
  const venue = adapters.find((a) => a.meta.id === pick.adapterId);
  if (!venue) throw new UsageError(`unknown venue ${pick.adapterId}`);
  const built = await venue.buildPayload(pick.quote);
  const kind = `exit:${pick.adapterId}`;
  const action: KofiAction = {
    kind,
    key: `${kind}:${token}:${amount}:${built.minAmountOut}`,
    prepare: async (): Promise<PreparedAction> => ({
      kind,
      payload: built.data,
      quote: pick.quote,
      minOut: built.minAmountOut,
    }),
  };
  return ctx.runAction(action);
}
