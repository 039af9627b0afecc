import type { KofiClient } from "../client/createKofiClient.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";
import { type Countdown, ticketCountdown } from "../withdrawals/countdown.ts";
import { parseTicketInfo, type Ticket } from "../withdrawals/tickets.ts";

export interface PositionTicket extends Ticket {
  /** Time left at the read's chain time. */
  countdown: Countdown;
}

/** A user's whole Kofi position, from ONE `gateway::user_summary` view call. */
export interface Position {
  address: `0x${string}`;
  aptBalance: bigint;
  kaptBalance: bigint;
  stkaptBalance: bigint;
  /** What the stkAPT would unstake for now (floor). */
  stkaptValueKapt: bigint;
  /** kAPT is redeemable 1:1 for APT through a withdrawal ticket, so this equals `stkaptValueKapt`. */
  stkaptValueApt: bigint;
  /** kAPT + stkAPT value + open tickets, in APT octas (excludes the plain APT balance). */
  totalKofiApt: bigint;
  tickets: PositionTicket[];
  readyTickets: PositionTicket[];
  /** APT claimable now (sum of ready tickets). */
  claimableApt: bigint;
  /** APT in tickets not ready yet. */
  pendingApt: bigint;
  /** Chain time of the read, seconds. */
  nowSecs: bigint;
}

export function parseUserSummary(address: `0x${string}`, raw: unknown): Position {
  const r = raw as Record<string, unknown>;
  const nowSecs = big(r.now_secs);
  const tickets = ((r.tickets as unknown[]) ?? []).map((t) => {
    const ticket = parseTicketInfo(t);
    return { ...ticket, countdown: ticketCountdown(ticket, nowSecs) };
  });
  const readyTickets = tickets.filter((t) => t.ready);
  const claimableApt = readyTickets.reduce((s, t) => s + t.aptAmount, 0n);
  const pendingApt = tickets.filter((t) => !t.ready).reduce((s, t) => s + t.aptAmount, 0n);
  const kaptBalance = big(r.kapt_balance);
  const stkaptValueKapt = big(r.stkapt_value_kapt);
  return {
    address,
    aptBalance: big(r.apt_balance),
    kaptBalance,
    stkaptBalance: big(r.stkapt_balance),
    stkaptValueKapt,
    stkaptValueApt: stkaptValueKapt,
    totalKofiApt: kaptBalance + stkaptValueKapt + claimableApt + pendingApt,
    tickets,
    readyTickets,
    claimableApt,
    pendingApt,
    nowSecs,
  };
}

/** A user's position: balances, stkAPT value, tickets with readiness and countdown. Exactly one HTTP request. */
export async function getPosition(
  client: KofiClient,
  owner: string,
  options: ReadOptions = {},
): Promise<Position> {
  const address = normalizeAddress(owner, "owner");
  const [summary] = await readView(client, "gateway", "user_summary", [address], options);
  return parseUserSummary(address, summary);
}
