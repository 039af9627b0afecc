// tsc keeps the sources' `./x.ts` specifiers in the emitted .d.ts; published declarations need `./x.js`.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const dist = new URL("../dist/", import.meta.url).pathname;
const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith(".d.ts"));
for (const f of files) {
  const path = join(dist, f);
  const text = await readFile(path, "utf8");
  const fixed = text.replace(/((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']+)\.ts(["'])/g, "$1$2.js$3");
  if (fixed !== text) await writeFile(path, fixed);
}
