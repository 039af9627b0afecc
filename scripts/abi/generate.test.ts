import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { generateFromMoveDir } from "./generate-lib.ts";

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const MOVE_DIR = join(ROOT, "move");
const OUT = join(ROOT, "packages/core/src/generated/abi.ts");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const SCRIPT = join(ROOT, "scripts/abi/generate.ts");

async function generate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [SCRIPT, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "kofi-abi-"));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe("generated abi.ts", () => {
  it("is current: the committed file equals a fresh generation from move/sources (else run npm run abi)", () => {
    const fresh = generateFromMoveDir(MOVE_DIR, ROOT).text;
    const committed = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
    expect(committed === fresh, "packages/core/src/generated/abi.ts is stale: run npm run abi").toBe(true);
  });

  it("is deterministic", () => {
    expect(generateFromMoveDir(MOVE_DIR, ROOT).text).toBe(generateFromMoveDir(MOVE_DIR, ROOT).text);
  });

  it("is already in Biome's format", async () => {
    const text = generateFromMoveDir(MOVE_DIR, ROOT).text;
    const dir = tempDir();
    const file = join(dir, "abi.ts");
    writeFileSync(file, text);
    const biome = join(ROOT, "node_modules/.bin/biome");
    // Format a copy outside the ignored folder, with the repository's configuration.
    await run(biome, ["format", "--write", `--config-path=${ROOT}`, file], { cwd: ROOT });
    expect(readFileSync(file, "utf8")).toBe(text);
  }, 30_000);

  it("--check exits 0 when the output is current", async () => {
    const r = await generate("--check");
    expect(r.stderr).not.toContain("stale");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("is up to date");
  }, 30_000);

  it("--check exits 1 after a signature edit in a copy of move/", async () => {
    const dir = tempDir();
    cpSync(MOVE_DIR, dir, { recursive: true });
    const gateway = join(dir, "sources/gateway.move");
    const source = readFileSync(gateway, "utf8");
    const edited = source.replace(
      /(public entry fun deposit\(\s*[a-z_]+: &signer,)/,
      "$1 referrer: address,",
    );
    expect(edited).not.toBe(source);
    writeFileSync(gateway, edited);
    const r = await generate("--check", "--move-dir", dir, "--out", OUT);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("packages/core/src/generated/abi.ts is stale: run npm run abi");

    // Regenerating into a scratch file picks the new parameter up, and --check then passes.
    const out = join(tempDir(), "abi.ts");
    expect((await generate("--move-dir", dir, "--out", out)).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('params: ["&signer", "address", "u64", "u64"]');
    expect((await generate("--check", "--move-dir", dir, "--out", out)).code).toBe(0);
  }, 60_000);

  it("--check exits 1 when the output file is missing", async () => {
    const r = await generate("--check", "--out", join(tempDir(), "abi.ts"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is missing: run npm run abi/);
  }, 30_000);

  it("reports a Move syntax error with its position and exits 2", async () => {
    const dir = tempDir();
    cpSync(MOVE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, "sources/broken.move"), "module kofi::broken {\n  public fun f(: u64) {}\n}\n");
    const r = await generate("--check", "--move-dir", dir, "--out", OUT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sources\/broken\.move:2:16: error\[syntax_error\]: expected a parameter name/);
  }, 30_000);
});
