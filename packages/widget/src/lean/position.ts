/**
 * `gateway::user_summary` over plain `fetch` (one `POST /v1/view`), parsed into the widget's `Position`: the
 * fields of `@kofi/core`'s `parseUserSummary` the widget shows, with addresses in long form (that parser's
 * `normalizeAddress` is the ts-sdk's, which this path does not load). `position.test.ts` checks both agree.
 */
import type { Position } from "../backend.ts";
import { longAddress } from "./bcs.ts";
import type { NodeTarget } from "./node.ts";
import { callView } from "./view.ts";

const big = (v: unknown): bigint => BigInt(typeof v === "string" || typeof v === "number" ? v : 0);

/** The view's JSON (u64 as decimal strings) as the widget's `Position`. */
export function positionFromView(address: string, raw: Record<string, unknown>): Position {
  const tickets = (Array.isArray(raw.tickets) ? (raw.tickets as Record<string, unknown>[]) : []).map((t) => ({
    id: longAddress(String(t.id)),
    aptAmount: big(t.apt_amount),
    kaptBurned: big(t.kapt_burned),
    requestedAt: Number(big(t.requested_at)),
    unlockAt: Number(big(t.unlock_at)),
    ready: t.ready === true,
  }));
  return {
    address: longAddress(address),
    apt: big(raw.apt_balance),
    kapt: big(raw.kapt_balance),
    stkapt: big(raw.stkapt_balance),
    stkaptValueKapt: big(raw.stkapt_value_kapt),
    tickets,
    nowSecs: Number(big(raw.now_secs)),
  };
}

export async function readPositionLean(
  target: NodeTarget,
  address: string,
  signal?: AbortSignal,
): Promise<Position> {
  const owner = longAddress(address);
  const [raw] = await callView(target, "gateway", "user_summary", [owner], signal);
  return positionFromView(owner, (raw ?? {}) as Record<string, unknown>);
}
