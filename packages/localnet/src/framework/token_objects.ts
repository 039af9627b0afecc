/**
 * `0x4` aptos_token_objects (digital assets), the common path of aptos-token-objects v1.39: a creator's
 * collection (`aptos_token::create_collection` -> `collection::create_fixed_collection`, a named object at
 * sha3_256(creator ‖ name ‖ 0xFE) with `ConcurrentSupply`, `Royalty` and `AptosCollection`), tokens minted into it
 * (`aptos_token::mint` / `mint_soul_bound` -> `token::create`, a fresh object owned by the creator with `Token`,
 * `TokenIdentifiers`, `AptosToken` and `PropertyMap`), `aptos_token::burn`, `freeze_transfer` /
 * `unfreeze_transfer`, the metadata setters, and the views of `token`, `collection` and `aptos_token`. Moving a
 * token is `0x1::object::transfer` (served beside these). Every function is served with its real ABI.
 */
import { namedObjectAddress, utf8 } from "../runtime/address.ts";
import { abortCode } from "../runtime/errors.ts";
import type { NodeFunction } from "../runtime/functions.ts";
import { type Address, type ErrorCategory, MoveAbort, type Runtime, type Signer } from "../runtime/port.ts";
import { emit, T, type TxContext } from "./context.ts";
import type { FrameworkImpl } from "./index.ts";
import {
  createNamedObject,
  createObject,
  disableUngatedTransfer,
  isObject,
  type ObjectCore,
  objectNotFound,
  objectOwner,
  transferCall,
  transferWithLinearRef,
} from "./objects.ts";
import { real } from "./sdk_bindings.ts";

export const TOKEN_OBJECTS: Address = `0x${"0".repeat(63)}4`;
export const T4 = {
  collection: "0x4::collection::Collection",
  concurrentSupply: "0x4::collection::ConcurrentSupply",
  royalty: "0x4::royalty::Royalty",
  aptosCollection: "0x4::aptos_token::AptosCollection",
  token: "0x4::token::Token",
  tokenIdentifiers: "0x4::token::TokenIdentifiers",
  aptosToken: "0x4::aptos_token::AptosToken",
  propertyMap: "0x4::property_map::PropertyMap",
} as const;

const MAX_U64 = (1n << 64n) - 1n;

interface Collection {
  creator: Address;
  description: string;
  name: string;
  uri: string;
}
interface ConcurrentSupply {
  current_supply: { value: bigint; max_value: bigint };
  total_minted: { value: bigint; max_value: bigint };
}
interface AptosCollection {
  mutator_ref: { vec: { self: Address }[] };
  royalty_mutator_ref: { vec: { inner: { self: Address } }[] };
  mutable_description: boolean;
  mutable_uri: boolean;
  mutable_token_description: boolean;
  mutable_token_name: boolean;
  mutable_token_properties: boolean;
  mutable_token_uri: boolean;
  tokens_burnable_by_creator: boolean;
  tokens_freezable_by_creator: boolean;
}
interface Token {
  collection: { inner: Address };
  index: bigint;
  description: string;
  name: string;
  uri: string;
}
interface AptosToken {
  burn_ref: { vec: { inner: { vec: { self: Address }[] }; self: { vec: Address[] } }[] };
  transfer_ref: { vec: { self: Address }[] };
  mutator_ref: { vec: { self: Address }[] };
  property_mutator_ref: { self: Address };
}

/** An abort of an aptos_token_objects module (named by the node as `0x4::<module>`). */
const abort4 = (module: string, name: string, category: ErrorCategory, reason: number, doc: string) =>
  new MoveAbort(`0x4::${module}`, name, abortCode(category, reason), doc);

const ctxOf = (rt: Runtime): TxContext => (rt.framework as FrameworkImpl).ctx;
const signerOf = (s: Signer | undefined): Address => {
  if (!s) throw new Error("entry function without signer");
  return s.address;
};

/** `collection::create_collection_address` = `object::create_object_address(creator, name bytes)`. */
function collectionAddress(creator: Address, name: string): Address {
  return namedObjectAddress(creator, utf8(name));
}

function collectionAt(ctx: TxContext, addr: Address): Collection {
  const c = ctx.journal.tryBorrow<Collection>(addr, T4.collection);
  if (!c) {
    throw abort4("collection", "ECOLLECTION_DOES_NOT_EXIST", "not_found", 1, "The collection does not exist");
  }
  return c;
}

function tokenAt(ctx: TxContext, addr: Address): Token {
  const t = ctx.journal.tryBorrow<Token>(addr, T4.token);
  if (!t) throw abort4("token", "ETOKEN_DOES_NOT_EXIST", "not_found", 1, "The token does not exist");
  return t;
}

