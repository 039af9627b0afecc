import { describe, expect, it } from "vitest";
import { Chain } from "./chain.ts";
import { checkKofiBindings, installKofi, type KofiPackage } from "./kofi-bindings.ts";
import { Registry } from "./node/registry.ts";
import type { FunctionBinding } from "./runtime/port.ts";

const KOFI = "0x000000000000000000000000000000000000000000000000000000006b6f6669" as const;
const fn = (name: string, entry: boolean, view: boolean, params: string[], ret: string[] = []) => ({
  name,
  visibility: entry || view ? "public" : "friend",
  is_entry: entry,
  is_view: view,
  generic_type_params: [],
  params,
  return: ret,
});
// A stub package in the generated ABI's shape (the real one is checked by startLocalnet itself).
const stub = (bindings: FunctionBinding[]): KofiPackage => ({
  address: KOFI,
  modules: {
    gateway: {
      address: KOFI,
      name: "gateway",
      friends: [],
      exposed_functions: [
        fn("deposit", true, false, ["&signer", "u64", "u64"]),
        fn("quote", false, true, ["u64"], ["u64"]),
        fn("internal", false, false, ["u64"]),
      ],
      structs: [],
    },
  },
  bindings,
  publish: () => {},
});
const b = (module: string, name: string): FunctionBinding => ({ module, name, run: () => [] });

describe("Kofi bindings check", () => {
  it("accepts exactly one binding per exposed entry/view function", () => {
    expect(() => checkKofiBindings(stub([b("gateway", "deposit"), b("gateway", "quote")]))).not.toThrow();
  });
  it("refuses to start listing missing, extra and duplicated bindings", () => {
    expect(() =>
      checkKofiBindings(stub([b("gateway", "deposit"), b("gateway", "internal"), b("gateway", "internal")])),
    ).toThrow(
      /missing bindings \(1\): gateway::quote[\s\S]*not in the ABI as entry\/view functions \(1\): gateway::internal[\s\S]*duplicated bindings: gateway::internal/,
    );
  });
  it("installs modules and functions into the node registry", () => {
    const reg = new Registry();
    installKofi(
      new Chain({ genesisTimeSecs: 1n }),
      reg,
      stub([b("gateway", "deposit"), b("gateway", "quote")]),
    );
    expect(reg.module(KOFI, "gateway")?.exposed_functions).toHaveLength(3);
    expect(reg.fn(KOFI, "gateway", "quote")?.abi.is_view).toBe(true);
  });
  it("the real model matches the generated ABI", async () => {
    const { loadKofiPackage } = await import("./kofi-bindings.ts");
    const pkg = await loadKofiPackage();
    expect(pkg.address).toBe(KOFI);
    expect(() => checkKofiBindings(pkg)).not.toThrow();
  });
});
