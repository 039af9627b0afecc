/**
 * The widget's builds (`npm run build -w @kofi/widget`), chosen with KOFI_BUILD:
 * - `npm` (default): ESM for bundlers in dist/, one file per entry, every dependency external (`lit` stays a
 *   dependency the host deduplicates), not minified. `.d.ts` come from `tsc -p tsconfig.build.json`.
 * - `cdn`: dist/cdn/, lit bundled and minified. `kofi-stake.js` is the eager part (element, locales, lazy
 *   loaders); the SDK backend and the wallet picker are chunks beside it, fetched on first use.
 * - `single`: dist/cdn/kofi-stake.bundle.js, the same with every chunk inlined: one file, nothing else.
 * The browser builds alias `poseidon-lite` to a throwing stub (build/poseidon-stub.ts): Keyless accounts are
 * not supported in the widget.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const mode = process.env.KOFI_BUILD ?? "npm";
const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));
const poseidonStub = fileURLToPath(new URL("./build/poseidon-stub.ts", import.meta.url));
const pkg = (await import("./package.json", { with: { type: "json" } })).default as {
  dependencies: Record<string, string>;
};
const deps = Object.keys(pkg.dependencies);
const isExternal = (id: string) =>
  deps.some((d) => id === d || id.startsWith(`${d}/`)) || id.startsWith("@aptos-labs/");

export default defineConfig(
  mode === "npm"
    ? {
        build: {
          outDir: "dist",
          emptyOutDir: false,
          target: "es2022",
          minify: false,
          sourcemap: true,
          lib: {
            entry: {
              index: src("index.ts"),
              element: src("element.ts"),
              core: src("core.ts"),
              define: src("define.ts"),
              "testing/index": src("testing/index.ts"),
            },
            formats: ["es"],
          },
          rolldownOptions: {
            external: isExternal,
            output: { preserveModules: true, preserveModulesRoot: "src" },
          },
        },
      }
    : {
        resolve: { alias: { "poseidon-lite": poseidonStub } },
        define: { "process.env.NODE_ENV": JSON.stringify("production") },
        build: {
          outDir: "dist/cdn",
          emptyOutDir: mode === "cdn",
          target: "es2022",
          sourcemap: false,
          lib: {
            entry: { "kofi-stake": src("index.ts") },
            formats: ["es"],
            fileName: () => (mode === "single" ? "kofi-stake.bundle.js" : "kofi-stake.js"),
          },
          rolldownOptions: {
            output: {
              minify: true,
              ...(mode === "single" ? { codeSplitting: false } : { chunkFileNames: "[name]-[hash].js" }),
            },
          },
        },
      },
);
