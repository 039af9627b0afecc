// `npm run build` helpers for the publishable packages (@kofi/core, @kofi/adapters, @kofi/localnet); run from the
// package directory (npm's cwd for its scripts).
//   clean    removes dist/ so a renamed or deleted source leaves no stale module behind
//   fix-dts  tsc keeps the sources' `./x.ts` specifiers in the emitted .d.ts (rewriteRelativeImportExtensions
//            only rewrites the JavaScript); published declarations need `./x.js` (as packages/widget/build/fix-dts.mjs)
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const dist = resolve(process.cwd(), "dist");
const mode = process.argv[2];

if (mode === "clean") {
  rmSync(dist, { recursive: true, force: true });
} else if (mode === "fix-dts") {
  for (const f of readdirSync(dist, { recursive: true })) {
    if (!String(f).endsWith(".d.ts")) continue;
    const path = join(dist, String(f));
    const text = readFileSync(path, "utf8");
    const fixed = text.replace(/((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']+)\.ts(["'])/g, "$1$2.js$3");
    if (fixed !== text) writeFileSync(path, fixed);
  }
} else {
  throw new Error("usage: dist.mjs clean|fix-dts");
}
