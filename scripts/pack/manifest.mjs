// `npm pack` / `npm publish` of @kofi/core, @kofi/adapters and @kofi/localnet (the pattern of
// packages/widget/build/pack-manifest.mjs): in the workspace `exports` point at the TypeScript sources (the
// repository's convention); the tarball must point at dist/ (`npm run build`). Run from the package directory.
//   prepack   backs package.json up byte for byte, then writes the published manifest: every `./src/x.ts` export
//             becomes { types: ./dist/x.d.ts, default: ./dist/x.js }; no scripts or devDependencies; no tsx (the
//             bins run dist/ when there is no src/, which the tarball never has)
//   postpack  puts the backup back (scripts/pack.test.ts packs staged copies, so the workspace is never touched)
// A backup left by a pack that failed after prepack is restored before anything else, so the backup is always the
// workspace manifest.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const manifest = resolve(process.cwd(), "package.json");
const backup = resolve(process.cwd(), "package.json.workspace");
const mode = process.argv[2];

const restore = () => {
  if (existsSync(backup)) renameSync(backup, manifest);
};

if (mode === "prepack") {
  restore();
  const pkg = JSON.parse(readFileSync(manifest, "utf8"));
  const exports = {};
  for (const [key, target] of Object.entries(pkg.exports)) {
    const m = /^\.\/src\/(.+)\.ts$/.exec(target);
    if (!m) throw new Error(`${pkg.name}: export ${key} is not a ./src/*.ts path: ${target}`);
    const js = `./dist/${m[1]}.js`;
    if (!existsSync(resolve(process.cwd(), js)))
      throw new Error(`${pkg.name}: ${js} is missing; run \`npm run build\``);
    exports[key] = { types: `./dist/${m[1]}.d.ts`, default: js };
  }
  exports["./package.json"] = "./package.json";
  copyFileSync(manifest, backup);
  pkg.exports = exports;
  pkg.types = "./dist/index.d.ts";
  pkg.scripts = undefined;
  pkg.devDependencies = undefined;
  if (pkg.dependencies) pkg.dependencies.tsx = undefined;
  // atomic (temp file + rename): a tool reading package.json meanwhile sees one manifest or the other, never half
  writeFileSync(`${manifest}.tmp`, `${JSON.stringify(pkg, null, 2)}\n`);
  renameSync(`${manifest}.tmp`, manifest);
} else if (mode === "postpack") {
  restore();
} else {
  throw new Error("usage: manifest.mjs prepack|postpack");
}
