/**
 * The Kofi package as the node runs it: `move/sources` parsed, checked against the framework's on-chain ABI and
 * executed by `@kofi/move`'s interpreter, with the framework natives bound to this node's framework model.
 * There is no TypeScript copy of the protocol: every entry function and view runs the Move.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  checkPackage,
  DiagnosticsError,
  type FunSig,
  formatTy,
  Interpreter,
  loadPackage,
  type NativeFn,
  SignerValue,
  stdNatives,
  substTy,
  type Ty,
  type Value,
} from "@kofi/move";
import type { FrameworkImpl } from "../framework/index.ts";
import { frameworkNatives, type MoveHost, moveEnvForTx } from "../framework/natives/index.ts";
import type { Address, FunctionBinding, KofiFunctionBinding, Runtime, Signer } from "../runtime/port.ts";
import { type FieldsOf, fromMove, toMove } from "./convert.ts";

export interface MovePackageOptions {
  /** The Move package directory (default: the repository's `move/`, or the copy shipped with the package). */
  moveDir?: string;
}

/**
 * Where the protocol's Move lives. In the repository (this file is src/move/kofi-package.ts, or dist/move/ after
 * a build): the repository's move/. In the published package (no src/): the copy shipped at the package root,
 * move/Move.toml + move/sources (copied at prepack by scripts/pack/move-package.mjs).
 */
export function defaultMoveDir(): string {
  const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
  const published = !existsSync(`${packageRoot}src`);
  const candidates = published ? ["../../move"] : ["../../../../move"];
  for (const rel of candidates) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}/Move.toml`)) return dir;
  }
  throw new Error(
    `kofi-localnet: the Kofi Move package (move/Move.toml) was not found (looked in ${candidates
      .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
      .join(", ")}); pass moveDir`,
  );
}

export interface LoadedKofiMove {
  address: Address;
  interpreter: Interpreter<MoveHost>;
  bindings: KofiFunctionBinding[];
  publish(rt: Runtime, deployer: Signer): void;
  /** Milliseconds spent parsing, checking and compiling. */
  timings: { parse: number; check: number; compile: number };
}

const ctxOf = (rt: Runtime) => (rt.framework as FrameworkImpl).ctx;

/**
 * Parses, checks and compiles the package; throws `DiagnosticsError` (every diagnostic, compiler style) when
 * it does not check, and the interpreter's `MissingNativesError` when it calls a framework function this node
 * does not model.
 */
export function loadKofiMove(opts: MovePackageOptions = {}): LoadedKofiMove {
  const moveDir = opts.moveDir ?? defaultMoveDir();
  // The compiled package holds no chain state: every localnet of this process running the same directory
  // shares it, so a test suite that starts many localnets parses and checks the Move once.
  const hit = loaded.get(moveDir);
  if (hit) return hit;
  const out = compileKofiMove(moveDir);
  loaded.set(moveDir, out);
  return out;
}

const loaded = new Map<string, LoadedKofiMove>();

function compileKofiMove(moveDir: string): LoadedKofiMove {
  const t0 = performance.now();
  const loaded = loadPackage(moveDir, { dev: true, tests: false });
  if (loaded.diagnostics.some((d) => d.severity === "error")) throw new DiagnosticsError(loaded.diagnostics);
  const t1 = performance.now();
  const checked = checkPackage(loaded.package);
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new DiagnosticsError(errors);
  const t2 = performance.now();
  const natives = new Map<string, NativeFn<MoveHost>>([
    ...(stdNatives<MoveHost>() as Map<string, NativeFn<MoveHost>>),
    ...(frameworkNatives() as Map<string, NativeFn<MoveHost>>),
  ]);
  const interpreter = new Interpreter<MoveHost>(loaded.package, natives);
  const t3 = performance.now();

  const address = loaded.package.addresses.get("kofi") as Address;
  const env = checked.checked.env;
  const fields: FieldsOf = (t) => {
    const s = env.struct({ address: t.address, name: t.module }, t.name);
    return s?.fields.map((f) => ({ name: f.name, ty: substTy(f.ty, t.args) }));
  };

  const bindings: KofiFunctionBinding[] = [];
  for (const m of checked.checked.modules) {
    const id = checked.checked.moduleIds.get(m);
    if (!id || id.address !== address) continue;
    for (const f of m.functions) {
      const sig = env.funs.get(`${id.address}::${id.name}::${f.name}`) as FunSig;
      if (!sig.isEntry && !sig.isView) continue;
      bindings.push(binding(interpreter, sig, fields));
    }
  }

  return {
    address,
    interpreter,
    bindings,
    publish(rt, deployer) {
      interpreter.publish(moveEnvForTx(ctxOf(rt)), new SignerValue(deployer.address));
    },
    timings: { parse: t1 - t0, check: t2 - t1, compile: t3 - t2 },
  };
}

const isSignerParam = (t: Ty | undefined) =>
  t !== undefined && (t.k === "signer" || (t.k === "ref" && t.to.k === "signer"));

/** One entry function or view, called through the interpreter with the node's argument conventions. */
function binding(interp: Interpreter<MoveHost>, sig: FunSig, fields: FieldsOf): KofiFunctionBinding {
  const takesSigner = sig.isEntry && isSignerParam(sig.params[0]);
  const valueParams = takesSigner ? sig.params.slice(1) : sig.params;
  const module = sig.module.name;
  const name = sig.name;
  const returns = sig.returns;
  const run: FunctionBinding["run"] = (rt, args, signer) => {
    const moveArgs: Value[] = [];
    if (takesSigner) {
      if (!signer) throw new Error(`${module}::${name}: entry function without signer`);
      moveArgs.push(new SignerValue(signer.address));
    }
    valueParams.forEach((t, i) => {
      moveArgs.push(toMove(t, args[i], fields));
    });
    const out = interp.call(moveEnvForTx(ctxOf(rt)), module, name, [], moveArgs);
    if (!sig.isView) return undefined;
    return out.map((v, i) => fromMove(returns[i] as Ty, v, fields));
  };
  return {
    module,
    name,
    signature: {
      params: valueParams.map(formatTy),
      returns: returns.map(formatTy),
      isEntry: sig.isEntry,
      isView: sig.isView,
    },
    run,
  };
}
