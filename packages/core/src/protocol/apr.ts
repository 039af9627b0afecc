import type { KofiClient } from "../client/createKofiClient.ts";
import { big } from "../client/view.ts";
import { toKofiError } from "../errors/toKofiError.ts";
import type { ExchangeRate } from "../vault/math.ts";
import { getExchangeRate } from "../vault/rate.ts";
import { getProtocolState } from "./state.ts";

export const SECONDS_PER_YEAR = 31_536_000n; // 365 days

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
  const sign = aprPpm < 0n ? "-" : "";
  const abs = aprPpm < 0n ? -aprPpm : aprPpm;
  const aprPercent = `${sign}${abs / 10_000n}.${(abs % 10_000n).toString().padStart(4, "0")}`;
  return { aprPpm, aprPercent, from, to };
}

/**
 * One rate sample now: `gateway::protocol_state()` gives the rate and the chain time of the same read (one
 * request). Keep samples (e.g. one per hour in an app or a cron) and feed two of them to `aprFromSamples`.
 */
export async function sampleRate(client: KofiClient): Promise<RateSample> {
  const s = await getProtocolState(client);
  return { rate: s.rate, timeSecs: s.nowSecs };
}

export interface EstimateAprOptions {
  /** How far back to look, in ledger versions (default 100_000; clamped to the node's oldest version). */
  lookbackVersions?: bigint;
}

async function versionTime(client: KofiClient, version: bigint): Promise<bigint> {
  const tx = (await client.aptos.getTransactionByVersion({ ledgerVersion: version })) as {
    timestamp?: string;
  };
  return tx.timestamp === undefined ? 0n : big(tx.timestamp) / 1_000_000n;
}

/**
 * APR estimate from the rate's on-chain history, no indexer needed: reads `gateway::exchange_rate` at the latest
 * ledger version and at `latest - lookbackVersions` (`POST /v1/view?ledger_version=…`), takes each version's
 * transaction timestamp (`GET /v1/transactions/by_version/…`), and annualises with `aprFromSamples`.
 * 5 requests. Needs a node that serves views at past versions (any fullnode within its pruning window);
 * the Kofi localnet answers views at the latest state only, so there use `sampleRate` + `aprFromSamples`.
 */
export async function estimateApr(
  client: KofiClient,
  options: EstimateAprOptions = {},
): Promise<AprEstimate> {
  try {
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
    return aprFromSamples(from, to);
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
}
