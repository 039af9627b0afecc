/**
 * Single-file ESM builds for script tags (what a CDN would serve), made with Vite 8's library mode:
 * - kofi-stake.bundle.js: the widget's own single-file CDN build (packages/widget/vite.config.ts with
 *   KOFI_BUILD=single: lit, the SDK backend and the picker inlined, poseidon-lite stubbed), written here;
 * - dev-wallet.js: the examples' DEV ONLY AIP-62 wallet (ts-sdk + wallet-standard), for pages without a bundler.
 *
 *   npx tsx examples/cdn/build.ts [outDir]     # default examples/dist/cdn
 */
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const CDN_FILES = { widget: "kofi-stake.bundle.js", wallet: "dev-wallet.js" } as const;

async function one(entry: string, fileName: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: "warn",
    root: here,
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      target: "es2022",
      lib: { entry, formats: ["es"], fileName: () => fileName },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
}

/**
 * The widget's own CDN build (packages/widget/vite.config.ts), only redirected to `outDir`:
 * "cdn" = kofi-stake.js (eager) + chunks fetched on first use; "single" = kofi-stake.bundle.js.
 */
export async function buildWidget(mode: "cdn" | "single", outDir: string): Promise<void> {
  const widgetRoot = dirname(require.resolve("@kofi/widget/package.json"));
  const previous = process.env.KOFI_BUILD;
  process.env.KOFI_BUILD = mode;
  try {
    await build({
      root: widgetRoot,
      configFile: join(widgetRoot, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: resolve(outDir), emptyOutDir: false },
    });
  } finally {
    if (previous === undefined) delete process.env.KOFI_BUILD;
    else process.env.KOFI_BUILD = previous;
  }
}

/** Builds both files into `outDir`; returns their paths. */
export async function buildCdn(outDir = join(here, "..", "dist", "cdn")) {
  const out = resolve(outDir);
  await buildWidget("single", out);
  await one(join(here, "dev-wallet-entry.ts"), CDN_FILES.wallet, out);
  return { dir: out, widget: join(out, CDN_FILES.widget), wallet: join(out, CDN_FILES.wallet) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await buildCdn(process.argv[2]);
  process.stdout.write(`built ${r.widget}\n      ${r.wallet}\n`);
}
