import type { KofiClient } from "../client/createKofiClient.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";

/** A withdrawal ticket (`gateway::TicketInfo`), bigint amounts, times in seconds. */
export interface Ticket {
  /** The ticket object's address; pass it to `claim`. */
  id: `0x${string}`;
  owner: `0x${string}`;
  kaptBurned: bigint;
  /** APT the claim pays. */
  aptAmount: bigint;
  requestedAt: bigint;
  /** Estimated unlock time (end of the pools' lockup). Readiness is decided by the lockup cycle: see `ready`. */
  unlockAt: bigint;
  /** True when `claim` would succeed now. */
  ready: boolean;
  pools: `0x${string}`[];
}

/** Converts the JSON of a `TicketInfo` struct. */
export function parseTicketInfo(raw: unknown): Ticket {
  const r = raw as Record<string, unknown>;
  return {
    id: normalizeAddress(String(r.id)),
    owner: normalizeAddress(String(r.owner)),
    kaptBurned: big(r.kapt_burned),
    aptAmount: big(r.apt_amount),
    requestedAt: big(r.requested_at),
    unlockAt: big(r.unlock_at),
    ready: r.ready === true,
    pools: ((r.pools as unknown[]) ?? []).map((p) => normalizeAddress(String(p))),
  };
}

/** `gateway::ticket_info(ticket)` (aborts `E_TICKET_NOT_FOUND` for unknown or claimed tickets). */
export async function getTicket(
  client: KofiClient,
  ticket: string,
  options: ReadOptions = {},
): Promise<Ticket> {
  const [info] = await readView(
    client,
    "gateway",
    "ticket_info",
    [normalizeAddress(ticket, "ticket")],
    options,
  );
  return parseTicketInfo(info);
}

/** All open tickets of `owner`, from `user_summary` (one request). */
export async function getTickets(
  client: KofiClient,
  owner: string,
  options: ReadOptions = {},
): Promise<Ticket[]> {
  const [summary] = await readView(
    client,
    "gateway",
    "user_summary",
    [normalizeAddress(owner, "owner")],
    options,
  );
  return ((summary as { tickets?: unknown[] }).tickets ?? []).map(parseTicketInfo);
}
