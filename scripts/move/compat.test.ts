import { describe, expect, it } from "vitest";
import { kofiAbi } from "../../packages/core/src/generated/abi.ts";
import { type AbiModule, judgeUpgrade } from "./compat-lib.ts";

const published = kofiAbi.modules as unknown as Record<string, AbiModule>;
/** A deep copy of the real ABI to break in one place. */
const next = (): Record<string, AbiModule> => structuredClone(published);
const mod = (m: Record<string, AbiModule>, name: string): AbiModule => m[name] as AbiModule;

describe("judgeUpgrade (the compatible upgrade policy on ABIs)", () => {
  it("accepts the same package, and additions", () => {
    expect(judgeUpgrade(published, published)).toEqual([]);
    const n = next();
    mod(n, "gateway").exposed_functions.push({
      name: "new_view",
      visibility: "public",
      is_entry: false,
      is_view: true,
      generic_type_params: [],
      params: [],
      return: ["u64"],
    });
    mod(n, "vault").structs.push({
      name: "NewThing",
      abilities: ["drop"],
      generic_type_params: [],
      fields: [],
    });
    expect(judgeUpgrade(published, n)).toEqual([]);
  });

  it("refuses a removed module, public function or entry function", () => {
    const n = next();
    delete n.rewards;
    const g = mod(n, "gateway");
    g.exposed_functions = g.exposed_functions.filter(
      (f) => f.name !== "deposit" && f.name !== "exchange_rate",
    );
    const v = judgeUpgrade(published, n);
    expect(v).toContainEqual(expect.objectContaining({ item: "rewards", rule: "module_removed" }));
    expect(v).toContainEqual(expect.objectContaining({ item: "gateway::deposit", rule: "function_removed" }));
    expect(v).toContainEqual(
      expect.objectContaining({ item: "gateway::exchange_rate", rule: "function_removed" }),
    );
  });

  it("refuses a changed signature of a public or entry function, not of a friend one", () => {
    const n = next();
    const dep = mod(n, "gateway").exposed_functions.find((f) => f.name === "deposit");
    dep?.params.push("address");
    const friend = Object.values(n)
      .flatMap((m) => m.exposed_functions)
      .find((f) => f.visibility === "friend");
    expect(friend).toBeDefined();
    friend?.params.push("u128");
    const v = judgeUpgrade(published, n);
    expect(v).toEqual([expect.objectContaining({ item: "gateway::deposit", rule: "signature_changed" })]);
  });

  it("refuses a struct whose fields change, and removed abilities; added abilities pass", () => {
    const n = next();
    const ps = mod(n, "gateway").structs.find((s) => s.name === "ProtocolState");
    ps?.fields.push({ name: "apr_bps", type: "u64" });
    const v1 = judgeUpgrade(published, n);
    expect(v1).toEqual([expect.objectContaining({ item: "gateway::ProtocolState", rule: "layout_changed" })]);

    const m = next();
    const s = mod(m, "gateway").structs.find((x) => x.name === "ProtocolState");
    if (s) s.abilities = s.abilities.filter((a) => a !== "copy");
    expect(judgeUpgrade(published, m)).toEqual([
      expect.objectContaining({ item: "gateway::ProtocolState", rule: "ability_removed" }),
    ]);
    const withMore = next();
    const vault = mod(withMore, "vault").structs.find((x) => x.name === "Staked");
    vault?.abilities.push("copy");
    expect(judgeUpgrade(published, withMore)).toEqual([]);
  });
});
