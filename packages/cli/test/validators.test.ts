// `kofi validators` and `kofi validators --propose`, spawned as a user runs them, against a real localnet over
// HTTP: a validator that evicts the protocol is shown ineligible and the proposed set_weights call moves its
// weight to the others; the proposal is never signed, and the chain accepts the printed call (admin dry run).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, type Run, spawnKofi, startNet } from "./net.ts";

describe("kofi validators (spawned, localnet)", () => {
  let net: Localnet;
  const kofi = (args: string[], key?: string): Promise<Run> =>
    spawnKofi(["--node-url", net.nodeUrl, "--kofi-address", net.kofiAddress, ...args], {
      KOFI_PRIVATE_KEY: key,
    });
  const weights = async () =>
    ((await kofi(["status", "--json"])).json.validators as { pool: string; weightBps: string }[]).map(
      (v) => v.weightBps,
    );

  beforeAll(async () => {
    net = await startNet();
    const protocol = (await kofi(["addresses", "--json"])).json.protocolAccount as string;
    await net.validator(net.validators[0] as string).evictNow(protocol);
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("the table with the score's parts; --json has the readings and the scores", async () => {
    const human = await kofi(["validators"]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain("perf");
    expect(human.stdout).toContain("NOT LISTED");
    expect(human.stdout).toContain("allowlisted_out");
    expect(human.stdout).toMatch(/18 requests/);
    const r = await kofi(["validators", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const proposal = r.json.proposal as {
      pools: { pool: string; eligible: boolean; ineligible: string[] }[];
    };
    expect(proposal.pools.map((p) => p.pool)).toEqual(net.validators.map((v) => v.toLowerCase()));
    expect(proposal.pools[0]).toMatchObject({ eligible: false, ineligible: ["allowlisted_out"] });
    expect(proposal.pools.slice(1).every((p) => p.eligible)).toBe(true);
  });

  it("--propose: the exact set_weights call, the evicted pool at 0, and the APR effect; nothing signed", async () => {
    const before = await weights();
    const r = await kofi(["validators", "--propose", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.function).toBe(`${net.kofiAddress}::staking_manager::set_weights`);
    const [pools, bps] = r.json.arguments as [string[], string[]];
    expect(pools).toEqual(net.validators.map((v) => v.toLowerCase()));
    expect(bps[0]).toBe("0");
    expect(bps.reduce((s, b) => s + BigInt(b), 0n)).toBe(10_000n);
    for (const b of bps) expect(BigInt(b) <= 5000n).toBe(true);
    const apr = r.json.expectedApr as { currentWeightsAprPpm: string; proposedWeightsAprPpm: string };
    // the current weights still send 40 % to a pool the protocol cannot use: the proposal's APR is higher
    expect(BigInt(apr.proposedWeightsAprPpm) > BigInt(apr.currentWeightsAprPpm)).toBe(true);
    expect(await weights()).toEqual(before);

    const human = await kofi(["validators", "--propose"]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`function   ${net.kofiAddress}::staking_manager::set_weights`);
    expect(human.stdout).toContain("nothing signed");
    expect(human.stdout).toMatch(/expected APR of new stake: current weights [\d.]+ % -> proposed [\d.]+ %/);

    // the chain accepts exactly that call (simulated as the admin)
    const dry = await kofi(
      ["admin", "set-weights", ...pools.map((p, i) => `${p}=${bps[i]}`), "--dry-run", "--json"],
      net.accounts.admin.privateKey,
    );
    expect(dry.code, dry.stderr).toBe(0);
    expect((dry.json.simulation as { success: boolean }).success).toBe(true);
    expect(dry.json.arguments).toEqual(r.json.arguments);
  });

  it("--max-share-bps below what two pools can hold: no proposal, exit 1", async () => {
    const r = await kofi(["validators", "--propose", "--max-share-bps", "4000", "--json"]);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, error: { code: "infeasible", message: "limits_below_total" } });
  });

  it("is in kofi --help", async () => {
    const r = await kofi(["--help"]);
    expect(r.stdout).toContain("validators [--propose]");
  });
});
