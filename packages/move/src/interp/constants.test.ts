/**
 * Constant values through `Interpreter.constant`: the one evaluator the localnet, the test runner and the ABI
 * generator (`scripts/abi`, for `kofiErrors` / `kofiConstants`) all read constants from.
 */
import { describe, expect, it } from "vitest";
import { interpret, KOFI } from "./test-support.ts";

describe("constants", () => {
  const i = interpret({
    "k.move": `module kofi::k {
      const E_NOT_ADMIN: u64 = 0x1;
      const CAP: u64 = 100_000_000_000;
      const SEED: vector<u8> = b"kAPT";
      const HEX: vector<u8> = x"0A0b";
      const SHIFTED: u64 = 1 << 16 | 2;
      const DERIVED: u128 = (CAP as u128) * 2;
      const FLAG: bool = true;
      const WHO: address = @kofi;
      const FRAMEWORK: address = @aptos_framework;
      const LIST: vector<u64> = vector[1, CAP / 1000];
      const LESS: bool = 1 < 2;
      const SMALL: u8 = 255;
    }`,
  });

  it("evaluates hex, decimal and underscore numbers, byte strings, shifts, casts, addresses and other constants", () => {
    const values = Object.fromEntries(
      [
        "E_NOT_ADMIN",
        "CAP",
        "SEED",
        "HEX",
        "SHIFTED",
        "DERIVED",
        "FLAG",
        "WHO",
        "FRAMEWORK",
        "LIST",
        "LESS",
        "SMALL",
      ].map((n) => [n, i.constant("k", n)]),
    );
    expect(values).toEqual({
      E_NOT_ADMIN: 1n,
      CAP: 100_000_000_000n,
      SEED: [0x6bn, 0x41n, 0x50n, 0x54n],
      HEX: [0x0an, 0x0bn],
      SHIFTED: 65538n,
      DERIVED: 200_000_000_000n,
      FLAG: true,
      WHO: KOFI,
      FRAMEWORK: `0x${"1".padStart(64, "0")}`,
      LIST: [1n, 100_000_000n],
      LESS: true,
      SMALL: 255n,
    });
  });

  it("accepts the module by name or by its long id, and hands out copies", () => {
    expect(i.constant(`${KOFI}::k`, "CAP")).toBe(100_000_000_000n);
    const list = i.constant("k", "LIST") as bigint[];
    list.push(7n);
    expect(i.constant("k", "LIST")).toEqual([1n, 100_000_000n]);
  });
});
