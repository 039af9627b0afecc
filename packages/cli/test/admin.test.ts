// `kofi admin`, `kofi transfer`, `kofi exit`, `kofi addresses` and the bad-input paths, spawned as a user runs
// them, against a real localnet over HTTP with real signed transactions. Chain state between commands is read
// in-process through the SDK's views (`kofi status` itself is spawned in the last test). Three groups run at the
// same time, each in order on its own localnet (admin key; each admin action, in two halves; user key); bad input runs
// through the bin's `run` in-process, and once through the spawned bin. Every admin action's step asserts its
// on-chain effect (or, for a refused one, that nothing changed) through the views.
import { Account } from "@aptos-labs/ts-sdk";
import { createKofiClient, getKofiAddresses, getProtocolState, type KofiClient } from "@kofi/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_CODES } from "../src/exitCodes.ts";
import { run } from "../src/main.ts";
import { APT, type Localnet, type Run, spawnKofi, startNet } from "./net.ts";

/** A localnet, a funded user, and `kofi` spawned against it. */
function setup() {
  const t = {} as {
    net: Localnet;
    client: KofiClient;
    userKey: string;
    user: string;
  };
  beforeAll(async () => {
    t.net = await startNet();
    t.client = createKofiClient({
      network: "local",
      nodeUrl: t.net.nodeUrl,
      addresses: { kofi: t.net.kofiAddress },
    });
    const a = Account.generate();
    t.userKey = a.privateKey.toString();
    t.user = a.accountAddress.toStringLong();
    await t.net.fund(t.user, 100n * APT);
  }, 60_000);
  afterAll(async () => {
    await t.net?.stop();
  });
  const kofi = (args: string[], key: string, input?: string): Promise<Run> =>
    spawnKofi(
      ["--node-url", t.net.nodeUrl, "--kofi-address", t.net.kofiAddress, ...args],
      { KOFI_PRIVATE_KEY: key },
      input,
    );
  return { t, kofi };
}