/** `aptos_token::create_collection` (-> `collection::create_fixed_collection`, `royalty::create`). */
export function createCollection(
  ctx: TxContext,
  creator: Address,
  a: {
    description: string;
    maxSupply: bigint;
    name: string;
    uri: string;
    flags: boolean[];
    royaltyNumerator: bigint;
    royaltyDenominator: bigint;
  },
): Address {
  if (a.royaltyDenominator === 0n)
    throw abort4(
      "royalty",
      "EROYALTY_DENOMINATOR_IS_ZERO",
      "out_of_range",
      3,
      "Royalty denominator cannot be 0",
    );
  if (a.royaltyNumerator > a.royaltyDenominator) {
    throw abort4(
      "royalty",
      "EROYALTY_EXCEEDS_MAXIMUM",
      "out_of_range",
      2,
      "The royalty cannot be greater than 100%",
    );
  }
  if (a.maxSupply === 0n) {
    throw abort4(
      "collection",
      "EMAX_SUPPLY_CANNOT_BE_ZERO",
      "invalid_argument",
      6,
      "The max supply must be positive",
    );
  }
  if (a.name.length > 128)
    throw abort4(
      "collection",
      "ECOLLECTION_NAME_TOO_LONG",
      "out_of_range",
      3,
      "The collection name is over the maximum length",
    );
  if (a.uri.length > 512)
    throw abort4("collection", "EURI_TOO_LONG", "out_of_range", 4, "The URI is over the maximum length");
  if (a.description.length > 2048)
    throw abort4(
      "collection",
      "EDESCRIPTION_TOO_LONG",
      "out_of_range",
      5,
      "The description is over the maximum length",
    );
  const addr = createNamedObject(ctx, creator, utf8(a.name));
  const j = ctx.journal;
  j.moveTo<Collection>(addr, T4.collection, {
    creator,
    description: a.description,
    name: a.name,
    uri: a.uri,
  });
  j.moveTo<ConcurrentSupply>(addr, T4.concurrentSupply, {
    current_supply: { value: 0n, max_value: a.maxSupply },
    total_minted: { value: 0n, max_value: MAX_U64 },
  });
  j.moveTo(addr, T4.royalty, {
    numerator: a.royaltyNumerator,
    denominator: a.royaltyDenominator,
    payee_address: creator,
  });
  disableUngatedTransfer(ctx, addr); // create_collection_internal: collections are not transferable
  const [md, mr, mu, mtd, mtn, mtp, mtu, burnable, freezable] = a.flags as [
    boolean,
    boolean,
    boolean,
    boolean,
    boolean,
    boolean,
    boolean,
    boolean,
    boolean,
  ];
  j.moveTo<AptosCollection>(addr, T4.aptosCollection, {
    mutator_ref: { vec: md || mu ? [{ self: addr }] : [] },
    royalty_mutator_ref: { vec: mr ? [{ inner: { self: addr } }] : [] },
    mutable_description: md,
    mutable_uri: mu,
    mutable_token_description: mtd,
    mutable_token_name: mtn,
    mutable_token_properties: mtp,
    mutable_token_uri: mtu,
    tokens_burnable_by_creator: burnable,
    tokens_freezable_by_creator: freezable,
  });
  return addr;
}

/**
 * `aptos_token::mint_internal` -> `token::create`: a fresh object owned by the creator (only the collection's
 * creator may mint: `ENOT_CREATOR`), the collection's supply +1 (`ECOLLECTION_SUPPLY_EXCEEDED`), index =
 * total minted, `collection::Mint` emitted, the property map from the three parallel vectors.
 */
