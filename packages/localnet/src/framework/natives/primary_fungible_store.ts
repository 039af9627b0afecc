/**
 * `0x1::primary_fungible_store` natives (aptos-framework v1.39 `primary_fungible_store.move`) over the model's
 * `fungible.ts`. APT's paired metadata (0xa) is served from the model's coin store, so balances agree.
 */
import { frameworkAbort } from "../../runtime/errors.ts";
import type { Address } from "../../runtime/port.ts";
import { depositApt, withdrawApt } from "../coin.ts";
import { APT_FA, type TxContext } from "../context.ts";
import { createFungibleAsset, deposit, faBalance, faTransfer, withdraw } from "../fungible.ts";
import {
  address,
  bool,
  type ModuleNatives,
  objectAddress,
  objectValue,
  signer,
  string,
  struct,
  u64,
} from "./host.ts";

const MAX_NAME_LENGTH = 32;
const MAX_SYMBOL_LENGTH = 32;
const MAX_DECIMALS = 32n;
const MAX_URI_LENGTH = 512;

function outOfRange(name: string, reason: number, doc: string): Error {
  return frameworkAbort("fungible_asset", name, "out_of_range", reason, doc);
}

function withdrawFrom(tx: TxContext, owner: Address, metadata: Address, amount: bigint): void {
  if (metadata === APT_FA) withdrawApt(tx, owner, amount);
  else if (amount > 0n) withdraw(tx, owner, metadata, amount);
}

function depositTo(tx: TxContext, owner: Address, metadata: Address, amount: bigint): void {
  if (metadata === APT_FA) depositApt(tx, owner, amount);
  else deposit(tx, owner, metadata, amount);
}

export const primaryFungibleStoreNatives: ModuleNatives = {
  /**
   * `create_primary_store_enabled_fungible_asset(&ConstructorRef, max_supply, name, symbol, decimals, icon_uri,
   * project_uri)` = `fungible_asset::add_fungibility` (`EOBJECT_IS_DELETABLE` 0x10012 for deletable objects;
   * length limits 32/32/32 decimals/512) plus primary stores for every holder.
   */
  create_primary_store_enabled_fungible_asset: (
    { host },
    [ref, maxSupply, name, symbol, decimals, icon, project],
  ) => {
    const r = struct(ref);
    if (bool(r.can_delete)) {
      throw frameworkAbort(
        "fungible_asset",
        "EOBJECT_IS_DELETABLE",
        "invalid_argument",
        18,
        "Fungibility is only available for non-deletable objects.",
      );
    }
    const info = {
      name: string(name),
      symbol: string(symbol),
      decimals: Number(u64(decimals)),
      iconUri: string(icon),
      projectUri: string(project),
    };
    // Move's string::length counts bytes
    const len = (s: string) => new TextEncoder().encode(s).length;
    if (len(info.name) > MAX_NAME_LENGTH)
      throw outOfRange("ENAME_TOO_LONG", 15, "Name of the fungible asset metadata is too long");
    if (len(info.symbol) > MAX_SYMBOL_LENGTH)
      throw outOfRange("ESYMBOL_TOO_LONG", 16, "Symbol of the fungible asset metadata is too long");
    if (u64(decimals) > MAX_DECIMALS)
      throw outOfRange("EDECIMALS_TOO_LARGE", 17, "Decimals is over the maximum of 32");
    if (len(info.iconUri) > MAX_URI_LENGTH || len(info.projectUri) > MAX_URI_LENGTH) {
      throw outOfRange("EURI_TOO_LONG", 19, "URI for the icon of the fungible asset metadata is too long");
    }
    const max = struct(maxSupply).vec as bigint[];
    createFungibleAsset(host.tx, address(r.self), info, max[0]);
    return [];
  },
  /** `deposit(owner, FungibleAsset)`: into `owner`'s primary store (created on first use). */
  deposit: ({ host }, [owner, fa]) => {
    const asset = struct(fa);
    depositTo(host.tx, address(owner), objectAddress(asset.metadata), u64(asset.amount));
    return [];
  },
  /** `withdraw<T>(owner, Object<T>, amount): FungibleAsset`: `EINSUFFICIENT_BALANCE` (0x10004). */
  withdraw: ({ host }, [owner, metadata, amount]) => {
    const m = objectAddress(metadata);
    const a = u64(amount);
    withdrawFrom(host.tx, signer(owner), m, a);
    return [{ metadata: objectValue(m), amount: a }];
  },
  /** `transfer<T>(sender, Object<T>, recipient, amount)`: withdraw then deposit. */
  transfer: ({ host }, [sender, metadata, to, amount]) => {
    const m = objectAddress(metadata);
    const a = u64(amount);
    faTransfer(host.tx, signer(sender), m, address(to), a);
    return [];
  },
  /** `balance<T>(account, Object<T>): u64`: 0 without a primary store. */
  balance: ({ host }, [owner, metadata]) => [faBalance(host.tx, address(owner), objectAddress(metadata))],
};
