import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import type { KofiClient } from "../client/createKofiClient.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";
import { entryPayload } from "../client/payload.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";
import type { KofiAction, PreparedAction } from "../execute/action.ts";

/** Most tickets one `claim` takes (`withdrawals::MAX_CLAIM_BATCH`). */
export const MAX_CLAIM_BATCH = 20;

export interface ClaimQuote {
  tickets: `0x${string}`[];
  aptOut: bigint;
  /** Every ticket is ready; `claim` aborts `E_TICKET_NOT_READY` otherwise. */
  ready: boolean;
}

/** `gateway::quote_claim(owner, tickets)`. */
export async function quoteClaim(
  client: KofiClient,
  owner: string,
  tickets: readonly string[],
  options: ReadOptions = {},
): Promise<ClaimQuote> {
  const ids = tickets.map((t) => normalizeAddress(t, "ticket"));
  const [apt, ready] = await readView(
    client,
    "gateway",
    "quote_claim",
    [normalizeAddress(owner, "owner"), ids],
    options,
  );
  return { tickets: ids, aptOut: big(apt), ready: ready === true };
}

/** `gateway::claim(tickets)` payload. */
export function claimPayload(
  client: KofiClient,
  args: { tickets: readonly string[] },
): InputEntryFunctionData {
  return entryPayload(client, "gateway", "claim", [args.tickets.map((t) => normalizeAddress(t, "ticket"))]);
}

/** Builds `claim` after quoting it for `owner` (the quote surfaces not-ready / not-owner errors before signing). */
export async function prepareClaim(
  client: KofiClient,
  args: { tickets: readonly string[]; owner?: string },
): Promise<PreparedAction<ClaimQuote>> {
  const quote = args.owner ? await quoteClaim(client, args.owner, args.tickets) : undefined;
  return { kind: "claim", quote, minOut: undefined, payload: claimPayload(client, args) };
}

/** Claim ready tickets (APT paid to the owner). */
export function claim(args: { tickets: readonly string[]; owner?: string }): KofiAction<ClaimQuote> {
  return {
    kind: "claim",
    key: `claim:${[...args.tickets].sort().join(",")}`,
    prepare: (client) => prepareClaim(client, args),
  };
}