export function mint(
  ctx: TxContext,
  creator: Address,
  a: {
    collection: string;
    description: string;
    name: string;
    uri: string;
    keys: string[];
    types: string[];
    values: Uint8Array[];
  },
): Address {
  const caddr = collectionAddress(creator, a.collection);
  if (!isObject(ctx, caddr)) throw objectNotFound();
  const coll = collectionAt(ctx, caddr);
  if (coll.creator !== creator) {
    throw abort4("token", "ENOT_CREATOR", "unauthenticated", 2, "The provided signer is not the creator");
  }
  if (a.name.length > 128)
    throw abort4(
      "token",
      "ETOKEN_NAME_TOO_LONG",
      "out_of_range",
      4,
      "The token name is over the maximum length",
    );
  if (a.uri.length > 512)
    throw abort4("token", "EURI_TOO_LONG", "out_of_range", 5, "The URI is over the maximum length");
  if (a.description.length > 2048)
    throw abort4(
      "token",
      "EDESCRIPTION_TOO_LONG",
      "out_of_range",
      6,
      "The description is over the maximum length",
    );
  if (a.keys.length !== a.types.length || a.keys.length !== a.values.length) {
    throw abort4(
      "property_map",
      "EKEY_TYPE_COUNT_MISMATCH",
      "invalid_argument",
      5,
      "Property names and types must have the same length",
    );
  }
  const token = createObject(ctx, creator, true);
  const j = ctx.journal;
  const supply = j.borrowMut<ConcurrentSupply>(caddr, T4.concurrentSupply);
  if (supply.current_supply.value + 1n > supply.current_supply.max_value) {
    throw abort4(
      "collection",
      "ECOLLECTION_SUPPLY_EXCEEDED",
      "out_of_range",
      2,
      "The collection has reached its supply and no more tokens can be minted, unless some are burned",
    );
  }
  supply.current_supply.value += 1n;
  supply.total_minted.value += 1n;
  const index = supply.total_minted.value;
  emit(ctx, "0x4::collection::Mint", { collection: caddr, index: { value: index }, token });
  j.moveTo(token, T4.tokenIdentifiers, {
    index: { value: index },
    name: { value: a.name, padding: new Uint8Array() },
  });
  j.moveTo<Token>(token, T4.token, {
    collection: { inner: caddr },
    index: 0n,
    description: a.description,
    name: "",
    uri: a.uri,
  });
  const ac = j.borrow<AptosCollection>(caddr, T4.aptosCollection);
  j.moveTo<AptosToken>(token, T4.aptosToken, {
    burn_ref: {
      vec: ac.tokens_burnable_by_creator ? [{ inner: { vec: [{ self: token }] }, self: { vec: [] } }] : [],
    },
    transfer_ref: { vec: ac.tokens_freezable_by_creator ? [{ self: token }] : [] },
    mutator_ref: {
      vec:
        ac.mutable_token_description || ac.mutable_token_name || ac.mutable_token_uri
          ? [{ self: token }]
          : [],
    },
    property_mutator_ref: { self: token },
  });
  j.moveTo(token, T4.propertyMap, {
    inner: {
      data: a.keys.map((key, i) => ({
        key,
        value: { type: propertyType(a.types[i] as string), value: a.values[i] },
      })),
    },
  });
  return token;
}

/** `property_map::to_internal_type`: the type tag of a property (EINVALID_TYPE for unknown names). */
function propertyType(t: string): bigint {
  const types = [
    "bool",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "u256",
    "address",
    "vector<u8>",
    "0x1::string::String",
  ];
  const i = types.indexOf(t);
  if (i < 0) throw abort4("property_map", "ETYPE_INVALID", "invalid_argument", 7, "Invalid type specified");
  return BigInt(i);
}

/** `aptos_token::mint_soul_bound`: minted, moved to `to` with a linear transfer ref, ungated transfer disabled. */
export function mintSoulBound(
  ctx: TxContext,
  creator: Address,
  a: Parameters<typeof mint>[2],
  to: Address,
): Address {
  const token = mint(ctx, creator, a);
  transferWithLinearRef(ctx, token, creator, to);
  disableUngatedTransfer(ctx, token);
  return token;
}

/** `aptos_token::authorized_borrow`: the AptosToken exists (`ETOKEN_DOES_NOT_EXIST`) and `creator` made it. */
function authorized(ctx: TxContext, token: Address, creator: Address): AptosToken {
  const at = ctx.journal.tryBorrow<AptosToken>(token, T4.aptosToken);
  if (!at) throw abort4("aptos_token", "ETOKEN_DOES_NOT_EXIST", "not_found", 2, "The token does not exist");
  if (tokenCreator(ctx, token) !== creator) {
    throw abort4(
      "aptos_token",
      "ENOT_CREATOR",
      "permission_denied",
      3,
      "The provided signer is not the creator",
    );
  }
  return at;
}

function tokenCreator(ctx: TxContext, token: Address): Address {
  return collectionAt(ctx, tokenAt(ctx, token).collection.inner).creator;
}

