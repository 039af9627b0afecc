// `npm run move:publish`: the script is run as npm runs it (tsx, a child process). No Aptos CLI exists on this
// machine kind, so the no-CLI branch runs for real with an empty PATH; the CLI branch runs with a fake `aptos` on
// PATH that records its arguments.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("./publish.ts", import.meta.url));
const MOVE_DIR = fileURLToPath(new URL("../../move", import.meta.url));
const TSX = createRequire(import.meta.url).resolve("tsx/cli");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "kofi-publish-"));
  dirs.push(d);
  return d;
}

/** Runs the script with PATH = `path` only (node itself is called by absolute path). */
function publish(args: string[], path: string, env: Record<string, string> = {}) {
  const { KOFI_ADDRESS: _ignored, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [TSX, SCRIPT, ...args], {
    encoding: "utf8",
    env: { ...inherited, PATH: path, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fake `aptos`: `--version` prints one; anything else appends its argv (one per line) and cwd to `log`. */
function fakeAptos(opts: { version: string | null; exit?: number }): { dir: string; log: string } {
  const dir = tempDir();
  const log = join(dir, "argv.log");
  const version = opts.version === null ? "" : `echo "${opts.version}"`;
  writeFileSync(
    join(dir, "aptos"),
    `#!/bin/sh\nif [ "$1" = "--version" ]; then ${version || ":"}; exit 0; fi\nprintf '%s\\n' "$@" > "${log}"\nexit ${opts.exit ?? 0}\n`,
  );
  chmodSync(join(dir, "aptos"), 0o755);
  return { dir, log };
}

describe("npm run move:publish", () => {
  it("no Aptos CLI on PATH: one line saying nothing here produces bytecode and what to install, exit 3", () => {
    const r = publish(["--network", "testnet", "--kofi-address", "0xcafe"], tempDir());
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/no working Aptos CLI.*nothing else in this repository can compile Move/);
    expect(lines[0]).toMatch(/install the Aptos CLI \(https:\/\/aptos\.dev\/tools\/aptos-cli/);
  });

  it("an `aptos` that exits 0 but prints no version (the npm wrapper without its binary) counts as none", () => {
    const fake = fakeAptos({ version: null });
    const r = publish(["--network", "testnet", "--kofi-address", "0xcafe"], fake.dir);
    expect(r.code, r.stderr).toBe(3);
    expect(() => readFileSync(fake.log)).toThrow(); // never asked to publish
  });

  it("with a CLI: `aptos move publish` of move/ with kofi=<address> and the profile, exact arguments", () => {
    const fake = fakeAptos({ version: "aptos 7.2.0" });
    const addr = `0x${"ab".repeat(32)}`;
    const r = publish(
      ["--network", "testnet", "--kofi-address", addr, "--yes", "--", "--max-gas", "200000"],
      fake.dir,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(fake.log, "utf8").trimEnd().split("\n")).toEqual([
      "move",
      "publish",
      "--package-dir",
      MOVE_DIR,
      "--named-addresses",
      `kofi=${addr}`,
      "--profile",
      "testnet",
      "--assume-yes",
      "--max-gas",
      "200000",
    ]);
  });

  it("local defaults kofi to the dev address; --profile and KOFI_ADDRESS; aptos's failure is the exit code", () => {
    const fake = fakeAptos({ version: "aptos 7.2.0", exit: 7 });
    const local = publish(["--network", "local", "--profile", "mine"], fake.dir);
    expect(local.code).toBe(7);
    expect(readFileSync(fake.log, "utf8").trimEnd().split("\n")).toEqual([
      "move",
      "publish",
      "--package-dir",
      MOVE_DIR,
      "--named-addresses",
      "kofi=0x000000000000000000000000000000000000000000000000000000006b6f6669",
      "--profile",
      "mine",
    ]);
    const env = publish(["--network", "mainnet"], fake.dir, { KOFI_ADDRESS: "0xbeef" });
    expect(env.code).toBe(7);
    expect(readFileSync(fake.log, "utf8")).toContain("kofi=0xbeef\n--profile\nmainnet\n");
  });

  it("bad arguments: exit 2 before looking for the CLI", () => {
    const fake = fakeAptos({ version: "aptos 7.2.0" });
    for (const [args, message] of [
      [[], /--network is required/],
      [["--network", "moon"], /unknown network "moon"/],
      [["--network", "testnet"], /--kofi-address .* is required for testnet/],
      [["--network", "devnet", "--kofi-address", "kofi"], /not an address/],
      [["--network", "local", "--bogus"], /Unknown option '--bogus'/],
    ] as const) {
      const r = publish([...args], fake.dir);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
    expect(() => readFileSync(fake.log)).toThrow();
  });
});
