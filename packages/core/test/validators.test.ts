import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deposit,
  execute,
  getKofiAddresses,
  type KofiClient,
  PPM,
  proposeWeights,
  readValidatorPools,
  type ValidatorPoolsReading,
  type WeightProposal,
} from "../src/index.ts";
import { APT, accountFromKey, countingProxy, type Localnet, localClient, startNet } from "./helpers.ts";

// readValidatorPools over real HTTP against a localnet (three genesis pools, weights 4000/3000/3000).
let net: Localnet;
beforeAll(async () => {
  net = await startNet();
});
afterAll(async () => {
  await net?.stop();
});

describe("readValidatorPools (localnet over HTTP)", () => {
  it("reads every protocol pool from real 0x1 views, 3 + 5n requests, no ABI fetch", async () => {
    const proxy = await countingProxy(net.url);
    try {
      const client = localClient(net, `${proxy.url}/v1`);
      const r = await readValidatorPools(client);
      expect(r.pools.map((p) => p.pool)).toEqual(net.validators.map((v) => v.toLowerCase()));
      expect(r.pools.map((p) => p.weightBps)).toEqual([4000n, 3000n, 3000n]);
      expect(r.requests).toBe(3 + 5 * r.pools.length);
      expect(proxy.requests.length).toBe(r.requests);
      const views = proxy.requests.filter((q) => q.method === "POST" && q.path === "/v1/view");
      expect(views.length).toBe(r.requests - 1);
      expect(proxy.requests.filter((q) => q.method === "GET").map((q) => q.path)).toEqual([
        "/v1/accounts/0x1/resource/0x1::reconfiguration::Configuration",
      ]);
      expect(r.totalWeightBps).toBe(10_000n);
      expect(r.rewardRate.denominator > 0n && r.rewardRate.numerator > 0n).toBe(true);
      for (const p of r.pools) {
        const info = await net.validator(p.pool).info();
        expect(p.validatorState).toBe(info.state);
        expect(p.commissionBps).toBe(info.commission_bps);
        expect(p.nextCommissionBps).toBe(info.commission_next_lockup_cycle_bps);
        expect(p.validatorIndex).toBe(info.validator_index);
        expect(p.proposals).toEqual(info.proposals_this_epoch);
        expect(p.allowlistingEnabled).toBe(info.allowlisting_enabled);
        expect(p.allowlisted).toBe(true);
        expect(p.poolStake.active).toBe(info.stake.active);
        expect(p.protocolStake.active > 0n).toBe(true);
      }
    } finally {
      await proxy.close();
    }
  });
});

// ---- scenarios: an adversarial validator, and how far the proposal moves weight away from it

interface Net {
  net: Localnet;
  client: KofiClient;
  before: ValidatorPoolsReading;
  p0: WeightProposal;
}

/** A fresh localnet with 3000 APT deposited, read over one whole epoch of rewards: the baseline proposal. */
async function warmNet(): Promise<Net> {
  const net = await startNet();
  const client = localClient(net);
  await execute(client, deposit({ amount: 3000n * APT }), accountFromKey(net.accounts.dev.privateKey));
  await net.advance({ epochs: 1 }); // the deposit's pending_active stake turns active
  const r0 = await readValidatorPools(client);
  await net.advance({ epochs: 1 });
  const before = await readValidatorPools(client, { previous: r0 });
  return { net, client, before, p0: proposeWeights(before) };
}

/** One more epoch after the staged behaviour, read against the baseline. */
async function after(n: Net): Promise<{ reading: ValidatorPoolsReading; p1: WeightProposal }> {
  await n.net.advance({ epochs: 1 });
  const reading = await readValidatorPools(n.client, { previous: n.before });
  return { reading, p1: proposeWeights(reading) };
}

const w = (p: WeightProposal, pool: string) => {
  const s = p.pools.find((x) => x.pool === pool);
  if (!s) throw new Error(`no pool ${pool}`);
  return s;
};
const sum = (p: WeightProposal) => p.pools.reduce((s, x) => s + x.proposedWeightBps, 0n);
const moved: Record<string, string> = {};

