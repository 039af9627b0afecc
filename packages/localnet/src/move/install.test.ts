import { describe, expect, it } from "vitest";
import { Chain } from "../chain.ts";
import { startLocalnet } from "../index.ts";
import type { FunctionSignature, KofiFunctionBinding } from "../runtime/port.ts";
import { checkKofiBindings, installKofi, type KofiPackage } from "./install.ts";

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
const stub = (bindings: KofiFunctionBinding[]): KofiPackage => ({
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
// the stub ABI's signatures, as bindings write them (params without the leading &signer)
const SIGS: Record<string, FunctionSignature> = {
  deposit: { params: ["u64", "u64"], returns: [], isEntry: true, isView: false },
  quote: { params: ["u64"], returns: ["u64"], isEntry: false, isView: true },
  internal: { params: ["u64"], returns: [], isEntry: false, isView: false },
};
const b = (module: string, name: string, sig?: Partial<FunctionSignature>): KofiFunctionBinding => ({
  module,
  name,
  signature: { ...(SIGS[name] as FunctionSignature), ...sig },
  run: () => [],
});

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
  it("refuses to start listing each binding whose signature differs from the ABI", () => {
    const pkg = stub([
      b("gateway", "deposit", { params: ["u64", "u128"] }),
      b("gateway", "quote", { returns: ["u64", "bool"], isEntry: true }),
    ]);
    expect(() => checkKofiBindings(pkg)).toThrow(
      "  signatures that differ from the ABI (3):\n" +
        "    gateway::deposit: params (u64, u128) in the binding, (u64, u64) in the ABI (after &signer)\n" +
        "    gateway::quote: returns (u64, bool) in the binding, (u64) in the ABI\n" +
        "    gateway::quote: is_entry true in the binding, false in the ABI",
    );
    // a binding without a signature (e.g. built outside the typed helpers) is refused too
    const { signature: _, ...unsigned } = b("gateway", "quote");
    expect(() => checkKofiBindings(stub([b("gateway", "deposit"), unsigned as KofiFunctionBinding]))).toThrow(
      "gateway::quote: no signature",
    );
  });
  it("startLocalnet refuses to start when a real binding has a wrong param type or a wrong return", async () => {
    const { loadKofiPackage } = await import("./install.ts");
    const real = await loadKofiPackage();
    const tamper = (name: string, sig: Partial<FunctionSignature>): KofiPackage => ({
      ...real,
      bindings: real.bindings.map((x) =>
        x.module === "gateway" && x.name === name ? { ...x, signature: { ...x.signature, ...sig } } : x,
      ),
    });
    await expect(
      startLocalnet({ port: 0, kofi: tamper("claim", { params: ["vector<u64>"] }) }),
    ).rejects.toThrow(
      "gateway::claim: params (vector<u64>) in the binding, (vector<address>) in the ABI (after &signer)",
    );
    await expect(
      startLocalnet({ port: 0, kofi: tamper("quote_claim", { returns: ["u64", "u64"] }) }),
    ).rejects.toThrow("gateway::quote_claim: returns (u64, u64) in the binding, (u64, bool) in the ABI");
  });
  it("installs modules and functions into the chain's registry", () => {
    const chain = new Chain({ genesisTimeSecs: 1n });
    installKofi(chain, stub([b("gateway", "deposit"), b("gateway", "quote")]));
    const reg = chain.registry;
    expect(reg.module(KOFI, "gateway")?.exposed_functions).toHaveLength(3);
    expect(reg.fn(KOFI, "gateway", "quote")?.abi.is_view).toBe(true);
  });
  it("the Move package (interpreted) matches the generated ABI", async () => {
    const { loadKofiPackage } = await import("./install.ts");
    const pkg = await loadKofiPackage();
    expect(pkg.address).toBe(KOFI);
    expect(() => checkKofiBindings(pkg)).not.toThrow();
  });
});
