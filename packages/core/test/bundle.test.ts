import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Localnet, startNet } from "./helpers.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");

describe("the browser build (esbuild --platform=browser) runs against the localnet", () => {
  let net: Localnet;
  let dir: string;
  beforeAll(async () => {
    net = await startNet();
    dir = mkdtempSync(join(tmpdir(), "kofi-bundle-"));
  }, 60_000);
  afterAll(async () => {
    await net?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads protocol state and a position through the fetch-based transport", async () => {
    const entry = join(dir, "entry.ts");
    writeFileSync(
      entry,
      `import { createKofiClient, getPosition, getProtocolState, formatRate } from ${JSON.stringify(resolve(here, "../src/index.ts"))};
const client = createKofiClient({ network: "local", nodeUrl: ${JSON.stringify(net.nodeUrl)} });
const s = await getProtocolState(client);
const p = await getPosition(client, ${JSON.stringify(net.accounts.dev.address)});
console.log(JSON.stringify({ rate: formatRate(s.rate), validators: s.validators.length, apt: p.aptBalance.toString() }));`,
    );
    const outfile = join(dir, "bundle.mjs");
    await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      outfile,
      absWorkingDir: root,
      logLevel: "silent",
    });
    const { stdout } = await promisify(execFile)(process.execPath, [outfile]);
    const out = JSON.parse(stdout);
    expect(out.validators).toBe(net.validators.length);
    expect(BigInt(out.apt)).toBeGreaterThan(0n);
    expect(out.rate).toMatch(/^\d+\.\d{8}$/);
  });
});
