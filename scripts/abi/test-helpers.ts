import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAbi, type ModuleInfo } from "./build-abi.ts";
import { loadCheckedPackage } from "./generate-lib.ts";

export const KOFI = "0x000000000000000000000000000000000000000000000000000000006b6f6669";

const MOVE_TOML = `[package]\nname = "Fixture"\n\n[addresses]\nkofi = "_"\n\n[dev-addresses]\nkofi = "${KOFI}"\n`;

/**
 * The ABI of inline Move fixtures (one string per file, `sources/fixture<i>.move`), written to a scratch
 * package and read the way `npm run abi` reads move/: loaded and checked like the localnet's package.
 */
export function abiOf(...sources: string[]): ModuleInfo[] {
  const dir = mkdtempSync(join(tmpdir(), "kofi-abi-fixture-"));
  try {
    writeFileSync(join(dir, "Move.toml"), MOVE_TOML);
    mkdirSync(join(dir, "sources"));
    sources.forEach((s, i) => {
      writeFileSync(join(dir, "sources", `fixture${i}.move`), s);
    });
    return buildAbi(loadCheckedPackage(dir, dir), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function moduleOf(name: string, ...sources: string[]): ModuleInfo {
  const m = abiOf(...sources).find((x) => x.abi.name === name);
  if (!m) throw new Error(`no module ${name}`);
  return m;
}
