import type { Chain } from "../chain.ts";
import type { ExposedFunction, ModuleAbi } from "../runtime/functions.ts";
import type { Address, FunctionSignature, KofiFunctionBinding, Runtime, Signer } from "../runtime/port.ts";
import { loadKofiMove, type MovePackageOptions } from "./kofi-package.ts";

/** The Kofi package as the node serves it: ABI (generated from move/sources) + the interpreted Move. */
export interface KofiPackage {
  address: Address;
  modules: Record<string, ModuleAbi>;
  /** One per entry function and view, signature from the checked Move; `checkKofiBindings` compares it with `modules`. */
  bindings: readonly KofiFunctionBinding[];
  publish(rt: Runtime, deployer: Signer): void;
  /** `kofiErrors`: per module, error constant -> { code (reason), doc }. Docs in vm_status come from here. */
  errors?: Record<string, Record<string, { code: number; doc: string }>>;
}

/**
 * Load the generated ABI (`@kofi/core/abi`, served by the node) and the protocol itself: `move/sources`
 * parsed, checked and executed by the Move interpreter (`./move/kofi-package.ts`). `checkKofiBindings`
 * compares the checked Move signatures with the generated ABI, so a stale abi.ts stops the node.
 */
export async function loadKofiPackage(opts: MovePackageOptions = {}): Promise<KofiPackage> {
  const abi = await import("@kofi/core/abi");
  const move = loadKofiMove(opts);
  return {
    address: move.address,
    modules: abi.kofiAbi.modules as unknown as Record<string, ModuleAbi>,
    bindings: move.bindings,
    publish: move.publish,
    errors: abi.kofiErrors as unknown as KofiPackage["errors"],
  };
}

/** The ABI's params as a binding lists them: without the leading `&signer`/`signer` (see `FunctionSignature`). */
function bindingParams(abiParams: readonly string[]): readonly string[] {
  return abiParams[0] === "&signer" || abiParams[0] === "signer" ? abiParams.slice(1) : abiParams;
}

const list = (xs: readonly string[]): string => `(${xs.join(", ")})`;

/** Each way `sig` (the binding's) differs from `abi`, as one human-readable line per field. */
function signatureDifferences(sig: FunctionSignature | undefined, abi: ExposedFunction): string[] {
  if (sig === undefined) return ["no signature"];
  const out: string[] = [];
  const params = bindingParams(abi.params);
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((t, i) => t === y[i]);
  if (!same(sig.params, params))
    out.push(`params ${list(sig.params)} in the binding, ${list(params)} in the ABI (after &signer)`);
  if (!same(sig.returns, abi.return))
    out.push(`returns ${list(sig.returns)} in the binding, ${list(abi.return)} in the ABI`);
  if (sig.isEntry !== abi.is_entry)
    out.push(`is_entry ${sig.isEntry} in the binding, ${abi.is_entry} in the ABI`);
  if (sig.isView !== abi.is_view) out.push(`is_view ${sig.isView} in the binding, ${abi.is_view} in the ABI`);
  return out;
}

/**
 * Every exposed entry/view function of the ABI must have exactly one binding, every binding must name an
 * exposed entry/view function, and every binding's signature must equal the ABI's (params after the leading
 * `&signer`, returns, is_entry, is_view). Throws one error listing everything missing, duplicated, extra or
 * different, so the node refuses to start.
 */
export function checkKofiBindings(pkg: KofiPackage): void {
  const want = new Map<string, ExposedFunction>();
  for (const [name, m] of Object.entries(pkg.modules)) {
    for (const f of m.exposed_functions) if (f.is_entry || f.is_view) want.set(`${name}::${f.name}`, f);
  }
  const seen = new Map<string, number>();
  for (const b of pkg.bindings)
    seen.set(`${b.module}::${b.name}`, (seen.get(`${b.module}::${b.name}`) ?? 0) + 1);
  const missing = [...want.keys()].filter((k) => !seen.has(k));
  const extra = [...seen.keys()].filter((k) => !want.has(k));
  const dup = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
  const differs: string[] = [];
  for (const b of pkg.bindings) {
    const abi = want.get(`${b.module}::${b.name}`);
    if (abi === undefined) continue;
    for (const d of signatureDifferences(b.signature, abi)) differs.push(`${b.module}::${b.name}: ${d}`);
  }
  if (missing.length || extra.length || dup.length || differs.length) {
    const lines = [
      "kofi-localnet: move/sources does not match the generated ABI (packages/core/src/generated/abi.ts; run npm run abi):",
      ...(missing.length ? [`  missing bindings (${missing.length}): ${missing.join(", ")}`] : []),
      ...(extra.length
        ? [`  bindings not in the ABI as entry/view functions (${extra.length}): ${extra.join(", ")}`]
        : []),
      ...(dup.length ? [`  duplicated bindings: ${dup.join(", ")}`] : []),
      ...(differs.length
        ? [`  signatures that differ from the ABI (${differs.length}):`, ...differs.map((d) => `    ${d}`)]
        : []),
    ];
    throw new Error(lines.join("\n"));
  }
}

/** Publish the package's modules and functions in the chain's registry (served by the node, called by runAs). */
export function installKofi(chain: Chain, pkg: KofiPackage): void {
  checkKofiBindings(pkg);
  for (const m of Object.values(pkg.modules)) chain.registry.addModule(pkg.address, m);
  for (const b of pkg.bindings) {
    const abi = pkg.modules[b.module]?.exposed_functions.find((f) => f.name === b.name);
    if (abi) chain.registry.addBinding(pkg.address, b, abi);
  }
  for (const [module, errs] of Object.entries(pkg.errors ?? {})) {
    for (const [name, e] of Object.entries(errs))
      chain.abortDocs.set(`${pkg.address}::${module}::${name}`, e.doc);
  }
}
