/**
 * `npm run bench`: runs every benchmark module in this folder and writes bench/results.md.
 * A benchmark module exports `run(): Promise<Figure[]>`; figures are measurements, not assertions, so speed
 * and size targets never make the test suite flaky.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { arch, cpus, totalmem } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** How it was measured, in one sentence. */
  how: string;
  /** Target or a peer's figure to compare with, when known. */
  goal?: string;
}

interface BenchModule {
  run(): Promise<Figure[]>;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);

const files = (await readdir(here))
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.endsWith(".test.ts"))
  .filter((f) => only.length === 0 || only.includes(basename(f, ".ts")))
  .sort();

const sections: string[] = [];
let failed = false;
for (const file of files) {
  const name = basename(file, ".ts");
  process.stderr.write(`bench: ${name}...\n`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
    const figures = await mod.run();
    const rows = figures.map(
      (f) => `| ${f.name} | ${formatValue(f.value)} ${f.unit} | ${f.goal ?? ""} | ${f.how} |`,
    );
    sections.push(
      `## ${name}\n\n| figure | value | goal / peer | how |\n|---|---:|---|---|\n${rows.join("\n")}\n`,
    );
    for (const f of figures) process.stderr.write(`  ${f.name}: ${formatValue(f.value)} ${f.unit}\n`);
  } catch (error) {
    failed = true;
    sections.push(`## ${name}\n\nFAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write(`  FAILED: ${String(error)}\n`);
  }
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

const header = [
  "# Benchmark results",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${arch()},`,
  `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB.`,
  "",
].join("\n");
/**
 * Figures recorded once to compare later runs with (e.g. the Kofi transactions on the TypeScript model, before
 * the localnet ran the Move): everything from this heading on in results.md is kept when it is rewritten.
 */
const BASELINES = "# Recorded baselines";
const previous = await readFile(join(here, "results.md"), "utf8").catch(() => "");
const kept = previous.indexOf(`\n${BASELINES}`);
const baselines = kept < 0 ? "" : `\n${previous.slice(kept + 1)}`;
if (only.length === 0)
  await writeFile(join(here, "results.md"), `${header}\n${sections.join("\n")}${baselines}`);
else process.stdout.write(`${header}\n${sections.join("\n")}`);
if (failed) process.exitCode = 1;
