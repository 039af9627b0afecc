/** The runner's judging of `#[expected_failure]` and its signer injection, on small Move test modules. */
import { describe, expect, it } from "vitest";
import { memoryEnv } from "./interp/memory-storage.ts";
import { interpret } from "./interp/test-support.ts";
import { formatResult, runTests, summary, type TestResult } from "./test-runner.ts";

const sources = {
  "lib.move": `module kofi::lib {
    use std::error;
    const E_LOW: u64 = 7;
    public fun need(x: u64) { assert!(x > 10, error::invalid_argument(E_LOW)); }
    public fun boom(x: u64): u64 { x - 1 }
    public fun at(i: u64): u64 { *std::vector::borrow(&vector[1, 2], i) }
  }`,
  "lib_tests.move": `#[test_only] module kofi::lib_tests {
    use std::signer;
    use kofi::lib;
    const E_MINE: u64 = 3;

    #[test(alice = @0xA11CE, kofi = @kofi)]
    fun signers_injected(alice: signer, kofi: signer) {
      assert!(signer::address_of(&alice) == @0xA11CE, 0);
      assert!(signer::address_of(&kofi) == @kofi, 1);
    }
    #[test] fun passes() { lib::need(11) }
    #[test] fun aborts_unexpectedly() { lib::need(1) }
    #[test] #[expected_failure(abort_code = 0x10007, location = kofi::lib)]
    fun right_code_right_location() { lib::need(1) }
    #[test] #[expected_failure(abort_code = 0x10007, location = Self)]
    fun right_code_wrong_location() { lib::need(1) }
    #[test] #[expected_failure(abort_code = 0x10008, location = kofi::lib)]
    fun wrong_code() { lib::need(1) }
    #[test] #[expected_failure(abort_code = E_MINE, location = Self)]
    fun own_constant() { abort E_MINE }
    #[test] #[expected_failure(abort_code = lib::E_LOW)]
    fun other_module_constant_is_not_the_canonical_code() { lib::need(1) }
    #[test] #[expected_failure(arithmetic_error, location = kofi::lib)]
    fun arithmetic() { lib::boom(0); }
    #[test] #[expected_failure(arithmetic_error, location = kofi::lib)]
    fun arithmetic_expected_but_aborts() { lib::need(1) }
    #[test] #[expected_failure(vector_error, location = kofi::lib)]
    fun vector_out_of_bounds() { lib::at(5); }
    #[test] #[expected_failure]
    fun any_failure() { lib::boom(0); }
    #[test] #[expected_failure]
    fun no_failure() { lib::need(20) }
  }`,
};

function results(filter?: string): Map<string, TestResult> {
  const interp = interpret(sources);
  const out = runTests(interp, { newWorld: () => memoryEnv(), ...(filter ? { filter } : {}) });
  return new Map(out.map((r) => [r.name.split("::").pop() as string, r]));
}

describe("test runner", () => {
  const r = results();
  const verdict = (n: string) => r.get(n)?.pass;

  it("runs every #[test], named like the Aptos CLI", () => {
    expect(r.size).toBe(13);
    expect([...r.values()][0]?.name).toBe("0x6b6f6669::lib_tests::signers_injected");
  });
  it("injects signers by parameter name", () => expect(verdict("signers_injected")).toBe(true));
  it("passes and fails plain tests", () => {
    expect(verdict("passes")).toBe(true);
    expect(verdict("aborts_unexpectedly")).toBe(false);
    expect(r.get("aborts_unexpectedly")?.reason).toContain("0x10007 in 0x6b6f6669::lib::need (E_LOW)");
  });
  it("abort_code and location must both match", () => {
    expect(verdict("right_code_right_location")).toBe(true);
    expect(verdict("right_code_wrong_location")).toBe(false);
    expect(r.get("right_code_wrong_location")?.reason).toContain(
      "expected abort with code 0x10007 in 0x6b6f6669::lib_tests",
    );
    expect(verdict("wrong_code")).toBe(false);
  });
  it("constant abort codes: the constant's value, located in its module", () => {
    expect(verdict("own_constant")).toBe(true);
    // E_LOW is 7; the abort is error::invalid_argument(7) = 0x10007.
    expect(verdict("other_module_constant_is_not_the_canonical_code")).toBe(false);
  });
  it("arithmetic_error and vector_error with locations", () => {
    expect(verdict("arithmetic")).toBe(true);
    expect(verdict("arithmetic_expected_but_aborts")).toBe(false);
    expect(verdict("vector_out_of_bounds")).toBe(true);
  });
  it("bare expected_failure: any failure passes, success fails", () => {
    expect(verdict("any_failure")).toBe(true);
    expect(verdict("no_failure")).toBe(false);
    expect(r.get("no_failure")?.reason).toBe("Test did not error as expected");
  });
  it("filters by substring and prints CLI-style lines", () => {
    const some = [...results("wrong").values()];
    expect(some.map((x) => x.name.split("::").pop())).toEqual(["right_code_wrong_location", "wrong_code"]);
    expect(formatResult({ name: "0x1::m::t", pass: true, ms: 0 })).toBe("[ PASS    ] 0x1::m::t");
    expect(formatResult({ name: "0x1::m::t", pass: false, reason: "why", ms: 0 })).toBe(
      "[ FAIL    ] 0x1::m::t\n    why",
    );
    expect(summary(some)).toBe("0 passed, 2 failed");
  });
});