describe("kofi admin / transfer / exit / input errors (spawned, localnet)", () => {
  describe("admin key", { concurrent: true }, () => {
    describe("in order", { sequential: true }, () => {
      const { t, kofi } = setup();
      const admin = (args: string[], input?: string) =>
        kofi(["admin", ...args], t.net.accounts.admin.privateKey, input);
      const fee = async () => (await getProtocolState(t.client)).feeBps;

      it("dry run: the exact function, arguments and simulation; nothing changes", async () => {
        const before = await fee();
        const [r, human] = await Promise.all([
          admin(["set-fee", "500", "--dry-run", "--json"]),
          admin(["set-fee", "500", "--dry-run"]),
        ]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.json).toMatchObject({ ok: true, dryRun: true, kind: "set_fee_bps", arguments: ["500"] });
        expect(r.json.function).toBe(`${t.net.kofiAddress}::config::set_fee_bps`);
        expect((r.json.simulation as { success: boolean }).success).toBe(true);
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
        const [r, dry] = await Promise.all([
          kofi(["admin", "set-fee", "100", "--yes", "--json"], t.userKey),
          kofi(["admin", "pause", "deposit", "--dry-run", "--json"], t.userKey),
        ]);
        expect(r.code, r.stderr).toBe(EXIT_CODES.not_admin);
        expect(r.json).toMatchObject({
          ok: false,
          error: { code: "not_admin", abort: { name: "E_NOT_ADMIN" } },
        });
        expect(r.stderr).not.toMatch(/\[submitted\]/);
        expect(dry.code).toBe(EXIT_CODES.not_admin);
        expect(dry.json).toMatchObject({ ok: false, dryRun: true });
        expect(await fee()).toBe(before);
      });
    });
  });

  type State = Awaited<ReturnType<typeof getProtocolState>>;
  interface Step {
    args: string[];
    /** The on-chain effect, read through the SDK's views after the transaction. */
    check: (s: State, before: State, r: Run) => void;
    /** Who signs (default the admin). */
    key?: "user";
    /** What the chain must look like first (localnet staging), before the state `check` compares against. */
    before?: () => Promise<void>;
    /** A refused step: its exit code and the error `--json` reports (default: exit 0). */
    refused?: [number, Record<string, unknown>];
  }
  interface Ctx {
    t: { net: Localnet; client: KofiClient; user: string; userKey: string };
    pools: string[];
  }
  const eventTypes = (r: Run) => ((r.json.events ?? []) as { type: string }[]).map((e) => e.type);
  // each admin action from the command line, in two halves on two localnets (one admin account signs in order)
  const halves: [string, (c: Ctx) => Step[], boolean][] = [
    [
      "pauses, treasury, limits, max commission, two-step admin transfer",
      ({ t }) => [
        { args: ["pause", "deposit"], check: (s) => expect(s.paused.deposit).toBe(true) },
        { args: ["unpause", "deposit"], check: (s) => expect(s.paused.deposit).toBe(false) },
        { args: ["set-treasury", t.user], check: (s) => expect(s.treasury).toBe(t.user) },
        { args: ["set-min-deposit", "0.5"], check: (s) => expect(s.minDeposit).toBe(50_000_000n) },
        { args: ["set-min-withdrawal", "0.2"], check: (s) => expect(s.minWithdrawal).toBe(20_000_000n) },
        {
          args: ["set-max-commission", "1200"],
          check: (s, before) => {
            expect(before.maxCommissionBps).toBe(10_000n);
            expect(s.maxCommissionBps).toBe(1200n);
          },
        },
        {
          // out of the contract's bounds: a typed error before any request, and the value stays
          args: ["set-max-commission", "10001"],
          refused: [EXIT_CODES.invalid_argument, { error: { code: "invalid_argument" } }],
          check: (s) => expect(s.maxCommissionBps).toBe(1200n),
        },
        {
          // step one: the admin stays until the pending admin accepts
          args: ["transfer-admin", t.user],
          check: (s, before, r) => {
            expect(s.admin).toBe(before.admin);
            expect(eventTypes(r)).toContain("config::AdminTransferStarted");
          },
        },
        {
          // someone else than the pending admin cannot accept
          args: ["accept-admin"],
          refused: [EXIT_CODES.not_admin, { error: { abort: { name: "E_NOT_PENDING_ADMIN" } } }],
          check: (s, before) => expect(s.admin).toBe(before.admin),
        },
        {
          args: ["accept-admin"],
          key: "user",
          check: (s, before) => {
            expect(before.admin).toBe(t.net.accounts.admin.address);
            expect(s.admin).toBe(t.user);
          },
        },
        {
          // the old admin's key has no authority any more
          args: ["set-fee", "100"],
          refused: [EXIT_CODES.not_admin, { error: { code: "not_admin" } }],
          check: (s, before) => expect(s.feeBps).toBe(before.feeBps),
        },
      ],
      false,
    ],
    [
      "pools, keeper entries, vault seed",
      ({ t, pools }) => {
        const added = t.net.chain.createValidator(
          `0x${"a0".repeat(32)}`,
          700n,
          1_000_000n * APT,
          new TextEncoder().encode("admin-test"),
        );
        const find = (s: State) => s.validators.find((v) => v.pool === added);
        return [
          {
            args: ["set-pool-cap", pools[1] as string, "900000"],
            check: (s) => expect(s.validators[1]?.cap).toBe(90_000_000_000_000n),
          },
          {
            args: ["add-pool", added, "--cap", "500000", "--seed", "11"],
            check: (s, before) => {
              expect(find(before)).toBeUndefined();
              expect(find(s)).toMatchObject({ enabled: true, weightBps: 0n, cap: 500_000n * APT });
              // the seed, less the framework's add-stake fee, is the protocol's active stake there
              expect(find(s)?.active).toBeGreaterThan(10n * APT);
              expect(find(s)?.active).toBeLessThanOrEqual(11n * APT);
            },
          },
          {
            args: [
              "set-weights",
              `${pools[0]}=5000`,
              `${pools[1]}=2500`,
              `${pools[2]}=1500`,
              `${added}=1000`,
            ],
            check: (s) => {
              expect(s.validators.map((v) => v.weightBps)).toEqual([5000n, 2500n, 1500n, 1000n]);
              expect(find(s)?.depositRoom).toBeGreaterThan(0n);
            },
          },
          {
            args: ["disable-pool", added],
            check: (s, before, r) => {
              // no weight and no deposits; its stake stays until withdrawals unlock it
              expect(find(s)).toMatchObject({ enabled: false, weightBps: 0n, depositRoom: 0n });
              expect(find(s)?.active).toBe(find(before)?.active);
              expect(s.validators.map((v) => v.weightBps)).toEqual([5000n, 2500n, 1500n, 0n]);
              expect(eventTypes(r)).toContain("staking_manager::PoolDisabled");
            },
          },
          {
            args: ["set-weights", `${pools[0]}=5000`, `${pools[1]}=2500`, `${pools[2]}=2500`, `${added}=0`],
            check: (s) => expect(s.validators.map((v) => v.weightBps)).toEqual([5000n, 2500n, 2500n, 0n]),
          },
          {
            args: ["withdraw-inactive-stake", added],
            // the pool's owner evicts the protocol; past the lockup the evicted stake is inactive, unswept
            before: async () => {
              const { protocolAccount } = await getKofiAddresses(t.client);
              await t.net.validator(added).evictNow(protocolAccount);
              const s = await getProtocolState(t.client);
              await t.net.advance({ seconds: (find(s)?.lockupEndsAt ?? 0n) - s.nowSecs + 1n });
              await t.net.advance({ epochs: 1 });
              expect(find(await getProtocolState(t.client))?.inactive).toBeGreaterThan(10n * APT);
            },
            check: (s, before) => {
              const inactive = find(before)?.inactive ?? 0n;
              expect(find(s)?.inactive).toBe(0n);
              expect(s.idleApt - before.idleApt).toBe(inactive);
            },
          },
          { args: ["sync-rewards"], check: () => {} },
          { args: ["rebalance"], check: () => {} },
        ];
      },
      true,
    ],
  ];
  for (const [label, stepsOf, seedVault] of halves) {
    describe(`admin key, each action: ${label}`, { concurrent: true }, () => {
      describe("in order", { sequential: true }, () => {
        const { t, kofi } = setup();

        it(`each admin action from the command line: ${label}`, async () => {
          const status = () => getProtocolState(t.client);
          const pools = (await status()).validators.map((v) => v.pool);
          for (const step of stepsOf({ t, pools })) {
            await step.before?.();
            const before = await status();
            const key = step.key === "user" ? t.userKey : t.net.accounts.admin.privateKey;
            const r = await kofi(["admin", ...step.args, "--yes", "--json"], key);
            const what = `${step.args.join(" ")}: ${r.stderr}`;
            expect(r.code, what).toBe(step.refused?.[0] ?? 0);
            if (step.refused) {
              expect(r.json, what).toMatchObject({ ok: false, ...step.refused[1] });
              expect(r.stderr, what).not.toMatch(/\[submitted\]/);
            }
            step.check(await status(), before, r);
          }
          if (seedVault) {
            const seeded = await kofi(
              ["admin", "seed-vault", "1", "--yes", "--json"],
              t.net.accounts.admin.privateKey,
            );
            expect(seeded.code).toBe(EXIT_CODES.move_abort);
            expect(seeded.json).toMatchObject({ error: { abort: { name: "E_ALREADY_SEEDED" } } });
          }
        }, 120_000);
      });
    });
  }

  describe("user key", { concurrent: true }, () => {
    describe("in order", { sequential: true }, () => {
      const { t, kofi } = setup();
      const userKey = () => t.userKey;

      it("bad input: one line, its exit code, no request (dead node URL would give `network`)", async () => {
        const deadArgs = (args: string[]) => [
          "--node-url",
          "http://127.0.0.1:9/v1",
          "--kofi-address",
          t.net.kofiAddress,
          ...args,
        ];
        // the bin path once (spawned), then every case through the bin's own `run` in-process
        const spawned = await spawnKofi(deadArgs(["deposit", "0"]), { KOFI_PRIVATE_KEY: userKey() });
        expect(spawned.code, spawned.stderr).toBe(EXIT_CODES.invalid_amount);
        expect(spawned.stderr.trimEnd().split("\n")).toHaveLength(1);
        expect(spawned.stderr).toMatch(/must be above 0/);
        const dead = async (args: string[]) => {
          let stderr = "";
          const code = await run(deadArgs(args), {
            stdout: () => {},
            stderr: (text) => {
              stderr += text;
            },
            env: { KOFI_PRIVATE_KEY: userKey() },
          });
          return { code, stderr };
        };
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
          [
            ["admin", "set-max-commission", "10001"],
            EXIT_CODES.invalid_argument,
            /maximum commission \(bps\) must be between 0 and 10000/,
          ],
          [["admin", "set-max-commission", "12.5"], EXIT_CODES.usage, /whole number/],
          [["admin", "withdraw-inactive-stake", "0xzz"], EXIT_CODES.invalid_address, /pool/],
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
        const r = await kofi(["claim", `0x${"ab".repeat(32)}`], userKey());
        expect(r.code).not.toBe(0);
        const lines = r.stderr
          .trimEnd()
          .split("\n")
          .filter((l) => l.startsWith("kofi:") || l.startsWith("[failed]"));
        expect(lines).toHaveLength(1);
      });

      it("status shows the APR; addresses; transfer kAPT; exit lists the ticket and the DEX venues", async () => {
        const key = userKey();
        // read-only commands at once; then the signed ones in order (one account, one sequence number)
        const [s, a, deposited] = await Promise.all([
          kofi(["status"], key),
          kofi(["addresses", "--json"], key),
          kofi(["deposit", "10", "--json"], key),
        ]);
        expect(s.stdout).toMatch(/APR\s+\d+\.\d{4} %/);
        expect(a.code, a.stderr).toBe(0);
        expect(a.json.kaptMetadata).toMatch(/^0x[0-9a-f]{64}$/);
        expect(a.json.vaultStore).toMatch(/^0x[0-9a-f]{64}$/);
        expect(deposited.code, deposited.stderr).toBe(0);
        const to = Account.generate().accountAddress.toStringLong();
        const [tr, x] = await Promise.all([
          kofi(["transfer", "kAPT", "2", to, "--json"], key),
          kofi(["exit", "1", "--json"], key),
        ]);
        expect(tr.code, tr.stderr).toBe(0);
        expect(x.code, x.stderr).toBe(0);
        expect(x.json.standard).toBeTruthy();
        expect((x.json.venues as unknown[]).length).toBeGreaterThan(0);
        const [b, best] = await Promise.all([
          kofi(["balance", to, "--json"], key),
          kofi(["exit", "1", "--best", "--json"], key),
        ]);
        expect(b.json.kaptBalance).toBe(String(2n * APT));
        expect(best.code, best.stderr).toBe(0);
        expect(String(best.json.kind)).toMatch(/^exit:/);
      }, 90_000);
    });
  });
});
