import {
  generateTransactionPayload,
  generateViewFunctionPayload,
  type InputEntryFunctionData,
  Serializer,
} from "@aptos-labs/ts-sdk";
import { describe, expect, it } from "vitest";
import { adminPayloads } from "../admin/admin.ts";
import { depositPayload } from "../deposit/deposit.ts";
import { depositAndStakePayload } from "../deposit/depositAndStake.ts";
import { KofiError } from "../errors/KofiError.ts";
import { KOFI_DEV_ADDRESS, kofiAbi } from "../generated/abi.ts";
import { stakePayload } from "../vault/stake.ts";
import { unstakePayload } from "../vault/unstake.ts";
import { claimPayload } from "../withdrawals/claim.ts";
import { requestWithdrawalPayload } from "../withdrawals/request.ts";
import { transferTicketPayload } from "../withdrawals/transfer.ts";
import { unstakeAndRequestWithdrawalPayload } from "../withdrawals/unstakeAndRequest.ts";
import { createKofiClient, type KofiClient } from "./createKofiClient.ts";
import { viewPayload } from "./view.ts";

const A = `0x${"ab".repeat(32)}`;
const B = `0x${"cd".repeat(32)}`;

/** One builder call per entry function of the ABI. */
function builders(c: KofiClient): Record<string, InputEntryFunctionData> {
  return {
    "gateway::deposit": depositPayload(c, { amount: 1n, minKaptOut: 0n }),
    "gateway::deposit_and_stake": depositAndStakePayload(c, { amount: 1n, minStkaptOut: 0n }),
    "gateway::stake": stakePayload(c, { amount: 1n, minStkaptOut: 0n }),
    "gateway::unstake": unstakePayload(c, { amount: 1n, minKaptOut: 0n }),
    "gateway::request_withdrawal": requestWithdrawalPayload(c, { amount: 1n }),
    "gateway::unstake_and_request_withdrawal": unstakeAndRequestWithdrawalPayload(c, {
      amount: 1n,
      minKaptOut: 0n,
    }),
    "gateway::claim": claimPayload(c, { tickets: [A, B] }),
    "gateway::transfer_ticket": transferTicketPayload(c, { ticket: A, to: B }),
    "gateway::seed_vault": adminPayloads.seedVault(c, 100_000_000n),
    "config::transfer_admin": adminPayloads.transferAdmin(c, A),
    "config::accept_admin": adminPayloads.acceptAdmin(c),
    "config::set_paused": adminPayloads.setPaused(c, "stake", true),
    "config::set_fee_bps": adminPayloads.setFeeBps(c, 500n),
    "config::set_treasury": adminPayloads.setTreasury(c, A),
    "config::set_min_deposit": adminPayloads.setMinDeposit(c, 1000n),
    "config::set_min_withdrawal": adminPayloads.setMinWithdrawal(c, 1000n),
    "staking_manager::add_pool": adminPayloads.addPool(c, { pool: A, cap: 10n, seedApt: 1n }),
    "staking_manager::set_weights": adminPayloads.setWeights(c, { pools: [A], weightsBps: [10_000n] }),
    "staking_manager::set_pool_cap": adminPayloads.setPoolCap(c, { pool: A, cap: 1n }),
    "staking_manager::disable_pool": adminPayloads.disablePool(c, A),
    "staking_manager::rebalance": adminPayloads.rebalance(c),
    "staking_manager::withdraw_inactive_stake": adminPayloads.withdrawInactiveStake(c, A),
    "config::set_max_commission_bps": adminPayloads.setMaxCommissionBps(c, 500n),
    "rewards::sync_rewards": adminPayloads.syncRewards(c),
  };
}

type Fn = {
  name: string;
  is_entry: boolean;
  is_view: boolean;
  params: readonly string[];
  return: readonly string[];
};
const modules = kofiAbi.modules as unknown as Record<string, { exposed_functions: readonly Fn[] }>;
const entries = Object.entries(modules).flatMap(([m, mod]) =>
  mod.exposed_functions.filter((f) => f.is_entry).map((f) => ({ id: `${m}::${f.name}`, fn: f })),
);
const views = Object.entries(modules).flatMap(([m, mod]) =>
  mod.exposed_functions.filter((f) => f.is_view).map((f) => ({ module: m, fn: f })),
);

