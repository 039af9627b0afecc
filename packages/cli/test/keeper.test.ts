// `kofi keeper` spawned as an operator runs it, against a real localnet that persists its chain (statePath):
// epochs advanced through the Localnet API, a degraded validator staged, the node stopped and restarted on the
// same port from the same file in the middle, and every claim checked on the chain (the keeper's own
// transactions, their functions and events), not on the keeper's word.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Account, Ed25519PrivateKey, type UserTransactionResponse } from "@aptos-labs/ts-sdk";
import {
  createKofiClient,
  execute,
  getKofiAddresses,
  getProtocolState,
  type KofiClient,
  parseKofiEvents,
  syncRewards,
} from "@kofi/core";
import { startLocalnet } from "@kofi/localnet";
import { afterEach, describe, expect, it } from "vitest";
import { EXIT_CODES } from "../src/exitCodes.ts";
import { APT, BIN, type Localnet } from "./net.ts";

type Line = Record<string, unknown>;

/** A running `kofi keeper`: its JSON log lines (stdout), its stderr, and conditions awaited on them. */
class Keeper {
  readonly lines: Line[] = [];
  stderr = "";
  readonly exited: Promise<number>;
  private readonly child: ChildProcessWithoutNullStreams;
  private waiters: (() => void)[] = [];

  constructor(args: string[], env: Record<string, string>) {
    this.child = spawn(process.execPath, [BIN, "keeper", "--json", ...args], {
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let buf = "";
    this.child.stdout.on("data", (d) => {
      buf += d;
      for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
        const text = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (text.trim()) this.lines.push(JSON.parse(text) as Line);
      }
      this.wake();
    });
    this.child.stderr.on("data", (d) => {
      this.stderr += d;
      this.wake();
    });
    this.exited = new Promise((resolve) => this.child.on("close", (code) => resolve(code ?? -1)));
    this.exited.then(() => this.wake());
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves with the first log line (from index `from`) matching `pred`; fails after `ms`. */
  async line(pred: (l: Line) => boolean, what: string, ms = 20_000, from = 0): Promise<Line> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = this.lines.slice(from).find(pred);
      if (hit) return hit;
      if (Date.now() > deadline)
        throw new Error(
          `keeper: no ${what} within ${ms} ms\nstdout:\n${this.lines.map((l) => JSON.stringify(l)).join("\n")}\nstderr:\n${this.stderr}`,
        );
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** A completed pass in `epoch` (from index `from`). */
  pass(epoch: bigint, from = 0) {
    return this.line(
      (l) => l.event === "pass" && l.epoch === epoch.toString(),
      `pass in epoch ${epoch}`,
      20_000,
      from,
    );
  }

  signal(sig: NodeJS.Signals) {
    this.child.kill(sig);
  }
}

/** The keeper accounts' user transactions, by function name, per epoch (from each transaction's timestamp). */
async function keeperTxs(client: KofiClient, senders: string[], epochAt: (secs: bigint) => bigint) {
  const out: { epoch: bigint; fn: string; tx: UserTransactionResponse }[] = [];
  for (const sender of senders) {
    const txs = (await client.aptos.getAccountTransactions({
      accountAddress: sender,
      options: { limit: 100 },
    })) as UserTransactionResponse[];
    for (const tx of txs) {
      const fn = String((tx.payload as { function?: string }).function ?? "").split("::")[2] ?? "";
      out.push({ epoch: epochAt(BigInt(tx.timestamp) / 1_000_000n), fn, tx });
    }
  }
  return out;
}

const count = (txs: { epoch: bigint; fn: string }[], epoch: bigint, fn: string) =>
  txs.filter((t) => t.epoch === epoch && t.fn === fn).length;

describe("kofi keeper (spawned, localnet with a state file)", () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f().catch(() => {});
  });

