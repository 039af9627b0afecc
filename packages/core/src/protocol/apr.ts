import type { KofiClient } from "../client/createKofiClient.ts";
import { big } from "../client/view.ts";
import { toKofiError } from "../errors/toKofiError.ts";
import { kofiConstants } from "../generated/abi.ts";
import type { ExchangeRate } from "../vault/math.ts";
import { getExchangeRate } from "../vault/rate.ts";
import { getProtocolState, type ProtocolState } from "./state.ts";

/**
 * `rewards::SECONDS_PER_YEAR` (365 days, generated ABI): the year the chain's APR (`gateway::apr`) annualises
 * over, so the SDK's annualised figures use the same one.
 */
export const SECONDS_PER_YEAR: bigint = kofiConstants.rewards.SECONDS_PER_YEAR.value;

/** The exchange rate observed at a time (seconds). */
export interface RateSample {
  rate: ExchangeRate;
  timeSecs: bigint;
  /** Ledger version of the read, when known. */
  version?: bigint;
}

export interface AprEstimate {
  /** Simple (non-compounded) annualised growth of kAPT per stkAPT, parts per million (52_000n = 5.2 %). */
  aprPpm: bigint;
  /** The same as a percent string with 4 decimals, e.g. "5.2000". */
  aprPercent: string;
  from: RateSample;
  to: RateSample;
  /**
   * "onchain": the chain's trailing-window APR (`gateway::apr`, net of commission and fee); "history": rate growth
   * between two reads.
   */
  method: "onchain" | "history";
}

/**
 * APR from two rate samples, exact bigint math, floor:
 * `apr = (rate_to / rate_from - 1) * SECONDS_PER_YEAR / (t_to - t_from)`.
 * The rate already excludes the protocol fee (fees go to the treasury as kAPT), so this is the stkAPT
 * holder's net APR. Rewards stream into the vault over one epoch after each sync, so windows shorter than an
 * epoch interval see a smoothed, partial picture; use at least one epoch.
 */
export function aprFromSamples(from: RateSample, to: RateSample): AprEstimate {
  const dt = to.timeSecs - from.timeSecs;
  let aprPpm = 0n;
  if (dt > 0n) {
    // (n1/d1) / (n0/d0) - 1 = (n1*d0 - n0*d1) / (n0*d1)
    const growthNum = to.rate.numerator * from.rate.denominator - from.rate.numerator * to.rate.denominator;
    const growthDen = from.rate.numerator * to.rate.denominator;
    aprPpm = (growthNum * SECONDS_PER_YEAR * 1_000_000n) / (growthDen * dt);
  }
  return { aprPpm, aprPercent: percent(aprPpm), from, to, method: "history" };
}

function percent(ppm: bigint): string {
  const sign = ppm < 0n ? "-" : "";
  const abs = ppm < 0n ? -ppm : ppm;
  return `${sign}${abs / 10_000n}.${(abs % 10_000n).toString().padStart(4, "0")}`;
}

/**
 * The chain's trailing-window APR (`ProtocolState.apr`, from `gateway::protocol_state`): rewards over the time in
 * which they were earned, net of validator commission and the protocol fee (`method: "onchain"`). `aprPpm` is 0
 * while the chain has not enough history (`state.apr.enoughHistory` false); `protocolApr` says so explicitly.
 */
export function aprFromState(state: Pick<ProtocolState, "apr" | "rate" | "nowSecs">): AprEstimate {
  const sample = { rate: state.rate, timeSecs: state.nowSecs };
  const aprPpm = state.apr.enoughHistory ? state.apr.aprPpm : 0n;
  return { aprPpm, aprPercent: percent(aprPpm), from: sample, to: sample, method: "onchain" };
}

/**
 * One rate sample now: `gateway::protocol_state()` gives the rate and the chain time of the same read (one
 * request). Keep samples (e.g. one per hour in an app or a cron) and feed two of them to `aprFromSamples`.
 */
export async function sampleRate(client: KofiClient): Promise<RateSample> {
  const s = await getProtocolState(client);
  return { rate: s.rate, timeSecs: s.nowSecs };
}

