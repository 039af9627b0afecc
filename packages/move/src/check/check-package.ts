/**
 * `checkPackage`: names, types, abilities, `acquires`, visibility and test attributes of a parsed package, every
 * `0x1` reference checked against the framework's on-chain ABI. Annotates the tree in place for the interpreter.
 */
import type { Diagnostic, DiagnosticCode } from "../diagnostics.ts";
import { TEST_ONLY_FRAMEWORK } from "../framework/test-only.ts";
import type { MovePackage } from "../package.ts";
import type {
  Attribute,
  AttributeArg,
  ExpectedFailure,
  FunctionDecl,
  ModuleDecl,
  ModuleId,
  SourcePos,
} from "../syntax/ast.ts";
import { formatTy, type Ty } from "../types.ts";
import { BodyChecker } from "./body.ts";
import { Env, type FunSig, moduleKey, type StructInfo } from "./env.ts";
import { type AbiFunction, type FrameworkInterface, loadFramework } from "./framework.ts";
import { ModuleScope } from "./scope.ts";

export interface CheckOptions {
  /** The framework interface (default: @typemove/aptos's 0x1.json with `testOnlyFramework`). */
  framework?: FrameworkInterface;
  /** Test-only framework functions visible to test code (default: TEST_ONLY_FRAMEWORK). */
  testOnlyFramework?: readonly (AbiFunction & { module: string })[];
}

export interface CheckedPackage {
  package: MovePackage;
  /** Modules in dependency order (a module after every module it uses): the publish order. */
  modules: ModuleDecl[];
  moduleIds: ReadonlyMap<ModuleDecl, ModuleId>;
  env: Env;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** Present even with errors; only run it when `diagnostics` has no error. */
  checked: CheckedPackage;
}

const hasAttr = (names: readonly string[], n: string) => names.includes(n);