  /** A localnet persisted to a temporary file, a funded keeper signer, the epoch clock as the test moves it. */
  async function setup() {
    const dir = mkdtempSync(join(tmpdir(), "kofi-keeper-e2e-"));
    const chainPath = join(dir, "chain.json");
    const box: { net: Localnet } = {
      net: await startLocalnet({ port: 0, quiet: true, statePath: chainPath }),
    };
    cleanup.push(() => box.net.stop());
    const client = () =>
      createKofiClient({
        network: "local",
        nodeUrl: box.net.nodeUrl,
        addresses: { kofi: box.net.kofiAddress },
      });
    const signer = async () => {
      const a = Account.generate();
      await box.net.fund(a.accountAddress.toStringLong(), 10n * APT);
      return { key: a.privateKey.toString(), address: a.accountAddress.toStringLong() };
    };
    // epoch start times (manual clock: time moves only when the test advances it)
    const starts: { epoch: bigint; secs: bigint }[] = [
      { epoch: box.net.chain.epoch(), secs: box.net.chain.nowSecs() },
    ];
    const advance = async (o: { epochs?: number; seconds?: number | bigint }) => {
      const r = await box.net.advance(o);
      starts.push({ epoch: r.epoch, secs: r.nowSecs });
      return r.epoch;
    };
    const epochAt = (secs: bigint) => [...starts].reverse().find((s) => s.secs <= secs)?.epoch ?? -1n;
    const keeper = (key: string, statePath: string, extra: string[] = []) => {
      const k = new Keeper(
        [
          "--node-url",
          box.net.nodeUrl,
          "--kofi-address",
          box.net.kofiAddress,
          "--state",
          statePath,
          "--interval",
          "100ms",
          ...extra,
        ],
        { KOFI_PRIVATE_KEY: key },
      );
      cleanup.push(async () => {
        k.signal("SIGKILL");
        await k.exited;
      });
      return k;
    };
    return { dir, chainPath, box, client, signer, advance, epochAt, keeper };
  }

  it("each epoch: syncs, alerts on a degraded pool, survives a node restart without double submission, stops on SIGINT", async () => {
    const t0 = Date.now();
    const s = await setup();
    const me = await s.signer();
    const statePath = join(s.dir, "keeper.json");
    const k = s.keeper(me.key, statePath, ["--max-failed-ratio", "0.25"]);
    const e0 = s.box.net.chain.epoch();
    await k.pass(e0);

    // epoch by epoch: rewards synced once, nothing idle so no rebalance
    const e1 = await s.advance({ epochs: 1 });
    await k.line(
      (l) => l.event === "confirmed" && l.action === "sync_rewards" && l.epoch === e1.toString(),
      "sync e1",
    );
    const e2 = await s.advance({ epochs: 1 });
    await k.line(
      (l) => l.event === "confirmed" && l.action === "sync_rewards" && l.epoch === e2.toString(),
      "sync e2",
    );
    const p2 = await k.pass(e2);
    expect(p2.outcomes).toContainEqual({ action: "rebalance", status: "skipped" });

    // a degraded validator: 3 of 4 proposals failed this epoch; another pool evicts the protocol
    const [poolA, poolB] = s.box.net.validators as [string, string];
    await s.box.net.validator(poolA).recordProposals({ successful: 1n, failed: 3n });
    const failed = await k.line(
      (l) => l.event === "alert" && l.kind === "failed_proposals",
      "failed_proposals alert",
    );
    expect(failed).toMatchObject({
      level: "alert",
      epoch: e2.toString(),
      successful: "1",
      failed: "3",
      failedBps: "7500",
    });
    expect(k.stderr).toMatch(
      /ALERT failed_proposals pool 0x[0-9a-f]{64}: 3 of 4 proposals failed in epoch \d+ \(75\.0 % > 25\.0 %\)/,
    );
    const protocolAddress = (await getKofiAddresses(s.client())).protocolAccount;
    await s.box.net.validator(poolB).evictNow(protocolAddress);
    const evicted = await k.line(
      (l) => l.event === "alert" && l.kind === "not_allowlisted",
      "eviction alert",
    );
    expect(String(evicted.pool)).toBe(normalize(poolB));
    expect(k.stderr).toMatch(
      /ALERT not_allowlisted pool 0x[0-9a-f]{64}: the protocol is not on the pool's allowlist/,
    );

    // the node goes down in the middle: the keeper backs off (logged retries), the node comes back on the same
    // port from the same file, the keeper resumes
    const port = Number(new URL(s.box.net.url).port);
    const before = k.lines.length;
    await s.box.net.stop();
    await k.line((l) => l.event === "retry" && l.retry === 3, "3 retries", 20_000, before);
    const retries = k.lines.slice(before).filter((l) => l.event === "retry");
    expect(retries.map((l) => l.retry)).toEqual([1, 2, 3]);
    for (const r of retries) expect((r.error as { code: string }).code).toBe("network");
    const delays = retries.map((l) => Number(l.delayMs));
    // exponential with jitter: step n in [250 * 2^n, 500 * 2^n]
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(250 * 2 ** i);
      expect(d).toBeLessThanOrEqual(500 * 2 ** i);
    });
    s.box.net = await startLocalnet({ port, quiet: true, statePath: s.chainPath });
    const resumed = await k.line((l) => l.event === "resumed", "resumed", 20_000, before);
    expect(Number(resumed.retries)).toBeGreaterThanOrEqual(3);
    // nothing was redone in the epoch it was already done in
    const afterRestart = k.lines.length;
    await k.pass(e2, afterRestart);

