/**
 * `npm start` as a newcomer runs it (scripts/start.ts in a child process): both URLs printed and answering,
 * Ctrl-C (SIGINT) stops everything and exits 0, and a second start continues from the saved chain.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Account } from "@aptos-labs/ts-sdk";
import { afterAll, describe, expect, it } from "vitest";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

interface Running {
  child: ChildProcess;
  output: () => string;
  demoUrl: string;
  nodeUrl: string;
}

function start(statePath: string, extra: string[] = []): Promise<Running> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/start.ts",
      "--port",
      "0",
      "--demo-port",
      "0",
      "--state",
      statePath,
      ...extra,
    ],
    { cwd: repo, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not print its URLs:\n${out}`)), 60_000);
    const check = () => {
      const demo = /Demo site:\s+(\S+)/.exec(out)?.[1];
      const node = /Localnet:\s+(\S+)/.exec(out)?.[1];
      if (demo && node && out.includes("Ctrl-C to stop")) {
        clearTimeout(timer);
        resolvePromise({ child, output: () => out, demoUrl: demo, nodeUrl: node });
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${out}`));
    });
  });
}

function interrupt(r: Running): Promise<number | null> {
  return new Promise((resolvePromise) => {
    r.child.removeAllListeners("exit");
    r.child.on("exit", (code) => resolvePromise(code));
    r.child.kill("SIGINT");
  });
}

describe("npm start", () => {
  const dir = mkdtempSync(join(tmpdir(), "kofi-start-"));
  const statePath = join(dir, "localnet-state.json");
  const running: Running[] = [];
  afterAll(() => {
    for (const r of running) if (r.child.exitCode === null) r.child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints both URLs, serves the demo and the node, stops on Ctrl-C, and a second start keeps the chain", async () => {
    const first = await start(statePath);
    running.push(first);
    expect(first.output()).toContain("DEV ONLY");
    const page = await (await fetch(first.demoUrl)).text();
    expect(page).toContain("<kofi-stake");
    const config = (await (await fetch(new URL("/__kofi/config.json", first.demoUrl))).json()) as {
      nodeUrl: string;
    };
    expect(config.nodeUrl).toBe(first.nodeUrl);
    const ledger = (await (await fetch(first.nodeUrl)).json()) as { chain_id: number };
    expect(ledger.chain_id).toBe(4);

    // Something to find again after the restart: a funded fresh account.
    const someone = Account.generate().accountAddress.toStringLong();
    const base = first.nodeUrl.replace(/\/v1$/, "");
    const funded = await fetch(`${base}/fund`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ address: someone, amount: 123_456_789 }),
    });
    expect(funded.ok).toBe(true);

    expect(await interrupt(first)).toBe(0);
    expect(first.output()).toContain("stopped (SIGINT)");
    expect(existsSync(statePath)).toBe(true);
    await expect(fetch(first.nodeUrl)).rejects.toThrow();

    const second = await start(statePath);
    running.push(second);
    const balance = await fetch(`${second.nodeUrl}/accounts/${someone}/balance/0x1::aptos_coin::AptosCoin`);
    expect(await balance.json()).toBe(123_456_789);
    expect(await interrupt(second)).toBe(0);

    const third = await start(statePath, ["--reset"]);
    running.push(third);
    const gone = await fetch(`${third.nodeUrl}/accounts/${someone}/balance/0x1::aptos_coin::AptosCoin`);
    expect(await gone.json()).toBe(0);
    expect(await interrupt(third)).toBe(0);
  });
});
