import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import type { KofiClient } from "../client/createKofiClient.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";
import { entryPayload } from "../client/payload.ts";
import { type KofiAction, payloadAction } from "../execute/action.ts";

/** `gateway::transfer_ticket(ticket, to)` payload. */
export function transferTicketPayload(
  client: KofiClient,
  args: { ticket: string; to: string },
): InputEntryFunctionData {
  return entryPayload(client, "gateway", "transfer_ticket", [
    normalizeAddress(args.ticket, "ticket"),
    normalizeAddress(args.to, "recipient"),
  ]);
}

/** Transfer a withdrawal ticket to another account. */
export function transferTicket(args: { ticket: string; to: string }): KofiAction<undefined> {
  return payloadAction(
    "transfer_ticket",
    (client) => transferTicketPayload(client, args),
    `transfer_ticket:${args.ticket}:${args.to}`,
  );
}
