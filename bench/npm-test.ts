/**
 * `npm test` wall time on this machine. Runs the whole suite (about two minutes on 2 shared cores), so only
 * when asked: `KOFI_BENCH_NPM_TEST=1 npm run bench npm-test`. Otherwise it reports nothing.
 */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export async function run(): Promise<{ name: string; value: number; unit: string; how: string }[]> {
  if (process.env.KOFI_BENCH_NPM_TEST !== "1") return [];
  const t0 = performance.now();
  const r = spawnSync("npm", ["test"], { cwd: root, stdio: "ignore" });
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`npm test failed (exit ${r.status})`);
  return [
    {
      name: "npm test wall time",
      value: Math.round(secs * 10) / 10,
      unit: "s",
      how: "one `npm test` (ABI check + every vitest project incl. e2e in Chromium), wall clock, machine shared with other work",
    },
  ];
}