    // past the lockup: the evicted stake is inactive; the keeper syncs, withdraws it and re-delegates it
    const lockup = (await getProtocolState(s.client())).lockupDurationSecs;
    const e3 = await s.advance({ seconds: lockup + 7_200n });
    const rb = await k.line(
      (l) => l.event === "confirmed" && l.action === "rebalance" && l.epoch === e3.toString(),
      "rebalance e3",
    );
    await k.pass(e3, afterRestart);
    const e4 = await s.advance({ epochs: 1 });
    await k.pass(e4, afterRestart);

    // the chain's account of it: per epoch, one sync (with its RewardsSynced), one withdrawal and one rebalance
    // only where there was stake to recover; nothing else, nothing twice
    const txs = await keeperTxs(s.client(), [me.address], s.epochAt);
    for (const e of [e1, e2, e3, e4]) expect(count(txs, e, "sync_rewards"), `sync in ${e}`).toBe(1);
    for (const e of [e1, e2, e4]) {
      expect(count(txs, e, "rebalance"), `rebalance in ${e}`).toBe(0);
      expect(count(txs, e, "withdraw_inactive_stake"), `withdraw in ${e}`).toBe(0);
    }
    expect(count(txs, e3, "withdraw_inactive_stake")).toBe(1);
    expect(count(txs, e3, "rebalance")).toBe(1);
    expect(txs.filter((t) => t.epoch === e0).length).toBeLessThanOrEqual(1);
    expect(txs.every((t) => t.tx.success)).toBe(true);
    for (const t of txs.filter((x) => x.fn === "sync_rewards" && x.epoch !== e0))
      expect(parseKofiEvents(t.tx, s.client()).some((ev) => ev.type === "rewards::RewardsSynced")).toBe(true);
    const rebalanceTx = txs.find((t) => t.fn === "rebalance")?.tx;
    expect(rebalanceTx?.hash).toBe(rb.hash);
    const delegated = parseKofiEvents(rebalanceTx, s.client()).filter(
      (ev) => ev.type === "staking_manager::Delegated",
    );
    expect(delegated.length).toBeGreaterThan(0);
    expect(delegated.map((ev) => (ev.data as { pool: string }).pool)).not.toContain(normalize(poolB));
    expect((await getProtocolState(s.client())).idleApt).toBeLessThan(APT);
    expect(k.lines.filter((l) => l.level === "error")).toEqual([]);

