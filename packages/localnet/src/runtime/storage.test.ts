import { describe, expect, it } from "vitest";
import { emptyState, Journal, tablesOf } from "./storage.ts";

const A = `0x${"0".repeat(63)}a` as const;
const T = "0x1::test::R";

describe("journaled storage", () => {
  it("copy-on-first-write: borrowMut returns the same copy, base untouched until commit", () => {
    const base = emptyState();
    const j1 = new Journal(base);
    j1.moveTo(A, T, { v: 1n, xs: [1n] });
    j1.commit();
    const j2 = new Journal(base);
    const m = j2.borrowMut<{ v: bigint; xs: bigint[] }>(A, T);
    m.v = 2n;
    m.xs.push(2n);
    expect(j2.borrowMut(A, T)).toBe(m);
    expect(j2.borrow<{ v: bigint }>(A, T).v).toBe(2n);
    expect((base.resources.get(A)?.get(T) as { v: bigint } | undefined)?.v).toBe(1n);
    const changes = j2.commit();
    expect(changes).toEqual([
      { kind: "resource", address: A, type: T, value: { v: 2n, xs: [1n, 2n] }, deleted: false },
    ]);
    expect((base.resources.get(A)?.get(T) as { v: bigint } | undefined)?.v).toBe(2n);
  });

  it("abort = drop the journal; moveFrom/exists/deletes; committed values are frozen", () => {
    const base = emptyState();
    const j = new Journal(base);
    j.moveTo(A, T, { v: 1n });
    j.commit();
    const dropped = new Journal(base);
    dropped.moveFrom(A, T);
    expect(dropped.exists(A, T)).toBe(false);
    expect(new Journal(base).exists(A, T)).toBe(true); // never committed
    const frozen = new Journal(base).borrow<{ v: bigint }>(A, T) as { v: bigint };
    expect(() => {
      frozen.v = 5n;
    }).toThrow(TypeError);
    const del = new Journal(base);
    del.moveFrom(A, T);
    expect(del.commit()[0]).toMatchObject({ deleted: true });
    expect(base.resources.has(A)).toBe(false);
  });

  it("tables: items journaled per key, new handles only consumed on commit", () => {
    const base = emptyState();
    const j = new Journal(base);
    const t = tablesOf(j);
    const h = t.newHandle();
    t.add(h, "k", 1n);
    expect(() => t.add(h, "k", 2n)).toThrow(/EALREADY_EXISTS/);
    t.upsert(h, "k", 3n);
    expect(t.borrow(h, "k")).toBe(3n);
    j.commit();
    const j2 = new Journal(base);
    expect(j2.newHandle()).not.toBe(h);
    expect(tablesOf(j2).remove(h, "k")).toBe(3n);
    expect(tablesOf(j2).contains(h, "k")).toBe(false);
    expect(tablesOf(new Journal(base)).contains(h, "k")).toBe(true);
  });
});
