import { aprFromState, formatRate, getProtocolState } from "@kofi/core";
import type { Ctx } from "../context.ts";
import { fmt } from "../progress.ts";

/** `kofi status`: the protocol state and the stkAPT APR of the live reward stream (one request). */
export async function status(ctx: Ctx): Promise<number> {
  const s = await getProtocolState(ctx.client);
  const apr = aprFromState(s);
  const paused =
    Object.entries(s.paused)
      .filter(([, v]) => v)
      .map(([k]) => k)
      .join(", ") || "none";
  const lines = [
    `network        ${ctx.client.network} (${ctx.client.nodeUrl})`,
    `kofi           ${ctx.client.kofiAddress}`,
    `rate           1 stkAPT = ${formatRate(s.rate)} kAPT`,
    `APR            ${apr.aprPercent} % (stkAPT, live reward stream)`,
    `TVL            ${fmt(s.tvlApt, "APT")}`,
    `kAPT supply    ${fmt(s.kaptSupply, "kAPT")}`,
    `stkAPT supply  ${fmt(s.stkaptSupply, "stkAPT")}`,
    `streaming      ${fmt(s.streamingKapt, "kAPT")}`,
    `fee            ${s.feeBps} bps (max ${s.maxFeeBps})`,
    `admin          ${s.admin}`,
    `paused         ${paused}`,
    `lockup         ${s.lockupDurationSecs / 86_400n} days, epoch ${s.epochIntervalSecs} s`,
    `validators     ${s.validators.length}`,
    ...s.validators.map(
      (v) =>
        `  ${v.pool} weight ${v.weightBps} bps, active ${fmt(v.active, "APT")}${v.enabled ? "" : " (disabled)"}`,
    ),
  ];
  ctx.out(lines.join("\n"), {
    ok: true,
    network: ctx.client.network,
    kofiAddress: ctx.client.kofiAddress,
    ...s,
    apr: { aprPpm: apr.aprPpm, aprPercent: apr.aprPercent, method: apr.method },
  });
  return 0;
}
