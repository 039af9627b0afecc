/**
 * Whether a test's outcome satisfies its `#[expected_failure]`, with the reason when it does not, in the words
 * the Aptos CLI uses for the same cases.
 */

import { MoveAbort, VmFailure } from "../interp/values.ts";
import type { ExpectedFailure, ModuleId } from "../syntax/ast.ts";
import { displayAddress } from "../types.ts";

export type Outcome = { ok: true } | { ok: false; error: unknown };

export interface Verdict {
  pass: boolean;
  /** Why it failed (undefined when it passed). */
  reason?: string;
}

/** `0x…::m` (long) from a resolved module id. */
export function moduleKey(id: ModuleId): string {
  return `${id.address}::${id.name}`;
}

/** `0x6b6f6669::vault` / `0x1::coin`: the short form the CLI prints. */
export function shortModule(long: string): string {
  const [addr, name] = long.split("::") as [string, string];
  const hex = addr.replace(/^0x/, "").replace(/^0+/, "") || "0";
  return `0x${hex}::${name ?? ""}`;
}

/** One line describing a failure. */
export function describeFailure(e: unknown): string {
  if (e instanceof MoveAbort) {
    const name = e.errorName ? ` (${e.errorName}${e.doc ? `: ${e.doc}` : ""})` : "";
    return `aborted with code 0x${e.code.toString(16)} in ${shortModule(e.module)}${e.fn ? `::${e.fn}` : ""}${name}`;
  }
  if (e instanceof VmFailure) {
    return `${e.status}: ${e.detail}${e.module ? ` in ${shortModule(e.module)}` : ""}`;
  }
  return `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}

/** Same module: the address compared in long form, so `0x1::coin` equals `0x000…001::coin`. */
function sameModule(a: string, b: string): boolean {
  const norm = (m: string) => {
    const [addr, name] = m.split("::") as [string, string];
    return `${displayAddress(`0x${addr.replace(/^0x/, "").padStart(64, "0")}`)}::${name}`;
  };
  return norm(a) === norm(b);
}

/**
 * Matches an outcome against the expectation. `constant` resolves `abort_code = module::CONST`. When the code
 * names a constant and no location is given, the location is the constant's module (as the Move compiler does).
 */
export function judge(
  expected: ExpectedFailure | undefined,
  outcome: Outcome,
  constant: (module: ModuleId, name: string) => bigint,
): Verdict {
  if (!expected) return outcome.ok ? { pass: true } : { pass: false, reason: describeFailure(outcome.error) };
  if (outcome.ok) return { pass: false, reason: "Test did not error as expected" };
  const e = outcome.error;
  if (!(e instanceof MoveAbort) && !(e instanceof VmFailure)) {
    return { pass: false, reason: describeFailure(e) };
  }
  // "any": the bare #[expected_failure] tag (ExpectedFailure.kind), not the TypeScript type: any failure passes.
  if (expected.kind === "any") return { pass: true };
  let location = expected.location ? moduleKey(expected.location) : undefined;
  const got = describeFailure(e);
  if (expected.kind === "abort") {
    let code: bigint | undefined;
    if (expected.abortCode && "value" in expected.abortCode) code = expected.abortCode.value;
    else if (expected.abortCode) {
      const c = expected.abortCode.constant;
      code = constant(c.module, c.name);
      location ??= moduleKey(c.module);
    }
    const want = `abort with code 0x${(code ?? 0n).toString(16)}${location ? ` in ${shortModule(location)}` : ""}`;
    if (!(e instanceof MoveAbort)) return { pass: false, reason: `expected ${want}, but ${got}` };
    if (code !== undefined && e.code !== code) return { pass: false, reason: `expected ${want}, but ${got}` };
    if (location && !sameModule(location, e.module))
      return { pass: false, reason: `expected ${want}, but ${got}` };
    return { pass: true };
  }
  const status = expected.kind === "arithmetic_error" ? "ARITHMETIC_ERROR" : "VECTOR_OPERATION_ERROR";
  const want = `${status}${location ? ` in ${shortModule(location)}` : ""}`;
  if (!(e instanceof VmFailure) || e.status !== status)
    return { pass: false, reason: `expected ${want}, but ${got}` };
  if (location && !sameModule(location, e.module))
    return { pass: false, reason: `expected ${want}, but ${got}` };
  return { pass: true };
}
