import { bytesToHex, sha3 } from "../runtime/address.ts";
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
 * `optional_aggregator::OptionalAggregator { aggregator: Option<Aggregator>, integer: Option<Integer> }`,
 * `Integer { value: u128, limit: u128 }` and `aggregator::Aggregator { handle: address, key: address, limit: u128 }`
 * (optional_aggregator.move / aggregator.move v1.39). `coin::initialize` creates the `Integer` form
 * (`optional_aggregator::new(false)`); APT is created by `aptos_coin::initialize` through
 * `coin::initialize_with_parallelizable_supply`, i.e. `optional_aggregator::new(true)`: the `Aggregator` form,
 * whose value is not in the resource but in the `AggregatorFactory` table item `handle`/`key` (a u128).
 */
export interface CoinInfo {
  name: string;
  symbol: string;
  decimals: bigint;
  supply: { vec: OptionalAggregator[] };
}
export interface Aggregator {
  handle: Address;
  key: Address;
  limit: bigint;
}
export interface OptionalAggregator {
  aggregator: { vec: Aggregator[] };
  integer: { vec: { value: bigint; limit: bigint }[] };
}

/** `0x1::aggregator_factory::AggregatorFactory { phantom_table: Table<address, u128> }` at 0x1. */
export const AGGREGATOR_FACTORY = "0x1::aggregator_factory::AggregatorFactory";
export interface AggregatorFactory {
  phantom_table: { handle: Address };
}

const MAX_U128 = (1n << 128n) - 1n;

/** `aggregator_factory::initialize_aggregator_factory` (genesis): publishes the factory and its table at 0x1. */
export function initializeAggregatorFactory(ctx: TxContext): void {
  if (!ctx.journal.exists(FRAMEWORK, AGGREGATOR_FACTORY)) {
    ctx.journal.moveTo<AggregatorFactory>(FRAMEWORK, AGGREGATOR_FACTORY, {
      phantom_table: { handle: ctx.journal.newHandle() as Address },
    });
  }
}

/**
 * `aggregator_factory::create_aggregator_internal(limit)` -> native `new_aggregator`: the factory's table handle
 * and a fresh key. The native hashes the transaction hash with the number of aggregators created so far; the
 * model hashes the same two inputs with sha3-256 (its keys are unique, not byte-equal to a node's). The value
 * (0) is written at once: the node writes the item when the aggregator is first changed, and APT's supply changes
 * in the genesis transaction that creates it.
 */
function createAggregator(ctx: TxContext, limit: bigint): Aggregator {
  initializeAggregatorFactory(ctx);
  const handle = ctx.journal.borrow<AggregatorFactory>(FRAMEWORK, AGGREGATOR_FACTORY).phantom_table.handle;
  const count = Buffer.alloc(4);
  count.writeUInt32BE(ctx.journal.keys(handle).length);
  const key = bytesToHex(sha3(ctx.txHash, count)) as Address;
  ctx.journal.add(handle, key, 0n);
  return { handle, key, limit };
}

/**
 * `aptos_coin::initialize` -> `coin::initialize_with_parallelizable_supply<AptosCoin>(framework, "Aptos Coin",
 * "APT", 8, true)` -> `initialize_internal(.., parallelizable = true)`: `CoinInfo<AptosCoin>` at 0x1 with the
 * `Aggregator` form of the supply.
 */
export function initializeAptosCoin(ctx: TxContext): void {
  ctx.journal.moveTo<CoinInfo>(FRAMEWORK, T.coinInfo, {
    name: "Aptos Coin",
    symbol: "APT",
    decimals: 8n,
    supply: { vec: [{ aggregator: { vec: [createAggregator(ctx, MAX_U128)] }, integer: { vec: [] } }] },
  });
}

/**
 * `coin::coin_supply` through `optional_aggregator::read`: the `Integer`'s value, or the aggregator's table item
 * (`aggregator::read`); undefined when the supply is not tracked.
 */
export function coinSupply(ctx: TxContext, info: CoinInfo): bigint | undefined {
  const opt = info.supply.vec[0];
  if (!opt) return undefined;
  const int = opt.integer.vec[0];
  if (int) return int.value;
  const agg = opt.aggregator.vec[0];
  if (!agg) throw new Error("OptionalAggregator with neither form");
  return ctx.journal.borrowItem<bigint>(agg.handle, agg.key);
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

/**
 * `optional_aggregator::add` / `sub` on the APT supply: the `Integer` form aborts in `optional_aggregator`, the
 * `Aggregator` form in the native `aggregator::add` / `sub` (module `aggregator`); both with
 * `EAGGREGATOR_OVERFLOW` (0x20001) past the limit and `EAGGREGATOR_UNDERFLOW` (0x20002) below zero.
 */
export function changeSupply(ctx: TxContext, delta: bigint): void {
  if (delta === 0n) return;
  const opt = ctx.journal.borrow<CoinInfo>(FRAMEWORK, T.coinInfo).supply.vec[0];
  if (!opt) return;
  const agg = opt.aggregator.vec[0];
  const int = opt.integer.vec[0];
  if (!agg && !int) throw new Error("OptionalAggregator with neither form");
  const [value, limit] = agg
    ? [ctx.journal.borrowItem<bigint>(agg.handle, agg.key), agg.limit]
    : [int?.value ?? 0n, int?.limit ?? 0n];
  const next = value + delta;
  if (next < 0n || next > limit) {
    const under = next < 0n;
    // the doc comments differ: aggregator.move's say what they mean, optional_aggregator.move's are swapped
    const doc = agg
      ? under
        ? "The value of aggregator underflows (goes below zero). Raised by native code."
        : "The value of aggregator overflows. Raised by native code."
      : under
        ? "Aggregator feature is not supported. Raised by native code."
        : "The value of aggregator underflows (goes below zero). Raised by native code.";
    throw frameworkAbort(
      agg ? "aggregator" : "optional_aggregator",
      under ? "EAGGREGATOR_UNDERFLOW" : "EAGGREGATOR_OVERFLOW",
      "out_of_range",
      under ? 2 : 1,
      doc,
    );
  }
  if (agg) ctx.journal.upsert(agg.handle, agg.key, next);
  else if (int) {
    const w = ctx.journal.borrowMut<CoinInfo>(FRAMEWORK, T.coinInfo).supply.vec[0]?.integer.vec[0];
    if (w) w.value = next;
  }
}

/** Gas is burned, as on mainnet. */
export function burnApt(ctx: TxContext, from: Address, amount: bigint): void {
  if (amount === 0n) return;
  ctx.journal.borrowMut<CoinStore>(from, T.coinStore).coin.value -= amount;
  changeSupply(ctx, -amount);
}