describe("payload builders vs the generated ABI", () => {
  const local = createKofiClient({ network: "local" });
  const all = builders(local);

  it("there is a builder for every entry function, and only those", () => {
    expect(Object.keys(all).sort()).toEqual(entries.map((e) => e.id).sort());
  });

  for (const { id, fn } of entries) {
    it(`${id}: function id, argument count and attached ABI`, async () => {
      const p = all[id] as InputEntryFunctionData;
      expect(p.function).toBe(`${KOFI_DEV_ADDRESS}::${id}`);
      const nonSigner = fn.params.filter((x) => x !== "&signer" && x !== "signer");
      expect(p.functionArguments.length).toBe(nonSigner.length);
      expect(p.abi?.parameters.map((t) => t.toString())).toEqual(
        nonSigner.map((t) => t.replace(/0x0+([0-9a-f])/g, "0x$1")),
      );
      // Encodes to BCS offline: the attached ABI means no module fetch (a fetch would fail: no node here).
      const bcs = await generateTransactionPayload({ ...p, aptosConfig: local.aptos.config } as never);
      expect(bcs.bcsToBytes().length).toBeGreaterThan(0);
    });
  }

  for (const { module, fn } of views) {
    it(`view ${module}::${fn.name}: ABI converts and encodes offline`, async () => {
      const p = viewPayload(
        local,
        module,
        fn.name,
        fn.params.map((t) => (t === "address" ? A : t === "vector<address>" ? [A] : 1n)),
      );
      expect(p.abi?.returnTypes.length).toBe(fn.return.length);
      const entry = await generateViewFunctionPayload({ ...p, aptosConfig: local.aptos.config } as never);
      const s = new Serializer();
      entry.serialize(s);
      expect(s.toUint8Array().length).toBeGreaterThan(0);
    });
  }

  it("rewrites the dev address to the configured one, in ids and struct types", () => {
    const custom = createKofiClient({
      network: "custom",
      nodeUrl: "http://127.0.0.1:1/v1",
      addresses: { kofi: B },
    });
    const p = depositPayload(custom, { amount: 5n, minKaptOut: 4n });
    expect(p.function).toBe(`${B}::gateway::deposit`);
    const v = viewPayload(custom, "gateway", "protocol_state");
    expect(v.abi?.returnTypes[0]?.toString()).toBe(`${B}::gateway::ProtocolState`);
  });

  it("rejects bad amounts and addresses with typed errors", () => {
    expect(() => stakePayload(local, { amount: -1n, minStkaptOut: 0n })).toThrow(KofiError);
    expect(() => stakePayload(local, { amount: 2n ** 64n, minStkaptOut: 0n })).toThrow(/u64/);
    try {
      claimPayload(local, { tickets: ["0xabc"] });
      expect.unreachable();
    } catch (e) {
      expect((e as KofiError).code).toBe("invalid_address");
    }
  });
});

describe("createKofiClient", () => {
  it("local preset: localnet URLs, chain 4, dev address, no I/O", () => {
    const c = createKofiClient({ network: "local" });
    expect(c.nodeUrl).toBe("http://127.0.0.1:8080/v1");
    expect(c.faucetUrl).toBe("http://127.0.0.1:8080");
    expect(c.chainId).toBe(4);
    expect(c.kofiAddress).toBe(KOFI_DEV_ADDRESS);
    expect(c.aptos.config.network).toBe("local");
  });
  it("requires addresses.kofi where Kofi is not deployed", () => {
    for (const network of ["mainnet", "testnet", "devnet", "custom"] as const) {
      try {
        createKofiClient({ network, nodeUrl: "http://x/v1" });
        expect.unreachable();
      } catch (e) {
        expect((e as KofiError).code).toBe("invalid_config");
        expect((e as KofiError).message).toMatch(/addresses\.kofi/);
      }
    }
    const m = createKofiClient({ network: "mainnet", addresses: { kofi: A } });
    expect(m.chainId).toBe(1);
    expect(m.nodeUrl).toBe("https://api.mainnet.aptoslabs.com/v1");
  });
  it("custom needs a nodeUrl; bad addresses are invalid_address", () => {
    expect(() => createKofiClient({ network: "custom", addresses: { kofi: A } })).toThrow(/nodeUrl/);
    expect(() => createKofiClient({ network: "local", addresses: { kofi: "0xnope" } })).toThrow(KofiError);
  });
});
