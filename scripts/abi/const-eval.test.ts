import { describe, expect, it } from "vitest";
import { abiOf, KOFI, moduleOf } from "./test-helpers.ts";

describe("constants in the ABI", () => {
  it("evaluates hex, decimal and underscore numbers, byte strings, shifts, casts and addresses", () => {
    const m = moduleOf(
      "k",
      `module kofi::k {
        /// The caller is not the admin.
        const E_NOT_ADMIN: u64 = 0x1;
        /// Big.
        const CAP: u64 = 100_000_000_000;
        const SEED: vector<u8> = b"kAPT";
        const HEX: vector<u8> = x"0A0b";
        const SHIFTED: u64 = 1 << 16 | 2;
        const DERIVED: u128 = (CAP as u128) * 2;
        const FLAG: bool = true;
        const WHO: address = @kofi;
        const LIST: vector<u64> = vector[1, CAP / 1000];
        const OTHER: bool = 1 < 2;
      }`,
    );
    expect(m.errors).toEqual([{ name: "E_NOT_ADMIN", code: 1, doc: "The caller is not the admin." }]);
    expect(Object.fromEntries(m.constants.map((k) => [k.name, k.value]))).toEqual({
      CAP: 100_000_000_000n,
      SEED: "0x6b415054",
      HEX: "0x0a0b",
      SHIFTED: 65538n,
      DERIVED: 200_000_000_000n,
      FLAG: true,
      WHO: KOFI,
      LIST: [1n, 100_000_000n],
      OTHER: undefined,
    });
    // What the generator cannot evaluate is kept as written.
    expect(m.constants.find((k) => k.name === "OTHER")?.expr).toBe("1 < 2");
  });

  it("stops on a syntax error with its position, and tolerates enums (unsupported for execution only)", () => {
    expect(() => abiOf("module kofi::x {\n  fun f(a u64) {}\n}")).toThrow(
      "fixture0.move:2:11: expected ':' after parameter a, found 'u64'",
    );
    expect(abiOf("module kofi::e { enum E has drop { A, B } }")[0]?.abi.structs[0]?.is_enum).toBe(true);
  });
});
