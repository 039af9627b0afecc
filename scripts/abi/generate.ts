import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { GeneratorError } from "./errors.ts";
import { generateFromMoveDir } from "./generate-lib.ts";

/**
 * npm run abi        regenerate packages/core/src/generated/abi.ts from move/sources
 * npm run abi:check  exit 1 when the committed file differs from a fresh generation
 * Flags: --move-dir <dir> (default move/), --out <file> (default packages/core/src/generated/abi.ts).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function parseArgs(argv: string[]): { check: boolean; moveDir: string; out: string } {
  let check = false;
  let moveDir = resolve(ROOT, "move");
  let out = resolve(ROOT, "packages/core/src/generated/abi.ts");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new GeneratorError(`${a} needs a value`);
      return resolve(v);
    };
    if (a === "--check") check = true;
    else if (a === "--move-dir") moveDir = value();
    else if (a === "--out") out = value();
    else
      throw new GeneratorError(`unknown argument '${a}' (expected --check, --move-dir <dir>, --out <file>)`);
  }
  return { check, moveDir, out };
}

function main(): number {
  const { check, moveDir, out } = parseArgs(process.argv.slice(2));
  const { text, modules } = generateFromMoveDir(moveDir, ROOT);
  const shownOut = relative(ROOT, out);
  if (check) {
    const current = existsSync(out) ? readFileSync(out, "utf8") : undefined;
    if (current !== text) {
      const why = current === undefined ? "is missing" : "is stale";
      console.error(`${shownOut} ${why}: run npm run abi`);
      return 1;
    }
    console.log(`${shownOut} is up to date (${modules.length} modules).`);
    return 0;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote ${shownOut} (${modules.map((m) => m.abi.name).join(", ") || "no modules"}).`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (!(e instanceof GeneratorError)) throw e;
  console.error(`abi: ${e.message}`);
  process.exitCode = 2;
}
