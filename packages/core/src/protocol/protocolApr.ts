/**
 * The APR people see (`protocolApr`) and the on-chain APR's parser, in a file of its own with no client import:
 * the widget's lean read path bundles it eagerly. Re-exported by `apr.ts`, `state.ts` and the package index.
 */

/**
 * `gateway::AprInfo`: the protocol's APR over a trailing window kept on chain (`rewards::AprHistory`: the syncs
 * of the last 7 days in a fixed ring, plus rewards accrued but not yet synced), over the time they were earned.
 * When `enoughHistory` is false (a fresh chain: under a day of history) every APR reads 0 and is not a yield:
 * say "not enough history".
 */
export interface OnChainApr {
  enoughHistory: boolean;
  /** Yield on the protocol's principal after validator commission and the protocol fee, ppm (63_000n = 6.3 %). */
  aprPpm: bigint;
  /** The same before the protocol fee. */
  grossAprPpm: bigint;
  /** What stkAPT holders earn at the current split (all net rewards go to the vault), ppm. */
  stkaptAprPpm: bigint;
  /** Start of the window, seconds. */
  windowStart: bigint;
  windowSecs: bigint;
  /** Rewards (gross, booked plus accrued) over the window, octas. */
  windowRewards: bigint;
  /** Principal (kAPT + tickets + equity) integrated over the window, octa-seconds. */
  principalSecs: bigint;
}

const big = (v: unknown): bigint =>
  typeof v === "bigint" ? v : BigInt(typeof v === "string" || typeof v === "number" ? v : 0);

/** `gateway::AprInfo` (the `apr` field of `protocol_state`, or the `gateway::apr` view) from its JSON form. */
export function parseApr(raw: unknown): OnChainApr {
  const a = (raw ?? {}) as Record<string, unknown>;
  return {
    enoughHistory: a.enough_history === true,
    aprPpm: big(a.apr_ppm),
    grossAprPpm: big(a.gross_apr_ppm),
    stkaptAprPpm: big(a.stkapt_apr_ppm),
    windowStart: big(a.window_start),
    windowSecs: big(a.window_secs),
    windowRewards: big(a.window_rewards),
    principalSecs: big(a.principal_secs),
  };
}

/**
 * Kept for compatibility; the on-chain APR is bounded by construction (rewards over the time they were earned),
 * so no figure is withheld as implausible any more.
 * @deprecated no longer used by `protocolApr`.
 */
export const MAX_PLAUSIBLE_APR_PPM = 250_000n;

/** Why `protocolApr` has no figure to show. */
export type AprUnavailableReason =
  /** Under a day of on-chain history (a fresh protocol), or a state read without its `apr` field. */
  | "not_enough_history"
  /** @deprecated never returned since the on-chain APR (kept so exhaustive switches still compile). */
  | "no_rewards_yet"
  /** @deprecated never returned since the on-chain APR. */
  | "stream_ended"
  /** @deprecated never returned since the on-chain APR. */
  | "catch_up";

/** The APR to show to people, or why there is none yet. */
export type ProtocolApr =
  | {
      available: true;
      /** The protocol's APR net of validator commission and the protocol fee, ppm. */
      aprPpm: bigint;
      aprPercent: string;
      /** What stkAPT holders earn at the current kAPT/stkAPT split, ppm. */
      stkaptAprPpm: bigint;
      /** Where the figure comes from: the on-chain trailing window (`gateway::apr`). */
      method: "window";
      /** The window the figure is measured over, seconds. */
      windowSecs: bigint;
    }
  | {
      available: false;
      reason: AprUnavailableReason;
      /** Always 0 (kept for compatibility). */
      rawAprPpm: bigint;
    };

function percent(ppm: bigint): string {
  return `${ppm / 10_000n}.${(ppm % 10_000n).toString().padStart(4, "0")}`;
}

/**
 * The one APR figure apps and the widget show, from a protocol state already read (no request): the chain's own
 * trailing-window APR (`ProtocolState.apr`, i.e. `gateway::protocol_state`'s `apr` field, or `parseApr` of it).
 * Not available, with reason `not_enough_history`, on a fresh chain or when the state carries no `apr`.
 */
export function protocolApr(state: { apr?: OnChainApr }): ProtocolApr {
  const apr = state.apr;
  if (!apr || !apr.enoughHistory) return { available: false, reason: "not_enough_history", rawAprPpm: 0n };
  return {
    available: true,
    aprPpm: apr.aprPpm,
    aprPercent: percent(apr.aprPpm),
    stkaptAprPpm: apr.stkaptAprPpm,
    method: "window",
    windowSecs: apr.windowSecs,
  };
}
