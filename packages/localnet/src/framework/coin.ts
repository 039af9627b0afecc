import { frameworkAbort } from "../runtime/errors.ts";
import type { Address } from "../runtime/port.ts";
import { accountExists, createAccount } from "./accounts.ts";
import { APT_COIN, emit, FRAMEWORK, T, type TxContext } from "./context.ts";

/** `0x1::coin::CoinStore<AptosCoin>` (APT balances; the paired FA `0xa` view reads the same number). */
export interface CoinStore {
  coin: { value: bigint };
  frozen: boolean;
}
export interface CoinInfo {
  name: string;
  symbol: string;
  decimals: bigint;
  supply: bigint;
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

export function changeSupply(ctx: TxContext, delta: bigint): void {
  if (delta === 0n) return;
  ctx.journal.borrowMut<CoinInfo>(FRAMEWORK, T.coinInfo).supply += delta;
}

/** Gas is burned, as on mainnet. */
export function burnApt(ctx: TxContext, from: Address, amount: bigint): void {
  if (amount === 0n) return;
  ctx.journal.borrowMut<CoinStore>(from, T.coinStore).coin.value -= amount;
  changeSupply(ctx, -amount);
}
