/**
 * The APR people see (`protocolApr`), in a file of its own with no client import: the widget's lean read path
 * bundles it eagerly. Re-exported by `apr.ts` and the package index.
 */
import type { ProtocolState } from "./state.ts";

const SECONDS_PER_YEAR = 31_536_000n; // 365 days, as in apr.ts

/**
 * Above this the stream APR is not shown as a yield: Aptos staking pays single-digit percents, so a stream
 * implying more than 25 % a year is rewards booked late (a sync after a long quiet stretch streams all of
 * them over one epoch interval). Shown as-is that read 161,629 % after 14 days without a sync.
 */
export const MAX_PLAUSIBLE_APR_PPM = 250_000n;

/** Why `protocolApr` has no figure to show. */
export type AprUnavailableReason =
  /** No reward stream was ever set: a fresh protocol, no `rewards::sync` with rewards yet. */
  | "no_rewards_yet"
  /** The last stream ended and no entry has synced since: the figure returns with the next sync. */
  | "stream_ended"
  /** The live stream carries rewards from longer than its own window: its APR would overstate the yield. */
  | "catch_up";

/** The APR to show to people, or why there is none yet. */
export type ProtocolApr =
  | {
      available: true;
      aprPpm: bigint;
      aprPercent: string;
      /** Where the figure comes from: the live reward stream (until the on-chain APR view lands). */
      method: "stream";
      /** The stream window the figure is measured over, seconds. */
      windowSecs: bigint;
    }
  | {
      available: false;
      reason: AprUnavailableReason /** The stream APR that was withheld, if any. */;
      rawAprPpm: bigint;
    };

/**
 * The one APR figure apps and the widget show, from a protocol state already read (no request). Today: the
 * live stream's APR (`aprFromState`), withheld with a reason when there is no stream, when it ended, or when it
 * is implausibly high (`MAX_PLAUSIBLE_APR_PPM`). When `gateway::protocol_state` gains its own APR view this
 * function switches to it, and every caller follows.
 */
export function protocolApr(state: Pick<ProtocolState, "stream" | "nowSecs" | "rate">): ProtocolApr {
  const { stream, nowSecs } = state;
  if (stream.amount === 0n || stream.end <= stream.start)
    return { available: false, reason: "no_rewards_yet", rawAprPpm: 0n };
  if (nowSecs >= stream.end) return { available: false, reason: "stream_ended", rawAprPpm: 0n };
  // aprFromState's formula, inlined so this file imports no client code: the widget's eager bundle (the
  // lean read path) uses it without the SDK. apr.test.ts checks both agree.
  const duration = stream.end - stream.start;
  const aprPpm = (stream.amount * SECONDS_PER_YEAR * 1_000_000n) / (duration * state.rate.numerator);
  const aprPercent = `${aprPpm / 10_000n}.${(aprPpm % 10_000n).toString().padStart(4, "0")}`;
  if (aprPpm > MAX_PLAUSIBLE_APR_PPM) return { available: false, reason: "catch_up", rawAprPpm: aprPpm };
  return { available: true, aprPpm, aprPercent, method: "stream", windowSecs: stream.end - stream.start };
}
