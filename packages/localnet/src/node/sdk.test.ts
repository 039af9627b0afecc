import {
  Account,
  AccountAddress,
  Aptos,
  AptosConfig,
  Ed25519PrivateKey,
  Network,
  type UserTransactionResponse,
} from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startLocalnet } from "../index.ts";

// Conformance through the ts-sdk's public API only.
let ln: Localnet;
let aptos: Aptos;
let dev: Account;

beforeAll(async () => {
  ln = await startLocalnet({ port: 0, quiet: true, genesisTimeSecs: 1_750_000_000 });
  aptos = new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: ln.nodeUrl, faucet: ln.faucetUrl }));
  dev = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(ln.accounts.dev.privateKey) });
});
afterAll(async () => {
  await ln?.stop();
});

describe("ts-sdk conformance", () => {
  it("getLedgerInfo: chain id 4, string fields", async () => {
    const info = await aptos.getLedgerInfo();
    expect(info.chain_id).toBe(4);
    expect(typeof info.ledger_version).toBe("string");
    expect(typeof info.epoch).toBe("string");
    expect(typeof info.ledger_timestamp).toBe("string");
  });

  it("dev account matches the printed key and is funded", async () => {
    expect(dev.accountAddress.toStringLong()).toBe(ln.accounts.dev.address);
    expect(await aptos.getAccountAPTAmount({ accountAddress: dev.accountAddress })).toBe(1_000_000 * 1e8);
  });

  it("fundAccount (waitForIndexer:false) creates and funds an account", async () => {
    const a = Account.generate();
    const tx = await aptos.fundAccount({
      accountAddress: a.accountAddress,
      amount: 5e8,
      options: { waitForIndexer: false },
    });
    expect(tx.success).toBe(true);
    expect(await aptos.getAccountAPTAmount({ accountAddress: a.accountAddress })).toBe(5e8);
    const info = await aptos.getAccountInfo({ accountAddress: a.accountAddress });
    expect(info.sequence_number).toBe("0");
  });

  it("transferCoinTransaction: legacy Ed25519, sign, submit, wait; gas charged from the sender", async () => {
    const to = Account.generate();
    const before = await aptos.getAccountAPTAmount({ accountAddress: dev.accountAddress });
    const txn = await aptos.transferCoinTransaction({
      sender: dev.accountAddress,
      recipient: to.accountAddress,
      amount: 12345,
    });
    const pending = await aptos.signAndSubmitTransaction({ signer: dev, transaction: txn });
    const done = (await aptos.waitForTransaction({
      transactionHash: pending.hash,
    })) as UserTransactionResponse;
    expect(done.success).toBe(true);
    expect(done.vm_status).toBe("Executed successfully");
    expect(done.hash).toBe(pending.hash);
    expect(await aptos.getAccountAPTAmount({ accountAddress: to.accountAddress })).toBe(12345);
    const fee = Number(done.gas_used) * Number(done.gas_unit_price);
    expect(fee).toBeGreaterThan(0);
    expect(await aptos.getAccountAPTAmount({ accountAddress: dev.accountAddress })).toBe(
      before - 12345 - fee,
    );
    expect(done.events.some((e) => e.type === "0x1::transaction_fee::FeeStatement")).toBe(true);
    expect(done.changes.length).toBeGreaterThan(0);
  });

  it("SingleKey (legacy:false) accounts sign and submit", async () => {
    const a = Account.generate({ legacy: false });
    await aptos.fundAccount({
      accountAddress: a.accountAddress,
      amount: 1e8,
      options: { waitForIndexer: false },
    });
    const txn = await aptos.transaction.build.simple({
      sender: a.accountAddress,
      data: { function: "0x1::aptos_account::transfer", functionArguments: [dev.accountAddress, 100] },
    });
    const pending = await aptos.signAndSubmitTransaction({ signer: a, transaction: txn });
    const done = await aptos.waitForTransaction({ transactionHash: pending.hash });
    expect(done.success).toBe(true);
  });

  it("view: coin balance (BCS body) and a Kofi view", async () => {
    const [bal] = await aptos.view<[string]>({
      payload: {
        function: "0x1::coin::balance",
        typeArguments: ["0x1::aptos_coin::AptosCoin"],
        functionArguments: [dev.accountAddress],
      },
    });
    expect(BigInt(bal)).toBeGreaterThan(0n);
    const [state] = await aptos.view<[{ fee_bps: string; validators: unknown[] }]>({
      payload: { function: `${ln.kofiAddress}::gateway::protocol_state`, functionArguments: [] },
    });
    expect(state.fee_bps).toBe("1000");
    expect(state.validators).toHaveLength(3);
  });

  it("view: primary_fungible_store::balance for APT (0xa) equals the coin balance", async () => {
    const [fa] = await aptos.view<[string]>({
      payload: {
        function: "0x1::primary_fungible_store::balance",
        typeArguments: ["0x1::fungible_asset::Metadata"],
        functionArguments: [dev.accountAddress, "0xa"],
      },
    });
    expect(Number(fa)).toBe(await aptos.getAccountAPTAmount({ accountAddress: dev.accountAddress }));
  });

  it("simulate: zeroed signature, real execution, nothing committed", async () => {
    const to = Account.generate();
    const txn = await aptos.transferCoinTransaction({
      sender: dev.accountAddress,
      recipient: to.accountAddress,
      amount: 777,
    });
    const seqBefore = (await aptos.getAccountInfo({ accountAddress: dev.accountAddress })).sequence_number;
    const [sim] = await aptos.transaction.simulate.simple({
      signerPublicKey: dev.publicKey,
      transaction: txn,
    });
    expect(sim?.success).toBe(true);
    expect(Number(sim?.gas_used)).toBeGreaterThan(0);
    expect((await aptos.getAccountInfo({ accountAddress: dev.accountAddress })).sequence_number).toBe(
      seqBefore,
    );
    expect(await aptos.getAccountAPTAmount({ accountAddress: to.accountAddress })).toBe(0);
  });

  it("simulate without a public key (no account authenticator) skips the key checks", async () => {
    const txn = await aptos.transferCoinTransaction({
      sender: dev.accountAddress,
      recipient: dev.accountAddress,
      amount: 1,
    });
    const [sim] = await aptos.transaction.simulate.simple({ transaction: txn });
    expect(sim?.success).toBe(true);
  });

  it("getAccountResources lists Account and CoinStore with string numbers", async () => {
    const res = await aptos.getAccountResources({ accountAddress: dev.accountAddress });
    const types = res.map((r) => r.type);
    expect(types).toContain("0x1::account::Account");
    expect(types).toContain("0x1::coin::CoinStore<0x1::aptos_coin::AptosCoin>");
    const store = res.find((r) => r.type.startsWith("0x1::coin::CoinStore"))?.data as {
      coin: { value: string };
    };
    expect(typeof store.coin.value).toBe("string");
    const one = await aptos.getAccountResource({
      accountAddress: dev.accountAddress,
      resourceType: "0x1::account::Account",
    });
    expect(one.sequence_number).toMatch(/^\d+$/);
  });

  it("Kofi entry function through the SDK: deposit mints kAPT", async () => {
    const txn = await aptos.transaction.build.simple({
      sender: dev.accountAddress,
      data: { function: `${ln.kofiAddress}::gateway::deposit`, functionArguments: [100_00000000, 0] },
    });
    const pending = await aptos.signAndSubmitTransaction({ signer: dev, transaction: txn });
    const done = (await aptos.waitForTransaction({
      transactionHash: pending.hash,
    })) as UserTransactionResponse;
    expect(done.success).toBe(true);
    expect(done.events.some((e) => e.type.endsWith("::gateway::Deposited"))).toBe(true);
    const [meta] = await aptos.view<[{ inner: string }]>({
      payload: { function: `${ln.kofiAddress}::gateway::kapt_metadata`, functionArguments: [] },
    });
    const [kapt] = await aptos.view<[string]>({
      payload: {
        function: "0x1::primary_fungible_store::balance",
        typeArguments: ["0x1::fungible_asset::Metadata"],
        functionArguments: [dev.accountAddress, meta.inner],
      },
    });
    expect(BigInt(kapt)).toBeGreaterThan(0n);
  });

  it("a Move abort commits a failed transaction that only charges gas", async () => {
    const before = await aptos.getAccountAPTAmount({ accountAddress: dev.accountAddress });
    const txn = await aptos.transaction.build.simple({
      sender: dev.accountAddress,
      data: { function: `${ln.kofiAddress}::gateway::deposit`, functionArguments: [0, 0] },
    });
    const pending = await aptos.signAndSubmitTransaction({ signer: dev, transaction: txn });
    const done = (await aptos.waitForTransaction({
      transactionHash: pending.hash,
      options: { checkSuccess: false },
    })) as UserTransactionResponse;
    expect(done.success).toBe(false);
    expect(done.vm_status).toMatch(/^Move abort in 0x[0-9a-f]+::gateway: E_ZERO_AMOUNT\(0x10001\): /);
    const fee = Number(done.gas_used) * Number(done.gas_unit_price);
    expect(await aptos.getAccountAPTAmount({ accountAddress: dev.accountAddress })).toBe(before - fee);
    // only the gas charge and the sequence number changed: the payer's store, its Account, and (the gas is
    // burned) APT's supply, which lives in its aggregator's table item, as on a node
    const changed = done.changes.map((c) =>
      "data" in c && c.data && typeof c.data === "object" && "type" in c.data
        ? c.data.type
        : `${c.type} ${"handle" in c ? c.handle : ""}`,
    );
    const info = await aptos.getAccountResource<{
      supply: { vec: [{ aggregator: { vec: [{ handle: string }] } }] };
    }>({ accountAddress: "0x1", resourceType: "0x1::coin::CoinInfo<0x1::aptos_coin::AptosCoin>" });
    expect(changed.sort()).toEqual(
      [
        "0x1::account::Account",
        "0x1::coin::CoinStore<0x1::aptos_coin::AptosCoin>",
        // a change names its handle in full; the resource's `address` field may be short
        `write_table_item ${AccountAddress.from(info.supply.vec[0].aggregator.vec[0].handle).toStringLong()}`,
      ].sort(),
    );
  });

  it("getModule serves the Kofi ABI and framework functions", async () => {
    const m = await aptos.getAccountModule({ accountAddress: ln.kofiAddress, moduleName: "gateway" });
    expect(m.abi?.exposed_functions.some((f) => f.name === "deposit" && f.is_entry)).toBe(true);
    const coin = await aptos.getAccountModule({ accountAddress: AccountAddress.ONE, moduleName: "coin" });
    expect(coin.abi?.exposed_functions.map((f) => f.name)).toContain("balance");
  });

  it("blocks: one transaction per block, by height and by version", async () => {
    const b = await aptos.getBlockByVersion({ ledgerVersion: 1, options: { withTransactions: true } });
    expect(b.block_height).toBe("1");
    expect(b.transactions?.length).toBe(1);
    const h = await aptos.getBlockByHeight({ blockHeight: 1 });
    expect(h.block_hash).toBe(b.block_hash);
  });

  it("getAccountTransactions lists the sender's transactions", async () => {
    const txs = await aptos.getAccountTransactions({ accountAddress: dev.accountAddress });
    expect(txs.length).toBeGreaterThan(0);
  });
});
