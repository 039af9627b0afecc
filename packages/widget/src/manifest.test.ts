/** custom-elements.json is generated from the class's JSDoc: it must match the source. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

it("custom-elements.json is up to date (npm run manifest -w @kofi/widget)", () => {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@custom-elements-manifest/analyzer/package.json");
  const cli = join(dirname(pkg), "cem.js");
  const out = mkdtempSync(join(tmpdir(), "kofi-cem-"));
  try {
    execFileSync(
      process.execPath,
      [cli, "analyze", "--config", "custom-elements-manifest.config.mjs", "--outdir", relative(root, out)],
      {
        cwd: root,
        stdio: "pipe",
      },
    );
    const fresh = JSON.parse(readFileSync(join(out, "custom-elements.json"), "utf8"));
    const committed = JSON.parse(readFileSync(join(root, "custom-elements.json"), "utf8"));
    expect(committed).toEqual(fresh);
    const el = committed.modules
      .flatMap((m: { declarations: unknown[] }) => m.declarations)
      .find((d: { tagName?: string }) => d.tagName === "kofi-stake");
    expect(el.attributes.map((a: { name: string }) => a.name)).toContain("unstake-paths");
    expect(el.cssProperties.length).toBeGreaterThanOrEqual(15);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
