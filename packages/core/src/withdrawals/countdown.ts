import type { Ticket } from "./tickets.ts";

export interface Countdown {
  /** Seconds left until `unlockAt` (0 when passed). */
  secondsLeft: bigint;
  days: bigint;
  hours: bigint;
  minutes: bigint;
  seconds: bigint;
  /** The chain says the ticket can be claimed now. */
  ready: boolean;
  /** `unlockAt` has passed but the chain does not report it ready yet (lockup cycle not observed). */
  overdue: boolean;
  /** "3d 4h 5m", "ready", or "any moment now". */
  label: string;
}

/**
 * Time left on a ticket, from chain time (`now_secs` of the same read) or a wall clock in seconds.
 * Readiness comes from the chain (`ticket.ready`): the countdown is an estimate for UIs.
 */
export function ticketCountdown(ticket: Pick<Ticket, "unlockAt" | "ready">, nowSecs: bigint): Countdown {
  const left = ticket.unlockAt > nowSecs ? ticket.unlockAt - nowSecs : 0n;
  const days = left / 86_400n;
  const hours = (left % 86_400n) / 3_600n;
  const minutes = (left % 3_600n) / 60n;
  const seconds = left % 60n;
  const overdue = !ticket.ready && left === 0n;
  let label: string;
  if (ticket.ready) label = "ready";
  else if (overdue) label = "any moment now";
  else if (days > 0n) label = `${days}d ${hours}h ${minutes}m`;
  else if (hours > 0n) label = `${hours}h ${minutes}m`;
  else if (minutes > 0n) label = `${minutes}m ${seconds}s`;
  else label = `${seconds}s`;
  return { secondsLeft: left, days, hours, minutes, seconds, ready: ticket.ready, overdue, label };
}

/** Current wall-clock time in whole seconds (bigint). */
export function nowSecs(): bigint {
  return BigInt(Date.now()) / 1000n;
}
