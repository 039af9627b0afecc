import { primaryStoreAddress } from "../runtime/address.ts";
import { frameworkAbort } from "../runtime/errors.ts";
import type { Address } from "../runtime/port.ts";
import { aptBalance, aptTransfer } from "./coin.ts";
import { APT_FA, emit, T, type TxContext } from "./context.ts";
import { createObjectAt, isObject } from "./objects.ts";

export interface FaMetadata {
  name: string;
  symbol: string;
  decimals: bigint;
  icon_uri: string;
  project_uri: string;
}
export interface FaSupply {
  current: bigint;
  maximum: { vec: bigint[] };
}
export interface FungibleStore {
  metadata: { inner: Address };
  balance: bigint;
  frozen: boolean;
}

export const insufficientFa = () =>
  frameworkAbort(
    "fungible_asset",
    "EINSUFFICIENT_BALANCE",
    "invalid_argument",
    4,
    "Insufficient balance to withdraw or transfer.",
  );

const metadataNotFound = () =>
  frameworkAbort(
    "fungible_asset",
    "EFUNGIBLE_METADATA_EXISTENCE",
    "not_found",
    30,
    "Fungible metadata does not exist on this account.",
  );

export function isFungibleAsset(ctx: TxContext, metadata: Address): boolean {
  return ctx.journal.exists(metadata, T.faMetadata);
}

/** `primary_fungible_store::create_primary_store_enabled_fungible_asset` on an existing object. */
export function createFungibleAsset(
  ctx: TxContext,
  metadata: Address,
  info: { name: string; symbol: string; decimals: number; iconUri: string; projectUri: string },
  maximumSupply?: bigint,
): void {
  if (!isObject(ctx, metadata)) {
    throw frameworkAbort(
      "object",
      "EOBJECT_DOES_NOT_EXIST",
      "not_found",
      2,
      "An object does not exist at this address",
    );
  }
  ctx.journal.moveTo<FaMetadata>(metadata, T.faMetadata, {
    name: info.name,
    symbol: info.symbol,
    decimals: BigInt(info.decimals),
    icon_uri: info.iconUri,
    project_uri: info.projectUri,
  });
  ctx.journal.moveTo<FaSupply>(metadata, T.faSupply, {
    current: 0n,
    maximum: { vec: maximumSupply === undefined ? [] : [maximumSupply] },
  });
}

function storeOf(_ctx: TxContext, owner: Address, metadata: Address): Address {
  return primaryStoreAddress(owner, metadata);
}

function ensureStore(ctx: TxContext, owner: Address, metadata: Address): Address {
  const s = storeOf(ctx, owner, metadata);
  if (!ctx.journal.exists(s, T.faStore)) {
    createObjectAt(ctx, s, owner);
    ctx.journal.moveTo<FungibleStore>(s, T.faStore, {
      metadata: { inner: metadata },
      balance: 0n,
      frozen: false,
    });
  }
  return s;
}

export function faBalance(ctx: TxContext, owner: Address, metadata: Address): bigint {
  if (metadata === APT_FA) return aptBalance(ctx, owner);
  return ctx.journal.tryBorrow<FungibleStore>(storeOf(ctx, owner, metadata), T.faStore)?.balance ?? 0n;
}

export function faSupply(ctx: TxContext, metadata: Address): bigint {
  const s = ctx.journal.tryBorrow<FaSupply>(metadata, T.faSupply);
  if (!s) throw metadataNotFound();
  return s.current;
}

/** `primary_fungible_store::deposit(owner, fa)`: into the owner's primary store, created on first use. */
export function deposit(ctx: TxContext, owner: Address, metadata: Address, amount: bigint): void {
  const s = ensureStore(ctx, owner, metadata);
  ctx.journal.borrowMut<FungibleStore>(s, T.faStore).balance += amount;
  emit(ctx, "0x1::fungible_asset::Deposit", { store: s, amount });
}

/** `primary_fungible_store::withdraw(owner, metadata, amount)`: aborts `EINSUFFICIENT_BALANCE` (0x10004). */
export function withdraw(ctx: TxContext, owner: Address, metadata: Address, amount: bigint): void {
  const s = storeOf(ctx, owner, metadata);
  const st = ctx.journal.tryBorrow<FungibleStore>(s, T.faStore);
  if (!st || st.balance < amount) throw insufficientFa();
  ctx.journal.borrowMut<FungibleStore>(s, T.faStore).balance -= amount;
  emit(ctx, "0x1::fungible_asset::Withdraw", { store: s, amount });
}

export function faMintTo(ctx: TxContext, metadata: Address, to: Address, amount: bigint): void {
  if (!isFungibleAsset(ctx, metadata)) throw metadataNotFound();
  if (amount === 0n) return;
  ctx.journal.borrowMut<FaSupply>(metadata, T.faSupply).current += amount;
  deposit(ctx, to, metadata, amount);
}

export function faBurnFrom(ctx: TxContext, metadata: Address, owner: Address, amount: bigint): void {
  if (!isFungibleAsset(ctx, metadata)) throw metadataNotFound();
  if (amount === 0n) return;
  withdraw(ctx, owner, metadata, amount);
  ctx.journal.borrowMut<FaSupply>(metadata, T.faSupply).current -= amount;
}

export function faTransfer(
  ctx: TxContext,
  from: Address,
  metadata: Address,
  to: Address,
  amount: bigint,
): void {
  if (metadata === APT_FA) {
    aptTransfer(ctx, from, to, amount);
    return;
  }
  if (!isFungibleAsset(ctx, metadata)) throw metadataNotFound();
  if (amount === 0n) return;
  withdraw(ctx, from, metadata, amount);
  deposit(ctx, to, metadata, amount);
}

/**
 * `fungible_asset::mint(&MintRef, amount)` (`increase_supply`, fungible_asset.move): the supply grows, the
 * minted asset is the caller's value until deposited; `EMAX_SUPPLY_EXCEEDED` (0x20005) over the maximum.
 */
export function mint(ctx: TxContext, metadata: Address, amount: bigint): void {
  if (amount === 0n) return;
  const s = ctx.journal.tryBorrow<FaSupply>(metadata, T.faSupply);
  if (!s) throw supplyNotFound();
  const max = s.maximum.vec[0];
  if (max !== undefined && max - s.current < amount) {
    throw frameworkAbort(
      "fungible_asset",
      "EMAX_SUPPLY_EXCEEDED",
      "out_of_range",
      5,
      "The fungible asset's supply has exceeded maximum.",
    );
  }
  ctx.journal.borrowMut<FaSupply>(metadata, T.faSupply).current += amount;
}

/** `fungible_asset::burn(&BurnRef, fa)` (`decrease_supply`): the supply shrinks by the asset's amount. */
export function burn(ctx: TxContext, metadata: Address, amount: bigint): void {
  if (amount === 0n) return;
  const s = ctx.journal.tryBorrow<FaSupply>(metadata, T.faSupply);
  if (!s) throw supplyNotFound();
  if (s.current < amount) {
    throw frameworkAbort(
      "fungible_asset",
      "ESUPPLY_UNDERFLOW",
      "invalid_state",
      20,
      "The fungible asset's supply will be negative which should be impossible.",
    );
  }
  ctx.journal.borrowMut<FaSupply>(metadata, T.faSupply).current -= amount;
}

const supplyNotFound = () =>
  frameworkAbort(
    "fungible_asset",
    "ESUPPLY_NOT_FOUND",
    "not_found",
    21,
    "Supply resource is not found for a metadata object.",
  );
