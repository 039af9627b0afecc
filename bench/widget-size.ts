/**
 * Size of `<kofi-stake>` as a CDN host loads it: `npm run build -w @kofi/widget` (Vite 8, minified, lit
 * bundled, poseidon-lite aliased to a throwing stub: Keyless accounts are not supported in the widget), then
 * gzip (zlib level 9) of dist/cdn/: the eager file, the SDK fallback (eager + SDK backend chunks), the
 * wallet-picker chunk, and the single-file bundle. Goals are issue 14's targets and the size-limit budgets in
 * packages/widget/package.json that CI enforces (`npm run size`); what a browser fetches on the lean path
 * (≤ 30 kB to rate, APR and TVL; ≤ 60 kB for a whole stake) is measured by bench/widget-lean.ts and
 * bench/widget-stake.ts.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export interface Figure {
  name: string;
  value: number;
  unit: string;
  how: string;
  goal?: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cdn = join(root, "packages/widget/dist/cdn");

const kb = (bytes: number) => Math.round(bytes / 10) / 100;
const gz = (files: string[]) =>
  files.reduce((sum, f) => sum + gzipSync(readFileSync(join(cdn, f)), { level: 9 }).length, 0);
const raw = (files: string[]) => files.reduce((sum, f) => sum + readFileSync(join(cdn, f)).length, 0);

export async function run(): Promise<Figure[]> {
  execFileSync("npm", ["run", "build", "-w", "@kofi/widget"], { cwd: root, stdio: "ignore" });
  const files = readdirSync(cdn).filter((f) => f.endsWith(".js"));
  const eager = ["kofi-stake.js"];
  const picker = files.filter((f) => f.startsWith("wallet-picker-"));
  // The size-limit "SDK fallback" entry's files: everything but the picker, the bundle, the lean backend chunk
  // (backend-* that is not backend-core-*) and the non-English locales.
  const flow = files.filter(
    (f) =>
      !picker.includes(f) &&
      f !== "kofi-stake.bundle.js" &&
      !(f.startsWith("backend-") && !f.startsWith("backend-core-")) &&
      !f.startsWith("fr-") &&
      !f.startsWith("ar-"),
  );
  const bundle = ["kofi-stake.bundle.js"];
  const how = "vite 8 build of src/index.ts (lit bundled, minified, poseidon-lite stubbed), gzip level 9";
  return [
    {
      name: "eager read-only view (kofi-stake.js), gzip",
      value: kb(gz(eager)),
      unit: "kB",
      how,
      goal: "≤ 30 kB with the lean chunks a visitor fetches before rate, APR and TVL (issue 14; size-limit 30 kB; bench/widget-lean.ts); Jupiter Terminal loader ~66 kB gz (research/widget.md)",
    },
    { name: "eager read-only view, minified", value: kb(raw(eager)), unit: "kB", how },
    {
      name: "SDK fallback transaction flow (eager + SDK backend chunks), gzip",
      value: kb(gz(flow)),
      unit: "kB",
      how: `${how}; files: ${flow.join(", ")}`,
      goal: "≤ 150 kB (size-limit); the lean path's whole stake ≤ 60 kB (issue 14; bench/widget-stake.ts); Jupiter app ~900 kB on demand, Wormhole Connect ~3.5 MB gz (research/widget.md)",
    },
    {
      name: "wallet picker chunk (wallet-adapter-core), gzip",
      value: kb(gz(picker)),
      unit: "kB",
      how: `${how}; loaded only on Connect without a host wallet`,
      goal: "≤ 95 kB (size-limit)",
    },
    {
      name: "everything in one file (kofi-stake.bundle.js), gzip",
      value: kb(gz(bundle)),
      unit: "kB",
      how,
      goal: "≤ 255 kB (size-limit)",
    },
  ];
}
