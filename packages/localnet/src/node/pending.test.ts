import {
  Account,
  Aptos,
  AptosApiError,
  AptosConfig,
  Ed25519PrivateKey,
  Network,
  type UserTransactionResponse,
} from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startLocalnet } from "../index.ts";

// Pending transactions, hash validation and cursor paging, through the ts-sdk.
let blocky: Localnet;
let instant: Localnet;
const sdk = (ln: Localnet) =>
  new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: ln.nodeUrl, faucet: ln.faucetUrl }));
const devOf = (ln: Localnet) =>
  Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(ln.accounts.dev.privateKey) });

beforeAll(async () => {
  [blocky, instant] = await Promise.all([
    startLocalnet({ port: 0, quiet: true, kofi: false, blockTimeMs: 400 }),
    startLocalnet({ port: 0, quiet: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([blocky?.stop(), instant?.stop()]);
});

async function rejection(p: Promise<unknown>): Promise<AptosApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AptosApiError) return e;
    throw e;
  }
  throw new Error("expected an API error");
}

describe("pending until the block (blockTimeMs: 400)", () => {
  it("the ts-sdk sees a pending transaction, then waitForTransaction's long poll sees it committed", async () => {
    const aptos = sdk(blocky);
    const dev = devOf(blocky);
    const to = Account.generate();
    const txn = await aptos.transferCoinTransaction({
      sender: dev.accountAddress,
      recipient: to.accountAddress,
      amount: 5,
    });
    const pending = await aptos.signAndSubmitTransaction({ signer: dev, transaction: txn });
    expect(await aptos.isPendingTransaction({ transactionHash: pending.hash })).toBe(true);
    const seen = await aptos.getTransactionByHash({ transactionHash: pending.hash });
    expect(seen.type).toBe("pending_transaction");
    expect(await aptos.getAccountAPTAmount({ accountAddress: to.accountAddress })).toBe(0);
    const t0 = Date.now();
    const done = (await aptos.waitForTransaction({
      transactionHash: pending.hash,
    })) as UserTransactionResponse;
    expect(done.type).toBe("user_transaction");
    expect(done.success).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await aptos.isPendingTransaction({ transactionHash: pending.hash })).toBe(false);
    expect(await aptos.getAccountAPTAmount({ accountAddress: to.accountAddress })).toBe(5);
  });

  it("a sender's consecutive transactions queue by sequence number and land in order; a resubmission is the same pending one", async () => {
    const aptos = sdk(blocky);
    const dev = devOf(blocky);
    const to = Account.generate();
    const seq = BigInt((await aptos.getAccountInfo({ accountAddress: dev.accountAddress })).sequence_number);
    const build = (n: bigint, amount: number) =>
      aptos.transferCoinTransaction({
        sender: dev.accountAddress,
        recipient: to.accountAddress,
        amount,
        options: { accountSequenceNumber: n },
      });
    const t1 = await build(seq, 1);
    const t2 = await build(seq + 1n, 2);
    const p1 = await aptos.signAndSubmitTransaction({ signer: dev, transaction: t1 });
    const p2 = await aptos.signAndSubmitTransaction({ signer: dev, transaction: t2 });
    const again = await aptos.signAndSubmitTransaction({ signer: dev, transaction: t1 });
    expect(again.hash).toBe(p1.hash);
    // a third with a sequence number already taken by a pending one is too old
    const t3 = await build(seq + 1n, 3);
    const e = await rejection(aptos.signAndSubmitTransaction({ signer: dev, transaction: t3 }));
    expect((e.data as { vm_error_code: number }).vm_error_code).toBe(3);
    const [d1, d2] = (await Promise.all([
      aptos.waitForTransaction({ transactionHash: p1.hash }),
      aptos.waitForTransaction({ transactionHash: p2.hash }),
    ])) as UserTransactionResponse[];
    expect(BigInt(d2?.version as string)).toBe(BigInt(d1?.version as string) + 1n);
    expect(await aptos.getAccountAPTAmount({ accountAddress: to.accountAddress })).toBe(3);
  });
});

describe("instant mode (the default)", () => {
  it("a submitted transaction is already committed when the ts-sdk asks", async () => {
    const aptos = sdk(instant);
    const dev = devOf(instant);
    const txn = await aptos.transferCoinTransaction({
      sender: dev.accountAddress,
      recipient: Account.generate().accountAddress,
      amount: 1,
    });
    const pending = await aptos.signAndSubmitTransaction({ signer: dev, transaction: txn });
    expect(await aptos.isPendingTransaction({ transactionHash: pending.hash })).toBe(false);
    expect((await aptos.getTransactionByHash({ transactionHash: pending.hash })).type).toBe(
      "user_transaction",
    );
  });
});

describe("transaction hashes", () => {
  it("a malformed hash is 400 web_framework_error; a well-formed unknown one is 404", async () => {
    const aptos = sdk(instant);
    const bad = await rejection(aptos.getTransactionByHash({ transactionHash: "0x123" }));
    expect(bad.status).toBe(400);
    expect((bad.data as { error_code: string }).error_code).toBe("web_framework_error");
    const unknown = await rejection(aptos.getTransactionByHash({ transactionHash: `0x${"ab".repeat(32)}` }));
    expect(unknown.status).toBe(404);
    expect((unknown.data as { error_code: string }).error_code).toBe("transaction_not_found");
    const badWait = await rejection(aptos.waitForTransaction({ transactionHash: "0xzz" }));
    expect(badWait.status).toBe(400);
  });
});

describe("cursor paging on account resources and modules", () => {
  it("limit=1 pages resources with X-Aptos-Cursor; the pages join into the full list", async () => {
    const aptos = sdk(instant);
    const dev = devOf(instant);
    const all = await aptos.getAccountResources({ accountAddress: dev.accountAddress });
    expect(all.length).toBeGreaterThan(1);
    const first = await aptos.getAccountResourcesPage({
      accountAddress: dev.accountAddress,
      options: { limit: 1 },
    });
    expect(first.resources).toHaveLength(1);
    expect(first.cursor).toMatch(/^0x[0-9a-f]+$/);
    const types: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await aptos.getAccountResourcesPage({
        accountAddress: dev.accountAddress,
        options: { limit: 1, cursor },
      });
      expect(p.resources.length).toBe(1);
      types.push(...p.resources.map((r) => r.type));
      cursor = p.cursor;
    } while (cursor);
    expect(types).toEqual(all.map((r) => r.type));
    // the ts-sdk's own limit walks pages too
    expect(
      await aptos.getAccountResources({ accountAddress: dev.accountAddress, options: { limit: 1 } }),
    ).toHaveLength(1);
  });

  it("modules page the same way (the Kofi package)", async () => {
    const aptos = sdk(instant);
    const all = await aptos.getAccountModules({ accountAddress: instant.kofiAddress });
    expect(all.length).toBeGreaterThan(3);
    const p1 = await aptos.getAccountModulesPage({
      accountAddress: instant.kofiAddress,
      options: { limit: 2 },
    });
    expect(p1.modules).toHaveLength(2);
    const p2 = await aptos.getAccountModulesPage({
      accountAddress: instant.kofiAddress,
      options: { limit: 2, cursor: p1.cursor },
    });
    expect([...p1.modules, ...p2.modules].map((m) => m.abi?.name)).toEqual(
      all.slice(0, 4).map((m) => m.abi?.name),
    );
    const limited = await aptos.getAccountModules({ accountAddress: "0x1", options: { limit: 1 } });
    expect(limited).toHaveLength(1);
  });
});
