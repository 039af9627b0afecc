// The keeper's host-wide action lock: holders run one at a time; a dead holder's lock is taken over.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withLock } from "../src/keeper/lock.ts";

const path = () => join(mkdtempSync(join(tmpdir(), "kofi-keeper-lock-")), "x.lock");

describe("keeper lock", () => {
  it("two holders never overlap", async () => {
    const p = path();
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    const hold = (n: number) =>
      withLock(p, async () => {
        inside++;
        most = Math.max(most, inside);
        await new Promise((r) => setTimeout(r, 30));
        order.push(n);
        inside--;
        return n;
      });
    const rs = await Promise.all([hold(1), hold(2), hold(3)]);
    expect(rs.map((r) => r.locked)).toEqual([true, true, true]);
    expect(most).toBe(1);
    expect(order.sort()).toEqual([1, 2, 3]);
  });

  it("a dead holder's lock is taken over; a live one's is waited for until the timeout", async () => {
    const p = path();
    writeFileSync(p, JSON.stringify({ pid: 2 ** 22 + 12_345, token: "dead", at: Date.now() }));
    expect(await withLock(p, async () => "ran")).toEqual({ locked: true, value: "ran" });
    writeFileSync(p, JSON.stringify({ pid: process.pid, token: "other", at: Date.now() }));
    expect(await withLock(p, async () => "ran", { timeoutMs: 100 })).toEqual({ locked: false });
    // stuck (older than staleMs): taken over
    writeFileSync(p, JSON.stringify({ pid: process.pid, token: "old", at: Date.now() - 10_000 }));
    expect(await withLock(p, async () => "ran", { staleMs: 5_000 })).toEqual({ locked: true, value: "ran" });
  });
});