    k.signal("SIGINT");
    expect(await k.exited).toBe(0);
    expect(k.lines.at(-1)).toMatchObject({ event: "stopped" });
    const byAction = k.lines.filter((l) => l.event === "submitted").map((l) => `${l.action}@${l.epoch}`);
    expect(new Set(byAction).size).toBe(byAction.length); // never two submissions of one action in one epoch
    console.log(
      `keeper e2e: ${retries.length} retries (${delays.join(", ")} ms), keeper transactions per epoch ${[
        e1,
        e2,
        e3,
        e4,
      ]
        .map(
          (e) =>
            `${e}: ${txs
              .filter((t) => t.epoch === e)
              .map((t) => t.fn)
              .join("+")}`,
        )
        .join("; ")}, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  });

  it("two keepers at once (different signers and state files) neither fail nor double-act; --once races too", async () => {
    const s = await setup();
    const [a, b, c] = [await s.signer(), await s.signer(), await s.signer()];
    const ka = s.keeper(a.key, join(s.dir, "a.json"));
    const kb = s.keeper(b.key, join(s.dir, "b.json"));
    const e0 = s.box.net.chain.epoch();
    await Promise.all([ka.pass(e0), kb.pass(e0)]);
    const e1 = await s.advance({ epochs: 1 });
    await Promise.all([ka.pass(e1), kb.pass(e1)]);
    const e2 = await s.advance({ epochs: 1 });
    await Promise.all([ka.pass(e2), kb.pass(e2)]);
    const [, poolB] = s.box.net.validators as [string, string];
    await s.box.net.validator(poolB).evictNow((await getKofiAddresses(s.client())).protocolAccount);
    const lockup = (await getProtocolState(s.client())).lockupDurationSecs;
    const e3 = await s.advance({ seconds: lockup + 7_200n });
    await Promise.all([ka.pass(e3), kb.pass(e3)]);
    // both alerted (each keeper watches for itself)
    for (const k of [ka, kb])
      await k.line((l) => l.event === "alert" && l.kind === "not_allowlisted", "alert");
    ka.signal("SIGINT");
    kb.signal("SIGTERM");
    expect(await ka.exited).toBe(0);
    expect(await kb.exited).toBe(0);
    for (const k of [ka, kb]) {
      expect(k.lines.filter((l) => l.level === "error" || l.event === "retry")).toEqual([]);
      expect(k.lines.at(-1)).toMatchObject({ event: "stopped" });
    }

    // --once for cron: an unfunded signer fails with a non-zero exit; two runs sharing one state file both exit 0
    const e4 = await s.advance({ epochs: 1 });
    const broke = Account.generate().privateKey.toString();
    const failing = s.keeper(broke, join(s.dir, "broke.json"), ["--once"]);
    expect(await failing.exited).not.toBe(0);
    expect(failing.lines.some((l) => l.level === "error")).toBe(true);
    const shared = join(s.dir, "shared.json");
    const [o1, o2] = [s.keeper(c.key, shared, ["--once"]), s.keeper(c.key, shared, ["--once"])];
    expect([await o1.exited, await o2.exited]).toEqual([0, 0]);

    const txs = await keeperTxs(s.client(), [a.address, b.address, c.address], s.epochAt);
    for (const e of [e1, e2, e3, e4]) expect(count(txs, e, "sync_rewards"), `sync in ${e}`).toBe(1);
    expect(count(txs, e3, "withdraw_inactive_stake")).toBe(1);
    expect(count(txs, e3, "rebalance")).toBe(1);
    for (const e of [e1, e2, e4]) expect(count(txs, e, "rebalance")).toBe(0);
    expect(txs.every((t) => t.tx.success)).toBe(true);
    const by = (addr: string) => txs.filter((t) => t.tx.sender === addr).length;
    console.log(
      `two keepers: ${txs.length} transactions (A ${by(a.address)}, B ${by(b.address)}, shared-state --once ${by(c.address)}); per epoch ${[
        e1,
        e2,
        e3,
        e4,
      ]
        .map((e) => `${e}: ${txs.filter((t) => t.epoch === e).length}`)
        .join(", ")}`,
    );
  });

  it("a submission recorded in the state file is settled by hash: committed counts as done, unknown waits for its expiry, expired is redone", async () => {
    const s = await setup();
    const me = await s.signer();
    const client = s.client();
    const signer = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(me.key) });
    const statePath = join(s.dir, "keeper.json");
    const once = async () => {
      const k = s.keeper(me.key, statePath, ["--once"]);
      return { code: await k.exited, k };
    };
    await once(); // writes the state file
    const record = (epoch: bigint, hash: string, expiresAtSecs: number) => {
      const st = JSON.parse(readFileSync(statePath, "utf8"));
      st.actions.sync_rewards = {
        epoch: epoch.toString(),
        hash,
        expiresAtSecs,
        status: "pending",
        at: new Date().toISOString(),
      };
      writeFileSync(statePath, JSON.stringify(st));
    };
    // 1. the keeper died after submitting: the transaction is on chain; a restart finds it, submits nothing
    const e1 = await s.advance({ epochs: 1 });
    const landed = await execute(client, syncRewards(), signer);
    record(e1, landed.hash, Math.floor(Date.now() / 1000) + 60);
    const r1 = await once();
    expect(r1.code, r1.k.stderr).toBe(0);
    expect(r1.k.lines).toContainEqual(expect.objectContaining({ event: "recovered", hash: landed.hash }));
    expect(r1.k.lines.filter((l) => l.event === "submitted")).toEqual([]);
    // 2. a hash the node never saw, not expired yet: in doubt, nothing submitted, --once says so (timeout)
    const e2 = await s.advance({ epochs: 1 });
    const unknown = `0x${"ab".repeat(32)}`;
    record(e2, unknown, Math.floor(Date.now() / 1000) + 60);
    const r2 = await once();
    expect(r2.code).toBe(EXIT_CODES.timeout);
    expect(r2.k.lines).toContainEqual(
      expect.objectContaining({ event: "in_doubt", action: "sync_rewards", hash: unknown }),
    );
    expect(r2.k.lines.filter((l) => l.event === "submitted")).toEqual([]);
    // 3. expired without landing: it can no longer land, so the keeper signs afresh
    record(e2, unknown, Math.floor(Date.now() / 1000) - 1);
    const r3 = await once();
    expect(r3.code, r3.k.stderr).toBe(0);
    expect(r3.k.lines).toContainEqual(expect.objectContaining({ event: "expired", hash: unknown }));
    expect(r3.k.lines.filter((l) => l.event === "confirmed" && l.action === "sync_rewards")).toHaveLength(1);
    const txs = await keeperTxs(client, [me.address], s.epochAt);
    expect([count(txs, e1, "sync_rewards"), count(txs, e2, "sync_rewards")]).toEqual([1, 1]);
  });
});

function normalize(a: string): string {
  return `0x${a.replace(/^0x/, "").padStart(64, "0")}`;
}
