import { cloneValue, deepFreeze } from "./clone.ts";
import { VmError } from "./errors.ts";
import { type Address, type GlobalStorage, MoveAbort, type Tables } from "./port.ts";

/** The committed state: resources by (address, type) and table items by (handle, key). */
export interface StateData {
  resources: Map<Address, Map<string, unknown>>;
  tables: Map<string, Map<string, unknown>>;
  nextHandle: bigint;
}

export const emptyState = (): StateData => ({ resources: new Map(), tables: new Map(), nextHandle: 1n });

/**
 * A resource type of a package: its address prints in long form (`0x` + 64 digits, `::`), while the
 * framework's special addresses print short (`0x1::coin::CoinStore<...>`, as `T` and `formatTy` spell them).
 */
function isPackageType(type: string): boolean {
  return (
    type.length > 68 && type.charCodeAt(66) === 58 && type.charCodeAt(67) === 58 && type.startsWith("0x")
  );
}

const DELETED = Symbol("deleted");
/** What `read`/`readItem` answer for an absent slot (a value can never be this symbol). */
const MISSING = Symbol("missing");
type Slot = { value: unknown } | typeof DELETED;

/** One write-set change, in first-touch order. `value` is undefined for deletions. */
export type Change =
  | { kind: "resource"; address: Address; type: string; value: unknown; deleted: boolean }
  | { kind: "table_item"; handle: string; key: string; value: unknown; deleted: boolean };

/**
 * A transaction's view of the state: copy-on-first-write per (address, type) and per (handle, key).
 * Reads fall through to the committed state; `commit()` merges the writes, dropping the journal aborts.
 * Cheap for small transactions: nothing is copied until a slot is borrowed mutably.
 */
export class Journal implements GlobalStorage {
  private readonly res = new Map<Address, Map<string, Slot>>();
  private readonly items = new Map<string, Map<string, Slot>>();
  private readonly order: Array<[0, Address, string] | [1, string, string]> = [];
  private newHandles = 0n;
  private writes = 0;

  constructor(private readonly base: StateData) {}

  /**
   * The generation of the framework's state: moves on every table write (add/upsert/remove, mutable item
   * borrows) and every write of a resource other than a package's own types (mutable borrows, since the
   * caller writes through them afterwards; move_to/move_from). Equal generations mean no framework resource
   * and no table changed in between, which lets a pure function of framework state
   * (delegation_pool::get_stake) reuse its answer across a package's writes to its own resources.
   */
  get generation(): number {
    return this.writes;
  }

  // ---- GlobalStorage ----
  private slot(addr: Address, type: string): Slot | undefined {
    return this.res.get(addr)?.get(type);
  }
  private setSlot(addr: Address, type: string, s: Slot): void {
    let m = this.res.get(addr);
    if (!m) {
      m = new Map();
      this.res.set(addr, m);
    }
    if (!m.has(type)) this.order.push([0, addr, type]);
    m.set(type, s);
  }
  /**
   * The value at (addr, type), or MISSING. Reads are the hot path of every native and storage builtin, so
   * they return the value itself rather than a fresh `{ found, value }` record (no allocation per read).
   */
  private read(addr: Address, type: string): unknown {
    const s = this.res.get(addr)?.get(type);
    if (s !== undefined) return s === DELETED ? MISSING : s.value;
    const m = this.base.resources.get(addr);
    if (m === undefined) return MISSING;
    const v = m.get(type);
    // a stored value is never undefined (model values are objects, bigints...), but check `has` if it were
    return v !== undefined || m.has(type) ? v : MISSING;
  }

  exists(addr: Address, type: string): boolean {
    return this.read(addr, type) !== MISSING;
  }
  borrow<T>(addr: Address, type: string): Readonly<T> {
    const v = this.read(addr, type);
    if (v === MISSING) throw new VmError("RESOURCE_DOES_NOT_EXIST", 4003, `${type} at ${addr}`);
    return v as T;
  }
  /** Like borrow, but undefined when missing. */
  tryBorrow<T>(addr: Address, type: string): Readonly<T> | undefined {
    const v = this.read(addr, type);
    return (v === MISSING ? undefined : v) as T | undefined;
  }
  borrowMut<T>(addr: Address, type: string): T {
    if (!isPackageType(type)) this.writes++;
    const s = this.slot(addr, type);
    if (s !== undefined && s !== DELETED) return s.value as T;
    const v = this.read(addr, type);
    if (v === MISSING) throw new VmError("RESOURCE_DOES_NOT_EXIST", 4003, `${type} at ${addr}`);
    const copy = cloneValue(v);
    this.setSlot(addr, type, { value: copy });
    return copy as T;
  }
  /**
   * Like borrowMut, but undefined when missing: the interpreter's borrow_global_mut in one lookup (Move
   * resources are structs, never undefined themselves).
   */
  tryBorrowMut<T>(addr: Address, type: string): T | undefined {
    if (!isPackageType(type)) this.writes++;
    const s = this.slot(addr, type);
    if (s !== undefined && s !== DELETED) return s.value as T;
    const v = this.read(addr, type);
    if (v === MISSING) return undefined;
    const copy = cloneValue(v);
    this.setSlot(addr, type, { value: copy });
    return copy as T;
  }
  moveTo<T>(addr: Address, type: string, value: T): void {
    if (!isPackageType(type)) this.writes++;
    if (this.exists(addr, type)) throw new VmError("RESOURCE_ALREADY_EXISTS", 4004, `${type} at ${addr}`);
    this.setSlot(addr, type, { value });
  }
  moveFrom<T>(addr: Address, type: string): T {
    if (!isPackageType(type)) this.writes++;
    const v = this.read(addr, type);
    if (v === MISSING) throw new VmError("RESOURCE_DOES_NOT_EXIST", 4003, `${type} at ${addr}`);
    this.setSlot(addr, type, DELETED);
    return v as T;
  }

