/**
 * Micro benchmark of @kofi/move's interpreter on Kofi's Move: `npx tsx bench/move-interp.ts [iterations]`, or
 * through `npm run bench` (2,000 iterations; figures in bench/results.md).
 * Loads move/sources (dev addresses), checks it, builds the interpreter with the std natives and the localnet's
 * framework natives, then in a fresh Move test world does what test_helpers::setup does (framework test init and
 * three validators through the framework natives, `publish` for the init_modules, add_pool x3, set_weights,
 * seed_vault), funds a user, and times gateway entry functions and views, each called `iterations` times.
 */
import { fileURLToPath } from "node:url";
import { createMoveTestWorld, frameworkNatives } from "../packages/localnet/src/framework/natives/index.ts";
import { checkPackage } from "../packages/move/src/check/check-package.ts";
import { formatDiagnostic } from "../packages/move/src/diagnostics.ts";
import { Interpreter } from "../packages/move/src/interp/interpreter.ts";
import { stdNatives } from "../packages/move/src/interp/std/index.ts";
import { Ref, SignerValue, type Value } from "../packages/move/src/interp/values.ts";
import { loadPackage } from "../packages/move/src/load.ts";
import type { Figure } from "./run.ts";

const moveDir = fileURLToPath(new URL("../move", import.meta.url));

interface Row {
  label: string;
  /** Milliseconds per call (or once, for load and construction). */
  ms: number;
  /** Of which inside framework natives. */
  nativeMs: number;
}

