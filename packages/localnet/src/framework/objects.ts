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
 * `object::create_object(owner)`: a fresh AUID address sha3_256(txn_hash ‖ counter ‖ 0xFB). Created with
 * ungated transfer disabled (the port's contract: only the TransferRef holder moves it).
 */
export function createObject(ctx: TxContext, owner: Address): Address {
  ctx.auidCounter += 1n;
  return create(ctx, auidAddress(ctx.txHash, ctx.auidCounter), owner, false);
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
