/**
 * The interpreted Move of the protocol for SDK property tests: move/sources parsed, checked and run by
 * `@kofi/move`'s interpreter with `@kofi/localnet`'s framework natives, published once into an empty Move test
 * world (as a Move unit test sees it). Tests then write protocol resources directly (a random state) and call
 * the Move's own functions, `public(package)` and private ones included. Test-only (outside src/).
 */
import { fileURLToPath } from "node:url";
import {
  createMoveTestWorld,
  frameworkNatives,
  type MoveHost,
  type MoveTestWorld,
} from "@kofi/localnet/move";
import {
  checkPackage,
  DiagnosticsError,
  Interpreter,
  loadPackage,
  type NativeFn,
  SignerValue,
  stdNatives,
  type Value,
} from "@kofi/move";

export const MOVE_DIR = fileURLToPath(new URL("../../../move", import.meta.url));

export interface MoveProtocol {
  readonly kofi: `0x${string}`;
  readonly world: MoveTestWorld;
  /** Calls `module::fn` of the package (any visibility); returns its results. */
  call(module: string, fn: string, args: Value[]): Value[];
  /** Sets the chain clock (seconds), backwards too. */
  setNow(secs: bigint): void;
  /** The resource `module::Name` at `addr` (default the package address), mutable. */
  resource<T>(module: string, name: string, addr?: string): T;
}

const TIMESTAMP = "0x0000000000000000000000000000000000000000000000000000000000000001";

/** Loads, checks and publishes move/sources into a fresh world (about 0.3 s cold). */
export function loadMoveProtocol(moveDir = MOVE_DIR): MoveProtocol {
  const loaded = loadPackage(moveDir, { dev: true, tests: true });
  if (loaded.diagnostics.some((d) => d.severity === "error")) throw new DiagnosticsError(loaded.diagnostics);
  const checked = checkPackage(loaded.package);
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new DiagnosticsError(errors);
  const natives = new Map<string, NativeFn<MoveHost>>([
    ...(stdNatives<MoveHost>() as Map<string, NativeFn<MoveHost>>),
    ...(frameworkNatives() as Map<string, NativeFn<MoveHost>>),
  ]);
  const interp = new Interpreter<MoveHost>(loaded.package, natives);
  const kofi = loaded.package.addresses.get("kofi") as `0x${string}`;
  const world = createMoveTestWorld();
  const storage = world.env.storage;
  const run = (module: string, fn: string, args: Value[]) => interp.call(world.env, module, fn, [], args);
  // as Kofi's Move unit tests set up: the framework (AptosCoin, staking config, clock), the package account
  run("test_helpers", "setup_framework", [new SignerValue(TIMESTAMP)]);
  run("test_helpers", "fund", [new SignerValue(kofi), 10_000n * 100_000_000n]);
  interp.publish(world.env, new SignerValue(kofi));
  return {
    kofi,
    world,
    call: run,
    setNow(secs) {
      storage.borrowMut<{ microseconds: bigint }>(
        TIMESTAMP,
        "0x1::timestamp::CurrentTimeMicroseconds",
      ).microseconds = secs * 1_000_000n;
    },
    resource: <T>(module: string, name: string, addr: string = kofi) =>
      storage.borrowMut<T>(addr, `${kofi}::${module}::${name}`),
  };
}
