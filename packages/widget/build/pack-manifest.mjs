// `npm pack` / `npm publish` of @kofi/widget: in the workspace `exports` point at the TypeScript sources (the
// repository's convention); the tarball must point at dist/. `prepack` swaps in the published exports (after
// `npm run build`), `postpack` restores the workspace manifest.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const manifest = new URL("../package.json", import.meta.url);
const backup = new URL("../package.json.workspace", import.meta.url);
const mode = process.argv[2];

const entry = (name) => ({ types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` });

if (mode === "prepack") {
  if (!existsSync(new URL("../dist/index.js", import.meta.url))) throw new Error("run `npm run build` first");
  copyFileSync(manifest, backup);
  const pkg = JSON.parse(readFileSync(manifest, "utf8"));
  pkg.exports = {
    ".": entry("index"),
    "./element": entry("element"),
    "./core": entry("core"),
    "./define": entry("define"),
    "./testing": entry("testing/index"),
    "./react": { types: "./types/react.d.ts" },
    "./vue": { types: "./types/vue.d.ts" },
    "./cdn/kofi-stake.js": "./dist/cdn/kofi-stake.js",
    "./cdn/kofi-stake.bundle.js": "./dist/cdn/kofi-stake.bundle.js",
    "./custom-elements.json": "./custom-elements.json",
    "./package.json": "./package.json",
  };
  pkg.types = "./dist/index.d.ts";
  pkg.sideEffects = ["./dist/index.js", "./dist/define.js", "./dist/cdn/*.js"];
  pkg.scripts = undefined;
  pkg.devDependencies = undefined;
  pkg["size-limit"] = undefined;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (mode === "postpack") {
  if (existsSync(backup)) renameSync(backup, manifest);
} else {
  throw new Error("usage: pack-manifest.mjs prepack|postpack");
}
