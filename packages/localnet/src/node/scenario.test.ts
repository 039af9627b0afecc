import {
  Account,
  Aptos,
  AptosConfig,
  Ed25519PrivateKey,
  Network,
  type UserTransactionResponse,
} from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startLocalnet } from "../index.ts";

// Protocol scenarios through signed transactions only (ts-sdk), as a site or wallet would drive them.
let ln: Localnet;
let aptos: Aptos;
let admin: Account;
let user: Account;
const APT = 100_000_000;

async function call(signer: Account, fn: string, args: unknown[]): Promise<UserTransactionResponse> {
  const txn = await aptos.transaction.build.simple({
    sender: signer.accountAddress,
    data: {
      function: `${ln.kofiAddress}::${fn}` as `${string}::${string}::${string}`,
      functionArguments: args as never,
    },
  });
  const { hash } = await aptos.signAndSubmitTransaction({ signer, transaction: txn });
  return (await aptos.waitForTransaction({
    transactionHash: hash,
    options: { checkSuccess: false },
  })) as UserTransactionResponse;
}
async function view<T extends unknown[]>(fn: string, args: unknown[] = []): Promise<T> {
  return aptos.view<T>({
    payload: {
      function: `${ln.kofiAddress}::${fn}` as `${string}::${string}::${string}`,
      functionArguments: args as never,
    },
  });
}
const rate = async () => {
  const [n, d] = await view<[string, string]>("gateway::exchange_rate");
  return Number((BigInt(n) * 1_000_000_000n) / BigInt(d)) / 1e9;
};
interface Summary {
  kapt_balance: string;
  stkapt_balance: string;
  tickets: { id: string; ready: boolean; apt_amount: string }[];
}

beforeAll(async () => {
  ln = await startLocalnet({
    port: 0,
    quiet: true,
    genesisTimeSecs: 1_750_000_000,
    rewardRateBpsPerEpoch: 10,
  });
  aptos = new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: ln.nodeUrl, faucet: ln.faucetUrl }));
  admin = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(ln.accounts.admin.privateKey) });
  user = Account.generate();
  await aptos.fundAccount({
    accountAddress: user.accountAddress,
    amount: 1000 * APT,
    options: { waitForIndexer: false },
  });
});
afterAll(async () => {
  await ln?.stop();
});

describe("Kofi on the localnet, end to end", () => {
  it("deposit, stake, rewards raise the stkAPT rate, unstake, withdraw after the lockup", async () => {
    expect((await call(user, "gateway::deposit", [200 * APT, 0])).success).toBe(true);
    let s = (await view<[Summary]>("gateway::user_summary", [user.accountAddress.toString()]))[0];
    const kapt = BigInt(s.kapt_balance);
    expect(kapt).toBeGreaterThan(0n);
    expect((await call(user, "gateway::stake", [(kapt / 2n).toString(), 0])).success).toBe(true);
    const r0 = await rate();
    await ln.advance({ epochs: 3 });
    expect((await call(user, "rewards::sync_rewards", [])).success).toBe(true);
    await ln.advance({ epochs: 1 }); // the synced rewards stream into the vault over one epoch
    const r1 = await rate();
    expect(r1).toBeGreaterThan(r0);
    s = (await view<[Summary]>("gateway::user_summary", [user.accountAddress.toString()]))[0];
    expect((await call(user, "gateway::unstake", [s.stkapt_balance, 0])).success).toBe(true);
    s = (await view<[Summary]>("gateway::user_summary", [user.accountAddress.toString()]))[0];
    const req = await call(user, "gateway::request_withdrawal", [(BigInt(s.kapt_balance) / 2n).toString()]);
    expect(req.success).toBe(true);
    s = (await view<[Summary]>("gateway::user_summary", [user.accountAddress.toString()]))[0];
    expect(s.tickets).toHaveLength(1);
    const ticket = s.tickets[0] as Summary["tickets"][number];
    // the per-owner ticket index is a table: readable with getTableItem
    const w = await aptos.getAccountResource<{ by_owner: { handle: string } }>({
      accountAddress: ln.kofiAddress,
      resourceType: `${ln.kofiAddress}::withdrawals::Withdrawals`,
    });
    const owned = await aptos.getTableItem<string[]>({
      handle: w.by_owner.handle,
      data: { key_type: "address", value_type: "vector<address>", key: user.accountAddress.toString() },
    });
    expect(owned).toEqual([ticket.id]);
    expect(ticket.ready).toBe(false);
    const early = await call(user, "gateway::claim", [[ticket.id]]);
    expect(early.success).toBe(false);
    expect(early.vm_status).toMatch(
      /::withdrawals: E_TICKET_NOT_READY\(0x30003\): The ticket's lockup cycle has not ended yet\.$/,
    );
    await ln.advance({ seconds: 14 * 86_400 });
    const before = await aptos.getAccountAPTAmount({ accountAddress: user.accountAddress });
    const claim = await call(user, "gateway::claim", [[ticket.id]]);
    expect(claim.success).toBe(true);
    const fee = Number(claim.gas_used) * Number(claim.gas_unit_price);
    expect(await aptos.getAccountAPTAmount({ accountAddress: user.accountAddress })).toBe(
      before - fee + Number(ticket.apt_amount),
    );
  });

  it("pause flags: the admin pauses deposits, a deposit aborts E_PAUSED, unpause restores it", async () => {
    expect((await call(admin, "config::set_paused", [0, true])).success).toBe(true);
    const r = await call(user, "gateway::deposit", [1 * APT, 0]);
    expect(r.success).toBe(false);
    expect(r.vm_status).toBe(
      "Move abort in 0x6b6f6669::config: E_PAUSED(0x30004): This action is paused by the admin.",
    );
    expect((await call(admin, "config::set_paused", [0, false])).success).toBe(true);
    expect((await call(user, "gateway::deposit", [1 * APT, 0])).success).toBe(true);
  });

  it("admin two-step: transfer, only the pending admin accepts, then the old admin is out", async () => {
    const next = Account.generate();
    await aptos.fundAccount({
      accountAddress: next.accountAddress,
      amount: 10 * APT,
      options: { waitForIndexer: false },
    });
    expect((await call(user, "config::transfer_admin", [user.accountAddress.toString()])).vm_status).toMatch(
      /E_NOT_ADMIN\(0x50001\)/,
    );
    expect((await call(admin, "config::transfer_admin", [next.accountAddress.toString()])).success).toBe(
      true,
    );
    expect((await call(user, "config::accept_admin", [])).vm_status).toMatch(
      /E_NOT_PENDING_ADMIN\(0x50002\)/,
    );
    expect((await call(next, "config::accept_admin", [])).success).toBe(true);
    expect((await call(admin, "config::set_paused", [0, true])).vm_status).toMatch(/E_NOT_ADMIN/);
  });
});
