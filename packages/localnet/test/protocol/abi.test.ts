import { KOFI_DEV_ADDRESS, kofiAbi, kofiErrors } from "@kofi/core/abi";
import { describe, expect, it } from "vitest";
import { Kit, kofiMove } from "../kofi-testkit.ts";

type Fn = { name: string; is_entry: boolean; is_view: boolean };
const modules = kofiAbi.modules as unknown as Record<string, { exposed_functions: readonly Fn[] }>;
const errors = kofiErrors as unknown as Record<string, Record<string, { code: number; doc: string }>>;

describe("the interpreted package against the generated ABI", () => {
  it("binds exactly one function per entry and view function of the ABI", () => {
    const abi = Object.entries(modules)
      .flatMap(([m, a]) =>
        a.exposed_functions.filter((f) => f.is_entry || f.is_view).map((f) => `${m}::${f.name}`),
      )
      .sort();
    const bound = kofiMove()
      .bindings.map((b) => `${b.module}::${b.name}`)
      .sort();
    expect(bound).toEqual(abi);
    expect(new Set(bound).size).toBe(bound.length);
  });

  it("aborts carry (category << 16) | reason, the declaring module, the constant's name and its doc", () => {
    const k = new Kit();
    const stranger = k.user(1);
    const r = k.exec(stranger, "config", "set_fee_bps", [100n]);
    expect(r.success).toBe(false);
    // permission_denied (5) << 16 | E_NOT_ADMIN
    expect(r.abort?.code).toBe((5n << 16n) | BigInt(errors.config?.E_NOT_ADMIN?.code ?? -1));
    expect(r.abort?.module).toBe(`${KOFI_DEV_ADDRESS}::config`);
    expect(r.abort?.name).toBe("E_NOT_ADMIN");
    expect(r.vmStatus).toContain(errors.config?.E_NOT_ADMIN?.doc ?? "?");

    const user = k.user(2);
    const z = k.exec(user, "gateway", "deposit", [0n, 0n]);
    expect(z.abort?.name).toBe("E_ZERO_AMOUNT");
    expect(z.abort?.code).toBe((1n << 16n) | BigInt(errors.gateway?.E_ZERO_AMOUNT?.code ?? -1));
  });
});
