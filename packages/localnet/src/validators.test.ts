import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startLocalnet } from "./index.ts";

// Staging adversarial validators through the admin endpoints and the JS API; the 0x1 views read back are the
// real ones (delegation_pool.move / stake.move v1.39) served with their on-chain ABIs.
const APT = 100_000_000n;
let ln: Localnet;

beforeAll(async () => {
  ln = await startLocalnet({ port: 0, quiet: true, genesisTimeSecs: 1_800_000_000, venues: false });
});
afterAll(async () => {
  await ln?.stop();
});

async function post(path: string, body: unknown) {
  const r = await fetch(`${ln.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}
async function view(fn: string, args: unknown[]): Promise<unknown[]> {
  const r = await fetch(`${ln.nodeUrl}/view`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ function: `0x1::${fn}`, type_arguments: [], arguments: args.map(String) }),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as unknown[];
}
async function info(pool: string) {
  const r = await fetch(`${ln.url}/admin/validators/${pool}`);
  expect(r.status).toBe(200);
  return (await r.json()) as {
    state: string;
    stake: { active: string };
    commission_bps: string;
    validator_index: string;
  };
}

describe("staging validators (admin endpoints, JS API)", () => {
  it('"validator X evicts us": allowlisting on, Kofi off the list, its whole active stake unlocked', async () => {
    const x = ln.validators[0] as string;
    // the protocol's delegator on X: the shareholder that is neither the pool owner nor the null shareholder
    const owner = ((await (await fetch(`${ln.url}/admin/validators/${x}`)).json()) as { owner: string })
      .owner;
    const holders = (await ln.validator(x).info()).delegators;
    expect(holders).toHaveLength(2);
    const kofi = holders.find((h) => !/^0x0+$/.test(h) && BigInt(h) !== BigInt(owner)) as string;
    expect(kofi).toBeDefined();
    // the real entry function refuses an eviction while allowlisting is off
    const ledger = async () =>
      ((await (await fetch(ln.nodeUrl)).json()) as { ledger_version: string }).ledger_version;
    const versionBefore = await ledger();
    const refused = await post(`/admin/validators/${x}/evict`, { delegator: kofi });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/EDELEGATORS_ALLOWLISTING_NOT_ENABLED\(0x30018\)/);
    // the Aptos error shape, and nothing changed: no failed transaction in the log, no resource written
    expect(Object.keys(refused.body).sort()).toEqual(["error_code", "message", "vm_error_code"]);
    expect(refused.body.error_code).toBe("vm_error");
    expect(await ledger()).toBe(versionBefore);
    expect(await view("delegation_pool::allowlisting_enabled", [x])).toEqual([false]);
    // the same for a staged change the framework model refuses (minimum stake above the maximum)
    const limits = await post("/admin/stake_limits", { minimum_stake: "2", maximum_stake: "1" });
    expect(limits.status).toBe(400);
    expect(limits.body.error_code).toBe("vm_error");
    expect(await ledger()).toBe(versionBefore);
    await ln.advance({ epochs: 1 });
    const [before] = (await view("delegation_pool::get_stake", [x, kofi])) as string[];
    expect(BigInt(before as string)).toBeGreaterThanOrEqual(11n * APT - 10n);
    const r = await post(`/admin/validators/${x}/evict`, { delegator: kofi, force: true });
    expect(r.status).toBe(200);
    expect(await view("delegation_pool::allowlisting_enabled", [x])).toEqual([true]);
    expect(await view("delegation_pool::delegator_allowlisted", [x, kofi])).toEqual([false]);
    expect(await view("delegation_pool::get_delegators_allowlist", [x])).toEqual([[]]);
    const [active, inactive, pendingInactive] = (await view("delegation_pool::get_stake", [
      x,
      kofi,
    ])) as string[];
    expect(active).toBe("0");
    expect(inactive).toBe("0");
    expect(BigInt(pendingInactive as string)).toBe(BigInt(before as string));
    // new stake from an account that is not allowlisted is refused with the real abort
    const add = ln.chain.execute(ln.accounts.dev.address, (rt, s) =>
      rt.framework.addStake(s, x as `0x${string}`, 20n * APT),
    );
    expect(add.vmStatus).toMatch(/EDELEGATOR_NOT_ALLOWLISTED\(0x50019\)/);
    // and the JS API lifts it again
    await ln.validator(x).allowlist(ln.accounts.dev.address);
    const again = ln.chain.execute(ln.accounts.dev.address, (rt, s) =>
      rt.framework.addStake(s, x as `0x${string}`, 20n * APT),
    );
    expect(again.success).toBe(true);
    await ln.validator(x).disableAllowlisting();
    expect(await view("delegation_pool::allowlisting_enabled", [x])).toEqual([false]);
  });

  it('"validator Y misses half its proposals": half the rewards of a validator with the same stake', async () => {
    const y = ln.validators[1] as string;
    const z = ln.validators[2] as string;
    const r = await post(`/admin/validators/${y}/proposals_per_epoch`, { successful: 1, failed: 1 });
    expect(r.status).toBe(200);
    const b = [BigInt((await info(y)).stake.active), BigInt((await info(z)).stake.active)];
    expect(b[0]).toBe(b[1]);
    await ln.advance({ epochs: 1 });
    const gainY = BigInt((await info(y)).stake.active) - (b[0] as bigint);
    const gainZ = BigInt((await info(z)).stake.active) - (b[1] as bigint);
    expect(gainZ).toBeGreaterThan(0n);
    expect(gainY * 2n).toBeGreaterThanOrEqual(gainZ - 1n);
    expect(gainY * 2n).toBeLessThanOrEqual(gainZ);
    // counts of the current epoch by validator index (stake::get_current_epoch_proposal_counts)
    await post(`/admin/validators/${y}/record_proposals`, { successful: 2, failed: 3 });
    const idx = (await info(y)).validator_index;
    expect(await view("stake::get_validator_index", [y])).toEqual([idx]);
    expect(await view("stake::get_current_epoch_proposal_counts", [idx])).toEqual(["2", "3"]);
    await ln.validator(y).setProposals({ successful: 1n, failed: 0n });
  });

  it('"Z raises commission to 100 %": the real update is limited to +10 points; the staging lever sets it now', async () => {
    const z = ln.validators[2] as string; // 7 %
    const tooMuch = await post(`/admin/validators/${z}/commission`, { bps: 10_000 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.message).toMatch(/ETOO_LARGE_COMMISSION_INCREASE\(0x10014\)/);
    expect((await post(`/admin/validators/${z}/commission`, { bps: 1700 })).status).toBe(200);
    expect(await view("delegation_pool::operator_commission_percentage_next_lockup_cycle", [z])).toEqual([
      "1700",
    ]);
    expect(await view("delegation_pool::operator_commission_percentage", [z])).toEqual(["700"]);
    const now = await post(`/admin/validators/${z}/commission`, { bps: 10_000, immediate: true });
    expect(now.status).toBe(200);
    expect(await view("delegation_pool::operator_commission_percentage", [z])).toEqual(["10000"]);
    expect((await info(z)).commission_bps).toBe("10000");
  });

  it("stake limits: a lowered maximum stake makes add_stake abort ESTAKE_EXCEEDS_MAX", async () => {
    const p = ln.validators[2] as `0x${string}`;
    const current = BigInt((await info(p)).stake.active);
    const r = await post("/admin/stake_limits", { maximum_stake: (current + 100n * APT).toString() });
    expect(r.status).toBe(200);
    const big = ln.chain.execute(ln.accounts.dev.address, (rt, s) => rt.framework.addStake(s, p, 200n * APT));
    expect(big.vmStatus).toMatch(/ESTAKE_EXCEEDS_MAX\(0x10007\)/);
    await ln.setStakeLimits({ maximumStake: 50_000_000n * APT });
  });

  it("bad requests: unknown action 404, unknown pool 404, bad body 400", async () => {
    const x = ln.validators[0] as string;
    expect((await post(`/admin/validators/${x}/explode`, {})).status).toBe(404);
    expect((await post(`/admin/validators/0x99/leave`, {})).status).toBe(404);
    expect((await post(`/admin/validators/${x}/allowlist`, { delegator: 7 })).status).toBe(400);
    expect(
      (await post(`/admin/validators/${x}/proposals_per_epoch`, { successful: -1, failed: 0 })).status,
    ).toBe(400);
    const list = await (await fetch(`${ln.url}/admin/validators`)).json();
    expect((list as unknown[]).length).toBe(3);
  });
});
