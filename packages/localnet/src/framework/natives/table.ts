/**
 * `aptos_std::table` natives (aptos-stdlib v1.39 `table.move` and the table extension) on the journal's
 * tables: `Table<K, V>` is `{ handle }` (a fresh handle from the journal), items are Move values stored under
 * the key's encoding (`keyOf`), so a table is never copied whole, as on chain.
 */
import { MoveAbort as PortMoveAbort } from "../../runtime/port.ts";
import type { Journal } from "../../runtime/storage.ts";
import { address, type Ctx, deref, type ModuleNatives, struct } from "./host.ts";
import { Ref, SignerValue, type Value } from "./move.ts";

/**
 * The table extension's own codes (not `std::error` categories): `(100 << 8) + 7` when adding an existing key,
 * `(101 << 8) + 7` for a missing one, reported in `0x1::table`.
 */
const ALREADY_EXISTS = (100n << 8n) + 7n;
const NOT_FOUND = (101n << 8n) + 7n;
const alreadyExists = () =>
  new PortMoveAbort("0x1::table", "EALREADY_EXISTS", ALREADY_EXISTS, "The key already exists in the table");
const notFound = () =>
  new PortMoveAbort("0x1::table", "ENOT_FOUND", NOT_FOUND, "The key is not in the table");

/**
 * The journal key of a Move key: an address as itself and an integer in decimal (the forms the framework
 * model uses for its own tables, so the node's table-item reads see one convention), anything else as
 * canonical JSON.
 */
export function keyOf(k: Value | undefined): string {
  const v = deref(k);
  if (typeof v === "string") return address(v);
  if (typeof v === "bigint") return v.toString();
  return JSON.stringify(v, (_k, x) => {
    if (typeof x === "bigint") return x.toString();
    if (x instanceof SignerValue) return x.address;
    return x;
  });
}

const handleOf = (t: Value | undefined): string => address(struct(t).handle);

/** A `&mut V` into a table item: reads the transaction's mutable copy, writes replace the item. */
class TableItemRef extends Ref {
  constructor(
    private readonly journal: Journal,
    private readonly handle: string,
    private readonly item: string,
  ) {
    super([], 0);
  }
  override get(): Value {
    return this.journal.borrowItemMut<Value>(this.handle, this.item);
  }
  override set(v: Value): void {
    this.journal.upsert(this.handle, this.item, v);
  }
}

function present(ctx: Ctx, table: Value | undefined, key: Value | undefined): [string, string] {
  const h = handleOf(table);
  const k = keyOf(key);
  if (!ctx.host.tx.journal.contains(h, k)) throw notFound();
  return [h, k];
}

export const tableNatives: ModuleNatives = {
  /** `new<K, V>(): Table<K, V>`. */
  new: ({ host }) => [{ handle: host.tx.journal.newHandle() }],
  /** `add(&mut Table, key, value)`: aborts 0x6407 when the key exists. */
  add: ({ host }, [t, k, v]) => {
    const h = handleOf(t);
    const key = keyOf(k);
    if (host.tx.journal.contains(h, key)) throw alreadyExists();
    host.tx.journal.add(h, key, v as Value);
    return [];
  },
  /** `upsert(&mut Table, key, value)`. */
  upsert: ({ host }, [t, k, v]) => {
    host.tx.journal.upsert(handleOf(t), keyOf(k), v as Value);
    return [];
  },
  /** `borrow(&Table, key): &V`: aborts 0x6507 when missing. */
  borrow: (ctx, [t, k]) => {
    const [h, key] = present(ctx, t, k);
    return [new Ref({ item: ctx.host.tx.journal.borrowItem<Value>(h, key) as Value }, "item")];
  },
  /** `borrow_mut(&mut Table, key): &mut V`: aborts 0x6507 when missing. */
  borrow_mut: (ctx, [t, k]) => {
    const [h, key] = present(ctx, t, k);
    return [new TableItemRef(ctx.host.tx.journal, h, key)];
  },
  /** `borrow_with_default(&Table, key, &default): &V`. */
  borrow_with_default: ({ host }, [t, k, d]) => {
    const h = handleOf(t);
    const key = keyOf(k);
    if (!host.tx.journal.contains(h, key)) return [d as Value];
    return [new Ref({ item: host.tx.journal.borrowItem<Value>(h, key) as Value }, "item")];
  },
  /** `contains(&Table, key): bool`. */
  contains: ({ host }, [t, k]) => [host.tx.journal.contains(handleOf(t), keyOf(k))],
  /** `remove(&mut Table, key): V`: aborts 0x6507 when missing. */
  remove: (ctx, [t, k]) => {
    const [h, key] = present(ctx, t, k);
    return [ctx.host.tx.journal.remove<Value>(h, key)];
  },
};
