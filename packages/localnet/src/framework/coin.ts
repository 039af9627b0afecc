import { frameworkAbort } from "../runtime/errors.ts";
import type { Address } from "../runtime/port.ts";
import { accountExists, createAccount } from "./accounts.ts";
import { APT_COIN, emit, FRAMEWORK, T, type TxContext } from "./context.ts";

/** `0x1::coin::CoinStore<AptosCoin>` (APT balances; the paired FA `0xa` view reads the same number). */
export interface CoinStore {
  coin: { value: bigint };
  frozen: boolean;
}
/**
 * `0x1::coin::CoinInfo<CoinType>` as the framework stores it: `supply: Option<OptionalAggregator>`, where
 * `optional_aggregator::OptionalAggregator { aggregator: Option<Aggregator>, integer: Option<Integer> }` and
 * `Integer { value: u128, limit: u128 }` (optional_aggregator.move v1.39). The model keeps the non-parallel
 * `Integer` form (what `optional_aggregator::new(false)` creates): its value is readable in the resource,
 * where an `Aggregator` would hold it in a table item.
 */
export interface CoinInfo {
  name: string;
  symbol: string;
  decimals: bigint;
  supply: { vec: OptionalAggregator[] };
}
export interface OptionalAggregator {
  aggregator: { vec: { handle: string; key: string; limit: bigint }[] };
  integer: { vec: { value: bigint; limit: bigint }[] };
}

const MAX_U128 = (1n << 128n) - 1n;

/** `coin::initialize` with `monitor_supply`: the supply starts at 0 with the u128 limit. */
export function newCoinInfo(name: string, symbol: string, decimals: bigint, supply = 0n): CoinInfo {
  return {
    name,
    symbol,
    decimals,
    supply: { vec: [{ aggregator: { vec: [] }, integer: { vec: [{ value: supply, limit: MAX_U128 }] } }] },
  };
}

/** `coin::coin_supply` through `optional_aggregator::read`: the tracked supply, or undefined when untracked. */
export function coinSupply(info: CoinInfo): bigint | undefined {
  const agg = info.supply.vec[0];
  if (!agg) return undefined;
  const int = agg.integer.vec[0];
  if (int) return int.value;
  throw new Error("aggregator-backed coin supply is not modelled");
}

export const insufficientApt = () =>
  frameworkAbort(
    "coin",
    "EINSUFFICIENT_BALANCE",
    "invalid_argument",
    6,
    "Not enough coins to complete transaction",
  );

export function aptBalance(ctx: TxContext, owner: Address): bigint {
  return ctx.journal.tryBorrow<CoinStore>(owner, T.coinStore)?.coin.value ?? 0n;
}

function ensureStore(ctx: TxContext, owner: Address): CoinStore {
  if (!ctx.journal.exists(owner, T.coinStore)) {
    ctx.journal.moveTo<CoinStore>(owner, T.coinStore, { coin: { value: 0n }, frozen: false });
  }
  return ctx.journal.borrowMut<CoinStore>(owner, T.coinStore);
}

/** `coin::withdraw<AptosCoin>`: aborts EINSUFFICIENT_BALANCE (0x10006). */
export function withdrawApt(ctx: TxContext, owner: Address, amount: bigint): void {
  if (amount === 0n) return;
  if (!ctx.journal.exists(owner, T.coinStore)) {
    throw frameworkAbort(
      "coin",
      "ECOIN_STORE_NOT_PUBLISHED",
      "not_found",
      5,
      "Account hasn't registered `CoinStore` for `CoinType`",
    );
  }
  const s = ctx.journal.borrow<CoinStore>(owner, T.coinStore);
  if (s.coin.value < amount) throw insufficientApt();
  ctx.journal.borrowMut<CoinStore>(owner, T.coinStore).coin.value -= amount;
  emit(ctx, "0x1::coin::CoinWithdraw", { coin_type: APT_COIN, account: owner, amount });
}

/** `coin::deposit<AptosCoin>` (registering the store on first use, as `aptos_account` does). */
export function depositApt(ctx: TxContext, owner: Address, amount: bigint): void {
  if (amount === 0n && ctx.journal.exists(owner, T.coinStore)) return;
  ensureStore(ctx, owner).coin.value += amount;
  if (amount > 0n) emit(ctx, "0x1::coin::CoinDeposit", { coin_type: APT_COIN, account: owner, amount });
}

/** `0x1::aptos_account::transfer`: creates the recipient account if needed. */
export function aptTransfer(ctx: TxContext, from: Address, to: Address, amount: bigint): void {
  if (!accountExists(ctx, to)) createAccount(ctx, to);
  withdrawApt(ctx, from, amount);
  depositApt(ctx, to, amount);
}

/** Mint new APT (faucet, genesis, staking rewards): supply grows. */
export function mintApt(ctx: TxContext, to: Address, amount: bigint): void {
  if (!accountExists(ctx, to)) createAccount(ctx, to);
  changeSupply(ctx, amount);
  depositApt(ctx, to, amount);
}

/** `optional_aggregator::add` / `sub` on the APT supply (aborts past the limit or below zero, like Integer). */
export function changeSupply(ctx: TxContext, delta: bigint): void {
  if (delta === 0n) return;
  const int = ctx.journal.borrowMut<CoinInfo>(FRAMEWORK, T.coinInfo).supply.vec[0]?.integer.vec[0];
  if (!int) return;
  const next = int.value + delta;
  if (next < 0n || next > int.limit) {
    throw frameworkAbort(
      "optional_aggregator",
      next < 0n ? "EAGGREGATOR_UNDERFLOW" : "EAGGREGATOR_OVERFLOW",
      "out_of_range",
      next < 0n ? 2 : 1,
      next < 0n
        ? "Aggregator feature is not supported. Raised by native code."
        : "The value of aggregator underflows (goes below zero). Raised by native code.",
    );
  }
  int.value = next;
}

/** Gas is burned, as on mainnet. */
export function burnApt(ctx: TxContext, from: Address, amount: bigint): void {
  if (amount === 0n) return;
  ctx.journal.borrowMut<CoinStore>(from, T.coinStore).coin.value -= amount;
  changeSupply(ctx, -amount);
}
