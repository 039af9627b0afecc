/**
 * Checks that the two issue-14 size-limit budgets measure what a browser really loads (`npm run size` runs it after
 * size-limit). size-limit sums the files its globs match; nothing ties those globs to what Chromium fetches, and a
 * new chunk on the path (or a glob that catches a chunk the page never loads) would leave the budget measuring the
 * wrong thing while CI stays green. So this loads each page once in Chromium on a localnet, through the benches'
 * own `measure()` (bench/widget-lean.ts: load until rate, APR and TVL are on screen; bench/widget-stake.ts: load
 * through a whole stake to confirmed), and fails unless
 *
 * - the set of scripts fetched equals the set of files the size-limit entry naming that bench covers (resolved
 *   with size-limit's own glob, from the same package.json), and
 * - their gzip -9 total is within that entry's limit (and the lean path sent at most 1 node request: issue 14).
 *
 * Run: npm run size -w @kofi/widget (after `npm run build`), or npx tsx packages/widget/build/size-browser.ts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { measure as measureLean } from "../../../bench/widget-lean.ts";
import { measure as measureStake } from "../../../bench/widget-stake.ts";

interface SizeLimitEntry {
  name?: string;
  path: string | string[];
  limit: string;
  gzip?: boolean;
}

type Glob = (patterns: string[], options: { cwd: string }) => Promise<string[]>;

const widget = fileURLToPath(new URL("..", import.meta.url));
const entries = (
  JSON.parse(readFileSync(join(widget, "package.json"), "utf8")) as { "size-limit": SizeLimitEntry[] }
)["size-limit"];

/**
 * size-limit's own glob (tinyglobby, resolved from size-limit's install, ESM entry), so the file set here is the
 * one size-limit sums, `!` exclusions and extglobs included.
 */
async function sizeLimitGlob(): Promise<Glob> {
  const fromSizeLimit = createRequire(createRequire(import.meta.url).resolve("size-limit/package.json"));
  const pkgPath = fromSizeLimit.resolve("tinyglobby/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { exports: { ".": { import: string } } };
  const mod = (await import(pathToFileURL(join(dirname(pkgPath), pkg.exports["."].import)).href)) as {
    glob: Glob;
  };
  return mod.glob;
}

/** size-limit's limit strings here are "<n> kB", and size-limit (bytes-iec) reads kB as 1000 bytes. */
function limitBytes(limit: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*kB$/.exec(limit.trim());
  if (!m?.[1]) throw new Error(`size-browser: limit "${limit}" is not "<n> kB"; teach limitBytes() its unit`);
  return Math.round(Number(m[1]) * 1000);
}

function entryFor(bench: string): SizeLimitEntry {
  const found = entries.filter((e) => e.name?.includes(bench));
  if (found.length !== 1 || !found[0])
    throw new Error(`size-browser: expected one size-limit entry naming ${bench}, found ${found.length}`);
  return found[0];
}

const glob = await sizeLimitGlob();
const problems: string[] = [];

async function check(
  bench: string,
  measured: { scripts: { file: string }[]; scriptGzipBytes: number },
): Promise<void> {
  const entry = entryFor(bench);
  if (entry.gzip !== true)
    problems.push(`${bench}: its size-limit entry must have "gzip": true (the bench counts gzip)`);
  const budgeted = new Set(
    (await glob(Array.isArray(entry.path) ? entry.path : [entry.path], { cwd: widget })).map((f) =>
      f.replace(/\\/g, "/"),
    ),
  );
  const fetched = new Set(measured.scripts.map((s) => s.file.replace(/^\/cdn\//, "dist/cdn/")));
  const missing = [...fetched].filter((f) => !budgeted.has(f)).sort();
  const extra = [...budgeted].filter((f) => !fetched.has(f)).sort();
  if (missing.length > 0)
    problems.push(`${bench}: Chromium fetched, the size-limit entry does not count: ${missing.join(", ")}`);
  if (extra.length > 0)
    problems.push(`${bench}: the size-limit entry counts, Chromium never fetched: ${extra.join(", ")}`);
  const limit = limitBytes(entry.limit);
  if (measured.scriptGzipBytes > limit)
    problems.push(`${bench}: ${measured.scriptGzipBytes} B gzip fetched, over the ${entry.limit} budget`);
  process.stdout.write(
    `${bench}: ${fetched.size} scripts fetched, ${measured.scriptGzipBytes} B gzip (budget ${entry.limit}); ` +
      `${missing.length + extra.length === 0 ? "same files as its size-limit entry" : "files differ from its size-limit entry"}\n`,
  );
}

// One after the other: each starts a localnet and a Chromium (CI has 2 cores).
const lean = await measureLean();
await check("bench/widget-lean.ts", lean);
if (lean.nodeRequests.length > 1)
  problems.push(
    `bench/widget-lean.ts: ${lean.nodeRequests.length} node requests before rate, APR and TVL (issue 14: 1): ${lean.nodeRequests.join("; ")}`,
  );
await check("bench/widget-stake.ts", await measureStake());

if (problems.length > 0) {
  for (const p of problems) process.stderr.write(`size-browser: ${p}\n`);
  process.exitCode = 1;
}