describe("the proposal moves weight away from an adversarial validator (localnet over HTTP)", () => {
  afterAll(() => {
    // the measured figures, for the record
    console.log(`weight moved: ${JSON.stringify(moved)}`);
  });

  it("baseline: every pool earns what the chain's rate pays after commission (reward ratio ≥ 99 %)", async () => {
    const n = await warmNet();
    try {
      expect(n.p0.feasible).toBe(true);
      expect(sum(n.p0)).toBe(10_000n);
      for (const s of n.p0.pools) {
        expect(s.eligible).toBe(true);
        expect(s.rewardRatioPpm).not.toBeNull();
        expect(s.rewardRatioPpm ?? 0n).toBeGreaterThanOrEqual(990_000n);
      }
    } finally {
      await n.net.stop();
    }
  });

  it("underperforming (1 successful, 1 failed proposal an epoch): its measured performance halves, and so does its weight relative to each healthy pool", async () => {
    const n = await warmNet();
    try {
      const bad = n.net.validators[1] as string;
      const [x, y] = [n.net.validators[0], n.net.validators[2]] as [string, string];
      await n.net.validator(bad).setProposals({ successful: 1n, failed: 1n });
      const { p1 } = await after(n);
      const b0 = w(n.p0, bad);
      const b1 = w(p1, bad);
      // measured from the pool's rewards: the chain paid successful / (successful + failed) = 1/2 of the rate
      expect(b1.rewardRatioPpm ?? 0n).toBeGreaterThanOrEqual(490_000n);
      expect(b1.rewardRatioPpm ?? PPM).toBeLessThanOrEqual(510_000n);
      expect(b1.performancePpm).toBe(b1.rewardRatioPpm);
      for (const h of [x, y]) expect(w(p1, h).performancePpm).toBeGreaterThanOrEqual(990_000n);
      // direction: it loses weight, the healthy pools gain exactly what it loses
      expect(b1.proposedWeightBps).toBeLessThan(b0.proposedWeightBps);
      const lost = b0.proposedWeightBps - b1.proposedWeightBps;
      const gained = [x, y].reduce(
        (s, h) => s + w(p1, h).proposedWeightBps - w(n.p0, h).proposedWeightBps,
        0n,
      );
      expect(gained).toBe(lost);
      expect(sum(p1)).toBe(10_000n);
      // how much: its weight relative to a healthy pool scales by its measured performance (to 1 %)
      for (const h of [x, y]) {
        const lhs = b1.proposedWeightBps * w(n.p0, h).proposedWeightBps * PPM;
        const rhs = b0.proposedWeightBps * w(p1, h).proposedWeightBps * b1.performancePpm;
        expect(lhs * 100n).toBeGreaterThanOrEqual(rhs * 99n);
        expect(lhs * 100n).toBeLessThanOrEqual(rhs * 101n);
      }
      moved.underperforming = `${b0.proposedWeightBps} -> ${b1.proposedWeightBps} bps (-${lost}), performance ${b1.performancePpm} ppm`;
    } finally {
      await n.net.stop();
    }
  });

  it("missed proposals counted this epoch (stake::get_current_epoch_proposal_counts): read as counted, weight scales by the ratio", async () => {
    const n = await warmNet();
    try {
      const bad = n.net.validators[2] as string;
      const others = [n.net.validators[0], n.net.validators[1]] as string[];
      // as block prologues would: 1 successful and 3 failed proposals in the current epoch
      await n.net.validator(bad).recordProposals({ successful: 1n, failed: 3n });
      const reading = await readValidatorPools(n.client);
      const info = await n.net.validator(bad).info();
      const r = reading.pools.find((p) => p.pool === bad);
      expect(r?.proposals).toEqual(info.proposals_this_epoch);
      expect(r?.proposals).toEqual({ successful: 1n, failed: 3n });
      const p1 = proposeWeights(reading);
      const b0 = w(n.p0, bad);
      const b1 = w(p1, bad);
      expect(b1.proposalRatioPpm).toBe(250_000n);
      expect(b1.performancePpm).toBe(250_000n);
      expect(b1.proposedWeightBps).toBeLessThan(b0.proposedWeightBps);
      // the baseline's performance came from the rewards (≈ 1e6); this reading has no window, so the ratio of
      // weights against each other pool below its limit scales by 0.25 / baseline performance (to 1 %); a pool
      // the freed weight pushes to the max share stops there
      const free = others.filter((h) => w(p1, h).proposedWeightBps < w(p1, h).limitBps);
      expect(free.length).toBeGreaterThanOrEqual(1);
      for (const h of others.filter((x) => !free.includes(x)))
        expect(w(p1, h).proposedWeightBps).toBe(p1.maxShareBps);
      expect(sum(p1)).toBe(10_000n);
      for (const h of free) {
        const lhs = b1.proposedWeightBps * w(n.p0, h).proposedWeightBps * b0.performancePpm;
        const rhs = b0.proposedWeightBps * w(p1, h).proposedWeightBps * b1.performancePpm;
        expect(lhs * 100n).toBeGreaterThanOrEqual(rhs * 99n);
        expect(lhs * 100n).toBeLessThanOrEqual(rhs * 101n);
      }
      moved.missedProposals = `${b0.proposedWeightBps} -> ${b1.proposedWeightBps} bps (-${b0.proposedWeightBps - b1.proposedWeightBps}), 1/4 proposals`;
    } finally {
      await n.net.stop();
    }
  });

  it("commission raised 10 points for the next cycle: its weight relative to each other pool scales by (1 − new) / (1 − old)", async () => {
    const n = await warmNet();
    try {
      const pool = n.net.validators[2] as string;
      const others = [n.net.validators[0], n.net.validators[1]] as string[];
      const old = (await n.net.validator(pool).info()).commission_bps;
      await n.net.validator(pool).updateCommission(old + 1000n);
      const { reading, p1 } = await after(n);
      const r = reading.pools.find((p) => p.pool === pool);
      const info = await n.net.validator(pool).info();
      expect(r?.nextCommissionBps).toBe(info.commission_next_lockup_cycle_bps);
      expect(r?.nextCommissionBps).toBe(old + 1000n);
      const c0 = w(n.p0, pool);
      const c1 = w(p1, pool);
      expect(c1.effectiveCommissionBps).toBe(old + 1000n);
      expect(c1.proposedWeightBps).toBeLessThan(c0.proposedWeightBps);
      const lost = c0.proposedWeightBps - c1.proposedWeightBps;
      const gained = others.reduce(
        (s, h) => s + w(p1, h).proposedWeightBps - w(n.p0, h).proposedWeightBps,
        0n,
      );
      expect(gained).toBe(lost);
      for (const h of others) {
        const lhs = c1.proposedWeightBps * w(n.p0, h).proposedWeightBps * (10_000n - old);
        const rhs = c0.proposedWeightBps * w(p1, h).proposedWeightBps * (10_000n - old - 1000n);
        expect(lhs * 100n).toBeGreaterThanOrEqual(rhs * 99n);
        expect(lhs * 100n).toBeLessThanOrEqual(rhs * 101n);
      }
      moved.commission = `${c0.proposedWeightBps} -> ${c1.proposedWeightBps} bps (-${lost}), commission ${old} -> ${old + 1000n} bps next cycle`;
    } finally {
      await n.net.stop();
    }
  });

  it("evicting the protocol (allowlisting on, Kofi off the list): ineligible, all of its weight moves to the others, none above the max share", async () => {
    const n = await warmNet();
    try {
      const pool = n.net.validators[0] as string;
      const others = [n.net.validators[1], n.net.validators[2]] as string[];
      const { protocolAccount } = await getKofiAddresses(n.client);
      await n.net.validator(pool).evictNow(protocolAccount);
      const { reading, p1 } = await after(n);
      const r = reading.pools.find((p) => p.pool === pool);
      expect(r?.allowlistingEnabled).toBe(true);
      expect(r?.allowlisted).toBe(false);
      const e0 = w(n.p0, pool);
      const e1 = w(p1, pool);
      expect(e1.ineligible).toEqual(["allowlisted_out"]);
      expect(e1.proposedWeightBps).toBe(0n);
      const gained = others.reduce(
        (s, h) => s + w(p1, h).proposedWeightBps - w(n.p0, h).proposedWeightBps,
        0n,
      );
      expect(gained).toBe(e0.proposedWeightBps);
      for (const h of others) expect(w(p1, h).proposedWeightBps <= p1.maxShareBps).toBe(true);
      expect(sum(p1)).toBe(10_000n);
      moved.evicted = `${e0.proposedWeightBps} -> 0 bps (-${e0.proposedWeightBps})`;
    } finally {
      await n.net.stop();
    }
  });
});
