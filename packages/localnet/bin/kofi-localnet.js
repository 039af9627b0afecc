#!/usr/bin/env node
// The published package has no src/: it runs the built JavaScript (dist/, `npm run build`) on plain Node. In the
// workspace (src/ present) it runs the TypeScript CLI through tsx (Node 20 has no native type stripping), so a stale
// dist/ is never used.
import { existsSync } from "node:fs";

const src = new URL("../src/cli.ts", import.meta.url);
if (existsSync(src)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(src.href);
} else {
  await import("../dist/cli.js");
}