export function checkPackage(pkg: MovePackage, opts: CheckOptions = {}): CheckResult {
  const diags: Diagnostic[] = [];
  const error = (code: DiagnosticCode, message: string, pos: SourcePos) =>
    diags.push({ severity: "error", code, message, pos });
  const framework = opts.framework ?? loadFramework(opts.testOnlyFramework ?? TEST_ONLY_FRAMEWORK);
  const env = new Env(framework, pkg.addresses, true);

  // Module identities.
  for (const m of pkg.modules) {
    const address = env.address(m.address);
    if (address === undefined) {
      error("unknown_address", `unknown named address \`${m.address}\` (add it to Move.toml)`, m.pos);
      continue;
    }
    const id = { address, name: m.name };
    if (env.modules.has(moduleKey(id)))
      error("duplicate_module", `module \`${m.name}\` declared twice`, m.pos);
    if (env.isFramework(address))
      error("framework_module", `module \`${m.name}\` at 0x1 would shadow the framework`, m.pos);
    env.modules.set(moduleKey(id), m);
    env.moduleIds.set(m, id);
  }
  const modules = pkg.modules.filter((m) => env.moduleIds.has(m));
  const moduleTestOnly = (m: ModuleDecl) => hasAttr(m.attributes, "test_only");
  const fnTestOnly = (m: ModuleDecl, f: FunctionDecl) =>
    moduleTestOnly(m) || hasAttr(f.attributes, "test_only") || hasAttr(f.attributes, "test");

  // Structs: register names first (field types reference each other), then resolve fields.
  for (const m of modules) {
    const id = env.moduleIds.get(m) as ModuleId;
    for (const s of m.structs) {
      const info: StructInfo = {
        module: id,
        name: s.name,
        abilities: new Set(s.abilities),
        typeParams: s.typeParams.map((p) => ({ constraints: p.constraints, phantom: p.phantom })),
        fields: [],
        isEvent: hasAttr(s.attributes, "event"),
        framework: false,
        decl: s,
      };
      const key = `${moduleKey(id)}::${s.name}`;
      if (env.structs.has(key)) error("duplicate", `struct \`${s.name}\` declared twice`, s.pos);
      env.structs.set(key, info);
    }
  }
  const scopes = new Map<ModuleDecl, ModuleScope>();
  for (const m of modules) scopes.set(m, new ModuleScope(env, m, diags));

  for (const m of modules) {
    const scope = scopes.get(m) as ModuleScope;
    const id = scope.id;
    for (const s of m.structs) {
      if (s.isEnum) error("unsupported", "enums are not supported", s.pos);
      const info = env.structs.get(`${moduleKey(id)}::${s.name}`) as StructInfo;
      const tps = s.typeParams.map((p) => p.name);
      for (const f of s.fields) {
        const ty = scope.type(f.type, tps);
        if (!ty) continue;
        f.ty = ty;
        info.fields.push({ name: f.name, ty });
      }
      for (const f of s.fields) {
        if (!f.ty) continue;
        if (f.ty.k === "ref" || f.ty.k === "signer") {
          error("bad_field", `field \`${f.name}\` cannot hold \`${formatTy(f.ty)}\``, f.pos);
          continue;
        }
        const need = new Set<string>();
        for (const a of s.abilities) need.add(a === "key" ? "store" : a);
        const ab = env.abilities(
          f.ty,
          (i) => new Set(s.typeParams[i]?.constraints ?? ["copy", "drop", "store"]),
        );
        for (const a of need) {
          if (a === "store" || a === "copy" || a === "drop") {
            if (!ab.has(a)) {
              error(
                "missing_ability",
                `struct \`${s.name}\` has \`${s.abilities.includes("key") && a === "store" ? "key" : a}\`, but field \`${f.name}\`'s type \`${formatTy(f.ty)}\` does not have \`${a}\``,
                f.pos,
              );
            }
          }
        }
      }
      if (info.isEvent && !(info.abilities.has("drop") && info.abilities.has("store")))
        error("missing_ability", `#[event] struct \`${s.name}\` needs \`drop\` and \`store\``, s.pos);
    }
  }

  // Function signatures.
  for (const m of modules) {
    const scope = scopes.get(m) as ModuleScope;
    for (const f of m.functions) {
      const tps = f.typeParams.map((p) => p.name);
      const params = f.params.map((p) => scope.type(p.type, tps) ?? ({ k: "tuple", items: [] } as Ty));
      const returns = f.returns.map((r) => scope.type(r, tps) ?? ({ k: "tuple", items: [] } as Ty));
      f.returnTys = returns;
      const sig: FunSig = {
        module: scope.id,
        name: f.name,
        visibility: f.visibility,
        isEntry: f.isEntry,
        isView: hasAttr(f.attributes, "view"),
        typeParams: f.typeParams.map((p) => ({ constraints: p.constraints })),
        params,
        returns,
        testOnly: fnTestOnly(m, f),
        framework: false,
        decl: f,
      };
      const key = `${moduleKey(scope.id)}::${f.name}`;
      if (env.funs.has(key)) error("duplicate", `function \`${f.name}\` declared twice`, f.pos);
      env.funs.set(key, sig);
      if (f.isInline) error("unsupported", "inline functions are not supported", f.pos);
      if (f.isNative) error("unsupported", "native functions cannot be declared in this package", f.pos);
      if (f.isEntry && returns.length)
        error("entry_return", `entry function \`${f.name}\` cannot return values`, f.pos);
      if (sig.isView && returns.length === 0)
        error("view_return", `#[view] function \`${f.name}\` must return a value`, f.pos);
    }
  }

  // Constants.
  for (const m of modules) {
    const scope = scopes.get(m) as ModuleScope;
    for (const k of m.constants) {
      const ty = scope.type(k.type);
      if (!ty) continue;
      if (!isConstantType(ty)) {
        error(
          "bad_constant",
          `constant \`${k.name}\` has type \`${formatTy(ty)}\`, not a primitive or vector`,
          k.pos,
        );
        continue;
      }
      k.ty = ty;
      new BodyChecker({ env, scope, diags, testOnly: true, acquiresOf: () => new Set() }).checkConstant(
        k.value,
        ty,
      );
    }
  }

  // Bodies, acquires, tests.
  for (const m of modules) {
    const scope = scopes.get(m) as ModuleScope;
    const declaredAcquires = new Map<string, Set<string>>();
    for (const f of m.functions) {
      const set = new Set<string>();
      for (const a of f.acquires) {
        const name = a.segments[a.segments.length - 1] as string;
        if (!scope.hasOwnStruct(name) || (a.segments.length > 1 && a.segments[0] !== "Self")) {
          error(
            "bad_acquires",
            `\`acquires ${a.segments.join("::")}\`: not a resource of this module`,
            a.pos,
          );
          continue;
        }
        set.add(name);
      }
      declaredAcquires.set(f.name, set);
    }
    for (const f of m.functions) {
      const sig = env.funs.get(`${moduleKey(scope.id)}::${f.name}`) as FunSig;
      const body = new BodyChecker({
        env,
        scope,
        diags,
        fn: f,
        sig,
        testOnly: sig.testOnly,
        acquiresOf: (n) => declaredAcquires.get(n) ?? new Set(),
      });
      body.checkFunction(f, sig);
      const declared = declaredAcquires.get(f.name) ?? new Set();
      for (const r of body.acquired) {
        if (!declared.has(r))
          error(
            "missing_acquires",
            `function \`${f.name}\` acquires \`${r}\` but does not declare \`acquires ${r}\``,
            f.pos,
          );
      }
      for (const r of declared) {
        if (!body.acquired.has(r))
          diags.push({
            severity: "warning",
            code: "unused_acquires",
            message: `function \`${f.name}\` declares \`acquires ${r}\` but never acquires it`,
            pos: f.pos,
          });
      }
      if (hasAttr(f.attributes, "test")) f.test = testInfo(env, scope, m, f, error);
    }
  }

  return {
    diagnostics: diags,
    checked: { package: pkg, modules: dependencyOrder(env, modules), moduleIds: env.moduleIds, env },
  };
}