  // ---- Tables ----
  newHandle(): string {
    const h = this.base.nextHandle + this.newHandles;
    this.newHandles += 1n;
    return `0x${h.toString(16).padStart(64, "0")}`;
  }
  /** The item at (handle, key), or MISSING (no allocation, like `read`). */
  private readItem(handle: string, key: string): unknown {
    const s = this.items.get(handle)?.get(key);
    if (s !== undefined) return s === DELETED ? MISSING : s.value;
    const m = this.base.tables.get(handle);
    if (m === undefined) return MISSING;
    const v = m.get(key);
    return v !== undefined || m.has(key) ? v : MISSING;
  }
  private setItem(handle: string, key: string, s: Slot): void {
    let m = this.items.get(handle);
    if (!m) {
      m = new Map();
      this.items.set(handle, m);
    }
    if (!m.has(key)) this.order.push([1, handle, key]);
    m.set(key, s);
  }
  contains(handle: string, key: string): boolean {
    return this.readItem(handle, key) !== MISSING;
  }
  borrowItem<V>(handle: string, key: string): Readonly<V> {
    const v = this.readItem(handle, key);
    if (v === MISSING) throw tableAbort("ENOT_FOUND", 0x60002, "table item not found");
    return v as V;
  }
  /** Like borrowItem, but undefined when missing (one lookup where `contains` + `borrowItem` take two). */
  tryBorrowItem<V>(handle: string, key: string): Readonly<V> | undefined {
    const v = this.readItem(handle, key);
    return (v === MISSING ? undefined : v) as V | undefined;
  }
  borrowItemMut<V>(handle: string, key: string): V {
    this.writes++;
    const s = this.items.get(handle)?.get(key);
    if (s !== undefined && s !== DELETED) return s.value as V;
    const v = this.readItem(handle, key);
    if (v === MISSING) throw tableAbort("ENOT_FOUND", 0x60002, "table item not found");
    const copy = cloneValue(v);
    this.setItem(handle, key, { value: copy });
    return copy as V;
  }
  add<V>(handle: string, key: string, value: V): void {
    this.writes++;
    if (this.contains(handle, key)) throw tableAbort("EALREADY_EXISTS", 0x80001, "table item already exists");
    this.setItem(handle, key, { value });
  }
  upsert<V>(handle: string, key: string, value: V): void {
    this.writes++;
    this.setItem(handle, key, { value });
  }
  remove<V>(handle: string, key: string): V {
    this.writes++;
    const v = this.readItem(handle, key);
    if (v === MISSING) throw tableAbort("ENOT_FOUND", 0x60002, "table item not found");
    this.setItem(handle, key, DELETED);
    return v as V;
  }

  /** Every key of a table (committed plus journaled), for views that iterate; not a Move operation. */
  keys(handle: string): string[] {
    const out = new Set<string>(this.base.tables.get(handle)?.keys() ?? []);
    for (const [k, s] of this.items.get(handle) ?? []) {
      if (s === DELETED) out.delete(k);
      else out.add(k);
    }
    return [...out];
  }

  /** The write set, in first-touch order. */
  changes(): Change[] {
    const out: Change[] = [];
    for (const o of this.order) {
      if (o[0] === 0) {
        const s = this.res.get(o[1])?.get(o[2]) as Slot;
        out.push({
          kind: "resource",
          address: o[1],
          type: o[2],
          value: s === DELETED ? undefined : s.value,
          deleted: s === DELETED,
        });
      } else {
        const s = this.items.get(o[1])?.get(o[2]) as Slot;
        out.push({
          kind: "table_item",
          handle: o[1],
          key: o[2],
          value: s === DELETED ? undefined : s.value,
          deleted: s === DELETED,
        });
      }
    }
    return out;
  }

  /** Merge into the committed state. The journal must not be used afterwards. */
  commit(): Change[] {
    this.writes++;
    const changes = this.changes();
    for (const c of changes) {
      if (c.kind === "resource") {
        let m = this.base.resources.get(c.address);
        if (c.deleted) {
          m?.delete(c.type);
          if (m && m.size === 0) this.base.resources.delete(c.address);
        } else {
          if (!m) {
            m = new Map();
            this.base.resources.set(c.address, m);
          }
          m.set(c.type, deepFreeze(c.value));
        }
      } else {
        let m = this.base.tables.get(c.handle);
        if (c.deleted) m?.delete(c.key);
        else {
          if (!m) {
            m = new Map();
            this.base.tables.set(c.handle, m);
          }
          m.set(c.key, deepFreeze(c.value));
        }
      }
    }
    this.base.nextHandle += this.newHandles;
    return changes;
  }
}

function tableAbort(name: string, code: number, doc: string): Error {
  // aptos_std::table aborts come from the native table extension with these codes.
  return new MoveAbort("0x1::table", name, BigInt(code), doc);
}

/** Adapter from the journal to the port's `Tables` method names (only the storage tests use it today). */
export function tablesOf(j: Journal): Tables {
  return {
    newHandle: () => j.newHandle(),
    contains: (h, k) => j.contains(h, k),
    borrow: (h, k) => j.borrowItem(h, k),
    borrowMut: (h, k) => j.borrowItemMut(h, k),
    add: (h, k, v) => j.add(h, k, v),
    upsert: (h, k, v) => j.upsert(h, k, v),
    remove: (h, k) => j.remove(h, k),
  };
}
