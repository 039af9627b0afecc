// quoteDepositSplit against a localnet over HTTP: the quote a UI shows must be what the deposit then does. Each
// deposit is a real signed transaction; the protocol's stake in every pool is read from the framework's own
// `0x1::delegation_pool::get_stake` view before and after, so the check does not trust the protocol's bookkeeping.
import type { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APT,
  accountFromKey,
  fundedAccount,
  type Localnet,
  localClient,
  startNet,
} from "../../test/helpers.ts";
import { setPoolCap } from "../admin/pools.ts";
import type { KofiClient } from "../client/createKofiClient.ts";
import { KofiError } from "../errors/KofiError.ts";
import { execute } from "../execute/execute.ts";
import { getKofiAddresses } from "../protocol/addresses.ts";
import { getProtocolState } from "../protocol/state.ts";
import { type DepositPart, deposit, quoteDepositSplit } from "./deposit.ts";

let net: Localnet;
let client: KofiClient;
let user: Account;
let protocol: `0x${string}`;

beforeAll(async () => {
  net = await startNet();
  client = localClient(net);
  user = await fundedAccount(net, 100_000n * APT);
  protocol = (await getKofiAddresses(client)).protocolAccount;
}, 60_000);
afterAll(async () => {
  await net?.stop();
});

/** The protocol account's active stake (pending_active included) in each genesis pool, from 0x1. */
async function protocolStakes(): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  for (const pool of net.validators) {
    const [active] = await client.aptos.view<[string, string, string]>({
      payload: { function: "0x1::delegation_pool::get_stake", functionArguments: [pool, protocol] },
    });
    out.set(pool.toLowerCase(), BigInt(active));
  }
  return out;
}

interface DelegatedEvent {
  pool: string;
  amount: string;
  staked: string;
}

/** Deposits `amount` as `user` and returns each pool's stake change and the `Delegated` events, in order. */
async function depositAndMeasure(amount: bigint) {
  const before = await protocolStakes();
  const r = await execute(client, deposit({ amount, minOut: 0n }), user);
  const after = await protocolStakes();
  const deltas = new Map([...after].map(([p, s]) => [p, s - (before.get(p) ?? 0n)]));
  const delegated = r.transaction.events
    .filter((e) => e.type.endsWith("::staking_manager::Delegated"))
    .map((e) => e.data as DelegatedEvent);
  return { deltas, delegated, kaptMinted: r.received.kaptMinted };
}

/** The quoted split against what the deposit did: same pools and amounts, each pool's stake up by apt − fee. */
function expectDepositMatches(
  split: DepositPart[],
  amount: bigint,
  got: Awaited<ReturnType<typeof depositAndMeasure>>,
): void {
  expect(split.reduce((a, p) => a + p.apt, 0n)).toBe(amount);
  expect(got.delegated.map((e) => [e.pool, BigInt(e.amount)])).toEqual(split.map((p) => [p.pool, p.apt]));
  for (const [pool, delta] of got.deltas) {
    const part = split.find((p) => p.pool === pool);
    if (!part) {
      expect(delta, `pool ${pool} is not in the split`).toBe(0n);
      continue;
    }
    // the framework credits the part less its add-stake fee, floored to a whole share (at most 1 octa lower)
    const rounding = part.apt - part.fee - delta;
    expect(rounding >= 0n && rounding <= 1n, `${pool}: ${part.apt} - ${part.fee} vs +${delta}`).toBe(true);
    const event = got.delegated.find((e) => e.pool === pool) as DelegatedEvent;
    expect(BigInt(event.staked)).toBe(delta);
  }
}

describe("quoteDepositSplit (localnet over HTTP)", () => {
  it("one pool takes a deposit it has room for: the part is the whole amount, and the deposit lands there", async () => {
    const amount = 10n * APT;
    const split = await quoteDepositSplit(client, amount);
    expect(split).toHaveLength(1);
    expect(split[0]?.fee).toBeGreaterThan(0n);
    expectDepositMatches(split, amount, await depositAndMeasure(amount));
  });

  it("no pool can take it whole (pool caps): the split spreads it, within each pool's room, and the deposit follows it", async () => {
    // the admin caps every pool at the protocol's stake there + 300 APT: no pool has room for 301 APT
    const admin = accountFromKey(net.accounts.admin.privateKey);
    for (const [pool, active] of await protocolStakes())
      await execute(client, setPoolCap({ pool, cap: active + 300n * APT }), admin);
    const state = await getProtocolState(client);
    const rooms = new Map(state.validators.map((v) => [v.pool, v.depositRoom]));
    const largest = [...rooms.values()].reduce((a, b) => (a > b ? a : b));
    expect(state.depositCapacityApt).toBe([...rooms.values()].reduce((a, b) => a + b, 0n));
    expect(largest).toBe(300n * APT);
    const amount = largest + 1n; // one octa more than any single pool can take
    expect(amount).toBeLessThanOrEqual(state.depositCapacityApt);

    const split = await quoteDepositSplit(client, amount);
    expect(split.length).toBeGreaterThan(1);
    for (const part of split) expect(part.apt).toBeLessThanOrEqual(rooms.get(part.pool) ?? 0n);
    expectDepositMatches(split, amount, await depositAndMeasure(amount));

    // more than all pools together can take: the quote refuses, naming the reason
    const capacity = (await getProtocolState(client)).depositCapacityApt;
    const e = await quoteDepositSplit(client, capacity + 1n).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KofiError);
    expect((e as KofiError).abort?.name).toBe("E_INSUFFICIENT_CAPACITY");
  });
});
