/**
 * Exact TypeScript copies of the vault's Move math (`move/sources/vault.move`). All bigint, all floor.
 * `math.property.test.ts` proves each function equal to the interpreted Move, to the octa, on random states.
 */
import { kofiConstants } from "../generated/abi.ts";

/** `vault::VIRTUAL_ASSETS` (generated ABI): virtual kAPT added to the vault's assets in every conversion. */
export const VIRTUAL_ASSETS: bigint = kofiConstants.vault.VIRTUAL_ASSETS.value;
/** `vault::VIRTUAL_SHARES` (generated ABI): virtual shares added to the share supply in every conversion. */
export const VIRTUAL_SHARES: bigint = kofiConstants.vault.VIRTUAL_SHARES.value;

/** The `vault::Vault` resource, bigint fields. */
export interface VaultState {
  totalKapt: bigint;
  totalShares: bigint;
  deadShares: bigint;
  streamAmount: bigint;
  streamReleased: bigint;
  streamStart: bigint;
  streamEnd: bigint;
}

/** kAPT per stkAPT as a fraction. */
export interface ExchangeRate {
  numerator: bigint;
  denominator: bigint;
}

/** `released_at(v, now)`: stream kAPT released by `now` and not yet moved into `total_kapt`. */
export function releasedAt(v: VaultState, now: bigint): bigint {
  if (v.streamAmount === 0n) return 0n;
  const duration = v.streamEnd - v.streamStart;
  let vested: bigint;
  if (duration === 0n || now >= v.streamEnd) vested = v.streamAmount;
  else if (now <= v.streamStart) vested = 0n;
  else vested = (v.streamAmount * (now - v.streamStart)) / duration;
  return vested > v.streamReleased ? vested - v.streamReleased : 0n;
}

/** `assets(now) = total_kapt + released_at(now)`. */
export function vaultAssetsAt(v: VaultState, now: bigint): bigint {
  return v.totalKapt + releasedAt(v, now);
}

/** kAPT still streaming at `now`. */
export function streamingAt(v: VaultState, now: bigint): bigint {
  return v.streamAmount - v.streamReleased - releasedAt(v, now);
}

/** `exchange_rate(now) = (assets + VIRTUAL_ASSETS, total_shares + VIRTUAL_SHARES)`. */
export function exchangeRateAt(v: VaultState, now: bigint): ExchangeRate {
  return { numerator: vaultAssetsAt(v, now) + VIRTUAL_ASSETS, denominator: v.totalShares + VIRTUAL_SHARES };
}

/** `floor(kapt * den / num)`: stkAPT minted for `kapt`. */
export function kaptToShares(kapt: bigint, rate: ExchangeRate): bigint {
  return (kapt * rate.denominator) / rate.numerator;
}

/** `floor(shares * num / den)`: kAPT paid for `shares`. */
export function sharesToKapt(shares: bigint, rate: ExchangeRate): bigint {
  return (shares * rate.numerator) / rate.denominator;
}

/**
 * Applies a stake to a vault state (what `vault::stake` does after `rewards::sync`): useful to chain local
 * quotes (e.g. two stakes in a row). `rewards::sync` itself never changes `assets(now)`: it first releases the
 * stream up to `now`, and new rewards start streaming at `now`.
 */
export function applyStake(v: VaultState, kapt: bigint, now: bigint): { state: VaultState; shares: bigint } {
  const shares = kaptToShares(kapt, exchangeRateAt(v, now));
  const released = releasedAt(v, now);
  return {
    shares,
    state: {
      ...v,
      totalKapt: v.totalKapt + released + kapt,
      streamReleased: v.streamReleased + released,
      totalShares: v.totalShares + shares,
    },
  };
}

/** Applies an unstake to a vault state. */
export function applyUnstake(
  v: VaultState,
  shares: bigint,
  now: bigint,
): { state: VaultState; kapt: bigint } {
  const kapt = sharesToKapt(shares, exchangeRateAt(v, now));
  const released = releasedAt(v, now);
  return {
    kapt,
    state: {
      ...v,
      totalKapt: v.totalKapt + released - kapt,
      streamReleased: v.streamReleased + released,
      totalShares: v.totalShares - shares,
    },
  };
}

/** Compares two rates exactly (a < b: -1, equal: 0, a > b: 1) by cross-multiplication. */
export function compareRates(a: ExchangeRate, b: ExchangeRate): -1 | 0 | 1 {
  const l = a.numerator * b.denominator;
  const r = b.numerator * a.denominator;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** A rate as a decimal string with `decimals` digits (floor), for display only. */
export function formatRate(rate: ExchangeRate, decimals = 8): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = (rate.numerator * scale) / rate.denominator;
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(decimals, "0");
  return decimals > 0 ? `${whole}.${frac}` : `${whole}`;
}
