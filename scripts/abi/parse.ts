import { type ModuleDecl, parseFile } from "../../packages/move/src/syntax/index.ts";
import { GeneratorError } from "./errors.ts";

/**
 * Parses one Move file for the ABI with the `@kofi/move` parser; test-only items are left out. A syntax
 * error stops generation with its `file:line:col`. `unsupported_syntax` findings (enums, `match`, access
 * specifiers) do not: the ABI needs only declarations (calls inside an unsupported construct are not
 * seen by the friend inference).
 */
export function parseModules(source: string, file: string): ModuleDecl[] {
  const { modules, diagnostics } = parseFile(source, file, { tests: false });
  const error = diagnostics.find((d) => d.severity === "error" && d.code !== "unsupported_syntax");
  if (error) throw new GeneratorError(error.message, error.pos);
  return modules;
}
