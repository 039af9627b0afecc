/**
 * `npm run move:compat`: would publishing today's package over the last published one pass the chain's
 * `compatible` upgrade policy (move/Move.toml)? Compares the generated ABI (packages/core/src/generated/abi.ts,
 * kept in step with move/sources by `npm run abi:check`) with the committed snapshot of the last published ABI,
 * `move/published/abi.json`. Exits 1 listing each violation.
 *
 * `npm run move:compat -- --update` rewrites the snapshot: run it when a release is published, never to silence
 * a violation.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { kofiAbi } from "../../packages/core/src/generated/abi.ts";
import { type AbiModule, judgeUpgrade } from "./compat-lib.ts";

const SNAPSHOT = fileURLToPath(new URL("../../move/published/abi.json", import.meta.url));
const current = kofiAbi.modules as unknown as Record<string, AbiModule>;

if (process.argv.includes("--update")) {
  const version = (/^version\s*=\s*"([^"]+)"/m.exec(
    readFileSync(fileURLToPath(new URL("../../move/Move.toml", import.meta.url)), "utf8"),
  ) ?? [])[1];
  writeFileSync(SNAPSHOT, `${JSON.stringify({ package: "Kofi", version, modules: current }, null, 2)}\n`);
  console.log(
    `move:compat: snapshot written for version ${version} (${Object.keys(current).length} modules)`,
  );
  process.exit(0);
}

const snapshot = JSON.parse(readFileSync(SNAPSHOT, "utf8")) as {
  version: string;
  modules: Record<string, AbiModule>;
};
const violations = judgeUpgrade(snapshot.modules, current);
for (const v of violations) console.log(`move/published/abi.json: ${v.rule}: ${v.item}: ${v.detail}`);
console.log(
  violations.length
    ? `move:compat: ${violations.length} violation(s) of the compatible upgrade policy against published ${snapshot.version}`
    : `move:compat: compatible with published ${snapshot.version}`,
);
process.exit(violations.length ? 1 : 0);
