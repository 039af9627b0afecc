import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import {
  type CheckedPackage,
  checkPackage,
  type Diagnostic,
  displayAddress,
  formatDiagnostic,
  loadPackage,
} from "../../packages/move/src/index.ts";
import { buildAbi, type ModuleInfo } from "./build-abi.ts";
import { emitAbiFile } from "./emit.ts";
import { GeneratorError } from "./errors.ts";

export interface Generated {
  /** The `kofi` dev address in the fullnode's form. */
  kofiAddress: string;
  modules: ModuleInfo[];
  text: string;
}

/**
 * Loads and checks `<moveDir>` exactly as the localnet does before it publishes the package
 * (`packages/localnet/src/move/kofi-package.ts`): `loadPackage` with the `[dev-addresses]` of Move.toml and
 * without tests, then `checkPackage`. Any error stops generation with every error, compiler style.
 */
export function loadCheckedPackage(moveDir: string, displayRoot = process.cwd()): CheckedPackage {
  const tomlPath = join(moveDir, "Move.toml");
  if (!existsSync(tomlPath)) throw new GeneratorError(`${relative(displayRoot, tomlPath)} not found`);
  const loaded = loadPackage(moveDir, { dev: true, tests: false });
  stopOnErrors(loaded.diagnostics, displayRoot);
  if (!loaded.package.addresses.has("kofi")) {
    throw new GeneratorError(`${relative(displayRoot, tomlPath)} has no 'kofi' address in [dev-addresses]`);
  }
  const checked = checkPackage(loaded.package);
  stopOnErrors(checked.diagnostics, displayRoot);
  return checked.checked;
}

function stopOnErrors(diagnostics: readonly Diagnostic[], displayRoot: string): void {
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new GeneratorError(errors.map((d) => formatDiagnostic(d, displayRoot)).join("\n"));
  }
}

/** The ABI of the checked package in `<moveDir>` (see `loadCheckedPackage`) and the file text. */
export function generateFromMoveDir(moveDir: string, displayRoot = process.cwd()): Generated {
  const checked = loadCheckedPackage(moveDir, displayRoot);
  const kofiAddress = displayAddress(checked.package.addresses.get("kofi") as string);
  const modules = buildAbi(checked, displayRoot);
  return { kofiAddress, modules, text: emitAbiFile(kofiAddress, modules) };
}
