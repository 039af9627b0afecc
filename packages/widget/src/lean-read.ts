/**
 * The lean read path: `gateway::protocol_state` over plain `fetch` (one `POST /v1/view`), parsed here, with the
 * APR from `protocolApr` (`@kofi/core`'s client-free file). A visitor sees the rate, APR and TVL without the
 * SDK chunk (ts-sdk and all) being downloaded: `backend-lazy.ts` uses this when the host configured `node-url`
 * and `kofi-address`, and loads the SDK only for what needs it (position, quotes, signing).
 */
import { parseApr, protocolApr } from "@kofi/core";
import type { ProtocolSummary } from "./backend.ts";

const big = (v: unknown): bigint => BigInt(typeof v === "string" || typeof v === "number" ? v : 0);

/** Parses the view's JSON (u64/u128 come as decimal strings) into the widget's summary. */
export function summaryFromView(raw: Record<string, unknown>): ProtocolSummary {
  const rate = { numerator: big(raw.rate_numerator), denominator: big(raw.rate_denominator) };
  const nowSecs = big(raw.now_secs);
  // The chain's own trailing-window APR (`protocol_state.apr`, a `gateway::AprInfo`); a node without the field
  // (an older package) gives "not enough history" rather than a figure computed here.
  const apr = protocolApr(raw.apr && typeof raw.apr === "object" ? { apr: parseApr(raw.apr) } : {});
  const aprBps = apr.available ? Number(apr.aprPpm / 100n) : null;
  return {
    rate,
    aprBps,
    apr: apr.available
      ? { status: "available", bps: Number(apr.aprPpm / 100n) }
      : { status: "unavailable", reason: apr.reason },
    feeBps: Number(big(raw.fee_bps)),
    paused: {
      deposit: raw.paused_deposit === true,
      stake: raw.paused_stake === true,
      unstake: raw.paused_unstake === true,
      withdraw: raw.paused_withdraw === true,
    },
    lockupSecs: Number(big(raw.lockup_duration_secs)),
    minDeposit: big(raw.min_deposit),
    minWithdrawal: big(raw.min_withdrawal),
    // The same TVL as the SDK's `tvlApt`: staked plus idle APT.
    totalStakedApt: big(raw.total_staked_apt) + big(raw.idle_apt),
    nowSecs: Number(nowSecs),
  };
}

/** One request: `POST {nodeUrl}/view` for `gateway::protocol_state`. Throws a `KofiErrorLike`. */
export async function readProtocolLean(
  nodeUrl: string,
  kofiAddress: string,
  signal?: AbortSignal,
): Promise<ProtocolSummary> {
  const response = await fetch(`${nodeUrl.replace(/\/+$/, "")}/view`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      function: `${kofiAddress}::gateway::protocol_state`,
      type_arguments: [],
      arguments: [],
    }),
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    throw {
      code: response.status >= 500 ? "network" : "invalid_config",
      message: `protocol_state: HTTP ${response.status} ${text.slice(0, 200)}`,
    };
  }
  const [state] = (await response.json()) as [Record<string, unknown>];
  return summaryFromView(state);
}
