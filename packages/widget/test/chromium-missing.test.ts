/**
 * Without a Chromium, only runs that have browser tests to run stop with the install hint: the root config
 * loads every project's config (the browser ones included), and a Node-only run must not die there.
 * Spawns the repository's vitest with KOFI_CHROMIUM pointing nowhere (findChromium then looks no further).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const VITEST = join(ROOT, "node_modules/vitest/vitest.mjs");

function vitest(...args: string[]) {
  const run = spawnSync(process.execPath, [VITEST, "run", ...args], {
    cwd: ROOT,
    env: { ...process.env, KOFI_CHROMIUM: "/nonexistent/chromium", NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("a machine without Chromium", () => {
  it("runs a Node project: the browser projects' configs load without stopping the run", () => {
    // A filter that matches no file keeps this cheap; the configs are still all loaded and resolved.
    const run = vitest("--project", "widget", "--passWithNoTests", "no-such-test-file-7f3a");
    expect(run.output).not.toContain("kofi: ");
    expect(run.status).toBe(0);
    // each case spawns a whole vitest (every project config loaded) while npm test loads both cores
  }, 90_000);

  it("stops a browser project at once with the one-line install hint", () => {
    const run = vitest("--project", "widget-browser", "test/lean.browser.test.ts");
    expect(run.status).toBe(1);
    const hint = run.output.split("\n").filter((line) => line.startsWith("kofi: "));
    expect(hint).toHaveLength(1);
    expect(hint[0]).toContain("KOFI_CHROMIUM=/nonexistent/chromium does not exist. Run: ");
    // Stopped in the global setup, before the localnet, the CDN build or any test.
    expect(run.output).not.toMatch(/Test Files|AggregateError|Error:/);
  }, 90_000);
});
