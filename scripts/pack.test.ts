// The published tarballs of @kofi/core, @kofi/adapters, @kofi/localnet, @kofi/cli and @kofi/move work outside the monorepo: `npm pack`
// of a staged copy (prepack swaps the exports to dist/ there, scripts/pack/manifest.mjs), install the tarballs into a temp project
// away from the workspace, and use them from plain `node` (no tsx, no loaders) and through their bins.
import { execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PACKAGES = ["core", "adapters", "localnet", "cli", "move"] as const;
const dir = (p: string) => join(ROOT, "packages", p);
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

const run = (cmd: string, args: string[], cwd: string, timeout = 60_000): string =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", timeout, stdio: ["ignore", "pipe", "pipe"] });

interface Manifest {
  exports: Record<string, string | { types: string; default: string }>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  scripts?: unknown;
}

describe("published tarballs (npm pack → npm install → plain node)", () => {
  const tmp = mkdtempSync(join(tmpdir(), "kofi-pack-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("pack, install without the monorepo, import and run on plain Node", async () => {
    // 1. build dist/ in place, then pack a staged copy of each package, so the workspace's package.json files are
    //    never rewritten while other test projects run (prepack swaps the exports in the copy only)
    const before = PACKAGES.map((p) => readFileSync(join(dir(p), "package.json")));
    const ws = PACKAGES.flatMap((p) => ["-w", `@kofi/${p}`]);
    run(NPM, ["run", "build", ...ws], ROOT);
    const stage = join(tmp, "stage");
    cpSync(join(ROOT, "scripts/pack"), join(stage, "scripts/pack"), { recursive: true });
    // the Move package, where @kofi/localnet's prepack copies it from (../../move)
    cpSync(join(ROOT, "move"), join(stage, "move"), { recursive: true });
    for (const p of PACKAGES) {
      const staged = join(stage, "packages", p);
      for (const entry of ["package.json", "README.md", "dist", "bin"]) {
        if (existsSync(join(dir(p), entry)))
          cpSync(join(dir(p), entry), join(staged, entry), { recursive: true });
      }
      run(NPM, ["pack", "--pack-destination", tmp], staged);
    }
    PACKAGES.forEach((p, i) => {
      expect(
        readFileSync(join(dir(p), "package.json")).equals(before[i] as Buffer),
        `${p}/package.json`,
      ).toBe(true);
    });

    // 2. the tarballs: exports point at dist/ JavaScript with types, and every target is in the tarball
    const tarballs = PACKAGES.map((p) => join(tmp, `kofi-${p}-0.1.0.tgz`));
    PACKAGES.forEach((p, i) => {
      const files = run("tar", ["-tzf", tarballs[i] as string], tmp)
        .split("\n")
        .filter(Boolean)
        .map((f) => f.replace(/^package\//, ""));
      const pkg = JSON.parse(
        run("tar", ["-xzOf", tarballs[i] as string, "package/package.json"], tmp),
      ) as Manifest;
      expect(
        files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")),
        p,
      ).toEqual([]);
      expect(
        files.some((f) => f.startsWith("src/")),
        p,
      ).toBe(false);
      expect(pkg.scripts, p).toBeUndefined();
      expect(pkg.dependencies?.tsx, p).toBeUndefined();
      for (const [key, target] of Object.entries(pkg.exports)) {
        if (key === "./package.json") continue;
        expect(typeof target, `${p} ${key}`).toBe("object");
        const t = target as { types: string; default: string };
        expect(t.default, `${p} ${key}`).toMatch(/^\.\/dist\/.+\.js$/);
        expect(t.types, `${p} ${key}`).toMatch(/^\.\/dist\/.+\.d\.ts$/);
        expect(files, `${p} ${key}`).toContain(t.default.slice(2));
        expect(files, `${p} ${key}`).toContain(t.types.slice(2));
      }
      for (const bin of Object.values(pkg.bin ?? {})) expect(files, p).toContain(bin.replace(/^\.\//, ""));
    });
    const core = JSON.parse(
      run("tar", ["-xzOf", tarballs[0] as string, "package/package.json"], tmp),
    ) as Manifest;
    expect(Object.keys(core.exports)).toContain("./abi");
    // the SDK ships no CLI: the `kofi` bin is @kofi/cli's
    expect(core.bin).toBeUndefined();
    expect(Object.keys(core.exports)).not.toContain("./cli");
    const cli = JSON.parse(
      run("tar", ["-xzOf", tarballs[3] as string, "package/package.json"], tmp),
    ) as Manifest;
    expect(cli.bin).toEqual({ kofi: "./bin/kofi.js" });
    expect(cli.dependencies?.["@kofi/core"]).toBe("0.1.0");
    // @kofi/localnet runs the Move: it depends on @kofi/move and ships Move.toml + sources (no Move tests)
    const localnet = JSON.parse(
      run("tar", ["-xzOf", tarballs[2] as string, "package/package.json"], tmp),
    ) as Manifest;
    expect(localnet.dependencies?.["@kofi/move"]).toBe("0.1.0");
    const localnetFiles = run("tar", ["-tzf", tarballs[2] as string], tmp);
    expect(localnetFiles).toContain("package/move/Move.toml");
    const shipped = localnetFiles.split("\n").filter((f) => f.startsWith("package/move/"));
    const sources = readdirSync(join(ROOT, "move/sources")).filter((f) => f.endsWith(".move"));
    expect(shipped.sort()).toEqual(
      ["package/move/Move.toml", ...sources.map((f) => `package/move/sources/${f}`)].sort(),
    );
    // the checker reads the framework ABI from @typemove/aptos at run time
    const move = JSON.parse(
      run("tar", ["-xzOf", tarballs[4] as string, "package/package.json"], tmp),
    ) as Manifest & { private?: boolean };
    expect(move.private).toBeUndefined();
    expect(Object.keys(move.dependencies ?? {})).toEqual(["@typemove/aptos"]);

    // 3. a project outside the workspace; dependencies come from the npm cache
    const app = join(tmp, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), '{ "name": "app", "private": true, "type": "module" }\n');
    const install = (mode: string) =>
      run(NPM, ["install", mode, "--no-audit", "--no-fund", "--ignore-scripts", ...tarballs], app, 45_000);
    try {
      install("--offline");
    } catch {
      install("--prefer-offline"); // a transitive range the cache holds only the packument of (e.g. undici-types)
    }

    // 4. plain node: @kofi/core (+ /abi), @kofi/adapters, @kofi/localnet over real HTTP
    writeFileSync(
      join(app, "check.mjs"),
      `import { createKofiClient, getExchangeRate, parseApt, formatAmount } from "@kofi/core";
import { kofiAbi, KOFI_DEV_ADDRESS } from "@kofi/core/abi";
import * as adapters from "@kofi/adapters";
import { startLocalnet } from "@kofi/localnet";

const out = { parsed: String(parseApt("1.5")), formatted: formatAmount(150000000n), dev: KOFI_DEV_ADDRESS };
out.modules = Object.keys(kofiAbi.modules).length;
out.adapters = typeof adapters.makeQuote;
const ln = await startLocalnet({ port: 0 });
try {
  const client = createKofiClient({ network: "local", nodeUrl: ln.nodeUrl, addresses: { kofi: ln.kofiAddress.toString() } });
  const rate = await getExchangeRate(client);
  out.rate = [String(rate.numerator), String(rate.denominator)];
} finally {
  await ln.stop();
}
process.stdout.write(JSON.stringify(out));
`,
    );
    const out = JSON.parse(run(process.execPath, ["check.mjs"], app, 30_000)) as Record<string, unknown>;
    expect(out.parsed).toBe("150000000");
    expect(out.formatted).toMatch(/^1\.5/);
    expect(out.dev).toMatch(/^0x0+6b6f6669$/);
    expect(out.modules).toBeGreaterThan(0);
    expect(out.adapters).toBe("function");
    const [num, den] = out.rate as [string, string];
    expect(BigInt(num)).toBeGreaterThan(0n);
    expect(BigInt(den)).toBeGreaterThan(0n);

    // 5. the bins, through npx, from the installed packages (no src/ there, so dist/ on plain Node)
    expect(run("npx", ["--no-install", "kofi", "--help"], app, 20_000)).toMatch(/Usage: kofi/);
    expect(readdirSync(join(app, "node_modules/@kofi/cli"))).not.toContain("src");
    const banner = await new Promise<string>((resolve, reject) => {
      const child = spawn(join(app, "node_modules/.bin/kofi-localnet"), ["--port", "0"], {
        cwd: app,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`kofi-localnet: no banner in 20 s\n${stdout}\n${stderr}`));
      }, 20_000);
      child.stdout.on("data", (d) => {
        stdout += d;
        if (stdout.includes("Ctrl-C to stop")) {
          clearTimeout(timer);
          child.kill("SIGINT");
          child.on("exit", () => resolve(stdout));
        }
      });
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      child.on("error", reject);
      child.on("exit", (code) => {
        clearTimeout(timer);
        if (!stdout.includes("Ctrl-C to stop")) reject(new Error(`kofi-localnet exited ${code}\n${stderr}`));
      });
    });
    expect(banner).toMatch(/Kofi localnet ready in \d+ ms \(chain id 4\)/);
    // the installed localnet ran the Move it ships (no repository around it)
    expect(existsSync(join(app, "node_modules/@kofi/localnet/move/sources/vault.move"))).toBe(true);
    expect(readdirSync(join(app, "node_modules/@kofi/localnet"))).not.toContain("src");
  }, 90_000);
});
