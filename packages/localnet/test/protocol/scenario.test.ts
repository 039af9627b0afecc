/**
 * The protocol lifecycle through real signed transactions: the unmodified ts-sdk against
 * `startLocalnet({ port: 0 })` (HTTP, BCS, Ed25519, gas), as a dApp would use it.
 */
import {
  Account,
  type AccountAddressInput,
  Aptos,
  AptosConfig,
  Ed25519PrivateKey,
  type InputEntryFunctionData,
  Network,
  type UserTransactionResponse,
} from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startLocalnet } from "../../src/index.ts";

const APT = 100_000_000n;
const DAY = 86_400;

let net: Localnet;
let aptos: Aptos;
let user: Account;
let admin: Account;
let K: string;

const fn = (f: string) => `${K}::${f}` as `${string}::${string}::${string}`;

async function send(
  signer: Account,
  f: string,
  functionArguments: InputEntryFunctionData["functionArguments"],
) {
  const transaction = await aptos.transaction.build.simple({
    sender: signer.accountAddress,
    data: { function: fn(f), functionArguments },
  });
  const pending = await aptos.signAndSubmitTransaction({ signer, transaction });
  return (await aptos.waitForTransaction({
    transactionHash: pending.hash,
    options: { checkSuccess: false },
  })) as UserTransactionResponse;
}

async function ok(signer: Account, f: string, args: InputEntryFunctionData["functionArguments"]) {
  const tx = await send(signer, f, args);
  expect(tx.success, `${f}: ${tx.vm_status}`).toBe(true);
  return tx;
}

async function fails(
  signer: Account,
  f: string,
  args: InputEntryFunctionData["functionArguments"],
  err: string,
) {
  const tx = await send(signer, f, args);
  expect(tx.success).toBe(false);
  expect(tx.vm_status).toContain(err);
  return tx;
}

async function view<T extends unknown[]>(f: string, functionArguments: unknown[] = []): Promise<T> {
  return (await aptos.view({
    payload: { function: fn(f), functionArguments: functionArguments as never },
  })) as T;
}

interface Summary {
  apt_balance: string;
  kapt_balance: string;
  stkapt_balance: string;
  tickets: { id: string; apt_amount: string; ready: boolean; unlock_at: string }[];
}
const summary = async (a: AccountAddressInput) => (await view<[Summary]>("gateway::user_summary", [a]))[0];
const gasOf = (tx: UserTransactionResponse) => BigInt(tx.gas_used) * BigInt(tx.gas_unit_price);
const rate = async () =>
  (await view<[string, string]>("gateway::exchange_rate")).map(BigInt) as [bigint, bigint];

beforeAll(async () => {
  net = await startLocalnet({ port: 0, quiet: true, genesisTimeSecs: 1_800_000_000 });
  aptos = new Aptos(
    new AptosConfig({ network: Network.CUSTOM, fullnode: net.nodeUrl, faucet: net.faucetUrl }),
  );
  user = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(net.accounts.dev.privateKey) });
  admin = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(net.accounts.admin.privateKey) });
  K = net.kofiAddress;
});

afterAll(async () => {
  await net?.stop();
});

