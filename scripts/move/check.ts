/**
 * `npm run move:check`: parses move/ (sources and tests, dev addresses) and checks it against the framework's
 * on-chain ABI (@typemove/aptos) and the declared test-only framework functions. Prints compiler-style
 * diagnostics (`file:line:col: error[code]: message`) and exits 1 on any error, 0 otherwise.
 * Flags: `--move-dir <dir>` (default move/), `--no-tests` (sources only).
 */
import { fileURLToPath } from "node:url";
import { checkPackage } from "../../packages/move/src/check/check-package.ts";
import { formatDiagnostic } from "../../packages/move/src/diagnostics.ts";
import { loadPackage } from "../../packages/move/src/load.ts";

const args = process.argv.slice(2);
const dirFlag = args.indexOf("--move-dir");
const moveDir =
  dirFlag >= 0 ? (args[dirFlag + 1] as string) : fileURLToPath(new URL("../../move", import.meta.url));
const tests = !args.includes("--no-tests");

const start = performance.now();
const loaded = loadPackage(moveDir, { dev: true, tests });
const checked = loaded.diagnostics.some((d) => d.severity === "error")
  ? undefined
  : checkPackage(loaded.package);
const diagnostics = [...loaded.diagnostics, ...(checked?.diagnostics ?? [])];
for (const d of diagnostics) console.log(formatDiagnostic(d, process.cwd()));
const errors = diagnostics.filter((d) => d.severity === "error").length;
const warnings = diagnostics.length - errors;
const modules = loaded.package.modules.length;
console.log(
  `move:check: ${modules} modules${tests ? " (with tests)" : ""}, ${errors} error(s), ${warnings} warning(s) in ${(performance.now() - start).toFixed(0)} ms`,
);
process.exit(errors ? 1 : 0);
