// The Kofi Move package inside @kofi/localnet's tarball: the localnet parses, checks and runs move/sources at
// start, so the published package carries them. Run from packages/localnet (npm's cwd for its scripts).
//   copy    ../../move/{Move.toml,sources/*.move} -> ./move/ (prepack; any earlier copy is replaced)
//   remove  deletes ./move/ (postpack): the workspace's localnet runs the repository's move/ directly
// Only Move.toml and sources/ ship: tests, docs and the ABI snapshot stay in the repository.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";

const from = resolve(process.cwd(), "../../move");
const to = resolve(process.cwd(), "move");
const mode = process.argv[2];

if (mode === "copy") {
  if (!existsSync(resolve(from, "Move.toml"))) throw new Error(`move-package: no Move package at ${from}`);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(resolve(to, "sources"), { recursive: true });
  cpSync(resolve(from, "Move.toml"), resolve(to, "Move.toml"));
  const sources = readdirSync(resolve(from, "sources")).filter((f) => f.endsWith(".move"));
  if (sources.length === 0) throw new Error(`move-package: no .move files in ${from}/sources`);
  for (const f of sources) cpSync(resolve(from, "sources", f), resolve(to, "sources", f));
} else if (mode === "remove") {
  rmSync(to, { recursive: true, force: true });
} else {
  throw new Error("usage: move-package.mjs copy|remove");
}
