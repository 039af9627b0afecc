import { getKofiAddresses, getPosition } from "@kofi/core";
import { parseAddressArg } from "../args.ts";
import type { Ctx } from "../context.ts";
import { fmt } from "../progress.ts";

/** `kofi balance <addr>`: balances, stkAPT value and tickets (one request). */
export async function balance(ctx: Ctx): Promise<number> {
  const owner = parseAddressArg(ctx.arg(0, "addr"), "address");
  const p = await getPosition(ctx.client, owner);
  const lines = [
    `address   ${p.address}`,
    `APT       ${fmt(p.aptBalance)}`,
    `kAPT      ${fmt(p.kaptBalance)}`,
    `stkAPT    ${fmt(p.stkaptBalance)} (= ${fmt(p.stkaptValueKapt, "kAPT")})`,
    `tickets   ${p.tickets.length} (claimable ${fmt(p.claimableApt, "APT")}, pending ${fmt(p.pendingApt, "APT")})`,
  ];
  ctx.out(lines.join("\n"), { ok: true, ...p });
  return 0;
}

/** `kofi tickets [addr]`: withdrawal tickets (default: the key's account). */
export async function tickets(ctx: Ctx): Promise<number> {
  const owner =
    ctx.args[0] !== undefined
      ? parseAddressArg(ctx.args[0], "address")
      : ctx.account().accountAddress.toStringLong();
  const p = await getPosition(ctx.client, owner);
  const lines = p.tickets.map(
    (t) => `${t.id}  ${fmt(t.aptAmount, "APT")}  ${t.ready ? "ready" : `unlocks in ${t.countdown.label}`}`,
  );
  ctx.out(lines.join("\n") || "no tickets", {
    ok: true,
    address: p.address,
    nowSecs: p.nowSecs,
    tickets: p.tickets,
  });
  return 0;
}

/** `kofi addresses`: the package, token metadata, protocol account and vault store addresses. */
export async function addresses(ctx: Ctx): Promise<number> {
  const a = await getKofiAddresses(ctx.client);
  const lines = [
    `kofi              ${a.kofi}`,
    `kAPT metadata     ${a.kaptMetadata}`,
    `stkAPT metadata   ${a.stkaptMetadata}`,
    `protocol account  ${a.protocolAccount}`,
    `vault store       ${a.vaultStore}`,
  ];
  ctx.out(lines.join("\n"), { ok: true, ...a });
  return 0;
}
