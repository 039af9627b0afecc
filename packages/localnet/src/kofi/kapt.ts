/**
 * `kofi::kapt`: kAPT: the 1:1 APT receipt token, a fungible asset with 8 decimals. Mint and burn refs live under the
 * metadata object (`KaptRefs`) and are used only inside the package.
 */
import { namedObjectAddress } from "../runtime/address.ts";
import type { Address, Runtime, Signer } from "../runtime/port.ts";
import { bytes, KOFI, typeOf } from "./support.ts";

/** Seed of the kAPT metadata object, created by `@kofi`. */
export const SEED = "kAPT";
export const DECIMALS = 8;
export const REFS = typeOf("kapt", "KaptRefs");

/** `KaptRefs { mint_ref: MintRef { metadata }, burn_ref: BurnRef { metadata } }` (Object<T> is `{ inner }`). */
export interface KaptRefs {
  mint_ref: { metadata: { inner: Address } };
  burn_ref: { metadata: { inner: Address } };
}

export function init_module(rt: Runtime, kofi: Signer): void {
  const metadata = rt.framework.createNamedObject(kofi, bytes(SEED));
  rt.framework.createFungibleAsset(metadata, {
    name: "Kofi APT",
    symbol: "kAPT",
    decimals: DECIMALS,
    iconUri: "",
    projectUri: "",
  });
  rt.storage.moveTo<KaptRefs>(metadata, REFS, {
    mint_ref: { metadata: { inner: metadata } },
    burn_ref: { metadata: { inner: metadata } },
  });
}

/** Address of the kAPT metadata object: `object::create_object_address(&@kofi, SEED)`. */
export function metadata_address(): Address {
  return namedObjectAddress(KOFI, bytes(SEED));
}

/** The kAPT metadata object (an `Object<Metadata>` is its address here). */
export function metadata(): Address {
  return metadata_address();
}

/** Mints `amount` kAPT into the primary store of `to`. */
export function mint_to(rt: Runtime, to: Address, amount: bigint): void {
  if (amount === 0n) return;
  rt.storage.borrow<KaptRefs>(metadata_address(), REFS);
  rt.framework.faMintTo(metadata(), to, amount);
}

/** Burns `amount` kAPT from the primary store of `owner` (the signer). */
export function burn_from_signer(rt: Runtime, owner: Signer, amount: bigint): void {
  if (amount === 0n) return;
  rt.framework.faBurnFrom(metadata(), owner.address, amount);
}

/** kAPT balance of `owner`. */
export function balance(rt: Runtime, owner: Address): bigint {
  return rt.framework.faBalance(owner, metadata());
}

/** Total kAPT supply. */
export function supply(rt: Runtime): bigint {
  return rt.framework.faSupply(metadata());
}
