import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readValidatorPools } from "../src/index.ts";
import { countingProxy, type Localnet, localClient, startNet } from "./helpers.ts";

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
