import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_CODES } from "../src/exitCodes.ts";
import { APT, DAY, type Localnet, type Run, spawnKofi, startNet } from "./net.ts";

describe("kofi CLI end to end (spawned, against the localnet)", () => {
  let net: Localnet;
  let key: string;
  let address: string;

  const kofi = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
    spawnKofi(["--node-url", net.nodeUrl, "--kofi-address", net.kofiAddress, ...args], {
      KOFI_PRIVATE_KEY: key,
      ...env,
    });

  beforeAll(async () => {
    net = await startNet();
    const account = Account.generate();
    key = account.privateKey.toString();
    address = account.accountAddress.toString();
    await net.fund(address, 500n * APT);
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
  });

  it("status --json", async () => {
    const r = await kofi(["status", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.ok).toBe(true);
    expect(r.json.kofiAddress).toBe(net.kofiAddress);
    expect(typeof (r.json.rate as { numerator: string }).numerator).toBe("string");
    expect(Array.isArray(r.json.validators)).toBe(true);
  });

  it("deposit, stake, unstake, request, tickets, balance: --json results and per-stage progress on stderr", async () => {
    const d = await kofi(["deposit", "10", "--json"]);
    expect(d.code, d.stderr).toBe(0);
    expect(d.json).toMatchObject({ ok: true, kind: "deposit" });
    expect(d.stderr).toMatch(/\[quote\] 10 APT -> /);
    expect(d.stderr).toMatch(/\[simulate\] ok/);
    expect(d.stderr).toMatch(/\[submitted\] 0x[0-9a-f]{64}/);
    expect(d.stderr).toMatch(/\[confirmed\]/);
    const events = d.json.events as { type: string; data: Record<string, string> }[];
    const minted = events.find((e) => e.type === "gateway::Deposited")?.data.kaptMinted;
    expect(minted).toBe((d.json.quote as Record<string, string>).kaptOut);
    expect((d.json.received as Record<string, string>).kaptMinted).toBe(minted);

    const ds = await kofi(["deposit", "5", "--stake", "--json"]);
    expect(ds.json).toMatchObject({ ok: true, kind: "deposit_and_stake" });

    const s = await kofi(["stake", "2.5", "--json"]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.json).toMatchObject({ ok: true, kind: "stake" });

    const u = await kofi(["unstake", "1", "--json"]);
    expect(u.code, u.stderr).toBe(0);

    const q = await kofi(["request", "1", "--json"]);
    expect(q.code, q.stderr).toBe(0);
    expect(q.json).toMatchObject({ ok: true, kind: "request_withdrawal" });

    const t = await kofi(["tickets", "--json"]);
    expect(t.code, t.stderr).toBe(0);
    const tickets = t.json.tickets as { id: string; ready: boolean }[];
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.ready).toBe(false);

    const b = await kofi(["balance", address, "--json"]);
    expect(b.code, b.stderr).toBe(0);
    expect(BigInt(b.json.stkaptBalance as string)).toBeGreaterThan(0n);

    const human = await kofi(["balance", address]);
    expect(human.stdout).toMatch(/kAPT\s+\d/);
  });

  it("claim --all: nothing ready before unlock, then claims after advancing 15 days", async () => {
    const before = await kofi(["claim", "--all", "--json"]);
    expect(before.code).toBe(0);
    expect(before.json).toMatchObject({ ok: true, claimed: [] });
    await net.advance({ seconds: 15 * DAY });
    const c = await kofi(["claim", "--all", "--json"]);
    expect(c.code, c.stderr).toBe(0);
    expect(c.json).toMatchObject({ ok: true, kind: "claim" });
    expect(
      (c.json.events as { type: string }[]).some((e) => e.type === "withdrawals::WithdrawalClaimed"),
    ).toBe(true);
  });

  it("non-zero exit codes mapped from the error code, with a JSON error on stdout", async () => {
    const bad = await kofi(["deposit", "1e3", "--json"]);
    expect(bad.code).toBe(EXIT_CODES.invalid_amount);
    expect(bad.json).toMatchObject({ ok: false, error: { code: "invalid_amount" } });

    const below = await kofi(["deposit", "0.00001", "--json"]);
    expect(below.code).toBe(EXIT_CODES.move_abort);
    expect((below.json.error as { abort: { name: string } }).abort.name).toBe("E_BELOW_MIN_DEPOSIT");

    const tooMuch = await kofi(["stake", "100000", "--json"]);
    expect(tooMuch.code).toBe(EXIT_CODES.insufficient_balance);

    const noKey = await kofi(["stake", "1", "--json"], { KOFI_PRIVATE_KEY: "" });
    expect(noKey.code).toBe(EXIT_CODES.invalid_config);

    const dir = mkdtempSync(join(tmpdir(), "kofi-cli-"));
    const file = join(dir, "key");
    writeFileSync(file, `${key}\n`);
    const fromFile = await kofi(["tickets", "--key-file", file, "--json"], { KOFI_PRIVATE_KEY: "" });
    expect(fromFile.code, fromFile.stderr).toBe(0);

    const usage = await kofi(["frobnicate"]);
    expect(usage.code).toBe(EXIT_CODES.usage);

    const slippage = await kofi(["stake", "1", "--slippage-bps", "0.5", "--json"]);
    expect(slippage.code).toBe(EXIT_CODES.usage);
    expect(slippage.stderr).toMatch(/whole number/);

    const addr = await kofi(["balance", "0xabc", "--json"]);
    expect(addr.code).toBe(EXIT_CODES.invalid_address);

    // --network mainnet against the localnet (chain 4): refused before quoting or signing.
    const wrong = await kofi(["stake", "1", "--network", "mainnet", "--json"]);
    expect(wrong.code).toBe(EXIT_CODES.wrong_network);
    expect(wrong.stderr).not.toMatch(/\[quote\]/);

    const dead = await kofi(["status", "--json", "--node-url", "http://127.0.0.1:9/v1"]);
    expect(dead.code).toBe(EXIT_CODES.network);
  });
});
