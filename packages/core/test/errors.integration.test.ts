import type { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminPayloads } from "../src/admin/admin.ts";
import {
  assertNetwork,
  createKofiClient,
  deposit,
  execute,
  getPosition,
  type KofiClient,
  KofiError,
  type KofiErrorCode,
  type MinimalSigner,
  parseAmount,
  quoteDeposit,
  stake,
  toKofiError,
  waitForKofiTransaction,
} from "../src/index.ts";
import { APT, accountFromKey, fundedAccount, type Localnet, localClient, startNet } from "./helpers.ts";

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<KofiError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(KofiError);
    return e as KofiError;
  }
  throw new Error("expected a KofiError");
}

describe("every KofiError code, reached through the SDK against the localnet", () => {
  let net: Localnet;
  let client: KofiClient;
  let user: Account;
  const seen = new Set<KofiErrorCode>();
  const expectCode = (e: KofiError, code: KofiErrorCode) => {
    expect(e.code, e.message).toBe(code);
    expect(e.hint.length).toBeGreaterThan(0);
    seen.add(code);
  };

  beforeAll(async () => {
    net = await startNet();
    client = localClient(net);
    user = await fundedAccount(net, 200n * APT);
    await execute(client, deposit({ amount: 20n * APT }), user);
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("user_rejected: a wallet that throws a string, and an AIP-62 wallet that answers Rejected", async () => {
    const throwsString: MinimalSigner = {
      address: user.accountAddress.toString(),
      signAndSubmitTransaction: async () => {
        throw "User rejected the request.";
      },
    };
    expectCode(await codeOf(execute(client, stake({ amount: APT }), throwsString)), "user_rejected");
    const aip62 = {
      features: {
        "aptos:signAndSubmitTransaction": {
          version: "1.1.0",
          signAndSubmitTransaction: async () => ({ status: "Rejected" }),
        },
        "aptos:account": { account: async () => ({ address: user.accountAddress.toString() }) },
        "aptos:network": { network: async () => ({ chainId: 4, name: "local" }) },
      },
    };
    expectCode(await codeOf(execute(client, stake({ amount: APT }), aip62)), "user_rejected");
  });

  it("insufficient_balance: staking more kAPT than held (0x1::fungible_asset), depositing more APT than held", async () => {
    const e = await codeOf(execute(client, stake({ amount: 1_000n * APT, minOut: 0n }), user));
    expectCode(e, "insufficient_balance");
    expect(e.abort?.module).toBe("fungible_asset");
    const e2 = await codeOf(execute(client, deposit({ amount: 10_000n * APT, minOut: 0n }), user));
    expectCode(e2, "insufficient_balance");
  });

  it("insufficient_gas: an account that cannot pay max gas", async () => {
    const poor = await fundedAccount(net, 1_000n); // 0.00001 APT
    expectCode(await codeOf(execute(client, stake({ amount: APT }), poor)), "insufficient_gas");
  });

  it("move_abort: slippage (E_SLIPPAGE) with the doc comment as message, and a quote below the minimum", async () => {
    const q = await quoteDeposit(client, APT);
    const e = await codeOf(execute(client, deposit({ amount: APT, minOut: q.kaptOut + 1n }), user));
    expectCode(e, "move_abort");
    expect(e.abort).toMatchObject({ module: "gateway", name: "E_SLIPPAGE", reason: 3 });
    expect(e.message).toContain("min_out");
    const e2 = await codeOf(quoteDeposit(client, 1_000n));
    expectCode(e2, "move_abort");
    expect(e2.abort?.name).toBe("E_BELOW_MIN_DEPOSIT");
  });

  it("paused: the admin pauses deposits", async () => {
    const admin = accountFromKey(net.accounts.admin.privateKey);
    const pause = (paused: boolean) =>
      execute(
        client,
        {
          kind: "set_paused",
          payload: adminPayloads.setPaused(client, "deposit", paused),
          quote: undefined,
          minOut: undefined,
        },
        admin,
      );
    await pause(true);
    try {
      expectCode(await codeOf(execute(client, deposit({ amount: APT }), user)), "paused");
    } finally {
      await pause(false);
    }
  });

  it("wrong_network: a mainnet client pointed at the localnet, and a wallet on another chain", async () => {
    const mainnet = createKofiClient({
      network: "mainnet",
      nodeUrl: net.nodeUrl,
      addresses: { kofi: net.kofiAddress },
    });
    expectCode(await codeOf(assertNetwork(mainnet)), "wrong_network");
    expectCode(await codeOf(execute(mainnet, stake({ amount: APT, minOut: 0n }), user)), "wrong_network");
    const otherChain: MinimalSigner = {
      address: user.accountAddress.toString(),
      chainId: 1,
      signAndSubmitTransaction: async () => ({ hash: "0x00" }),
    };
    expectCode(await codeOf(execute(client, stake({ amount: APT }), otherChain)), "wrong_network");
    expect(await assertNetwork(client)).toBe(4);
  });

  it("network: nothing listens at the node URL", async () => {
    const dead = createKofiClient({ network: "local", nodeUrl: "http://127.0.0.1:9/v1" });
    expectCode(await codeOf(getPosition(dead, user.accountAddress.toString())), "network");
  });

  it("timeout: a hash that never lands", async () => {
    const e = await codeOf(waitForKofiTransaction(client, `0x${"ab".repeat(32)}`, { timeoutSecs: 1 }));
    expectCode(e, "timeout");
  });

  it("invalid_amount and invalid_address", async () => {
    expectCode(await codeOf(() => parseAmount("1e3")), "invalid_amount");
    expectCode(await codeOf(execute(client, stake({ amount: -1n }), user)), "invalid_amount");
    expectCode(await codeOf(getPosition(client, "0xabc")), "invalid_address");
  });

  it("sequence_number: a stale sequence number", async () => {
    const e = await codeOf(
      execute(client, stake({ amount: APT }), user, { transactionOptions: { accountSequenceNumber: 0 } }),
    );
    expectCode(e, "sequence_number");
  });

  it("simulation_failed: max gas too low to execute", async () => {
    const e = await codeOf(
      execute(client, stake({ amount: APT }), user, { transactionOptions: { maxGasAmount: 7 } }),
    );
    expectCode(e, "simulation_failed");
  });

  it("invalid_config and unknown", async () => {
    expectCode(await codeOf(() => createKofiClient({ network: "testnet" })), "invalid_config");
    expectCode(
      await codeOf(execute(client, stake({ amount: APT }), {} as unknown as Account)),
      "invalid_config",
    );
    expectCode(toKofiError(Symbol("odd")), "unknown");
  });

  it("covers every code", () => {
    const all: KofiErrorCode[] = [
      "user_rejected",
      "insufficient_balance",
      "insufficient_gas",
      "move_abort",
      "paused",
      "wrong_network",
      "network",
      "timeout",
      "invalid_amount",
      "invalid_address",
      "invalid_config",
      "sequence_number",
      "simulation_failed",
      "unknown",
    ];
    expect([...seen].sort()).toEqual(all.sort());
  });
});
