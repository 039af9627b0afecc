/**
 * `kofi::stkapt`: stkAPT: the vault share token (yield-bearing), a fungible asset with 8 decimals. Mint and burn refs live under the
 * metadata object (`StkaptRefs`) and are used only inside the package.
 */
import { namedObjectAddress } from "../runtime/address.ts";
import type { Address, Runtime, Signer } from "../runtime/port.ts";
import { bytes, KOFI, typeOf } from "./support.ts";

/** Seed of the stkAPT metadata object, created by `@kofi`. */
export const SEED = "stkAPT";
export const DECIMALS = 8;
export const REFS = typeOf("stkapt", "StkaptRefs");

/** `StkaptRefs { mint_ref: MintRef { metadata }, burn_ref: BurnRef { metadata } }` (Object<T> is `{ inner }`). */
export interface StkaptRefs {
  mint_ref: { metadata: { inner: Address } };
  burn_ref: { metadata: { inner: Address } };
}

export function init_module(rt: Runtime, kofi: Signer): void {
  const metadata = rt.framework.createNamedObject(kofi, bytes(SEED));
  rt.framework.createFungibleAsset(metadata, {
    name: "Kofi staked APT",
    symbol: "stkAPT",
    decimals: DECIMALS,
    iconUri: "",
    projectUri: "",
  });
  rt.storage.moveTo<StkaptRefs>(metadata, REFS, {
    mint_ref: { metadata: { inner: metadata } },
    burn_ref: { metadata: { inner: metadata } },
  });
}

/** Address of the stkAPT metadata object: `object::create_object_address(&@kofi, SEED)`. */
export function metadata_address(): Address {
  return namedObjectAddress(KOFI, bytes(SEED));
}

/** The stkAPT metadata object (an `Object<Metadata>` is its address here). */
export function metadata(): Address {
  return metadata_address();
}

/** Mints `amount` stkAPT into the primary store of `to`. */
export function mint_to(rt: Runtime, to: Address, amount: bigint): void {
  if (amount === 0n) return;
  rt.storage.borrow<StkaptRefs>(metadata_address(), REFS);
  rt.framework.faMintTo(metadata(), to, amount);
}

/** Burns `amount` stkAPT from the primary store of `owner` (the signer). */
export function burn_from_signer(rt: Runtime, owner: Signer, amount: bigint): void {
  if (amount === 0n) return;
  rt.framework.faBurnFrom(metadata(), owner.address, amount);
}

/** stkAPT balance of `owner`. */
export function balance(rt: Runtime, owner: Address): bigint {
  return rt.framework.faBalance(owner, metadata());
}

/** Total stkAPT supply. */
export function supply(rt: Runtime): bigint {
  return rt.framework.faSupply(metadata());
}
