import { kofiAbi, kofiErrors } from "@kofi/core/abi";
import { describe, expect, it } from "vitest";
import { ERROR_CATEGORY_CODE, MoveAbort } from "../runtime/port.ts";
import { ERROR_CATEGORIES } from "./errors.ts";
import { kofiBindings } from "./index.ts";
import { abort, KOFI } from "./support.ts";

type Fn = { name: string; is_entry: boolean; is_view: boolean };
const modules = kofiAbi.modules as unknown as Record<string, { exposed_functions: readonly Fn[] }>;

describe("kofi model: bindings and errors against the generated ABI", () => {
  it("has exactly one binding per entry and view function of the ABI", () => {
    const abi = Object.entries(modules)
      .flatMap(([m, a]) =>
        a.exposed_functions.filter((f) => f.is_entry || f.is_view).map((f) => `${m}::${f.name}`),
      )
      .sort();
    const bound = kofiBindings.map((b) => `${b.module}::${b.name}`).sort();
    expect(bound).toEqual(abi);
    expect(new Set(bound).size).toBe(bound.length);
  });

  it("knows the category of every error constant in the ABI, and nothing else", () => {
    const errs = kofiErrors as unknown as Record<string, Record<string, unknown>>;
    for (const [m, names] of Object.entries(errs)) {
      expect(Object.keys(ERROR_CATEGORIES[m] ?? {}).sort(), m).toEqual(Object.keys(names).sort());
    }
    for (const m of Object.keys(ERROR_CATEGORIES)) expect(errs[m], m).toBeDefined();
  });

  it("builds std::error abort codes: (category << 16) | reason, in the declaring module", () => {
    try {
      abort("config", "E_NOT_ADMIN");
    } catch (e) {
      expect(e).toBeInstanceOf(MoveAbort);
      const a = e as MoveAbort;
      expect(a.code).toBe(0x50001n);
      expect(a.module).toBe(`${KOFI}::config`);
      expect(a.name).toBe("E_NOT_ADMIN");
      expect(a.doc).toBe("The caller is not the protocol admin.");
    }
    expect(() => abort("withdrawals", "E_TICKET_NOT_READY")).toThrow(/E_TICKET_NOT_READY\(0x30003\)/);
    expect(ERROR_CATEGORY_CODE.out_of_range).toBe(2);
  });
});

describe("kofi model: Move arithmetic", () => {
  it("u64/u128 overflow, underflow, division by zero and casts fail with ARITHMETIC_ERROR", async () => {
    const { add, sub, mul, div, mulDiv, asU64, add128, U64_MAX, U128_MAX } = await import("./support.ts");
    const { VmError } = await import("../runtime/errors.ts");
    for (const f of [
      () => add(U64_MAX, 1n),
      () => sub(0n, 1n),
      () => mul(1n << 32n, 1n << 32n),
      () => div(1n, 0n),
      () => asU64(U64_MAX + 1n),
      () => add128(U128_MAX, 1n),
      () => mulDiv(U64_MAX, U64_MAX, 1n),
    ]) {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(VmError);
        expect((e as InstanceType<typeof VmError>).status).toBe("ARITHMETIC_ERROR");
      }
    }
    expect(mulDiv(U64_MAX, U64_MAX, U64_MAX)).toBe(U64_MAX);
    expect(div(7n, 2n)).toBe(3n);
  });
});