/** `aptos_token::burn` -> `token::burn`: the object is deleted, supply -1, `collection::Burn` emitted. */
export function burn(ctx: TxContext, creator: Address, token: Address): void {
  const at = authorized(ctx, token, creator);
  if (at.burn_ref.vec.length === 0) {
    throw abort4("aptos_token", "ETOKEN_NOT_BURNABLE", "permission_denied", 5, "The token is not burnable");
  }
  const j = ctx.journal;
  const previousOwner = objectOwner(ctx, token);
  j.moveFrom(token, T4.aptosToken);
  j.moveFrom(token, T4.propertyMap);
  const t = j.moveFrom<Token>(token, T4.token);
  const ids = j.moveFrom<{ index: { value: bigint } }>(token, T4.tokenIdentifiers);
  j.moveFrom<ObjectCore>(token, T.objectCore);
  const supply = j.borrowMut<ConcurrentSupply>(t.collection.inner, T4.concurrentSupply);
  supply.current_supply.value -= 1n;
  emit(ctx, "0x4::collection::Burn", {
    collection: t.collection.inner,
    index: ids.index.value,
    token,
    previous_owner: previousOwner,
  });
}

/** `aptos_token::{freeze,unfreeze}_transfer`: collection tokens freezable and a transfer ref held, else EFIELD_NOT_MUTABLE. */
export function setFrozen(ctx: TxContext, creator: Address, token: Address, frozen: boolean): void {
  const at = authorized(ctx, token, creator);
  const ac = ctx.journal.borrow<AptosCollection>(tokenAt(ctx, token).collection.inner, T4.aptosCollection);
  if (!ac.tokens_freezable_by_creator || at.transfer_ref.vec.length === 0) {
    throw abort4(
      "aptos_token",
      "EFIELD_NOT_MUTABLE",
      "permission_denied",
      4,
      "The field being changed is not mutable",
    );
  }
  ctx.journal.borrowMut<ObjectCore>(token, T.objectCore).allow_ungated_transfer = !frozen;
}

/** `aptos_token::set_{description,name,uri}`: the collection must allow it (EFIELD_NOT_MUTABLE). */
export function setTokenField(
  ctx: TxContext,
  creator: Address,
  token: Address,
  field: "description" | "name" | "uri",
  v: string,
): void {
  authorized(ctx, token, creator);
  const ac = ctx.journal.borrow<AptosCollection>(tokenAt(ctx, token).collection.inner, T4.aptosCollection);
  const allowed =
    field === "description"
      ? ac.mutable_token_description
      : field === "name"
        ? ac.mutable_token_name
        : ac.mutable_token_uri;
  if (!allowed) {
    throw abort4(
      "aptos_token",
      "EFIELD_NOT_MUTABLE",
      "permission_denied",
      4,
      "The field being changed is not mutable",
    );
  }
  if (field === "name") {
    ctx.journal.borrowMut<{ name: { value: string } }>(token, T4.tokenIdentifiers).name.value = v;
  } else ctx.journal.borrowMut<Token>(token, T4.token)[field] = v;
  emit(ctx, "0x4::token::Mutation", {
    token_address: token,
    mutated_field_name: field,
    old_value: "",
    new_value: v,
  });
}

// ---------------------------------------------------------------- served functions

const s = (a: readonly unknown[], i: number) => a[i] as string;
const b = (a: readonly unknown[], i: number) => a[i] as boolean;
const u = (a: readonly unknown[], i: number) => a[i] as bigint;
const o = (a: readonly unknown[], i: number) => a[i] as Address;

function mintArgs(a: readonly unknown[]) {
  return {
    collection: s(a, 0),
    description: s(a, 1),
    name: s(a, 2),
    uri: s(a, 3),
    keys: a[4] as string[],
    types: a[5] as string[],
    values: a[6] as Uint8Array[],
  };
}

const boolView = (field: keyof AptosCollection) => (rt: Runtime, a: readonly unknown[]) => {
  const ctx = ctxOf(rt);
  const addr = o(a, 0);
  // aptos_token views take a token or a collection object
  const coll = ctx.journal.exists(addr, T4.token) ? tokenAt(ctx, addr).collection.inner : addr;
  const ac = ctx.journal.tryBorrow<AptosCollection>(coll, T4.aptosCollection);
  if (!ac)
    throw abort4(
      "aptos_token",
      "ECOLLECTION_DOES_NOT_EXIST",
      "not_found",
      1,
      "The collection does not exist",
    );
  return [ac[field]];
};

