// `kofi admin bootstrap --config <file>`: the file's validation and the plan in-process (pure), then the real bin
// against a localnet: a full bootstrap (new pools, caps, weights, fee, treasury, limits, max commission relative to
// genesis: the localnet always starts with the protocol initialised), a re-run that does nothing, and a run killed
// after its first confirmed step that the next run resumes. Chain state is read through the SDK's views.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Account } from "@aptos-labs/ts-sdk";
import {
  createKofiClient,
  getPosition,
  getProtocolState,
  getVaultState,
  type KofiClient,
  KofiError,
  type ProtocolState,
} from "@kofi/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainSnapshot, parseBootstrapConfig, planBootstrap } from "../src/commands/bootstrap/index.ts";
import { EXIT_CODES } from "../src/exitCodes.ts";
import { run } from "../src/main.ts";
import { APT, BIN, type Localnet, type Run, spawnKofi, startNet } from "./net.ts";

const dir = mkdtempSync(join(tmpdir(), "kofi-bootstrap-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
function configFile(config: unknown): string {
  const f = join(dir, `config-${++files}.json`);
  writeFileSync(f, typeof config === "string" ? config : JSON.stringify(config, null, 2));
  return f;
}
const addr = (n: number) => `0x${n.toString(16).padStart(64, "0")}` as const;

/** `kofi …` in-process (the bin's `run`), output captured; a dead node URL proves no request was made. */
async function runInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(["--node-url", "http://127.0.0.1:9/v1", ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { KOFI_PRIVATE_KEY: Account.generate().privateKey.toString() },
  });
  return { code, stdout, stderr };
}

describe("bootstrap file validation (in-process, before any request)", () => {
  const pools = [
    { pool: addr(0xa1), cap: "1000 APT", seed: "11 APT", weightBps: 6000 },
    { pool: addr(0xa2), cap: "100000000000", seed: "1100000000", weightBps: 4000 },
  ];
  const cases: [unknown, RegExp][] = [
    ["{ not json", /\(file\): not JSON/],
    [{ fee: 100 }, /\(top level\): unknown key "fee" \(known: network, feeBps/],
    [{ feeBps: 5000 }, /feeBps: The fee \(bps\) must be between 0 and 2000, got 5000/],
    [{ feeBps: 1.5 }, /feeBps: basis points are a whole number, got 1.5/],
    [{ minDeposit: 0.5 }, /minDeposit: an amount is a string of octas .* got 0.5/],
    [{ minDeposit: "0.5" }, /minDeposit: "0.5" is neither octas \(digits only\) nor "<decimal> APT"/],
    [{ minWithdrawal: "1 APT" }, /minWithdrawal: "1 APT": this amount is in kAPT, got unit "APT"/],
    [{ minDeposit: "1e3 APT" }, /minDeposit: Invalid amount "1e3": exponent notation/],
    [{ minDeposit: "0 APT" }, /minDeposit: The minimum deposit \(octas\) must be between 1000 and/],
    [
      { maxCommissionBps: 10001 },
      /maxCommissionBps: The maximum commission \(bps\) must be between 0 and 10000/,
    ],
    [{ treasury: "0xzz" }, /treasury: .*0xzz/],
    [{ vaultSeed: "0.5 APT" }, /vaultSeed: The vault seed \(octas\) must be between 100000000/],
    [{ network: "moon" }, /network: expected one of mainnet, testnet, devnet, local, custom/],
    [{ pools: [] }, /pools: expected a non-empty array/],
    [
      { pools: [{ ...pools[0], weightBps: 9000 }, pools[1]] },
      /pools: the enabled pools' weightBps sum to 13000; they must sum to 10000/,
    ],
    [{ pools: [pools[0], { ...pools[1], pool: addr(0xa1) }] }, /pools\[1\]\.pool: 0x0+a1 is listed twice/],
    [
      { pools: [{ ...pools[0], seed: "10 APT" }, pools[1]] },
      /pools\[0\]\.seed: The pool seed \(octas\) must be between 1100000000/,
    ],
    [{ pools: [{ ...pools[0], weight: 1 }, pools[1]] }, /pools\[0\]: unknown key "weight"/],
    [
      { pools: [{ pool: addr(0xa1), cap: "1 APT" }, pools[1]] },
      /pools\[0\]: "weightBps" is required for an enabled pool/,
    ],
    [
      { pools: [{ ...pools[0], enabled: false }, pools[1]] },
      /pools\[0\]\.weightBps: a disabled pool has weight 0/,
    ],
    [{ pools: [{ ...pools[0], cap: "-1 APT" }, pools[1]] }, /pools\[0\]\.cap: Invalid amount "-1": negative/],
  ];

  it("each bad file: `invalid_config` (exit 20), one line naming the file and the field, no request", async () => {
    for (const [config, message] of cases) {
      const f = configFile(config);
      const r = await runInProcess(["admin", "bootstrap", "--config", f]);
      const label = JSON.stringify(config);
      expect(r.code, `${label}: ${r.stderr}`).toBe(EXIT_CODES.invalid_config);
      expect(r.stderr.trimEnd().split("\n"), label).toHaveLength(1);
      expect(r.stderr, label).toContain(`kofi: ${f}: `);
      expect(r.stderr, label).toMatch(message);
    }
    const missing = await runInProcess(["admin", "bootstrap", "--config", join(dir, "nope.json")]);
    expect(missing.code).toBe(EXIT_CODES.invalid_config);
    expect(missing.stderr).toMatch(/nope\.json: cannot read it \(ENOENT\)/);
    const noFlag = await runInProcess(["admin", "bootstrap"]);
    expect(noFlag.code).toBe(EXIT_CODES.usage);
    expect(noFlag.stderr).toMatch(/admin bootstrap needs --config <file>/);
    const other = await runInProcess([
      "--network",
      "local",
      "admin",
      "bootstrap",
      "--config",
      configFile({ network: "testnet" }),
    ]);
    expect(other.code).toBe(EXIT_CODES.invalid_config);
    expect(other.stderr).toMatch(/network: the file is for testnet, the CLI is on local/);
  });

  it("amounts: octas strings and '<decimal> <token>' strings parse to the same bigint", () => {
    const c = parseBootstrapConfig(
      JSON.stringify({
        minDeposit: "12.5 APT",
        minWithdrawal: "1250000000",
        vaultSeed: "1 APT",
        feeBps: "700",
      }),
      "f.json",
    );
    expect(c.minDeposit).toBe(1_250_000_000n);
    expect(c.minWithdrawal).toBe(1_250_000_000n);
    expect(c.vaultSeed).toBe(APT);
    expect(c.feeBps).toBe(700n);
  });
});

describe("planBootstrap (pure: file + chain snapshot -> steps)", () => {
  const v = (pool: string, weightBps: bigint, enabled = true, cap = 1_000n * APT) =>
    ({ pool, weightBps, enabled, cap }) as unknown as ProtocolState["validators"][number];
  const chain: ChainSnapshot = {
    feeBps: 1000n,
    treasury: addr(0x7),
    minDeposit: APT / 10n,
    minWithdrawal: APT / 10n,
    maxCommissionBps: 10_000n,
    validators: [v(addr(0xa1), 6000n), v(addr(0xa2), 4000n), v(addr(0xa3), 0n, false)],
    vaultSeeded: false,
  };
  const plan = (config: unknown, c: ChainSnapshot = chain) =>
    planBootstrap(parseBootstrapConfig(JSON.stringify(config), "f.json"), c, "f.json");

  it("only what differs, in order: setters, adds, caps, disables, weights (unlisted enabled pools to 0), vault seed", () => {
    const steps = plan({
      feeBps: 1000,
      treasury: addr(0x8),
      minDeposit: "0.1 APT",
      maxCommissionBps: 1000,
      pools: [
        { pool: addr(0xa1), cap: "2000 APT", weightBps: 5000 },
        { pool: addr(0xb1), cap: "10 APT", seed: "11 APT", weightBps: 5000 },
      ],
      vaultSeed: "1 APT",
    });
    expect(steps.map((s) => s.kind)).toEqual([
      "set_treasury",
      "set_max_commission_bps",
      "add_pool",
      "set_pool_cap",
      "set_weights",
      "seed_vault",
    ]);
    expect(steps[2]?.action.call.arguments).toEqual([addr(0xb1), 10n * APT, 11n * APT]);
    expect(steps[4]?.action.call.arguments).toEqual([
      [addr(0xa1), addr(0xb1), addr(0xa2)],
      [5000n, 5000n, 0n],
    ]);
    expect(steps[5]?.action.call.arguments).toEqual([APT]);
  });

  it("nothing when the chain matches; a seeded vault is not seeded again", () => {
    expect(
      plan(
        {
          feeBps: 1000,
          pools: [
            { pool: addr(0xa1), cap: "1000 APT", seed: "11 APT", weightBps: 6000 },
            { pool: addr(0xa2), weightBps: 4000 },
          ],
          vaultSeed: "5 APT",
        },
        { ...chain, vaultSeeded: true },
      ),
    ).toEqual([]);
  });

  it("disable: disable_pool then the weights; what no call can do is invalid_config", () => {
    const steps = plan({
      pools: [
        { pool: addr(0xa1), weightBps: 10000 },
        { pool: addr(0xa2), enabled: false },
      ],
    });
    expect(steps.map((s) => [s.kind, s.action.call.arguments])).toEqual([
      ["disable_pool", [addr(0xa2)]],
      ["set_weights", [[addr(0xa1)], [10000n]]],
    ]);
    const bad = (config: unknown, message: RegExp) => {
      let err: unknown;
      try {
        plan(config);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(KofiError);
      expect((err as KofiError).code).toBe("invalid_config");
      expect((err as KofiError).message).toMatch(message);
    };
    bad(
      { pools: [{ pool: addr(0xa3), weightBps: 10000 }] },
      /disabled on chain and Kofi has no entry to enable it/,
    );
    bad(
      { pools: [{ pool: addr(0xb1), cap: "1 APT", weightBps: 10000 }] },
      /pools\[0\]\.seed: .*add_pool needs a seed/,
    );
    bad(
      { pools: [{ pool: addr(0xb1), seed: "11 APT", weightBps: 10000 }] },
      /pools\[0\]\.cap: .*add_pool needs a cap/,
    );
  });
});

describe("kofi admin bootstrap (spawned, localnet)", () => {
  let net: Localnet;
  let client: KofiClient;
  const kofi = (args: string[], input?: string): Promise<Run> =>
    spawnKofi(
      ["--node-url", net.nodeUrl, "--kofi-address", net.kofiAddress, "admin", "bootstrap", ...args],
      { KOFI_PRIVATE_KEY: net.accounts.admin.privateKey },
      input,
    );
  const state = () => getProtocolState(client);
  const adminApt = async () => (await getPosition(client, net.accounts.admin.address)).aptBalance;
  const newPool = (i: number) =>
    net.chain.createValidator(
      addr(0xb0b0 + i),
      700n,
      1_000_000n * APT,
      new TextEncoder().encode(`boot-${i}`),
    );
  const kinds = (r: Run) => (r.json.steps as { kind: string }[]).map((s) => s.kind);
  const weightsOf = (s: ProtocolState) => Object.fromEntries(s.validators.map((v) => [v.pool, v.weightBps]));

  beforeAll(async () => {
    // blocks every 150 ms: a submitted step stays pending briefly, so killing a run between steps is a real race
    net = await startNet({ blockTimeMs: 150 });
    client = createKofiClient({
      network: "local",
      nodeUrl: net.nodeUrl,
      addresses: { kofi: net.kofiAddress },
    });
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("full bootstrap: dry run plans it and changes nothing; declined signs nothing; --yes does it; a re-run does nothing", async () => {
    const [g0, g1, g2] = net.validators as [string, string, string];
    const [n1, n2] = [newPool(1), newPool(2)];
    const treasury = Account.generate().accountAddress.toStringLong();
    const before = await state();
    const adminApt0 = await adminApt();
    const file = configFile({
      network: "local",
      feeBps: 1500,
      treasury,
      minDeposit: "0.5 APT",
      minWithdrawal: "20000000",
      maxCommissionBps: 1200,
      pools: [
        { pool: g0, cap: "2000000 APT", weightBps: 3000 },
        { pool: g1, weightBps: 2000 },
        { pool: g2, weightBps: 1000 },
        { pool: n1, cap: "500000 APT", seed: "12 APT", weightBps: 2500 },
        { pool: n2, cap: "100000000000000", seed: "11 APT", weightBps: 1500 },
      ],
      vaultSeed: "1 APT",
    });
    const all = [
      "set_fee_bps",
      "set_treasury",
      "set_min_deposit",
      "set_min_withdrawal",
      "set_max_commission_bps",
      "add_pool",
      "add_pool",
      "set_pool_cap",
      "set_weights",
    ];
    const [dry, human, declined] = await Promise.all([
      kofi(["--config", file, "--dry-run", "--json"]),
      kofi(["--config", file, "--dry-run"]),
      kofi(["--config", file], "n\n"),
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.json).toMatchObject({ ok: true, dryRun: true, sender: net.accounts.admin.address });
    expect(kinds(dry)).toEqual(all); // the vault is seeded at genesis: no seed_vault
    expect((dry.json.steps as { function: string }[])[5]).toMatchObject({
      function: `${net.kofiAddress}::staking_manager::add_pool`,
      arguments: [n1, String(500_000n * APT), String(12n * APT)],
    });
    expect(human.stdout).toMatch(/^bootstrap .*: 9 step\(s\)/);
    expect(human.stdout).toMatch(
      / 1\. fee 1000 -> 1500 bps\n +0x[0-9a-f]{64}::config::set_fee_bps \["1500"\]/,
    );
    expect(human.stdout).toMatch(/dry run: nothing signed/);
    expect(declined.code, declined.stderr).toBe(EXIT_CODES.user_rejected);
    expect(declined.stderr).toMatch(/Sign and submit these 9 transactions\? \[y\/N\]/);
    expect(await state()).toMatchObject({
      feeBps: before.feeBps,
      validators: before.validators.map((v) => ({ pool: v.pool })),
    });

    const r = await kofi(["--config", file, "--yes", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect((r.json.done as { kind: string; hash: string }[]).map((d) => d.kind)).toEqual(all);
    expect(r.stderr).toMatch(/\[step 9\/9\] weights/);
    const s = await state();
    expect(s).toMatchObject({
      feeBps: 1500n,
      treasury,
      minDeposit: 50_000_000n,
      minWithdrawal: 20_000_000n,
      maxCommissionBps: 1200n,
    });
    expect(weightsOf(s)).toEqual({ [g0]: 3000n, [g1]: 2000n, [g2]: 1000n, [n1]: 2500n, [n2]: 1500n });
    expect(Object.fromEntries(s.validators.map((v) => [v.pool, v.cap]))).toEqual({
      [g0]: 2_000_000n * APT,
      [g1]: before.validators[1]?.cap,
      [g2]: before.validators[2]?.cap,
      [n1]: 500_000n * APT,
      [n2]: 1_000_000n * APT,
    });
    // the two seeds (12 + 11 APT) left the admin's account, plus gas
    const spent = adminApt0 - (await adminApt());
    expect(spent).toBeGreaterThanOrEqual(23n * APT);
    expect(spent).toBeLessThan(24n * APT);
    expect((await getVaultState(client)).deadShares).toBeGreaterThan(0n);

    const again = await kofi(["--config", file, "--yes", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json).toMatchObject({ ok: true, steps: [], done: [] });
    expect(again.stderr).not.toMatch(/\[submitted\]/);
    expect(await adminApt()).toBe(adminApt0 - spent); // nothing signed
  }, 120_000);

  it("a run killed after its first confirmed step: the next plan is what remains, and running again completes it", async () => {
    const pools = (await state()).validators.map((v) => v.pool);
    const [g0, g1, g2, n1, n2] = pools as [string, string, string, string, string];
    const n3 = newPool(3);
    const file = configFile({
      feeBps: 900,
      minDeposit: "1 APT",
      pools: [
        { pool: g0, weightBps: 4000 },
        { pool: g1, weightBps: 2000 },
        { pool: g2, cap: "3000000 APT", weightBps: 1000 },
        { pool: n1, weightBps: 1000 },
        { pool: n2, enabled: false },
        { pool: n3, cap: "700000 APT", seed: "11 APT", weightBps: 2000 },
      ],
    });
    const all = ["set_fee_bps", "set_min_deposit", "add_pool", "set_pool_cap", "disable_pool", "set_weights"];
    expect(kinds(await kofi(["--config", file, "--dry-run", "--json"]))).toEqual(all);

    // a real interruption: the bin is SIGKILLed as soon as it reports its first confirmed transaction
    const killed = await new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          BIN,
          "--node-url",
          net.nodeUrl,
          "--kofi-address",
          net.kofiAddress,
          "admin",
          "bootstrap",
          "--config",
          file,
          "--yes",
        ],
        {
          env: { ...process.env, KOFI_PRIVATE_KEY: net.accounts.admin.privateKey },
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += d;
        if (stderr.includes("[confirmed]")) child.kill("SIGKILL");
      });
      child.on("error", reject);
      child.on("close", (_code, signal) => resolve({ signal, stderr }));
    });
    expect(killed.signal, killed.stderr).toBe("SIGKILL");
    expect(killed.stderr).not.toMatch(/\[step 6\/6\]/);
    await net.advance({}); // whatever the killed run had submitted lands now
    expect((await state()).feeBps).toBe(900n); // step 1 happened

    const rest = await kofi(["--config", file, "--dry-run", "--json"]);
    expect(rest.code, rest.stderr).toBe(0);
    const remaining = kinds(rest);
    expect(remaining.length).toBeGreaterThan(0);
    expect(remaining.length).toBeLessThan(all.length);
    expect(remaining).toEqual(all.slice(all.length - remaining.length)); // exactly the tail of the plan

    const resumed = await kofi(["--config", file, "--yes", "--json"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((resumed.json.done as { kind: string }[]).map((d) => d.kind)).toEqual(remaining);
    const s = await state();
    expect(s).toMatchObject({ feeBps: 900n, minDeposit: APT });
    expect(weightsOf(s)).toEqual({
      [g0]: 4000n,
      [g1]: 2000n,
      [g2]: 1000n,
      [n1]: 1000n,
      [n2]: 0n,
      [n3]: 2000n,
    });
    expect(s.validators.find((v) => v.pool === n2)?.enabled).toBe(false);
    expect(s.validators.find((v) => v.pool === g2)?.cap).toBe(3_000_000n * APT);
    const done = await kofi(["--config", file, "--dry-run", "--json"]);
    expect(done.json).toMatchObject({ ok: true, steps: [] });
  }, 120_000);
});
