import type { SourcePos } from "./syntax/ast.ts";

/** A compiler-style finding: `file:line:col: error[E_CODE]: message`. */
export interface Diagnostic {
  severity: "error" | "warning";
  /** Stable identifier tests match on, e.g. `unknown_function`, `arity`, `type_mismatch`, `missing_ability`. */
  code: string;
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
