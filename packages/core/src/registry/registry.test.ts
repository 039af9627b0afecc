import { describe, expect, it } from "vitest";
import { KofiError } from "../errors/KofiError.ts";
import {
  createAdapterRegistry,
  type RateProvider,
  type RegistrySwapAdapter as SwapAdapter,
} from "./registry.ts";

const swap: SwapAdapter = {
  kind: "swap",
  id: "dex",
  name: "A DEX",
  networks: ["mainnet"],
  quote: async () => ({ amountOut: 1n }),
  buildSwap: () => ({ function: "0x1::m::f", functionArguments: [] }),
};
const rate: RateProvider = {
  kind: "rate",
  id: "oracle",
  name: "Oracle",
  getRate: async () => ({ numerator: 1n, denominator: 1n }),
};

describe("adapter registry", () => {
  it("registers, lists by kind and network, gets by id, unregisters", () => {
    const r = createAdapterRegistry([swap]);
    r.register(rate);
    expect(r.list().map((a) => a.id)).toEqual(["dex", "oracle"]);
    expect(r.list({ kind: "swap" }).map((a) => a.id)).toEqual(["dex"]);
    expect(r.list({ network: "testnet" }).map((a) => a.id)).toEqual(["oracle"]);
    expect(r.get("oracle")).toBe(rate);
    expect(r.unregister("dex")).toBe(true);
    expect(r.get("dex")).toBeUndefined();
  });
  it("rejects duplicates unless replace, and malformed adapters", () => {
    const r = createAdapterRegistry([swap]);
    expect(() => r.register(swap)).toThrow(KofiError);
    r.register({ ...swap, name: "B" }, { replace: true });
    expect(r.get("dex")?.name).toBe("B");
    expect(() => r.register({ ...swap, id: "" })).toThrow(/id/);
    expect(() => r.register({ ...swap, kind: "nope" } as unknown as SwapAdapter)).toThrow(/kind/);
  });
  it("registries are independent (no global state)", () => {
    createAdapterRegistry([swap]);
    expect(createAdapterRegistry().list()).toEqual([]);
  });
});
