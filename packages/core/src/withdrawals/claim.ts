import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import type { KofiClient } from "../client/createKofiClient.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";
import { entryPayload } from "../client/payload.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";
import { KofiError } from "../errors/KofiError.ts";
import type { KofiAction, PreparedAction } from "../execute/action.ts";
import { kofiConstants } from "../generated/abi.ts";

/** Most tickets one `claim` takes (`withdrawals::MAX_CLAIM_BATCH`, from the generated ABI). */
export const MAX_CLAIM_BATCH = Number(kofiConstants.withdrawals.MAX_CLAIM_BATCH.value);

/**
 * Throws `invalid_argument` before anything reaches the chain when `tickets` is empty, longer than
 * `MAX_CLAIM_BATCH` (the chain aborts `withdrawals::E_BATCH_TOO_LARGE`), or names a ticket twice.
 */
export function assertClaimBatch(tickets: readonly string[]): `0x${string}`[] {
  if (tickets.length === 0)
    throw new KofiError("invalid_argument", "claim needs at least one ticket.", {
      hint: "Pass the ticket addresses to claim (getPosition(client, owner).readyTickets).",
    });
  if (tickets.length > MAX_CLAIM_BATCH)
    throw new KofiError(
      "invalid_argument",
      `claim takes at most ${MAX_CLAIM_BATCH} tickets at once (withdrawals::MAX_CLAIM_BATCH), got ${tickets.length}.`,
      { hint: `Split the tickets into batches of ${MAX_CLAIM_BATCH} and claim each batch.` },
    );
  const ids = tickets.map((t) => normalizeAddress(t, "ticket"));
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice)
    throw new KofiError("invalid_argument", `claim names ticket ${twice} twice.`, {
      hint: "List each ticket once.",
    });
  return ids;
}

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
  const ids = assertClaimBatch(tickets);
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
  return entryPayload(client, "gateway", "claim", [assertClaimBatch(args.tickets)]);
}

/** Builds `claim` after quoting it for `owner` (the quote surfaces not-ready / not-owner errors before signing). */
export async function prepareClaim(
  client: KofiClient,
  args: { tickets: readonly string[]; owner?: string },
): Promise<PreparedAction<ClaimQuote>> {
  assertClaimBatch(args.tickets);
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
