/**
 * `0x1::fungible_asset` natives (aptos-framework v1.39 `fungible_asset.move`) over the model's `fungible.ts`.
 * A `FungibleAsset { metadata: Object<Metadata>, amount }` is a Move value between mint/withdraw and
 * deposit/burn: the supply changes at mint and burn, balances at withdraw and deposit, as on chain.
 */
import { frameworkAbort } from "../../runtime/errors.ts";
import type { Address } from "../../runtime/port.ts";
import { T } from "../context.ts";
import type { FaSupply } from "../fungible.ts";
import { burn, mint } from "../fungible.ts";
import { objectNotFound } from "../objects.ts";
import {
  address,
  type Ctx,
  type ModuleNatives,
  objectAddress,
  objectValue,
  optionValue,
  struct,
  u64,
} from "./host.ts";

/** `object::object_from_constructor_ref<Metadata>`: the constructor's object must carry FA metadata. */
function metadataOf(ctx: Ctx, constructorRef: Parameters<typeof struct>[0]): Address {
  const a = address(struct(constructorRef).self);
  if (!ctx.storage.exists(a, T.objectCore)) throw objectNotFound();
  if (!ctx.storage.exists(a, T.faMetadata)) {
    throw frameworkAbort(
      "object",
      "ERESOURCE_DOES_NOT_EXIST",
      "not_found",
      7,
      "The resource is not stored at the specified address.",
    );
  }
  return a;
}

export const fungibleAssetNatives: ModuleNatives = {
  /** `generate_mint_ref(&ConstructorRef): MintRef { metadata }`. */
  generate_mint_ref: (ctx, [ref]) => [{ metadata: objectValue(metadataOf(ctx, ref)) }],
  /** `generate_burn_ref(&ConstructorRef): BurnRef { metadata }`. */
  generate_burn_ref: (ctx, [ref]) => [{ metadata: objectValue(metadataOf(ctx, ref)) }],
  /** `mint(&MintRef, amount): FungibleAsset`: supply + amount (`EMAX_SUPPLY_EXCEEDED` 0x20005 over the cap). */
  mint: ({ host }, [ref, amount]) => {
    const metadata = objectAddress(struct(ref).metadata);
    const a = u64(amount);
    mint(host.tx, metadata, a);
    return [{ metadata: objectValue(metadata), amount: a }];
  },
  /** `burn(&BurnRef, FungibleAsset)`: `EBURN_REF_AND_FUNGIBLE_ASSET_MISMATCH` (0x1000d), then supply - amount. */
  burn: ({ host }, [ref, fa]) => {
    const asset = struct(fa);
    if (objectAddress(struct(ref).metadata) !== objectAddress(asset.metadata)) {
      throw frameworkAbort(
        "fungible_asset",
        "EBURN_REF_AND_FUNGIBLE_ASSET_MISMATCH",
        "invalid_argument",
        13,
        "Burn ref and fungible asset do not match.",
      );
    }
    burn(host.tx, objectAddress(asset.metadata), u64(asset.amount));
    return [];
  },
  /** `amount(&FungibleAsset): u64`. */
  amount: (_ctx, [fa]) => [u64(struct(fa).amount)],
  /** `metadata_from_asset(&FungibleAsset): Object<Metadata>`. */
  metadata_from_asset: (_ctx, [fa]) => [objectValue(objectAddress(struct(fa).metadata))],
  /** `supply<T>(Object<T>): Option<u128>`: none without a `Supply` resource. */
  supply: (ctx, [metadata]) => {
    const a = objectAddress(metadata);
    if (!ctx.storage.exists(a, T.faSupply)) return [optionValue(undefined)];
    return [optionValue(ctx.storage.borrow<FaSupply>(a, T.faSupply).current)];
  },
};