function isConstantType(t: Ty): boolean {
  if (t.k === "vector") return isConstantType(t.elem);
  return t.k === "bool" || t.k === "address" || ["u8", "u16", "u32", "u64", "u128", "u256"].includes(t.k);
}

/** Modules ordered so each comes after the package modules it uses (uses and friend-free calls). */
function dependencyOrder(env: Env, modules: ModuleDecl[]): ModuleDecl[] {
  const out: ModuleDecl[] = [];
  const state = new Map<ModuleDecl, 1 | 2>();
  const visit = (m: ModuleDecl) => {
    if (state.get(m) === 2 || state.get(m) === 1) return;
    state.set(m, 1);
    for (const u of m.uses) {
      const a = env.address(u.address);
      const dep = a && env.modules.get(`${a}::${u.module}`);
      if (dep && dep !== m) visit(dep);
    }
    state.set(m, 2);
    out.push(m);
  };
  for (const m of modules) visit(m);
  return out;
}

function testInfo(
  env: Env,
  scope: ModuleScope,
  m: ModuleDecl,
  f: FunctionDecl,
  error: (code: DiagnosticCode, message: string, pos: SourcePos) => void,
): FunctionDecl["test"] {
  const test = f.attrs.find((a) => a.name === "test") as Attribute;
  const byName = new Map<string, string>();
  for (const arg of test?.args ?? []) {
    if (arg.kind !== "assign" || arg.value.kind !== "address") {
      error("bad_test_attribute", "#[test(...)] arguments must be `name = @address`", arg.pos);
      continue;
    }
    const a = env.address(arg.value.value);
    if (a === undefined) error("unknown_address", `unknown address \`@${arg.value.value}\``, arg.pos);
    else byName.set(arg.name, a);
  }
  const signers: string[] = [];
  for (const p of f.params) {
    const isSigner = p.ty?.k === "signer" || (p.ty?.k === "ref" && p.ty.to.k === "signer");
    if (!isSigner)
      error("bad_test_param", `test parameter \`${p.name}\` must be a \`signer\` or \`&signer\``, p.pos);
    const a = byName.get(p.name);
    if (a === undefined)
      error("bad_test_param", `test parameter \`${p.name}\` has no address in #[test(...)]`, p.pos);
    signers.push(a ?? "");
  }
  const ef = f.attrs.find((a) => a.name === "expected_failure");
  if (!ef) return { signers };
  // A bare #[expected_failure] takes the "any" tag (any failure passes; a string tag, not the TypeScript type).
  const expectedFailure: ExpectedFailure = { kind: ef.args.length === 0 ? "any" : "abort" };
  for (const arg of ef.args) {
    if (arg.kind === "flag") {
      if (arg.name === "arithmetic_error" || arg.name === "vector_error") expectedFailure.kind = arg.name;
      else error("bad_test_attribute", `unsupported expected_failure flag \`${arg.name}\``, arg.pos);
      continue;
    }
    if (arg.kind !== "assign") {
      error("bad_test_attribute", "unsupported expected_failure argument", arg.pos);
      continue;
    }
    if (arg.name === "abort_code") {
      expectedFailure.kind = "abort";
      const v = arg.value;
      if (v.kind === "number") expectedFailure.abortCode = { value: v.value };
      else if (v.kind === "path") {
        const segs = v.path.segments;
        const name = segs[segs.length - 1] as string;
        const module = segs.length === 1 ? scope.id : scope.module(segs.slice(0, -1), v.path.pos);
        if (!module) continue;
        const decl = env.modules.get(moduleKey(module));
        if (!decl?.constants.some((c) => c.name === name)) {
          error("unknown_constant", `unknown constant \`${segs.join("::")}\` in expected_failure`, arg.pos);
          continue;
        }
        expectedFailure.abortCode = { constant: { module, name } };
      } else error("bad_test_attribute", "abort_code must be a number or a constant", arg.pos);
    } else if (arg.name === "location") {
      const v = arg.value;
      if (v.kind !== "path") {
        error("bad_test_attribute", "location must be a module path or Self", arg.pos);
        continue;
      }
      const segs = v.path.segments;
      const loc =
        segs.length === 1 && segs[0] === "Self" ? scope.id : resolveLocation(env, scope, segs, v.path.pos);
      if (loc) expectedFailure.location = loc;
    } else if (arg.name === "major_status" || arg.name === "minor_status") {
      error("unsupported", `expected_failure(${arg.name}) is not supported`, arg.pos);
    } else error("bad_test_attribute", `unknown expected_failure argument \`${arg.name}\``, arg.pos);
  }
  void m;
  return { signers, expectedFailure };
}

/** `location = kofi::vault`, `location = aptos_framework::coin`, `location = vault` (a module alias). */
function resolveLocation(env: Env, scope: ModuleScope, segs: string[], pos: SourcePos): ModuleId | undefined {
  if (segs.length === 2) {
    const a = env.address(segs[0] as string);
    if (a !== undefined) {
      const id = { address: a, name: segs[1] as string };
      if (env.hasModule(id)) return id;
    }
  }
  return scope.module(segs, pos);
}

export type { AttributeArg };
