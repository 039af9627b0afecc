/**
 * The Move unit-test runner: every `#[test]` function of a checked package, each in a fresh world, with its
 * signers injected and its `#[expected_failure]` judged (test-runner/expected.ts). Prints like `aptos move test`.
 */
import { checkPackage } from "./check/check-package.ts";
import type { Diagnostic } from "./diagnostics.ts";
import type { MoveEnv } from "./interp/frame.ts";
import { Interpreter } from "./interp/interpreter.ts";
import type { NativeTable } from "./interp/natives.ts";
import { stdNatives } from "./interp/std/index.ts";
import { SignerValue, type Value } from "./interp/values.ts";
import { loadPackage } from "./load.ts";
import type { FunctionDecl, ModuleId } from "./syntax/ast.ts";
import { describeFailure, judge, type Outcome, shortModule } from "./test-runner/expected.ts";

export interface TestResult {
  /** `0x6b6f6669::vault_tests::stake_mints_shares` */
  name: string;
  pass: boolean;
  reason?: string;
  ms: number;
}

export interface RunTestsOptions<H> {
  /** A fresh world per test (storage, host, event sink). */
  newWorld: () => MoveEnv<H>;
  /** Only tests whose name contains this substring. */
  filter?: string;
  /** Called as each test finishes (for streaming output). */
  onResult?: (r: TestResult) => void;
}

export interface TestCase {
  name: string;
  module: string;
  fn: FunctionDecl;
}

/** The package's `#[test]` functions, in module then source order. */
export function listTests<H>(interp: Interpreter<H>): TestCase[] {
  const out: TestCase[] = [];
  for (const m of interp.pkg.modules) {
    const id = interp.moduleId(`${m.address}::${m.name}`);
    for (const fn of m.functions) {
      if (!fn.attributes.includes("test")) continue;
      out.push({ name: `${shortModule(id)}::${fn.name}`, module: id, fn });
    }
  }
  return out;
}

export function runTests<H>(interp: Interpreter<H>, opts: RunTestsOptions<H>): TestResult[] {
  const results: TestResult[] = [];
  const constant = (m: ModuleId, name: string) => interp.constant(`${m.address}::${m.name}`, name) as bigint;
  for (const t of listTests(interp)) {
    if (opts.filter && !t.name.includes(opts.filter)) continue;
    const start = performance.now();
    let outcome: Outcome;
    try {
      const info = t.fn.test;
      if (!info) throw new Error(`${t.name} was not checked (no test info)`);
      const args: Value[] = info.signers.map((a) => new SignerValue(a));
      interp.call(opts.newWorld(), t.module, t.fn.name, [], args);
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error };
    }
    let verdict: ReturnType<typeof judge>;
    try {
      verdict = judge(t.fn.test?.expectedFailure, outcome, constant);
    } catch (error) {
      verdict = { pass: false, reason: describeFailure(error) };
    }
    const r: TestResult = { name: t.name, pass: verdict.pass, ms: performance.now() - start };
    if (verdict.reason) r.reason = verdict.reason;
    results.push(r);
    opts.onResult?.(r);
  }
  return results;
}

/** `[ PASS    ] 0x…::m::f` / `[ FAIL    ] 0x…::m::f` plus the reason on the next line. */
export function formatResult(r: TestResult): string {
  return r.pass ? `[ PASS    ] ${r.name}` : `[ FAIL    ] ${r.name}\n    ${r.reason ?? ""}`;
}

export function summary(results: readonly TestResult[]): string {
  const passed = results.filter((r) => r.pass).length;
  return `${passed} passed, ${results.length - passed} failed`;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === "error");
}

export interface PackageTestOptions<H> extends RunTestsOptions<H> {
  /** Natives beyond the std ones (the localnet's framework natives). */
  natives: NativeTable<H>;
}

export interface PackageTestReport {
  /** Parse and check errors; when any, no test ran. */
  diagnostics: Diagnostic[];
  results: TestResult[];
  /** Milliseconds: load + check, interpreter construction, the tests. */
  timings: { load: number; compile: number; run: number };
}

/**
 * `aptos move test --dev` for a package directory: load with dev addresses and tests, check, build the
 * interpreter (std natives + `natives`; a missing native is a load error), run every test.
 */
export function runPackageTests<H>(moveDir: string, opts: PackageTestOptions<H>): PackageTestReport {
  const t0 = performance.now();
  const loaded = loadPackage(moveDir, { dev: true, tests: true });
  const checked = checkPackage(loaded.package);
  const diagnostics = [...loaded.diagnostics, ...checked.diagnostics];
  const t1 = performance.now();
  if (hasErrors(diagnostics))
    return { diagnostics, results: [], timings: { load: t1 - t0, compile: 0, run: 0 } };
  const natives = new Map([...stdNatives<H>(), ...opts.natives]);
  const interp = new Interpreter<H>(loaded.package, natives);
  const t2 = performance.now();
  const results = runTests(interp, opts);
  return { diagnostics, results, timings: { load: t1 - t0, compile: t2 - t1, run: performance.now() - t2 } };
}
