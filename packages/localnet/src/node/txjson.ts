import type { TxRecord } from "../chain.ts";
import type { Registry } from "../registry.ts";
import { bytesToHex, sha3, utf8 } from "../runtime/address.ts";
import type { Change } from "../runtime/storage.ts";
import {
  anyToJson,
  displayAddress,
  formatMoveType,
  type MoveType,
  parseMoveType,
  toJson,
} from "./move_type.ts";

const typeNames = new Map<string, { t: MoveType | undefined; s: string }>();
function typeInfo(type: string): { t: MoveType | undefined; s: string } {
  let r = typeNames.get(type);
  if (!r) {
    try {
      const t = parseMoveType(type);
      r = { t, s: formatMoveType(t) };
    } catch {
      r = { t: undefined, s: type };
    }
    typeNames.set(type, r);
  }
  return r;
}

/** A stored value (resource, event data) as the node's JSON, using struct layouts when the registry has them. */
export function valueJson(reg: Registry, type: string, value: unknown): unknown {
  const { t } = typeInfo(type);
  if (t && t.k === "struct" && reg.structResolver(t)) return toJson(t, value, reg.structResolver);
  return anyToJson(value);
}

export const displayType = (type: string): string => typeInfo(type).s;

const hashOf = (tag: string, h: string) => bytesToHex(sha3(utf8(tag), utf8(h)));

export function resourceJson(reg: Registry, type: string, value: unknown) {
  return { type: displayType(type), data: valueJson(reg, type, value) };
}

function changeJson(reg: Registry, c: Change) {
  if (c.kind === "resource") {
    const stateKeyHash = hashOf("state_key", `${c.address}/${c.type}`);
    if (c.deleted) {
      return {
        address: c.address,
        state_key_hash: stateKeyHash,
        resource: displayType(c.type),
        type: "delete_resource",
      };
    }
    return {
      address: c.address,
      state_key_hash: stateKeyHash,
      data: resourceJson(reg, c.type, c.value),
      type: "write_resource",
    };
  }
  const stateKeyHash = hashOf("table_item", `${c.handle}/${c.key}`);
  if (c.deleted)
    return {
      state_key_hash: stateKeyHash,
      handle: c.handle,
      key: c.key,
      data: null,
      type: "delete_table_item",
    };
  return {
    state_key_hash: stateKeyHash,
    handle: c.handle,
    key: c.key,
    value: JSON.stringify(anyToJson(c.value)),
    data: null,
    type: "write_table_item",
  };
}

/** Pending shape (submit response). */
export function pendingJson(r: TxRecord) {
  return {
    hash: r.hash,
    sender: r.sender,
    sequence_number: r.sequenceNumber.toString(),
    max_gas_amount: r.maxGasAmount.toString(),
    gas_unit_price: r.gasUnitPrice.toString(),
    expiration_timestamp_secs: r.expirationTimestampSecs.toString(),
    payload: r.payload,
    signature: r.signature,
    type: "pending_transaction",
  };
}

/** The committed transaction as `GET /v1/transactions/by_hash` returns it. */
export function txJson(reg: Registry, r: TxRecord, opts: { simulated?: boolean } = {}) {
  const events = r.events.map((e) => ({
    guid: { creation_number: "0", account_address: "0x0" },
    sequence_number: "0",
    type: displayType(e.type),
    data: valueJson(reg, e.type, e.data),
  }));
  const base = {
    version: r.version.toString(),
    hash: r.hash,
    state_change_hash: hashOf("state_change", r.hash),
    event_root_hash: hashOf("event_root", r.hash),
    state_checkpoint_hash: null,
    gas_used: r.gasUsed.toString(),
    success: r.success,
    vm_status: r.vmStatus,
    accumulator_root_hash: hashOf("accumulator", r.hash),
    changes: r.changes.map((c) => changeJson(reg, c)),
  };
  if (r.type === "genesis_transaction") {
    return {
      ...base,
      payload: {
        type: "write_set_payload",
        write_set: { type: "direct_write_set", changes: [], events: [] },
      },
      events,
      type: "genesis_transaction",
    };
  }
  return {
    ...base,
    sender: displaySender(r.sender),
    sequence_number: r.sequenceNumber.toString(),
    max_gas_amount: r.maxGasAmount.toString(),
    gas_unit_price: r.gasUnitPrice.toString(),
    expiration_timestamp_secs: r.expirationTimestampSecs.toString(),
    payload: r.payload,
    signature: opts.simulated ? null : r.signature,
    events,
    timestamp: r.timestampUs.toString(),
    type: "user_transaction",
  };
}

const displaySender = (a: `0x${string}`) => displayAddress(a);
