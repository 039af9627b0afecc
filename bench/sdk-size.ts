/**
 * Browser bundle size of @kofi/core (minified + gzip), measured with esbuild (the copy tsx ships):
 * `--bundle --minify --format=esm --platform=browser`, tree-shaken, one chunk, gzip = zlib level 9.
 * Scenarios: a read-only app, a full app (every export), the same with ts-sdk external (the SDK's own cost),
 * and the same with poseidon-lite (ts-sdk's Keyless constants, ~85 % of its gzip) aliased to a stub.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

export interface Figure {
  name: string;
  value: number;
  unit: string;
  how: string;
  goal?: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const core = join(root, "packages/core/src/index.ts");

const ENTRIES = {
  "read-only": `import { createKofiClient, getPosition, getProtocolState, formatAmount } from ${JSON.stringify(core)};
const client = createKofiClient({ network: "local" });
const p = await getPosition(client, "0x1");
const s = await getProtocolState(client);
console.log(formatAmount(p.kaptBalance), s.rate);`,
  full: `export * from ${JSON.stringify(core)};`,
} as const;

/** Replaces poseidon-lite (only used by Keyless accounts) with throwing stubs. */
const poseidonStub: Plugin = {
  name: "poseidon-stub",
  setup(b) {
    b.onResolve({ filter: /^poseidon-lite$/ }, () => ({ path: "poseidon-lite", namespace: "stub" }));
    b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents: Array.from(
        { length: 16 },
        (_, i) => `export function poseidon${i + 1}() { throw new Error("Keyless is not bundled"); }`,
      ).join("\n"),
      loader: "js",
    }));
  },
};

async function measure(source: string, options: { stubPoseidon?: boolean; sdkExternal?: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), "kofi-size-"));
  try {
    const entry = join(dir, "entry.ts");
    writeFileSync(entry, source);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
      absWorkingDir: root,
      plugins: options.stubPoseidon ? [poseidonStub] : [],
      external: options.sdkExternal ? ["@aptos-labs/ts-sdk"] : [],
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peers from shared/docs/research/toolchain.md section 2 (vite 8, ts-sdk 5.2.1 alone: view + build). */
const GOALS: Record<string, string> = {
  "": "ts-sdk 5.2.1 alone: 519.9 kB",
  ", poseidon-lite stubbed": "ts-sdk 5.2.1 alone, stubbed: 88.8 kB",
};

export async function run(): Promise<Figure[]> {
  const how = "esbuild --bundle --minify --format=esm --platform=browser, one chunk; gzip = zlib level 9";
  const figures: Figure[] = [];
  const kb = (n: number) => Math.round(n / 100) / 10;
  for (const [name, source] of Object.entries(ENTRIES)) {
    const variants = [
      { label: "", opts: {} },
      { label: ", poseidon-lite stubbed", opts: { stubPoseidon: true } },
      { label: ", @aptos-labs/ts-sdk external (Kofi code only)", opts: { sdkExternal: true } },
    ];
    for (const v of variants) {
      const m = await measure(source, v.opts);
      figures.push({ name: `${name}${v.label}: min`, value: kb(m.min), unit: "kB", how });
      figures.push({
        name: `${name}${v.label}: min+gzip`,
        value: kb(m.gzip),
        unit: "kB",
        how,
        ...(GOALS[v.label] ? { goal: GOALS[v.label] } : {}),
      });
    }
  }
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const f of await run()) console.log(`${f.name.padEnd(70)} ${String(f.value).padStart(8)} ${f.unit}`);
}
