import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startLocalnet } from "@kofi/localnet";

export const APT = 100_000_000n;
export const DAY = 86_400;

export type Localnet = Awaited<ReturnType<typeof startLocalnet>>;

/** A real localnet on a free port (HTTP), with the Kofi package published; `opts` e.g. `{ blockTimeMs }`. */
export async function startNet(opts: Parameters<typeof startLocalnet>[0] = {}): Promise<Localnet> {
  return await startLocalnet({ ...opts, port: 0, quiet: true });
}

export const BIN = fileURLToPath(new URL("../bin/kofi.js", import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (`{}` when it is not JSON). */
  json: Record<string, unknown>;
}

/** Spawns the real `kofi` bin (a child process, as a user runs it); `input` is written to its stdin. */
export function spawnKofi(
  args: string[],
  env: Record<string, string | undefined>,
  input?: string,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(stdout);
      } catch {
        // not --json
      }
      resolve({ code: code ?? -1, stdout, stderr, json });
    });
    if (input !== undefined) child.stdin.write(input);
    child.stdin.end();
  });
}
