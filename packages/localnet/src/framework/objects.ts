import { auidAddress, namedObjectAddress } from "../runtime/address.ts";
import { frameworkAbort } from "../runtime/errors.ts";
import type { Address } from "../runtime/port.ts";
import { emit, T, type TxContext } from "./context.ts";

/** `0x1::object::ObjectCore`. */
export interface ObjectCore {
  guid_creation_num: bigint;
  owner: Address;
  allow_ungated_transfer: boolean;
}

const INIT_GUID_CREATION_NUM = 0x4000000000000n;

export const objectNotFound = () =>
  frameworkAbort(
    "object",
    "EOBJECT_DOES_NOT_EXIST",
    "not_found",
    2,
    "An object does not exist at this address",
  );

function create(ctx: TxContext, addr: Address, owner: Address, ungated: boolean): Address {
  if (ctx.journal.exists(addr, T.objectCore)) {
    throw frameworkAbort(
      "object",
      "EOBJECT_EXISTS",
      "already_exists",
      1,
      "An object already exists at this address",
    );
  }
  ctx.journal.moveTo<ObjectCore>(addr, T.objectCore, {
    guid_creation_num: INIT_GUID_CREATION_NUM,
    owner,
    allow_ungated_transfer: ungated,
  });
  return addr;
}

/** `object::create_named_object(creator, seed)`: sha3_256(creator ‖ seed ‖ 0xFE). */
export function createNamedObject(ctx: TxContext, creator: Address, seed: Uint8Array): Address {
  return create(ctx, namedObjectAddress(creator, seed), creator, true);
}

/**
 * `object::create_object(owner)`: a fresh AUID address sha3_256(txn_hash ‖ counter ‖ 0xFB). The port's
 * contract creates it with ungated transfer disabled (only the TransferRef holder moves it); the real
 * `create_object_internal` (object.move) creates every object with `allow_ungated_transfer: true`, which the
 * Move natives ask for with `ungated = true` (Kofi's Move then calls `disable_ungated_transfer`).
 */
export function createObject(ctx: TxContext, owner: Address, ungated = false): Address {
  ctx.auidCounter += 1n;
  return create(ctx, auidAddress(ctx.txHash, ctx.auidCounter), owner, ungated);
}

/** Objects created internally by the framework (primary stores), owned by `owner`. */
export function createObjectAt(ctx: TxContext, addr: Address, owner: Address): void {
  create(ctx, addr, owner, false);
}

export function isObject(ctx: TxContext, a: Address): boolean {
  return ctx.journal.exists(a, T.objectCore);
}

export function objectOwner(ctx: TxContext, a: Address): Address {
  const o = ctx.journal.tryBorrow<ObjectCore>(a, T.objectCore);
  if (!o) throw objectNotFound();
  return o.owner;
}

export function objectTransfer(ctx: TxContext, obj: Address, to: Address): void {
  if (!isObject(ctx, obj)) throw objectNotFound();
  const core = ctx.journal.borrowMut<ObjectCore>(obj, T.objectCore);
  const from = core.owner;
  if (from === to) return;
  core.owner = to;
  emit(ctx, "0x1::object::Transfer", { object: obj, from, to });
}

export function objectDelete(ctx: TxContext, obj: Address): void {
  if (!isObject(ctx, obj)) throw objectNotFound();
  ctx.journal.moveFrom(obj, T.objectCore);
}

/** `object::disable_ungated_transfer(&TransferRef)`: only a TransferRef holder can move the object from now on. */
export function disableUngatedTransfer(ctx: TxContext, obj: Address): void {
  if (!isObject(ctx, obj)) throw objectNotFound();
  ctx.journal.borrowMut<ObjectCore>(obj, T.objectCore).allow_ungated_transfer = false;
}

/**
 * `object::transfer_with_ref(LinearTransferRef, to)`: the ref remembers the owner at the time it was made
 * (`generate_linear_transfer_ref`); the transfer aborts `ENOT_OBJECT_OWNER` if the owner changed since.
 * The real function emits `Transfer` even when `to` is the current owner.
 */
export function transferWithLinearRef(ctx: TxContext, obj: Address, refOwner: Address, to: Address): void {
  if (!isObject(ctx, obj)) throw objectNotFound();
  const core = ctx.journal.borrowMut<ObjectCore>(obj, T.objectCore);
  if (core.owner !== refOwner) throw notObjectOwner();
  emit(ctx, "0x1::object::Transfer", { object: obj, from: core.owner, to });
  core.owner = to;
}

/** Objects may own objects up to this depth (`MAXIMUM_OBJECT_NESTING`, object.move). */
const MAXIMUM_OBJECT_NESTING = 8;

/**
 * `object::transfer_call(owner, object, to)` = `transfer_raw`: the signer must own the object directly or
 * through a chain of objects, each allowing ungated transfer (`verify_ungated_and_descendant`).
 */
export function transferCall(ctx: TxContext, owner: Address, obj: Address, to: Address): void {
  const first = ctx.journal.tryBorrow<ObjectCore>(obj, T.objectCore);
  if (!first) throw objectNotFound();
  if (!first.allow_ungated_transfer) throw noUngatedTransfers();
  let current = first.owner;
  let count = 0;
  while (owner !== current) {
    count += 1;
    if (count >= MAXIMUM_OBJECT_NESTING) {
      throw frameworkAbort(
        "object",
        "EMAXIMUM_NESTING",
        "out_of_range",
        6,
        "Exceeds maximum nesting for an object transfer.",
      );
    }
    const o = ctx.journal.tryBorrow<ObjectCore>(current, T.objectCore);
    if (!o) throw notObjectOwner();
    if (!o.allow_ungated_transfer) throw noUngatedTransfers();
    current = o.owner;
  }
  const core = ctx.journal.borrowMut<ObjectCore>(obj, T.objectCore);
  if (core.owner === to) return;
  emit(ctx, "0x1::object::Transfer", { object: obj, from: core.owner, to });
  core.owner = to;
}

const notObjectOwner = () =>
  frameworkAbort(
    "object",
    "ENOT_OBJECT_OWNER",
    "permission_denied",
    4,
    "The caller does not have ownership permissions",
  );
const noUngatedTransfers = () =>
  frameworkAbort(
    "object",
    "ENO_UNGATED_TRANSFERS",
    "permission_denied",
    3,
    "The object does not have ungated transfers enabled",
  );
