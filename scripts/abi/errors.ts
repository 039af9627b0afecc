import type { SourcePos } from "../../packages/move/src/syntax/ast.ts";

export type { SourcePos };

/** Every problem the generator reports: a parse error, an unknown name, a bad constant. */
export class GeneratorError extends Error {
  constructor(
    message: string,
    readonly pos?: SourcePos,
  ) {
    super(pos ? `${pos.file}:${pos.line}:${pos.col}: ${message}` : message);
    this.name = "GeneratorError";
  }
}