describe("kofi scenario over signed transactions", () => {
  it("deposit, stake, rate rises over epochs, unstake, request, claim fails before unlock, 14 days, claim", async () => {
    const [fee, kaptOut] = (
      await view<[string, string]>("gateway::quote_deposit", [(1_000n * APT).toString()])
    ).map(BigInt) as [bigint, bigint];
    expect(fee + kaptOut).toBe(1_000n * APT);
    const aptBefore = BigInt((await summary(user.accountAddress)).apt_balance);
    const dep = await ok(user, "gateway::deposit", [1_000n * APT, kaptOut]);
    let s = await summary(user.accountAddress);
    expect(BigInt(s.kapt_balance)).toBe(kaptOut);
    expect(BigInt(s.apt_balance)).toBe(aptBefore - 1_000n * APT - gasOf(dep));
    expect(dep.events.some((e) => e.type === `${K}::gateway::Deposited`)).toBe(true);

    const [stkQuote] = (await view<[string]>("gateway::quote_stake", [(600n * APT).toString()])).map(BigInt);
    await ok(user, "gateway::stake", [600n * APT, stkQuote as bigint]);
    s = await summary(user.accountAddress);
    expect(BigInt(s.stkapt_balance)).toBe(stkQuote);

    const r0 = await rate();
    await net.advance({ epochs: 3 });
    await ok(user, "rewards::sync_rewards", []);
    await net.advance({ epochs: 1 });
    const r1 = await rate();
    expect(r1[0] * r0[1] > r0[0] * r1[1]).toBe(true);

    const half = BigInt(s.stkapt_balance) / 2n;
    const [kaptQuote] = (await view<[string]>("gateway::quote_unstake", [half.toString()])).map(BigInt);
    const kBefore = BigInt((await summary(user.accountAddress)).kapt_balance);
    await ok(user, "gateway::unstake", [half, kaptQuote as bigint]);
    expect(BigInt((await summary(user.accountAddress)).kapt_balance) - kBefore).toBe(kaptQuote);

    await ok(user, "gateway::request_withdrawal", [300n * APT]);
    s = await summary(user.accountAddress);
    expect(s.tickets).toHaveLength(1);
    const ticket = s.tickets[0] as Summary["tickets"][number];
    expect(ticket.ready).toBe(false);
    await fails(user, "gateway::claim", [[ticket.id]], "E_TICKET_NOT_READY");

    await net.advance({ seconds: 14 * DAY });
    await net.advance({ epochs: 1 });
    const [quoted, ready] = await view<[string, boolean]>("gateway::quote_claim", [
      user.accountAddress,
      [ticket.id],
    ]);
    expect(ready).toBe(true);
    expect(BigInt(quoted)).toBe(BigInt(ticket.apt_amount));
    const before = BigInt((await summary(user.accountAddress)).apt_balance);
    const claim = await ok(user, "gateway::claim", [[ticket.id]]);
    const after = BigInt((await summary(user.accountAddress)).apt_balance);
    expect(after - before).toBe(BigInt(ticket.apt_amount) - gasOf(claim));
    await fails(user, "gateway::claim", [[ticket.id]], "E_TICKET_NOT_FOUND");
  });

  it("pause flags: a paused deposit aborts E_PAUSED; unpausing restores it", async () => {
    await fails(user, "config::set_paused", [0, true], "E_NOT_ADMIN");
    await ok(admin, "config::set_paused", [0, true]);
    const st = (await view<[{ paused_deposit: boolean }]>("gateway::protocol_state"))[0];
    expect(st.paused_deposit).toBe(true);
    await fails(user, "gateway::deposit", [10n * APT, 0n], "E_PAUSED");
    await fails(user, "gateway::deposit_and_stake", [10n * APT, 0n], "E_PAUSED");
    await ok(user, "gateway::stake", [APT, 0n]);
    await ok(admin, "config::set_paused", [0, false]);
    await ok(user, "gateway::deposit", [10n * APT, 0n]);
  });

  it("admin two-step transfer through signed transactions", async () => {
    const next = Account.generate();
    await aptos.fundAccount({
      accountAddress: next.accountAddress,
      amount: 10 * 100_000_000,
      options: { waitForIndexer: false },
    });
    await fails(next, "config::transfer_admin", [next.accountAddress], "E_NOT_ADMIN");
    await ok(admin, "config::transfer_admin", [next.accountAddress]);
    await fails(user, "config::accept_admin", [], "E_NOT_PENDING_ADMIN");
    await ok(next, "config::accept_admin", []);
    await fails(admin, "config::set_fee_bps", [1500], "E_NOT_ADMIN");
    await fails(next, "config::set_fee_bps", [2001], "E_FEE_TOO_HIGH");
    await ok(next, "config::set_fee_bps", [1500]);
    const st = (await view<[{ admin: string; fee_bps: string }]>("gateway::protocol_state"))[0];
    expect(st.admin).toBe(next.accountAddress.toStringLong());
    expect(st.fee_bps).toBe("1500");
  });
});
