/**
 * `0x1::coin` natives (aptos-framework v1.39 `coin.move`) over the model's `coin.ts`. The model keeps APT in
 * `CoinStore<AptosCoin>` (the paired FA at 0xa reads the same balance), so the coin type decides the store.
 */
import { frameworkAbort } from "../../runtime/errors.ts";
import type { Address } from "../../runtime/port.ts";
import { aptBalance } from "../coin.ts";
import { APT_COIN } from "../context.ts";
import { address, type Ctx, type ModuleNatives, signer, typeArg } from "./host.ts";
import { longAddress } from "./move.ts";

/** `is_coin_initialized<CoinType>`: `CoinInfo<CoinType>` at the address that defines the coin type. */
function coinInitialized(ctx: Ctx): boolean {
  const t = ctx.typeArgs[0];
  if (t?.k !== "struct") return false;
  return ctx.storage.exists(longAddress(t.address), `0x1::coin::CoinInfo<${typeArg(ctx)}>`);
}

function assertInitialized(ctx: Ctx): void {
  if (!coinInitialized(ctx)) {
    throw frameworkAbort(
      "coin",
      "ECOIN_INFO_NOT_PUBLISHED",
      "invalid_argument",
      3,
      "`CoinType` is not registered as a coin",
    );
  }
}

function balanceOf(ctx: Ctx, owner: Address): bigint {
  if (typeArg(ctx) === APT_COIN) return aptBalance(ctx.host.tx, owner);
  const store = `0x1::coin::CoinStore<${typeArg(ctx)}>`;
  if (!ctx.storage.exists(owner, store)) return 0n;
  return ctx.storage.borrow<{ coin: { value: bigint } }>(owner, store).coin.value;
}

export const coinNatives: ModuleNatives = {
  /** `balance<CoinType>(owner): u64`: coin store plus paired FA store (one number in the model). */
  balance: (ctx, [owner]) => [balanceOf(ctx, address(owner))],
  /**
   * `is_account_registered<CoinType>(addr): bool`: since the FA migration (v1.39) every account can receive an
   * initialised coin: true, after asserting `ECOIN_INFO_NOT_PUBLISHED` (0x10003).
   */
  is_account_registered: (ctx, [a]) => {
    address(a);
    assertInitialized(ctx);
    return [true];
  },
  /** `register<CoinType>(account)`: a no-op for an initialised coin (`is_account_registered` is true). */
  register: (ctx, [account]) => {
    signer(account);
    assertInitialized(ctx);
    return [];
  },
};