export const tokenObjectFunctions: readonly NodeFunction[] = [
  real("0x4", "aptos_token", "create_collection", (rt, a, sg) => {
    createCollection(ctxOf(rt), signerOf(sg), {
      description: s(a, 0),
      maxSupply: u(a, 1),
      name: s(a, 2),
      uri: s(a, 3),
      flags: [4, 5, 6, 7, 8, 9, 10, 11, 12].map((i) => b(a, i)),
      royaltyNumerator: u(a, 13),
      royaltyDenominator: u(a, 14),
    });
    return undefined;
  }),
  real("0x4", "aptos_token", "mint", (rt, a, sg) => {
    mint(ctxOf(rt), signerOf(sg), mintArgs(a));
    return undefined;
  }),
  real("0x4", "aptos_token", "mint_soul_bound", (rt, a, sg) => {
    mintSoulBound(ctxOf(rt), signerOf(sg), mintArgs(a), o(a, 7));
    return undefined;
  }),
  real("0x4", "aptos_token", "burn", (rt, a, sg) => {
    burn(ctxOf(rt), signerOf(sg), o(a, 0));
    return undefined;
  }),
  real("0x4", "aptos_token", "freeze_transfer", (rt, a, sg) => {
    setFrozen(ctxOf(rt), signerOf(sg), o(a, 0), true);
    return undefined;
  }),
  real("0x4", "aptos_token", "unfreeze_transfer", (rt, a, sg) => {
    setFrozen(ctxOf(rt), signerOf(sg), o(a, 0), false);
    return undefined;
  }),
  ...(["description", "name", "uri"] as const).map((f) =>
    real("0x4", "aptos_token", `set_${f}`, (rt, a, sg) => {
      setTokenField(ctxOf(rt), signerOf(sg), o(a, 0), f, s(a, 1));
      return undefined;
    }),
  ),
  real("0x4", "aptos_token", "is_burnable", boolView("tokens_burnable_by_creator")),
  real("0x4", "aptos_token", "is_freezable_by_creator", boolView("tokens_freezable_by_creator")),
  real("0x4", "aptos_token", "is_mutable_description", boolView("mutable_token_description")),
  real("0x4", "aptos_token", "is_mutable_name", boolView("mutable_token_name")),
  real("0x4", "aptos_token", "is_mutable_uri", boolView("mutable_token_uri")),
  real("0x4", "aptos_token", "are_properties_mutable", boolView("mutable_token_properties")),
  // token views (token.move v1.39)
  real("0x4", "token", "creator", (rt, a) => [tokenCreator(ctxOf(rt), o(a, 0))]),
  real("0x4", "token", "name", (rt, a) => {
    const ctx = ctxOf(rt);
    tokenAt(ctx, o(a, 0));
    return [ctx.journal.borrow<{ name: { value: string } }>(o(a, 0), T4.tokenIdentifiers).name.value];
  }),
  real("0x4", "token", "description", (rt, a) => [tokenAt(ctxOf(rt), o(a, 0)).description]),
  real("0x4", "token", "uri", (rt, a) => [tokenAt(ctxOf(rt), o(a, 0)).uri]),
  real("0x4", "token", "index", (rt, a) => {
    const ctx = ctxOf(rt);
    tokenAt(ctx, o(a, 0));
    return [ctx.journal.borrow<{ index: { value: bigint } }>(o(a, 0), T4.tokenIdentifiers).index.value];
  }),
  real("0x4", "token", "collection_object", (rt, a) => [tokenAt(ctxOf(rt), o(a, 0)).collection.inner]),
  real("0x4", "token", "collection_name", (rt, a) => {
    const ctx = ctxOf(rt);
    return [collectionAt(ctx, tokenAt(ctx, o(a, 0)).collection.inner).name];
  }),
  // collection views (collection.move v1.39)
  real("0x4", "collection", "count", (rt, a) => {
    const ctx = ctxOf(rt);
    collectionAt(ctx, o(a, 0));
    const supply = ctx.journal.borrow<ConcurrentSupply>(o(a, 0), T4.concurrentSupply);
    return [{ vec: [supply.current_supply.value] }];
  }),
  real("0x4", "collection", "creator", (rt, a) => [collectionAt(ctxOf(rt), o(a, 0)).creator]),
  real("0x4", "collection", "name", (rt, a) => [collectionAt(ctxOf(rt), o(a, 0)).name]),
  real("0x4", "collection", "description", (rt, a) => [collectionAt(ctxOf(rt), o(a, 0)).description]),
  real("0x4", "collection", "uri", (rt, a) => [collectionAt(ctxOf(rt), o(a, 0)).uri]),
  // 0x1::object::transfer<T>(owner, object, to) = transfer_raw (object.move v1.39): owner or owner of owners,
  // every link allowing ungated transfer; how the ts-sdk moves digital assets
  real("0x1", "object", "transfer", (rt, a, sg) => {
    transferCall(ctxOf(rt), signerOf(sg), o(a, 0), o(a, 1));
    return undefined;
  }),
  real("0x1", "object", "transfer_call", (rt, a, sg) => {
    transferCall(ctxOf(rt), signerOf(sg), o(a, 0), o(a, 1));
    return undefined;
  }),
];
