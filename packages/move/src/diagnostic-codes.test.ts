/**
 * Every diagnostic code is raised by the toolchain and provoked by a test. `Diagnostic.code` is typed by
 * `DIAGNOSTIC_CODES`, so a new code has to be listed before it compiles; this test then fails until some test
 * asserts it, and fails for a listed code nothing raises any more.
 *
 * "Asserted" is read from the test sources: the code as a string literal (`"arity"`, the form the case tables
 * and `.code` comparisons use) or inside a formatted diagnostic (`error[syntax_error]`, `2:27 syntax_error `).
 * A code named only in prose does not count.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "./diagnostics.ts";

const SRC = dirname(fileURLToPath(import.meta.url));
const SELF = fileURLToPath(import.meta.url);

const files = (readdirSync(SRC, { recursive: true, encoding: "utf8" }) as string[])
  .filter((f) => f.endsWith(".ts"))
  .map((f) => join(SRC, f))
  .filter((f) => f !== SELF);
const tests = files.filter((f) => f.endsWith(".test.ts"));
// diagnostics.ts is left out: it lists every code, so it would make each one look raised.
const sources = files.filter((f) => !f.endsWith(".test.ts") && f !== join(SRC, "diagnostics.ts"));
const read = (fs: string[]) => fs.map((f) => ({ file: f, text: readFileSync(f, "utf8") }));
const testTexts = read(tests);
const sourceTexts = read(sources);

const quoted = (code: string) => new RegExp(`["'\`]${code}["'\`]`);
const asserted = (code: string) => new RegExp(`["'\`]${code}["'\`]|\\[${code}\\]|\\d+:\\d+ ${code} `);

describe("diagnostic codes", () => {
  it("the list is not empty and has no repeats", () => {
    expect(DIAGNOSTIC_CODES.length).toBeGreaterThan(30);
    expect(new Set(DIAGNOSTIC_CODES).size).toBe(DIAGNOSTIC_CODES.length);
  });

  it("finds the test and source files it reads", () => {
    // Guards the scan itself: if the directory walk found nothing, every check below would be vacuous.
    expect(testTexts.map((t) => t.file)).toContainEqual(join(SRC, "check", "diagnostics.test.ts"));
    expect(sourceTexts.map((t) => t.file)).toContainEqual(join(SRC, "check", "check-package.ts"));
  });

  it.each(DIAGNOSTIC_CODES)("%s is asserted by a test", (code) => {
    const re = asserted(code);
    expect(
      testTexts.filter((t) => re.test(t.text)).map((t) => t.file),
      `no test provokes \`${code}\`: add a case (checker codes: check/diagnostics.test.ts)`,
    ).not.toEqual([]);
  });

  it.each(DIAGNOSTIC_CODES)("%s is raised by the toolchain", (code) => {
    const re = quoted(code);
    expect(
      sourceTexts.filter((t) => re.test(t.text)).map((t) => t.file),
      `nothing in src raises \`${code}\`: remove it from DIAGNOSTIC_CODES`,
    ).not.toEqual([]);
  });
});
