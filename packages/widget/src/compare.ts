/** Standard (wait for unlock) versus instant (sell on a DEX) exit, in integer octas and basis points. */
import type { Quote } from "./backend.ts";

export interface ExitComparison {
  /** standard APT − instant APT; positive means waiting pays more. */
  readonly differenceApt: bigint;
  /** |difference| relative to the standard amount, basis points (floored). */
  readonly differenceBps: number;
  /** The cost of immediacy annualised over the wait, basis points; null when there is no wait. */
  readonly annualisedBps: number | null;
  /** The instant route's discount is above the host's `max-discount-bps`. */
  readonly instantBlocked: boolean;
}

const YEAR_SECS = 365n * 86_400n;

/** Compares one standard quote with one instant quote. `nowSecs` is chain time. */
export function compareExits(
  standard: Quote,
  instant: Quote,
  maxDiscountBps: number,
  nowSecs: number,
): ExitComparison {
  const differenceApt = standard.amountOut - instant.amountOut;
  const abs = differenceApt < 0n ? -differenceApt : differenceApt;
  const differenceBps = standard.amountOut > 0n ? Number((abs * 10_000n) / standard.amountOut) : 0;
  const wait = standard.unlockAt !== undefined ? BigInt(Math.max(0, standard.unlockAt - nowSecs)) : 0n;
  const annualisedBps =
    wait > 0n && standard.amountOut > 0n && differenceApt > 0n
      ? Number((differenceApt * 10_000n * YEAR_SECS) / (standard.amountOut * wait))
      : null;
  const discount = instant.route?.discountBps ?? differenceBps;
  return { differenceApt, differenceBps, annualisedBps, instantBlocked: discount > maxDiscountBps };
}

/** The best instant option: most APT out among those not blocked, else the first. */
export function bestInstant(options: readonly Quote[], maxDiscountBps: number): Quote | undefined {
  let best: Quote | undefined;
  for (const q of options) {
    if ((q.route?.discountBps ?? 0) > maxDiscountBps) continue;
    if (!best || q.amountOut > best.amountOut) best = q;
  }
  return best ?? options[0];
}
