/**
 * The real on-chain ABIs of the framework packages (0x1 aptos_framework, 0x4 aptos_token_objects), read as
 * data from `@typemove/aptos`'s `src/abis/0x{1,4}.json` (the same files @kofi/move's checker reads), so the
 * functions the node serves carry exactly the ABI a fullnode serves instead of a retyped copy.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type AbiModule, frameworkAbiPath, loadFramework } from "@kofi/move";
import type { ExposedFunction, ModuleAbi } from "../runtime/functions.ts";

const packages = new Map<string, ReadonlyMap<string, AbiModule>>();

function modulesAt(address: "0x1" | "0x4"): ReadonlyMap<string, AbiModule> {
  let m = packages.get(address);
  if (!m) {
    if (address === "0x1") m = loadFramework().modules;
    else {
      const raw = JSON.parse(readFileSync(join(dirname(frameworkAbiPath()), `${address}.json`), "utf8")) as {
        abi: AbiModule;
      }[];
      m = new Map(raw.map((x) => [x.abi.name, x.abi]));
    }
    packages.set(address, m);
  }
  return m;
}

/** The real ABI of `address::module::name`; throws when the framework has no such function. */
export function realFunctionAbi(address: "0x1" | "0x4", module: string, name: string): ExposedFunction {
  const f = modulesAt(address)
    .get(module)
    ?.exposed_functions.find((x) => x.name === name);
  if (!f) throw new Error(`${address}::${module}::${name} is not in the framework's ABI`);
  return f as ExposedFunction;
}

/** The real struct ABIs of a framework module (served in module ABIs and used to render resources). */
export function realModuleStructs(address: "0x1" | "0x4", module: string): ModuleAbi["structs"] {
  return (modulesAt(address).get(module)?.structs ?? []) as ModuleAbi["structs"];
}
