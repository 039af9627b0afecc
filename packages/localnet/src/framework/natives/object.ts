/**
 * `0x1::object` natives (aptos-framework v1.39 `object.move`) over the model's `objects.ts`. The refs are the
 * real structs: `ConstructorRef { self, can_delete }`, `TransferRef`/`DeleteRef`/`ExtendRef { self }`,
 * `LinearTransferRef { self, owner }`, `Object<T> { inner }`.
 */
import { namedObjectAddress } from "../../runtime/address.ts";
import { frameworkAbort } from "../../runtime/errors.ts";
import type { Address } from "../../runtime/port.ts";
import { T } from "../context.ts";
import {
  createNamedObject,
  createObject,
  disableUngatedTransfer,
  isObject,
  objectDelete,
  objectNotFound,
  objectOwner,
  transferCall,
  transferWithLinearRef,
} from "../objects.ts";
import {
  address,
  bool,
  bytes,
  type ModuleNatives,
  objectAddress,
  objectValue,
  signer,
  signerValue,
  struct,
  typeArg,
} from "./host.ts";

/** `self` of any ref struct. */
const self = (ref: Parameters<typeof struct>[0]): Address => address(struct(ref).self);

export const objectNatives: ModuleNatives = {
  /** `create_named_object(creator, seed): ConstructorRef` at sha3_256(creator ‖ seed ‖ 0xFE); not deletable. */
  create_named_object: ({ host }, [creator, seed]) => [
    { self: createNamedObject(host.tx, signer(creator), bytes(seed)), can_delete: false },
  ],
  /** `create_object(owner): ConstructorRef` at a fresh AUID address, ungated transfer on, deletable. */
  create_object: ({ host }, [owner]) => [
    { self: createObject(host.tx, address(owner), true), can_delete: true },
  ],
  /** `create_object_address(&source, seed): address` (pure). */
  create_object_address: (_ctx, [source, seed]) => [namedObjectAddress(address(source), bytes(seed))],
  /** `generate_signer(&ConstructorRef): signer`. */
  generate_signer: (_ctx, [ref]) => [signerValue(self(ref))],
  /** `generate_transfer_ref(&ConstructorRef): TransferRef` (real v1.39 also refuses `Untransferable`, not modelled). */
  generate_transfer_ref: (_ctx, [ref]) => [{ self: self(ref) }],
  /** `generate_extend_ref(&ConstructorRef): ExtendRef`. */
  generate_extend_ref: (_ctx, [ref]) => [{ self: self(ref) }],
  /** `generate_signer_for_extending(&ExtendRef): signer`. */
  generate_signer_for_extending: (_ctx, [ref]) => [signerValue(self(ref))],
  /** `generate_delete_ref(&ConstructorRef): DeleteRef`: `ECANNOT_DELETE` (0x50005) for named objects. */
  generate_delete_ref: (_ctx, [ref]) => {
    if (!bool(struct(ref).can_delete)) {
      throw frameworkAbort(
        "object",
        "ECANNOT_DELETE",
        "permission_denied",
        5,
        "The object does not allow for deletion",
      );
    }
    return [{ self: self(ref) }];
  },
  /** `can_generate_delete_ref(&ConstructorRef): bool`. */
  can_generate_delete_ref: (_ctx, [ref]) => [bool(struct(ref).can_delete)],
  /** `disable_ungated_transfer(&TransferRef)`. */
  disable_ungated_transfer: ({ host }, [ref]) => {
    disableUngatedTransfer(host.tx, self(ref));
    return [];
  },
  /** `generate_linear_transfer_ref(&TransferRef): LinearTransferRef`: remembers the current owner. */
  generate_linear_transfer_ref: ({ host }, [ref]) => {
    const obj = self(ref);
    return [{ self: obj, owner: objectOwner(host.tx, obj) }];
  },
  /** `transfer_with_ref(LinearTransferRef, to)`: `ENOT_OBJECT_OWNER` (0x50004) if the owner changed. */
  transfer_with_ref: ({ host }, [ref, to]) => {
    transferWithLinearRef(host.tx, self(ref), address(struct(ref).owner), address(to));
    return [];
  },
  /** `transfer_call(owner, object, to)`: ungated transfer; `ENO_UNGATED_TRANSFERS` (0x50003) when disabled. */
  transfer_call: ({ host }, [owner, obj, to]) => {
    transferCall(host.tx, signer(owner), address(obj), address(to));
    return [];
  },
  /** `transfer<T>(owner, Object<T>, to)` = `transfer_raw`. */
  transfer: ({ host }, [owner, obj, to]) => {
    transferCall(host.tx, signer(owner), objectAddress(obj), address(to));
    return [];
  },
  /** `delete(DeleteRef)`: removes `ObjectCore`. */
  delete: ({ host }, [ref]) => {
    objectDelete(host.tx, self(ref));
    return [];
  },
  /** `owner<T>(Object<T>): address`: `EOBJECT_DOES_NOT_EXIST` (0x60002). */
  owner: ({ host }, [obj]) => [objectOwner(host.tx, objectAddress(obj))],
  /** `is_owner<T>(Object<T>, owner): bool`. */
  is_owner: ({ host }, [obj, owner]) => [objectOwner(host.tx, objectAddress(obj)) === address(owner)],
  /** `is_object(addr): bool`. */
  is_object: ({ host }, [a]) => [isObject(host.tx, address(a))],
  /** `object_address<T>(&Object<T>): address`. */
  object_address: (_ctx, [obj]) => [objectAddress(obj)],
  /**
   * `address_to_object<T>(addr): Object<T>`: `EOBJECT_DOES_NOT_EXIST` (0x60002) without `ObjectCore`,
   * `ERESOURCE_DOES_NOT_EXIST` (0x60007) without a `T` at the address.
   */
  address_to_object: (ctx, [a]) => {
    const addr = address(a);
    if (!ctx.storage.exists(addr, T.objectCore)) throw objectNotFound();
    if (!ctx.storage.exists(addr, typeArg(ctx))) {
      throw frameworkAbort(
        "object",
        "ERESOURCE_DOES_NOT_EXIST",
        "not_found",
        7,
        "The resource is not stored at the specified address.",
      );
    }
    return [objectValue(addr)];
  },
  /** `object_from_constructor_ref<T>(&ConstructorRef): Object<T>` = `address_to_object<T>(ref.self)`. */
  object_from_constructor_ref: (ctx, [ref]) => {
    const f = objectNatives.address_to_object as NonNullable<ModuleNatives[string]>;
    return f(ctx, [self(ref)]);
  },
};
