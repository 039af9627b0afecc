/**
 * `npm run move:test [-- <filter>]`: runs the Move unit tests of move/ in Node through @kofi/move's interpreter
 * with the localnet's framework natives, printing like `aptos move test`. Then, where a working Aptos CLI is
 * installed, also runs `aptos move test --dev` on the same package; otherwise says that extra run was skipped.
 * Exit code: non-zero when a test fails, the package does not check, or the Aptos CLI run fails.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createMoveTestWorld,
  frameworkNatives,
} from "../../packages/localnet/src/framework/natives/index.ts";
import { formatDiagnostic } from "../../packages/move/src/diagnostics.ts";
import { MissingNativesError } from "../../packages/move/src/interp/interpreter.ts";
import { formatResult, hasErrors, runPackageTests, summary } from "../../packages/move/src/test-runner.ts";

const moveDir = fileURLToPath(new URL("../../move", import.meta.url));
const filter = process.argv.slice(2).find((a) => !a.startsWith("-"));

function runInterpreter(): boolean {
  const start = performance.now();
  let report: ReturnType<typeof runPackageTests>;
  try {
    report = runPackageTests(moveDir, {
      natives: frameworkNatives(),
      newWorld: () => createMoveTestWorld().env,
      ...(filter ? { filter } : {}),
      onResult: (r) => console.log(formatResult(r)),
    });
  } catch (e) {
    if (e instanceof MissingNativesError) {
      console.error(`move:test: the package calls framework functions with no native:\n${e.message}`);
      return false;
    }
    throw e;
  }
  if (hasErrors(report.diagnostics)) {
    for (const d of report.diagnostics) console.error(formatDiagnostic(d, process.cwd()));
    console.error("move:test: the package does not check; no test ran.");
    return false;
  }
  const { load, compile, run } = report.timings;
  console.log(summary(report.results));
  console.log(
    `(interpreter: load+check ${load.toFixed(0)} ms, compile ${compile.toFixed(0)} ms, tests ${run.toFixed(0)} ms, ` +
      `total ${(performance.now() - start).toFixed(0)} ms)`,
  );
  return report.results.every((r) => r.pass);
}

function runAptosCli(): boolean {
  // The npm wrapper (@aptos-labs/aptos-cli) is on PATH under npm run and exits 0 even when it cannot download
  // the binary, so a working CLI is one that prints its version.
  const probe = spawnSync("aptos", ["--version"], { encoding: "utf8", timeout: 20_000 });
  if (probe.error || probe.status !== 0 || !/aptos\s+\d+\.\d+/i.test(probe.stdout ?? "")) {
    console.log(
      "aptos move test SKIPPED: no working Aptos CLI on this machine (https://aptos.dev/tools/aptos-cli);",
    );
    console.log("only the interpreter run above checked move/tests.");
    return true;
  }
  const args = ["move", "test", "--dev", ...(filter ? ["--filter", filter] : [])];
  const r = spawnSync("aptos", args, { cwd: moveDir, stdio: "inherit" });
  return r.status === 0;
}

const ok = runInterpreter();
const cliOk = runAptosCli();
process.exit(ok && cliOk ? 0 : 1);
