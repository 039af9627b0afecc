import type { Address } from "../runtime/port.ts";
import type { Journal } from "../runtime/storage.ts";

/**
 * `aptos_std::pool_u64_unbound::Pool`: coins and shares with per-shareholder shares in a table (so a pool
 * with many delegators is never copied whole). All math is u128 floor division, as in Move.
 */
export interface PoolU64 {
  shareholders_count: bigint;
  total_coins: bigint;
  total_shares: bigint;
  shares: { handle: string };
  scaling_factor: bigint;
}

export const SHARES_SCALING_FACTOR = 10_000_000_000_000_000n;

export function newPool(j: Journal): PoolU64 {
  return {
    shareholders_count: 0n,
    total_coins: 0n,
    total_shares: 0n,
    shares: { handle: j.newHandle() },
    scaling_factor: SHARES_SCALING_FACTOR,
  };
}

export function shares(j: Journal, p: Readonly<PoolU64>, who: Address): bigint {
  // one lookup: a shares item is always a bigint, never undefined
  return (j.tryBorrowItem<bigint>(p.shares.handle, who) as bigint | undefined) ?? 0n;
}

export function amountToShares(p: Readonly<PoolU64>, coins: bigint, totalCoins = p.total_coins): bigint {
  if (totalCoins === 0n || p.total_shares === 0n) return coins * p.scaling_factor;
  return (coins * p.total_shares) / totalCoins;
}

export function sharesToAmount(
  p: Readonly<PoolU64>,
  s: bigint,
  totalCoins = p.total_coins,
  totalShares = p.total_shares,
): bigint {
  if (totalCoins === 0n || totalShares === 0n) return 0n;
  return (s * totalCoins) / totalShares;
}

export function balance(j: Journal, p: Readonly<PoolU64>, who: Address): bigint {
  return sharesToAmount(p, shares(j, p, who));
}

/** `buy_in`: mutates `p` (a mutable copy owned by the caller) and the shares table. Returns new shares. */
export function buyIn(j: Journal, p: PoolU64, who: Address, coins: bigint): bigint {
  if (coins === 0n) return 0n;
  const s = amountToShares(p, coins);
  p.total_coins += coins;
  p.total_shares += s;
  if (j.contains(p.shares.handle, who)) {
    j.upsert(p.shares.handle, who, (j.borrowItem<bigint>(p.shares.handle, who) as bigint) + s);
  } else {
    j.add(p.shares.handle, who, s);
    p.shareholders_count += 1n;
  }
  return s;
}

/** `redeem_shares`: returns the coins redeemed. */
export function redeemShares(j: Journal, p: PoolU64, who: Address, s: bigint): bigint {
  if (s === 0n) return 0n;
  const have = shares(j, p, who);
  const coins = sharesToAmount(p, s);
  p.total_coins -= coins;
  p.total_shares -= s;
  const left = have - s;
  if (left === 0n) {
    j.remove(p.shares.handle, who);
    p.shareholders_count -= 1n;
  } else j.upsert(p.shares.handle, who, left);
  return coins;
}
