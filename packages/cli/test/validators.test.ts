// `kofi validators` and `kofi validators --propose`, spawned as a user runs them, against a real localnet over
// HTTP: a validator that evicts the protocol is shown ineligible and the proposed set_weights call moves its
// weight to the others; the proposal is never signed, and the chain accepts the printed call (admin dry run).
// `--previous` (observed rewards) and `--history` (the keeper's sampled proposals) each move weight off a pool.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_CODES } from "../src/exitCodes.ts";
import { run } from "../src/main.ts";
import { APT, type Localnet, type Run, spawnKofi, startNet } from "./net.ts";

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

  it("--previous <file>: an earlier --json output gives the observed rewards; an underperformer is measured and loses weight", async () => {
    // pool 0 evicted the protocol, so two pools are left: without a looser max share both sit at 5000
    const first = await kofi(["validators", "--max-share-bps", "10000", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), "kofi-validators-")), "before.json");
    writeFileSync(file, first.stdout);
    const bad = (net.validators[1] as string).toLowerCase();
    await net.validator(bad).setProposals({ successful: 1n, failed: 1n });
    await net.advance({ epochs: 1 });
    const r = await kofi(["validators", "--max-share-bps", "10000", "--previous", file, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    type P = { pool: string; rewardRatioPpm: string | null; proposedWeightBps: string };
    const pools = (j: Record<string, unknown>) => (j.proposal as { pools: P[] }).pools;
    const b0 = pools(first.json).find((p) => p.pool === bad) as P;
    const b1 = pools(r.json).find((p) => p.pool === bad) as P;
    const healthy = pools(r.json).find((p) => p.pool === (net.validators[2] as string).toLowerCase()) as P;
    expect(b0.rewardRatioPpm).toBeNull(); // one reading: no window
    // the chain paid 1 / (1 + 1) of the rate on that pool, the full rate on the healthy one
    expect(BigInt(b1.rewardRatioPpm ?? "0")).toBeGreaterThanOrEqual(490_000n);
    expect(BigInt(b1.rewardRatioPpm ?? "1000000")).toBeLessThanOrEqual(510_000n);
    expect(BigInt(healthy.rewardRatioPpm ?? "0")).toBeGreaterThanOrEqual(990_000n);
    expect(BigInt(b1.proposedWeightBps)).toBeLessThan(BigInt(b0.proposedWeightBps));
    // two pools: its share of the score sum, so its weight at least halves relative to the healthy pool's
    const h0 = pools(first.json).find((p) => p.pool === healthy.pool) as P;
    expect(BigInt(b1.proposedWeightBps) * BigInt(h0.proposedWeightBps) * 100n).toBeLessThanOrEqual(
      BigInt(b0.proposedWeightBps) * BigInt(healthy.proposedWeightBps) * 51n,
    );
    console.log(
      `kofi validators --previous: ${b0.proposedWeightBps} -> ${b1.proposedWeightBps} bps, rewards ${b1.rewardRatioPpm} ppm`,
    );
    const human = await kofi(["validators", "--previous", file]);
    expect(human.stdout).toContain("rewards");
    // not a kofi validators output: a usage error before any request
    writeFileSync(file, "{}");
    const bad2 = await kofi(["validators", "--previous", file]);
    expect(bad2.code).toBe(2);
    expect(bad2.stderr).toContain("--previous");
  });

  it("--history <keeper state file>: proposals the keeper sampled in an earlier epoch (gone from the chain) lower a pool's performance and weight", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kofi-validators-history-"));
    const stateFile = join(dir, "keeper.json");
    const keeperKey = Account.generate();
    await net.fund(keeperKey.accountAddress.toStringLong(), 10n * APT);
    const keeperOnce = () =>
      kofi(["keeper", "--state", stateFile, "--once", "--json"], keeperKey.privateKey.toString());
    const bad = (net.validators[1] as string).toLowerCase();
    const healthy = (net.validators[2] as string).toLowerCase();
    // this epoch: the bad pool misses 3 of its 4 proposals; the keeper samples the counts into its state file
    await net.validator(bad).recordProposals({ successful: 1n, failed: 3n });
    await net.validator(healthy).recordProposals({ successful: 4n, failed: 0n });
    const k1 = await keeperOnce();
    expect(k1.code, k1.stderr).toBe(0);
    expect(existsSync(stateFile)).toBe(true);
    // the next epoch (the chain has reset the counts): both propose without a miss; the keeper samples this
    // epoch too, which --history must not count on top of the chain's own reading
    await net.advance({ epochs: 1 });
    await net.validator(bad).recordProposals({ successful: 2n, failed: 0n });
    await net.validator(healthy).recordProposals({ successful: 2n, failed: 0n });
    const k2 = await keeperOnce();
    expect(k2.code, k2.stderr).toBe(0);

    const [without, withHistory, human] = await Promise.all([
      kofi(["validators", "--max-share-bps", "10000", "--json"]),
      kofi(["validators", "--max-share-bps", "10000", "--history", stateFile, "--json"]),
      kofi(["validators", "--history", stateFile]),
    ]);
    expect(without.code, without.stderr).toBe(0);
    expect(withHistory.code, withHistory.stderr).toBe(0);
    type P = { pool: string; proposalRatioPpm: string | null; proposedWeightBps: string };
    const pool = (j: Record<string, unknown>, a: string) =>
      (j.proposal as { pools: P[] }).pools.find((p) => p.pool === a) as P;
    // the chain alone: this epoch's 2/2
    expect(pool(without.json, bad).proposalRatioPpm).toBe("1000000");
    // with the history: (1 + 2) / (1 + 3 + 2); counting the sampled current epoch twice would give 5/8
    expect(pool(withHistory.json, bad).proposalRatioPpm).toBe("500000");
    expect(pool(withHistory.json, healthy).proposalRatioPpm).toBe("1000000");
    expect(withHistory.json.historyEpochs).toMatchObject({ [bad]: 1, [healthy]: 1 });
    const w0 = BigInt(pool(without.json, bad).proposedWeightBps);
    const w1 = BigInt(pool(withHistory.json, bad).proposedWeightBps);
    const h0 = BigInt(pool(without.json, healthy).proposedWeightBps);
    const h1 = BigInt(pool(withHistory.json, healthy).proposedWeightBps);
    expect(w1).toBeLessThan(w0);
    expect(h1 - h0).toBe(w0 - w1); // what the bad pool loses goes to the healthy one (pool 0 stays at 0)
    // two pools: the bad one's score halves, so its weight relative to the healthy pool's at least halves
    expect(w1 * h0 * 100n).toBeLessThanOrEqual(w0 * h1 * 51n);
    console.log(`kofi validators --history: ${w0} -> ${w1} bps (proposal ratio 100 % -> 50 %)`);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/proposal history from .*keeper\.json: .* 1 earlier epoch/);

    // a missing or malformed file: one usage line before any request (the node URL is dead)
    const inProcess = async (file: string) => {
      let stderr = "";
      const code = await run(
        [
          "--node-url",
          "http://127.0.0.1:9/v1",
          "--kofi-address",
          net.kofiAddress,
          "validators",
          "--history",
          file,
        ],
        {
          stdout: () => {},
          stderr: (t) => {
            stderr += t;
          },
          env: {},
        },
      );
      return { code, stderr };
    };
    const write = (name: string, text: string) => {
      const f = join(dir, name);
      writeFileSync(f, text);
      return f;
    };
    const cases: [string, RegExp][] = [
      [join(dir, "missing.json"), /--history: cannot read .*missing\.json/],
      [write("torn.json", '{"version": 1, "hist'), /--history: .*torn\.json is not JSON/],
      [write("validators.json", without.stdout), /is not a kofi keeper state file \(version\)/],
      [
        write(
          "bad-entry.json",
          JSON.stringify({
            version: 1,
            kofiAddress: net.kofiAddress,
            history: { [bad]: [{ epoch: "1", successful: 2 }] },
          }),
        ),
        /is not a kofi keeper state file \(history\.0x[0-9a-f]+\[0\]\.successful\)/,
      ],
      [
        write("other.json", JSON.stringify({ version: 1, kofiAddress: `0x${"be".repeat(32)}`, history: {} })),
        /another deployment \(Kofi 0x(be){32}/,
      ],
    ];
    for (const [file, message] of cases) {
      const r = await inProcess(file);
      expect(r.code, `${file}: ${r.stderr}`).toBe(EXIT_CODES.usage);
      expect(r.stderr.trimEnd().split("\n"), file).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
