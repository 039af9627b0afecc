import type { Chain } from "./chain.ts";
import type { ModuleAbi, NodeFunction } from "./node/functions.ts";
import type { Registry } from "./node/registry.ts";
import { normalizeAddress } from "./runtime/address.ts";
import type { Address, FunctionBinding, Runtime, Signer } from "./runtime/port.ts";

/** The Kofi package as the node serves it: ABI (generated from move/sources) + the TypeScript model. */
export interface KofiPackage {
  address: Address;
  modules: Record<string, ModuleAbi>;
  bindings: readonly FunctionBinding[];
  publish(rt: Runtime, deployer: Signer): void;
  /** `kofiErrors`: per module, error constant -> { code (reason), doc }. Docs in vm_status come from here. */
  errors?: Record<string, Record<string, { code: number; doc: string }>>;
}

/** Load the generated ABI (`@kofi/core/abi`) and the model (`./kofi/index.ts`). */
export async function loadKofiPackage(): Promise<KofiPackage> {
  const abi = await import("@kofi/core/abi");
  const model = await import("./kofi/index.ts");
  return {
    address: normalizeAddress(abi.kofiAbi.address),
    modules: abi.kofiAbi.modules as unknown as Record<string, ModuleAbi>,
    bindings: model.kofiBindings,
    publish: model.publishKofi,
    errors: abi.kofiErrors as unknown as KofiPackage["errors"],
  };
}

/**
 * Every exposed entry/view function of the ABI must have exactly one binding, and every binding must name
 * an exposed entry/view function. Throws one error listing everything missing, duplicated or extra.
 */
export function checkKofiBindings(pkg: KofiPackage): void {
  const want = new Set<string>();
  for (const [name, m] of Object.entries(pkg.modules)) {
    for (const f of m.exposed_functions) if (f.is_entry || f.is_view) want.add(`${name}::${f.name}`);
  }
  const seen = new Map<string, number>();
  for (const b of pkg.bindings)
    seen.set(`${b.module}::${b.name}`, (seen.get(`${b.module}::${b.name}`) ?? 0) + 1);
  const missing = [...want].filter((k) => !seen.has(k));
  const extra = [...seen.keys()].filter((k) => !want.has(k));
  const dup = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
  if (missing.length || extra.length || dup.length) {
    const lines = [
      "kofi-localnet: the Kofi model does not match the generated ABI (packages/core/src/generated/abi.ts):",
      ...(missing.length ? [`  missing bindings (${missing.length}): ${missing.join(", ")}`] : []),
      ...(extra.length
        ? [`  bindings not in the ABI as entry/view functions (${extra.length}): ${extra.join(", ")}`]
        : []),
      ...(dup.length ? [`  duplicated bindings: ${dup.join(", ")}`] : []),
    ];
    throw new Error(lines.join("\n"));
  }
}

/** Register the package's modules with the node and its bindings with the chain (for runAs). */
export function installKofi(chain: Chain, registry: Registry, pkg: KofiPackage): void {
  checkKofiBindings(pkg);
  for (const m of Object.values(pkg.modules)) registry.addModule(pkg.address, m);
  for (const b of pkg.bindings) {
    const abi = pkg.modules[b.module]?.exposed_functions.find((f) => f.name === b.name);
    if (!abi) continue;
    const fn: NodeFunction = {
      address: pkg.address,
      module: b.module,
      name: b.name,
      abi,
      run: (rt, args, signer) => b.run(rt, args, signer) ?? undefined,
    };
    registry.addFunction(fn);
  }
  chain.register(pkg.address, pkg.bindings);
  for (const [module, errs] of Object.entries(pkg.errors ?? {})) {
    for (const [name, e] of Object.entries(errs))
      chain.abortDocs.set(`${pkg.address}::${module}::${name}`, e.doc);
  }
}
