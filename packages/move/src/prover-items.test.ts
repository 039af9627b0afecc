/**
 * Spec blocks and `#[verify_only]` items exist for the Move Prover only: the Aptos compiler drops
 * `#[verify_only]` items unless it compiles for verification (not for a build, not for `aptos move test`),
 * and spec blocks produce no bytecode. This toolchain skips both at parse time with no diagnostic (see the
 * README, "Parser"). These tests pin that the skip is complete (nothing in a spec is parsed or checked as
 * code), harmless (a module with them checks and runs exactly as it does without them) and as strict as
 * Move (code that calls a `#[verify_only]` function does not compile, in tests either).
 */
import { describe, expect, it } from "vitest";
import { checkPackage } from "./check/check-package.ts";
import { memoryEnv } from "./interp/memory-storage.ts";
import { interpret, packageFromSources } from "./interp/test-support.ts";
import { parseFile } from "./syntax/parse-module.ts";

/** The production code both variants share; `inBodySpec` is put at the top of the loop body. */
const body = (inBodySpec: string) => `
    struct Total has key { n: u64 }

    public fun sum_to(n: u64): u64 {
        let i = 0;
        let s = 0;
        while (i < n) {${inBodySpec}
            i = i + 1;
            s = s + i;
        };
        s
    }
`;

const PLAIN = `module kofi::m {${body("")}}\n`;

// The spec texts are prover syntax that would not check as code: `old`, index notation, quantifiers,
// `result`, and a call to an undeclared `twice` inside the spec block.
const WITH_PROVER_ITEMS = `module kofi::m {
    spec module { pragma verify = true; }
    ${body("\n            spec { assert s <= twice(i) * n; assert forall j in 0..i: old(s)[j] >= 0; };")}
    spec Total { invariant n < 1000; }
    spec schema Bounded { x: u64; ensures x <= 10; }
    spec fun twice(x: u64): u64 { x * 2 }
    spec sum_to {
        aborts_if n * (n + 1) / 2 > MAX_U64;
        ensures result == n * (n + 1) / 2;
    }

    #[verify_only]
    use std::vector;
    #[verify_only]
    const HIDDEN: u64 = 9;
    #[verify_only]
    struct Ghost has drop { g: u64 }
    #[verify_only]
    fun ghost_total(): u64 { HIDDEN + vector::length(&vector[1u8]) }
}

#[verify_only]
module kofi::prover_helpers {
    public fun helper(): u64 { 1 }
}
`;

const shape = (src: string, tests: boolean) => {
  const parsed = parseFile(src, "m.move", { tests });
  return {
    diagnostics: parsed.diagnostics,
    modules: parsed.modules.map((m) => ({
      name: m.name,
      uses: m.uses.length,
      constants: m.constants.map((k) => k.name),
      structs: m.structs.map((s) => s.name),
      functions: m.functions.map((f) => f.name),
    })),
  };
};

describe("spec blocks and #[verify_only] items", () => {
  it("are skipped by the parser, with or without tests: the module is the one without them", () => {
    for (const tests of [false, true]) {
      const withItems = shape(WITH_PROVER_ITEMS, tests);
      expect(withItems.diagnostics).toEqual([]);
      expect(withItems).toEqual(shape(PLAIN, tests));
      expect(withItems.modules).toEqual([
        { name: "m", uses: 0, constants: [], structs: ["Total"], functions: ["sum_to"] },
      ]);
    }
  });

  it("leave checking unchanged: no diagnostic, though the spec texts would not check as code", () => {
    expect(checkPackage(packageFromSources({ "m.move": WITH_PROVER_ITEMS })).diagnostics).toEqual([]);
  });

  it("leave execution unchanged: the in-body spec block runs as nothing", () => {
    const run = (src: string, n: bigint) =>
      interpret({ "m.move": src }).call(memoryEnv(), "m", "sum_to", [], [n]);
    for (const n of [0n, 1n, 10n]) {
      expect(run(WITH_PROVER_ITEMS, n)).toEqual(run(PLAIN, n));
    }
    expect(run(WITH_PROVER_ITEMS, 10n)).toEqual([55n]);
  });

  it("a #[verify_only] function cannot be called from production code or tests (unknown function)", () => {
    const src = `module kofi::m {
    #[verify_only]
    fun ghost(): u64 { 7 }
    public fun f(): u64 { ghost() }
    #[test]
    fun t() { assert!(ghost() == 7, 0); }
}
`;
    const diags = checkPackage(packageFromSources({ "m.move": src })).diagnostics;
    expect(diags.map((d) => `${d.pos.file}:${d.pos.line}:${d.pos.col} ${d.code} ${d.message}`)).toEqual([
      "m.move:4:27 unknown_function unknown function `ghost`",
      "m.move:6:23 unknown_function unknown function `ghost`",
    ]);
  });
});
