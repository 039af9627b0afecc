import { describe, expect, it } from "vitest";
import { memoryEnv } from "./memory-storage.ts";
import { interpret } from "./test-support.ts";

describe("smoke", () => {
  it("adds", () => {
    const i = interpret({
      "m.move": `module kofi::m {
        public fun add(a: u64, b: u64): u64 { a + b }
      }`,
    });
    expect(i.call(memoryEnv(), "m", "add", [], [1n, 2n])).toEqual([3n]);
  });
});
