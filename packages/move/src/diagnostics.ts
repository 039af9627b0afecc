import type { SourcePos } from "./syntax/ast.ts";

/**
 * Every diagnostic code, by the stage that raises it. `Diagnostic.code` is typed by this list, so a new code
 * must be added here to compile, and `diagnostic-codes.test.ts` fails until some test provokes it.
 */
export const DIAGNOSTIC_CODES = [
  // load.ts, move-toml.ts
  "move_toml",
  "unassigned_address",
  // syntax/
  "syntax_error",
  "unsupported_syntax",
  // check/: package structure
  "duplicate_module",
  "framework_module",
  "duplicate",
  "bad_field",
  "entry_return",
  "view_return",
  "bad_constant",
  "bad_acquires",
  "unused_acquires",
  // check/: names and types
  "unknown_address",
  "unknown_module",
  "unknown_member",
  "bad_path",
  "unknown_type",
  "type_arity",
  "type_mismatch",
  "literal_range",
  "cannot_infer",
  "missing_ability",
  "unbound",
  "immutable",
  // check/: structs and calls
  "unknown_field",
  "missing_field",
  "duplicate_field",
  "struct_visibility",
  "field_visibility",
  "unknown_function",
  "arity",
  "visibility",
  "test_only",
  "storage_visibility",
  "missing_acquires",
  "not_event",
  "bad_break",
  "unsupported",
  // check/: test attributes
  "bad_test_param",
  "bad_test_attribute",
  "unknown_constant",
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** A compiler-style finding: `file:line:col: error[E_CODE]: message`. */
export interface Diagnostic {
  severity: "error" | "warning";
  /** Stable identifier tests match on, e.g. `unknown_function`, `arity`, `type_mismatch`, `missing_ability`. */
  code: DiagnosticCode;
  message: string;
  pos: SourcePos;
}

export function formatDiagnostic(d: Diagnostic, cwd = ""): string {
  const file =
    cwd && d.pos.file.startsWith(cwd) ? d.pos.file.slice(cwd.length).replace(/^\//, "") : d.pos.file;
  return `${file}:${d.pos.line}:${d.pos.col}: ${d.severity}[${d.code}]: ${d.message}`;
}

/** Thrown by a stage that cannot continue; carries every diagnostic found so far. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
  }
}
