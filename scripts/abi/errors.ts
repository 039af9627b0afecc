/** Where a problem is, for messages of the form `file:line:col: message`. */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

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
