import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/kofi-localnet.js", import.meta.url));

/** Start the CLI, wait for the banner, return it and a stop function (SIGINT, like Ctrl-C). */
function startCli(args: string[]): Promise<{ out: string; stop: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}${err}`)), 25_000);
    p.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    p.on("exit", (code) => {
      if (!out.includes("Ctrl-C")) reject(new Error(`CLI exited ${code}: ${err}`));
    });
    p.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("Ctrl-C to stop.")) {
        clearTimeout(timer);
        resolve({
          out,
          stop: () =>
            new Promise((res) => {
              p.on("exit", () => res(out));
              p.kill("SIGINT");
            }),
        });
      }
    });
  });
}

describe("kofi-localnet CLI", () => {
  it("prints URLs and DEV ONLY keys, serves the API, stops on Ctrl-C, and restores --state", async () => {
    const state = join(mkdtempSync(join(tmpdir(), "kofi-cli-")), "state.json");
    const a = await startCli(["--port", "0", "--state", state, "--seed", "cli"]);
    expect(a.out).toMatch(/Node URL:\s+http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(a.out).toMatch(/Faucet URL:\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(a.out).toMatch(/DEV ONLY/);
    expect(a.out).toMatch(/private key: ed25519-priv-0x[0-9a-f]{64}/);
    const nodeUrl = /Node URL:\s+(\S+)/.exec(a.out)?.[1] as string;
    const info = (await (await fetch(nodeUrl)).json()) as { chain_id: number };
    expect(info.chain_id).toBe(4);
    const dev = /address:\s+(0x[0-9a-f]{64})/.exec(a.out)?.[1] as string;
    await fetch(`${nodeUrl.replace(/\/v1$/, "")}/fund`, {
      method: "POST",
      body: JSON.stringify({ address: dev, amount: 123 }),
    });
    const bal = await (await fetch(`${nodeUrl}/accounts/${dev}/balance/0x1::aptos_coin::AptosCoin`)).json();
    expect((await a.stop()).length).toBeGreaterThan(0);

    const b = await startCli(["--port", "0", "--state", state]);
    const nodeUrl2 = /Node URL:\s+(\S+)/.exec(b.out)?.[1] as string;
    expect(await (await fetch(`${nodeUrl2}/accounts/${dev}/balance/0x1::aptos_coin::AptosCoin`)).json()).toBe(
      bal,
    );
    await b.stop();
  }, 60_000);
});
