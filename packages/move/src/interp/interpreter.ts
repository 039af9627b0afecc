/**
 * The interpreter of a checked package. Construction compiles every function body to closures, evaluates
 * constants on first use, and binds every call that leaves the package to a native; a call with no native is a
 * load-time error naming the function (`MissingNativesError`), unless `allowMissingNatives` is set (then the
 * list is in `missingNatives`, and the call fails with MISSING_DEPENDENCY only if it is ever reached).
 */
import type { MovePackage } from "../package.ts";
import type { ConstDecl, FunctionDecl, ModuleDecl } from "../syntax/ast.ts";
import { longAddress, type Ty } from "../types.ts";
import { CompileError, FnCompiler } from "./compile.ts";
import { DEFAULT_STEP_LIMIT, Frame, type MoveEnv, Run, UNIT_VALUE } from "./frame.ts";
import { CompiledFn, type Linker, type MissingNative } from "./link.ts";
import type { NativeFn, NativeTable } from "./natives.ts";
import { publishOrder } from "./publish-order.ts";
import { shortAddress } from "./util.ts";
import { copyValue, Ref, SignerValue, type Value, VmFailure } from "./values.ts";

export interface InterpreterOptions {
  /** Loop iterations plus calls allowed per top-level call (default 10 million). */
  stepLimit?: number;
  /** Keep going when calls have no native (they fail with MISSING_DEPENDENCY if reached). */
  allowMissingNatives?: boolean;
}

/** Thrown at load time: calls out of the package with no native, every one of them. */
export class MissingNativesError extends Error {
  constructor(readonly missing: readonly MissingNative[]) {
    super(missing.map((m) => `no native for ${m.fn} (called from ${m.calledFrom})`).join("\n"));
  }
}

interface ConstSlot {
  decl: ConstDecl;
  module: ModuleDecl;
  state: "todo" | "busy" | "done";
  value: Value;
}

interface ModuleInfo {
  decl: ModuleDecl;
  /** `0x…::name` */
  id: string;
  /** `kofi::name` when the address has a name, else the id. */
  label: string;
  /** Error constants by value (`E…` names), for abort descriptions. */
  errors: Map<bigint, { name: string; doc: string }>;
}

export class Interpreter<H = unknown> {
  readonly missingNatives: MissingNative[] = [];
  private readonly fns = new Map<string, CompiledFn>();
  private readonly modules = new Map<string, ModuleInfo>();
  private readonly consts = new Map<string, ConstSlot>();
  private readonly stepLimit: number;

  constructor(
    readonly pkg: MovePackage,
    private readonly natives: NativeTable<H>,
    opts: InterpreterOptions = {},
  ) {
    this.stepLimit = opts.stepLimit ?? DEFAULT_STEP_LIMIT;
    const names = new Map<string, string>();
    for (const [name, addr] of pkg.addresses) if (!names.has(addr)) names.set(addr, name);
    for (const m of pkg.modules) {
      const addr = this.moduleAddress(m);
      const id = `${addr}::${m.name}`;
      const named = names.get(addr);
      const info: ModuleInfo = { decl: m, id, label: named ? `${named}::${m.name}` : id, errors: new Map() };
      this.modules.set(id, info);
      for (const c of m.constants) {
        this.consts.set(`${id}::${c.name}`, { decl: c, module: m, state: "todo", value: UNIT_VALUE });
      }
      for (const fn of m.functions) {
        const size = fn.frameSize ?? fn.params.length;
        this.fns.set(`${id}::${fn.name}`, new CompiledFn(`${id}::${fn.name}`, id, fn, size));
      }
    }
    const linker = this.linker();
    for (const info of this.modules.values()) {
      for (const fn of info.decl.functions) {
        if (fn.isNative || !fn.body) continue;
        const c = new FnCompiler(linker, info.id, `${info.label}::${fn.name}`, fn.name);
        (this.fns.get(`${info.id}::${fn.name}`) as CompiledFn).body = c.compile(fn.body);
      }
      for (const fn of info.decl.functions) {
        if (!fn.isNative) continue;
        const key = `${shortAddress(this.moduleAddress(info.decl))}::${info.decl.name}::${fn.name}`;
        const native = this.natives.get(key);
        if (!native) this.missingNatives.push({ fn: key, calledFrom: info.label });
      }
      // Error names: constants whose name starts with E, by value (the code's reason or the full code).
      for (const c of info.decl.constants) {
        if (!/^E/.test(c.name)) continue;
        const v = this.constant(info.id, c.name);
        if (typeof v === "bigint" && !info.errors.has(v))
          info.errors.set(v, { name: c.name, doc: c.doc.join(" ") });
      }
    }
    if (this.missingNatives.length && !opts.allowMissingNatives)
      throw new MissingNativesError(this.missingNatives);
  }

  private moduleAddress(m: ModuleDecl): string {
    const named = this.pkg.addresses.get(m.address);
    if (named) return named;
    return longAddress(m.address);
  }

  private linker(): Linker {
    return {
      fn: (id) => this.fns.get(id),
      native: (key) => this.natives.get(key) as NativeFn | undefined,
      constant: (moduleId, name) => this.constantById(moduleId, name),
      missing: (m) => {
        if (!this.missingNatives.some((x) => x.fn === m.fn && x.calledFrom === m.calledFrom)) {
          this.missingNatives.push(m);
        }
      },
      describeAbort: (moduleId, code) => {
        const errors = this.modules.get(moduleId)?.errors;
        return errors?.get(code) ?? errors?.get(code & 0xffffn) ?? { name: "", doc: "" };
      },
    };
  }

