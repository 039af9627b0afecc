import { kofiAbi } from "@kofi/core/abi";
import { describe, expect, it } from "vitest";
import { ENTRY_PARAMS, entryParams, VIEW_SIGNATURES } from "./functions.ts";

const gateway = kofiAbi.modules.gateway.exposed_functions as readonly {
  name: string;
  is_entry: boolean;
  is_view: boolean;
  params: readonly string[];
  return: readonly string[];
}[];

describe("the lean path's gateway table matches the Move (generated ABI)", () => {
  it.each(Object.entries(ENTRY_PARAMS))("entry %s", (name, params) => {
    const fn = gateway.find((f) => f.name === name && f.is_entry);
    expect(fn, name).toBeDefined();
    expect(fn?.params.filter((p) => p !== "&signer")).toEqual(params);
  });
  it.each(Object.entries(VIEW_SIGNATURES))("view %s", (name, sig) => {
    const fn = gateway.find((f) => f.name === name && f.is_view);
    expect(fn, name).toBeDefined();
    expect(fn?.params).toEqual(sig.params);
    expect(fn?.return).toEqual(sig.returns);
  });
  it("entryParams: only Kofi's gateway entries, any address form", () => {
    expect(entryParams(`0x${"0".repeat(56)}6b6f6669::gateway::deposit`, "0x6b6f6669")).toEqual([
      "u64",
      "u64",
    ]);
    expect(entryParams("0x1::gateway::deposit", "0x6b6f6669")).toBeNull();
    expect(entryParams("0x6b6f6669::gateway::protocol_state", "0x6b6f6669")).toBeNull();
  });
});
