import type { SourcePos } from "./ast.ts";

/**
 * A lexical or syntax error at a position. The parser throws it inside one item and turns it into a
 * `Diagnostic` at the item boundary, so one bad function does not hide the errors of the next.
 * `message` is `file:line:col: reason`, the form compilers print and the ABI generator reports.
 */
export class MoveSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly pos: SourcePos,
    /** `syntax_error` for malformed input, `unsupported_syntax` for valid Move this toolchain does not run. */
    readonly code: "syntax_error" | "unsupported_syntax" = "syntax_error",
  ) {
    super(`${pos.file}:${pos.line}:${pos.col}: ${reason}`);
    this.name = "MoveSyntaxError";
  }
}
