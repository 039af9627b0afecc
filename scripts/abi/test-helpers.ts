import { buildAbi, type ModuleInfo } from "./build-abi.ts";
import { parseModules } from "./parse.ts";

export const KOFI = "0x000000000000000000000000000000000000000000000000000000006b6f6669";

/** Parses inline Move fixtures (one string per file) with `kofi` at the dev address. */
export function abiOf(...sources: string[]): ModuleInfo[] {
  const decls = sources.flatMap((s, i) => parseModules(s, `fixture${i}.move`));
  return buildAbi(decls, { kofi: KOFI });
}

export function moduleOf(name: string, ...sources: string[]): ModuleInfo {
  const m = abiOf(...sources).find((x) => x.abi.name === name);
  if (!m) throw new Error(`no module ${name}`);
  return m;
}
