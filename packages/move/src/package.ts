import type { ModuleDecl } from "./syntax/ast.ts";

/**
 * A parsed Move package: its named addresses (from `Move.toml`, `[dev-addresses]` applied when `dev`) and its
 * modules. `testOnly` marks modules from `tests/` or with `#[test_only]`; they are loaded only with tests.
 */
export interface MovePackage {
  name: string;
  /** Named address -> normalised long-form address (`kofi` -> `0x…6b6f6669`); the framework's names included. */
  addresses: ReadonlyMap<string, string>;
  modules: ModuleDecl[];
  /** Directory the package was read from (absolute), for diagnostics. */
  root: string;
}
