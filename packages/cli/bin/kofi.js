#!/usr/bin/env node
// The `kofi` CLI. The published package has no src/: it runs the built JavaScript (dist/, `npm run build`) on plain
// Node. In the workspace (src/ present) it runs the TypeScript sources through tsx, so a stale dist/ is never used.
import { existsSync } from "node:fs";

const src = new URL("../src/main.ts", import.meta.url);
let cli;
if (existsSync(src)) {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import(src.href);
} else {
  cli = await import("../dist/main.js");
}
process.exitCode = await cli.run(process.argv.slice(2));