/**
 * The chain's APR (`aprFromState`): one `POST /v1/view` (`gateway::protocol_state`, which carries it), or no
 * request at all when you pass the `state` you already hold.
 */
export async function getApr(
  client: KofiClient,
  options: { state?: ProtocolState } = {},
): Promise<AprEstimate> {
  return aprFromState(options.state ?? (await getProtocolState(client)));
}

/** @deprecated renamed `getApr`: it now returns the chain's trailing-window APR, not the stream's. */
export const getStreamApr = getApr;

/**
 * `method: "onchain"` (default; `"stream"` is its deprecated name): the chain's APR, `getApr` (1 request, 0 with
 * `state`). `method: "history"`: the rate's growth over past ledger versions (5 requests, +1 for the fallback).
 */
export type EstimateAprOptions =
  | {
      method?: "onchain" | "stream";
      /** A protocol state you already read: saves its request. */
      state?: ProtocolState;
    }
  | {
      method: "history";
      /** How far back to look, in ledger versions (default 100_000; clamped to the node's oldest version). */
      lookbackVersions?: bigint;
      /** When the history shows no growth, use the on-chain APR instead (default true; +1 request). */
      fallbackToStream?: boolean;
    };

async function versionTime(client: KofiClient, version: bigint): Promise<bigint> {
  const tx = (await client.aptos.getTransactionByVersion({ ledgerVersion: version })) as {
    timestamp?: string;
  };
  return tx.timestamp === undefined ? 0n : big(tx.timestamp) / 1_000_000n;
}

export {
  type AprUnavailableReason,
  MAX_PLAUSIBLE_APR_PPM,
  type OnChainApr,
  type ProtocolApr,
  parseApr,
  protocolApr,
} from "./protocolApr.ts";

/**
 * The APR.
 *
 * - Default (`method: "onchain"`, formerly `"stream"`): the chain's trailing-window APR (`getApr`): 1 request
 *   (`gateway::protocol_state`), or none when you pass the `state` you already read. Rewards over the time they
 *   were earned (7 days of syncs kept on chain, accrued rewards included), net of commission and fee; 0 while
 *   the chain has under a day of history.
 * - `method: "history"` (opt-in): the rate's on-chain history, no indexer needed: reads `gateway::exchange_rate`
 *   at the latest ledger version and at `latest - lookbackVersions` (`POST /v1/view?ledger_version=…`), takes
 *   each version's transaction timestamp (`GET /v1/transactions/by_version/…`), and annualises with
 *   `aprFromSamples`. 5 requests. Needs a node that serves views at past versions. When the window shows no
 *   growth it falls back to the on-chain APR; `method` says which was used.
 */
export async function estimateApr(
  client: KofiClient,
  options: EstimateAprOptions = {},
): Promise<AprEstimate> {
  try {
    if (options.method !== "history") return await getApr(client, options);
    const info = await client.aptos.getLedgerInfo();
    const latest = big(info.ledger_version);
    const oldest = big(info.oldest_ledger_version) > 0n ? big(info.oldest_ledger_version) : 1n;
    const back = options.lookbackVersions ?? 100_000n;
    const fromVersion = latest - back > oldest ? latest - back : oldest;
    const sample = async (version: bigint): Promise<RateSample> => {
      const [rate, timeSecs] = await Promise.all([
        getExchangeRate(client, { ledgerVersion: version }),
        versionTime(client, version),
      ]);
      return { rate, timeSecs, version };
    };
    const [from, to] = await Promise.all([sample(fromVersion), sample(latest)]);
    const history = aprFromSamples(from, to);
    if (history.aprPpm !== 0n || options.fallbackToStream === false) return history;
    // No growth seen (window inside one quiet stretch, or a node that answers past versions with the latest
    // state, like the Kofi localnet): use the chain's own APR instead.
    const onchain = aprFromState(await getProtocolState(client));
    return onchain.aprPpm > 0n ? onchain : history;
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
}