  /** Resolves `gateway`, `kofi::gateway` or `0x…::gateway` to the module's `0x…::gateway` id. */
  moduleId(module: string): string {
    const parts = module.split("::");
    if (parts.length === 1) {
      const found = [...this.modules.values()].filter((m) => m.decl.name === module);
      if (found.length === 1) return (found[0] as ModuleInfo).id;
      throw new Error(`module ${module} is ${found.length ? "ambiguous" : "not in the package"}`);
    }
    const [addr, name] = parts as [string, string];
    const long =
      this.pkg.addresses.get(addr) ?? (/^0x[0-9a-fA-F]+$/.test(addr) ? longAddress(addr) : undefined);
    const id = `${long}::${name}`;
    if (!long || !this.modules.has(id)) throw new Error(`module ${module} is not in the package`);
    return id;
  }

  /** The declaration of a package function. */
  functionDecl(module: string, fn: string): FunctionDecl | undefined {
    return this.fns.get(`${this.moduleId(module)}::${fn}`)?.decl;
  }

  /** The value of a constant (a copy: the caller owns it). */
  constant(module: string, name: string): Value {
    return copyValue(this.constantById(this.modules.has(module) ? module : this.moduleId(module), name));
  }

  private constantById(moduleId: string, name: string): Value {
    const slot = this.consts.get(`${moduleId}::${name}`);
    if (!slot) throw new Error(`no constant ${moduleId}::${name}`);
    if (slot.state === "busy") throw new CompileError("constant refers to itself", `${moduleId}::${name}`);
    if (slot.state === "todo") {
      slot.state = "busy";
      const info = this.modules.get(moduleId) as ModuleInfo;
      const code = new FnCompiler(this.linker(), moduleId, `${info.label}::${name}`).compile(slot.decl.value);
      const env: MoveEnv = { host: undefined, storage: noStorage, emit: () => {} };
      slot.value = code(new Frame([], [], new Run(env, this.stepLimit)));
      slot.state = "done";
    }
    return slot.value;
  }

  /**
   * Calls `module::fn` with type arguments and arguments; returns the results in order (`[]` for unit).
   * A `&T` / `&mut T` parameter may be given a plain value (a signer, usually): it is passed by reference.
   * Throws `MoveAbort` or `VmFailure`; storage changes made before a failure stay in `env.storage` (the
   * embedder's journal discards them).
   */
  call(env: MoveEnv<H>, module: string, fn: string, typeArgs: Ty[], args: Value[]): Value[] {
    const id = `${this.moduleId(module)}::${fn}`;
    const f = this.fns.get(id);
    if (!f) throw new Error(`no function ${module}::${fn}`);
    const decl = f.decl;
    if (args.length !== decl.params.length) {
      throw new Error(`${module}::${fn} takes ${decl.params.length} arguments, got ${args.length}`);
    }
    if (typeArgs.length !== decl.typeParams.length) {
      throw new Error(
        `${module}::${fn} takes ${decl.typeParams.length} type arguments, got ${typeArgs.length}`,
      );
    }
    const locals: Value[] = new Array(f.frameSize);
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as Value;
      const p = decl.params[i];
      locals[i] = p?.ty?.k === "ref" && !(a instanceof Ref) ? new Ref([a], 0) : a;
    }
    const run = new Run(env as MoveEnv, this.stepLimit);
    let v: Value;
    try {
      if (decl.isNative) {
        const key = `${shortAddress(id.split("::")[0] as string)}::${id.split("::").slice(1).join("::")}`;
        const native = this.natives.get(key) as NativeFn<H> | undefined;
        if (!native) throw new VmFailure("MISSING_DEPENDENCY", `no native for ${id}`);
        return native(
          { host: env.host, storage: env.storage, typeArgs, emit: env.emit },
          locals.slice(0, args.length),
        );
      }
      v = f.invoke(locals, typeArgs, run);
    } catch (x) {
      if (x instanceof RangeError && /call stack/i.test(x.message)) {
        throw new VmFailure("CALL_STACK_OVERFLOW", `${module}::${fn}`, f.module);
      }
      throw x;
    }
    const returns = decl.returnTys?.length ?? decl.returns.length;
    if (returns === 0) return [];
    if (returns === 1) return [v];
    return v as Value[];
  }

  /**
   * Publishes the package as Aptos does: each module's `init_module(&signer)` runs once, modules before the
   * modules that use them. `#[test_only]` modules are skipped.
   */
  publish(env: MoveEnv<H>, packageSigner: string | SignerValue): void {
    const signer = typeof packageSigner === "string" ? new SignerValue(packageSigner) : packageSigner;
    const mods = [...this.modules.values()].filter((m) => !m.decl.attributes.includes("test_only"));
    for (const id of publishOrder(
      mods.map((m) => ({ id: m.id, decl: m.decl })),
      (m) => this.usesOf(m),
    )) {
      const info = this.modules.get(id) as ModuleInfo;
      if (info.decl.functions.some((f) => f.name === "init_module")) {
        this.call(env, id, "init_module", [], [signer]);
      }
    }
  }

  /** Package modules a module refers to (its `use`s). */
  private usesOf(m: ModuleDecl): string[] {
    const out: string[] = [];
    for (const u of m.uses) {
      const addr = this.pkg.addresses.get(u.address) ?? safeLong(u.address);
      const id = `${addr}::${u.module}`;
      if (this.modules.has(id)) out.push(id);
    }
    return out;
  }
}

function safeLong(a: string): string {
  try {
    return longAddress(a);
  } catch {
    return a;
  }
}

/** Constants never touch storage; a storage access from one is a bug in the tree. */
const noStorage = new Proxy({} as MoveEnv["storage"], {
  get() {
    throw new Error("constant expressions cannot access global storage");
  },
});