/** Runs the benchmark with `n` calls per function; `log` receives the human-readable lines. */
export async function measure(n: number, log: (line: string) => void = () => {}): Promise<Row[]> {
  const rows: Row[] = [];

  const t0 = performance.now();
  const loaded = loadPackage(moveDir, { dev: true, tests: false });
  const checked = checkPackage(loaded.package);
  const errors = [...loaded.diagnostics, ...checked.diagnostics].filter((d) => d.severity === "error");
  const t1 = performance.now();
  if (errors.length) {
    for (const d of errors.slice(0, 10)) console.error(formatDiagnostic(d, process.cwd()));
    throw new Error(`${errors.length} check errors: the benchmark needs a package that checks`);
  }
  const natives = new Map([...stdNatives(), ...frameworkNatives()]);
  // Time spent inside natives (framework model, journal), to separate it from interpretation.
  let nativeMs = 0;
  const counts = new Map<string, number>();
  const nativeByName = new Map<string, number>();
  for (const [key, f] of natives) {
    natives.set(key, (ctx, args) => {
      const s = performance.now();
      try {
        return f(ctx, args);
      } finally {
        const d = performance.now() - s;
        nativeMs += d;
        nativeByName.set(key, (nativeByName.get(key) ?? 0) + d);
        if (process.env.COUNT) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    });
  }
  const interp = new Interpreter(loaded.package, natives);
  const t2 = performance.now();
  rows.push({ label: "load + check move/sources", ms: t1 - t0, nativeMs: 0 });
  rows.push({ label: "interpreter construction", ms: t2 - t1, nativeMs: 0 });
  log(`load+check ${(t1 - t0).toFixed(0)} ms, interpreter construction ${(t2 - t1).toFixed(1)} ms`);

  const world = createMoveTestWorld();
  const env = world.env;
  const long = (hex: string) => `0x${hex.padStart(64, "0")}`;
  const kofi = loaded.package.addresses.get("kofi") as string;
  const fw = long("1");
  const alice = long("a11ce");
  const ONE = 100_000_000n;
  const signer = (a: string) => new Ref([new SignerValue(a)], 0);
  function native(key: string, args: Value[]): Value[] {
    const f = natives.get(key);
    if (!f) throw new Error(`no native ${key}`);
    return f({ host: env.host, storage: env.storage, typeArgs: [], emit: (t, d) => env.emit(t, d) }, args);
  }

  // test_helpers::setup_unconfigured, through the natives it calls
  native("0x1::delegation_pool::initialize_for_test_custom", [
    signer(fw),
    100n * ONE,
    10_000_000n * ONE,
    3600n,
    true,
    1n,
    100n,
    1_000_000n,
  ]);
  native("0x1::block::initialize_for_test", [signer(fw), 60_000_000n]);
  const pools: Value[] = [];
  for (const [hex, commission] of [
    ["a1", 0n],
    ["a2", 1000n],
    ["a3", 500n],
  ] as const) {
    const v = native("0x1::account::create_signer_for_test", [long(hex)])[0] as Value;
    native("0x1::delegation_pool::initialize_test_validator_custom", [
      new Ref([v], 0),
      1000n * ONE,
      true,
      false,
      commission,
    ]);
    pools.push(native("0x1::delegation_pool::get_owned_pool_address", [long(hex)])[0] as Value);
  }
  native("0x1::delegation_pool::end_aptos_epoch", []);
  for (const a of [kofi, alice]) {
    native("0x1::account::create_account_for_test", [a]);
    native("0x1::stake::mint", [signer(a), 10_000_000n * ONE]);
  }
  interp.publish(env, kofi);
  // test_helpers::setup: pools, weights, seeded vault
  for (const p of pools)
    interp.call(
      env,
      "staking_manager",
      "add_pool",
      [],
      [new SignerValue(kofi), p, (1n << 64n) - 1n, 11n * ONE],
    );
  interp.call(
    env,
    "staking_manager",
    "set_weights",
    [],
    [new SignerValue(kofi), pools, [5000n, 3000n, 2000n]],
  );
  interp.call(env, "gateway", "seed_vault", [], [new SignerValue(kofi), ONE]);

  function time(label: string, fn: string, args: () => Value[]): void {
    for (let i = 0; i < 300; i++) interp.call(env, "gateway", fn, [], args()); // warm-up (JIT)
    nativeMs = 0;
    nativeByName.clear();
    const start = performance.now();
    for (let i = 0; i < n; i++) interp.call(env, "gateway", fn, [], args());
    const ms = (performance.now() - start) / n;
    const nat = nativeMs / n;
    rows.push({ label, ms, nativeMs: nat });
    const top = [...nativeByName].sort((a, b) => b[1] - a[1]).slice(0, 2);
    log(
      `${label.padEnd(36)} ${(ms * 1000).toFixed(1).padStart(8)} µs/call ${(1000 / ms).toFixed(0).padStart(7)} calls/s` +
        `  interpreter ${((ms - nat) * 1000).toFixed(1).padStart(6)} µs, natives ${(nat * 1000).toFixed(1).padStart(7)} µs` +
        ` (${top.map(([k, v]) => `${k.replace("0x1::", "")} ${((v / n) * 1000).toFixed(0)}`).join(", ")})`,
    );
  }

  const user = new SignerValue(alice);
  log(`${n} calls each, one world (storage grows with every call)`);
  time("gateway::deposit(1 APT)", "deposit", () => [user, ONE, 0n]);
  time("gateway::deposit_and_stake(1 APT)", "deposit_and_stake", () => [user, ONE, 0n]);
  time("gateway::stake(0.5 kAPT)", "stake", () => [user, ONE / 2n, 0n]);
  time("gateway::unstake(0.1 stkAPT)", "unstake", () => [user, ONE / 10n, 0n]);
  time("gateway::quote_deposit (view)", "quote_deposit", () => [ONE]);
  time("gateway::protocol_state (view)", "protocol_state", () => []);
  if (process.env.COUNT)
    log(
      [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, c]) => `${k} ${(c / (n + 300) / 6).toFixed(1)}`)
        .join("\n"),
    );
  return rows;
}

export async function run(): Promise<Figure[]> {
  const n = 2000;
  const how = `${n} calls after 300 warm-up, in one Move test world (storage grows), no HTTP or signatures`;
  return (await measure(n)).map((r) =>
    r.nativeMs === 0 && !r.label.includes("::")
      ? { name: r.label, value: Math.round(r.ms * 10) / 10, unit: "ms", how: "once, in process" }
      : {
          name: r.label,
          value: Math.round(r.ms * 1000),
          unit: "µs/call",
          how: `${how}; ${Math.round(r.nativeMs * 1000)} µs of it in framework natives`,
        },
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  await measure(Number(process.argv[2] ?? 2000), (line) => console.log(line));
