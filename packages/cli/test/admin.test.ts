// `kofi admin`, `kofi transfer`, `kofi exit`, `kofi addresses` and the bad-input paths, spawned as a user runs
// them, against a real localnet over HTTP with real signed transactions.
import { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_CODES } from "../src/exitCodes.ts";
import { APT, type Localnet, type Run, spawnKofi, startNet } from "./net.ts";

describe("kofi admin / transfer / exit / input errors (spawned, localnet)", () => {
  let net: Localnet;
  let userKey: string;
  let user: string;
  const kofi = (args: string[], key: string, input?: string): Promise<Run> =>
    spawnKofi(
      ["--node-url", net.nodeUrl, "--kofi-address", net.kofiAddress, ...args],
      { KOFI_PRIVATE_KEY: key },
      input,
    );
  const admin = (args: string[], input?: string) =>
    kofi(["admin", ...args], net.accounts.admin.privateKey, input);
  const fee = async () => BigInt((await kofi(["status", "--json"], userKey)).json.feeBps as string);

  beforeAll(async () => {
    net = await startNet();
    const a = Account.generate();
    userKey = a.privateKey.toString();
    user = a.accountAddress.toStringLong();
    await net.fund(user, 100n * APT);
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("dry run: the exact function, arguments and simulation; nothing changes", async () => {
    const before = await fee();
    const r = await admin(["set-fee", "500", "--dry-run", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, dryRun: true, kind: "set_fee_bps", arguments: ["500"] });
    expect(r.json.function).toBe(`${net.kofiAddress}::config::set_fee_bps`);
    expect((r.json.simulation as { success: boolean }).success).toBe(true);
    const human = await admin(["set-fee", "500", "--dry-run"]);
    expect(human.stdout).toMatch(/function\s+0x[0-9a-f]{64}::config::set_fee_bps/);
    expect(human.stdout).toMatch(/simulation ok, gas \d+/);
    expect(human.stdout).toMatch(/config::FeeChanged/);
    expect(await fee()).toBe(before);
  });

  it("the prompt: declined signs nothing (exit 10); y signs; --yes skips it", async () => {
    const before = await fee();
    const no = await admin(["set-fee", "600"], "n\n");
    expect(no.code, no.stderr).toBe(EXIT_CODES.user_rejected);
    expect(no.stderr).toMatch(/Sign and submit .*set_fee_bps\? \[y\/N\]/);
    expect(await fee()).toBe(before);
    const yes = await admin(["set-fee", "600"], "y\n");
    expect(yes.code, yes.stderr).toBe(0);
    expect(await fee()).toBe(600n);
    const direct = await admin(["set-fee", "700", "--yes", "--json"]);
    expect(direct.code, direct.stderr).toBe(0);
    expect(direct.json).toMatchObject({ ok: true, kind: "set_fee_bps" });
    expect(direct.stderr).toMatch(/\[confirmed\] 0x[0-9a-f]{64} \(gas \d+, \d+\.\d s after submission\)/);
    expect(await fee()).toBe(700n);
  });

  it("a non-admin is refused with not_admin (exit 24), in a dry run too, and nothing changes", async () => {
    const before = await fee();
    const r = await kofi(["admin", "set-fee", "100", "--yes", "--json"], userKey);
    expect(r.code, r.stderr).toBe(EXIT_CODES.not_admin);
    expect(r.json).toMatchObject({ ok: false, error: { code: "not_admin", abort: { name: "E_NOT_ADMIN" } } });
    expect(r.stderr).not.toMatch(/\[submitted\]/);
    const dry = await kofi(["admin", "pause", "deposit", "--dry-run", "--json"], userKey);
    expect(dry.code).toBe(EXIT_CODES.not_admin);
    expect(dry.json).toMatchObject({ ok: false, dryRun: true });
    expect(await fee()).toBe(before);
  });

  it("each admin action from the command line", async () => {
    const status = async () => (await kofi(["status", "--json"], userKey)).json;
    const pools = ((await status()).validators as { pool: string }[]).map((v) => v.pool);
    const steps: [string[], (s: Record<string, unknown>) => void][] = [
      [["pause", "deposit"], (s) => expect((s.paused as { deposit: boolean }).deposit).toBe(true)],
      [["unpause", "deposit"], (s) => expect((s.paused as { deposit: boolean }).deposit).toBe(false)],
      [["set-treasury", user], (s) => expect(s.treasury).toBe(user)],
      [["set-min-deposit", "0.5"], (s) => expect(s.minDeposit).toBe("50000000")],
      [["set-min-withdrawal", "0.2"], (s) => expect(s.minWithdrawal).toBe("20000000")],
      [
        ["set-pool-cap", pools[1] as string, "900000"],
        (s) => expect((s.validators as { cap: string }[])[1]?.cap).toBe("90000000000000"),
      ],
      [
        ["set-weights", `${pools[0]}=5000`, `${pools[1]}=2500`, `${pools[2]}=2500`],
        (s) =>
          expect((s.validators as { weightBps: string }[]).map((v) => v.weightBps)).toEqual([
            "5000",
            "2500",
            "2500",
          ]),
      ],
      [["sync-rewards"], () => {}],
      [["rebalance"], () => {}],
    ];
    for (const [args, check] of steps) {
      const r = await admin([...args, "--yes", "--json"]);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      check(await status());
    }
    const seeded = await admin(["seed-vault", "1", "--yes", "--json"]);
    expect(seeded.code).toBe(EXIT_CODES.move_abort);
    expect(seeded.json).toMatchObject({ error: { abort: { name: "E_ALREADY_SEEDED" } } });
  }, 120_000);

  it("bad input: one line, its exit code, no request (dead node URL would give `network`)", async () => {
    const dead = (args: string[]) =>
      spawnKofi(["--node-url", "http://127.0.0.1:9/v1", "--kofi-address", net.kofiAddress, ...args], {
        KOFI_PRIVATE_KEY: userKey,
      });
    const cases: [string[], number, RegExp][] = [
      [["deposit", "0"], EXIT_CODES.invalid_amount, /must be above 0/],
      [["deposit", "-5"], EXIT_CODES.invalid_amount, /negative/],
      [["stake", "1e3"], EXIT_CODES.invalid_amount, /.+/],
      [["balance", "0xabc"], EXIT_CODES.invalid_address, /Invalid address "0xabc"/],
      [["transfer", "kAPT", "1", "0xzz"], EXIT_CODES.invalid_address, /recipient/],
      [
        ["claim", ...Array.from({ length: 21 }, (_, i) => `0x${String(i + 1).padStart(64, "0")}`)],
        EXIT_CODES.invalid_argument,
        /at most 20/,
      ],
      [["admin", "set-fee", "5000"], EXIT_CODES.invalid_argument, /between 0 and 2000/],
      [["admin", "pause", "everything"], EXIT_CODES.invalid_argument, /Unknown pausable action/],
      [["admin", "add-pool", "0x1"], EXIT_CODES.usage, /--cap/],
      [["stake", "1", "--slippage-bps", "0.5"], EXIT_CODES.usage, /whole number/],
    ];
    for (const [args, code, message] of cases) {
      const r = await dead(args);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(code);
      expect(r.stderr.trimEnd().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  }, 90_000);

  it("claim prints its chain error once", async () => {
    const r = await kofi(["claim", `0x${"ab".repeat(32)}`], userKey);
    expect(r.code).not.toBe(0);
    const lines = r.stderr
      .trimEnd()
      .split("\n")
      .filter((l) => l.startsWith("kofi:") || l.startsWith("[failed]"));
    expect(lines).toHaveLength(1);
  });

  it("status shows the APR; addresses; transfer kAPT; exit lists the ticket and the DEX venues", async () => {
    const s = await kofi(["status"], userKey);
    expect(s.stdout).toMatch(/APR\s+\d+\.\d{4} %/);
    const a = await kofi(["addresses", "--json"], userKey);
    expect(a.code, a.stderr).toBe(0);
    expect(a.json.kaptMetadata).toMatch(/^0x[0-9a-f]{64}$/);
    expect(a.json.vaultStore).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await kofi(["deposit", "10", "--json"], userKey)).code).toBe(0);
    const to = Account.generate().accountAddress.toStringLong();
    const t = await kofi(["transfer", "kAPT", "2", to, "--json"], userKey);
    expect(t.code, t.stderr).toBe(0);
    const b = await kofi(["balance", to, "--json"], userKey);
    expect(b.json.kaptBalance).toBe(String(2n * APT));
    const x = await kofi(["exit", "1", "--json"], userKey);
    expect(x.code, x.stderr).toBe(0);
    expect(x.json.standard).toBeTruthy();
    expect((x.json.venues as unknown[]).length).toBeGreaterThan(0);
    const best = await kofi(["exit", "1", "--best", "--json"], userKey);
    expect(best.code, best.stderr).toBe(0);
    expect(String(best.json.kind)).toMatch(/^exit:/);
  }, 90_000);
});
