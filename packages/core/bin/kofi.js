#!/usr/bin/env node
// The `kofi` CLI: runs the TypeScript sources through tsx (packages export their sources).
import { register } from "tsx/esm/api";

register();
const { run } = await import("../src/cli/main.ts");
process.exitCode = await run(process.argv.slice(2));
