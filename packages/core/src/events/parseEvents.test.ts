import { describe, expect, it } from "vitest";
import { KOFI_DEV_ADDRESS, kofiAbi, kofiEvents } from "../generated/abi.ts";
import { isEvent, parseKofiEvents } from "./parseEvents.ts";

const client = { kofiAddress: KOFI_DEV_ADDRESS } as const;

describe("parseKofiEvents", () => {
  it("decodes Kofi events with bigint amounts and skips others", () => {
    const tx = {
      events: [
        { type: "0x1::fungible_asset::Deposit", data: { amount: "5" } },
        {
          type: "0x6b6f6669::gateway::Deposited",
          data: { user: "0xa", pool: "0xb", apt_amount: "100", fee: "1", kapt_minted: "99" },
        },
        {
          type: `${KOFI_DEV_ADDRESS}::vault::Staked`,
          data: { user: "0xa", kapt_amount: "99", stkapt_minted: "98" },
        },
        { type: "0xbeef::vault::Staked", data: { user: "0xa", kapt_amount: "1", stkapt_minted: "1" } },
        {
          type: `${KOFI_DEV_ADDRESS}::rewards::RewardsSynced`,
          data: {
            controlled_apt: "1000",
            rewards: "10",
            fee: "1",
            to_vault: "9",
            to_treasury: "1",
            stream_end: "7200",
          },
        },
      ],
    };
    const events = parseKofiEvents(tx, client);
    expect(events.map((e) => e.type)).toEqual([
      "gateway::Deposited",
      "vault::Staked",
      "rewards::RewardsSynced",
    ]);
    const d = events.find(isEvent("gateway::Deposited"));
    expect(d?.data).toEqual({ user: "0xa", pool: "0xb", aptAmount: 100n, fee: 1n, kaptMinted: 99n });
    expect(events.find(isEvent("rewards::RewardsSynced"))?.data.toVault).toBe(9n);
  });
  it("has a decoder for every #[event] struct in the generated ABI, reading every field", () => {
    type Struct = { name: string; fields: readonly { name: string; type: string }[] };
    const modules = kofiAbi.modules as unknown as Record<string, { structs: readonly Struct[] }>;
    const sample = (type: string): unknown =>
      type.startsWith("vector<") ? [] : type === "address" ? "0x1" : type === "bool" ? true : "7";
    for (const [module, names] of Object.entries(kofiEvents)) {
      for (const name of names as readonly string[]) {
        const struct = modules[module]?.structs.find((x) => x.name === name);
        expect(struct, `${module}::${name}`).toBeDefined();
        const data = Object.fromEntries((struct?.fields ?? []).map((f) => [f.name, sample(f.type)]));
        const parsed = parseKofiEvents(
          { events: [{ type: `${KOFI_DEV_ADDRESS}::${module}::${name}`, data }] },
          client,
        );
        expect(parsed.length, `${module}::${name}`).toBe(1);
        // one decoded field per Move field
        expect(Object.keys(parsed[0]?.data ?? {}).length, `${module}::${name}`).toBe(struct?.fields.length);
      }
    }
  });
});
