/**
 * The Aptos framework's interface as the chain publishes it: the on-chain ABI of every module at `0x1`, read as
 * data from `@typemove/aptos` (`src/abis/0x1.json`, pinned in packages/move/package.json), never retyped.
 * Test-only functions are not published on chain; `TEST_ONLY_FRAMEWORK` (../framework/test-only.ts) declares
 * the ones Kofi's tests call, each citing the framework source line it was read from.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { longAddress, type Ty } from "../types.ts";

export interface AbiFunction {
  name: string;
  visibility: "public" | "friend" | "private";
  is_entry: boolean;
  is_view: boolean;
  generic_type_params: { constraints: string[] }[];
  params: string[];
  return: string[];
  /** Only for test-only declarations: where the signature was read. */
  source?: string;
}

export interface AbiStruct {
  name: string;
  is_native: boolean;
  is_event: boolean;
  is_enum?: boolean;
  abilities: string[];
  generic_type_params: { constraints: string[]; is_phantom?: boolean }[];
  fields: { name: string; type: string }[];
}

export interface AbiModule {
  address: string;
  name: string;
  friends: string[];
  exposed_functions: AbiFunction[];
  structs: AbiStruct[];
}

/** One framework function, its types parsed (type parameters as `param` types). */
export interface FrameworkFunction {
  module: string;
  abi: AbiFunction;
  params: Ty[];
  returns: Ty[];
  testOnly: boolean;
}

export interface FrameworkStruct {
  module: string;
  abi: AbiStruct;
  /** Parsed lazily: field types reference other structs. */
  fields: { name: string; ty: Ty }[];
}

/** The framework modules at 0x1, with lookups the checker needs. */
export class FrameworkInterface {
  readonly address = longAddress("0x1");
  private readonly fnCache = new Map<string, FrameworkFunction | null>();
  private readonly structCache = new Map<string, FrameworkStruct | null>();

  constructor(
    readonly modules: ReadonlyMap<string, AbiModule>,
    readonly testOnly: ReadonlyMap<string, AbiFunction> = new Map(),
    /** Where the ABI came from, for messages and the README. */
    readonly source = "",
  ) {}

  hasModule(name: string): boolean {
    return this.modules.has(name);
  }

  /** An exposed function of `module`, or a declared test-only one; undefined when the module has no such function. */
  fn(module: string, name: string, withTestOnly: boolean): FrameworkFunction | undefined {
    const key = `${module}::${name}::${withTestOnly}`;
    const hit = this.fnCache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    let abi = this.modules.get(module)?.exposed_functions.find((f) => f.name === name);
    let testOnly = false;
    if (!abi && withTestOnly) {
      abi = this.testOnly.get(`${module}::${name}`);
      testOnly = abi !== undefined;
    }
    const out = abi
      ? {
          module,
          abi,
          params: abi.params.map((p) => parseTypeString(p)),
          returns: abi.return.map((p) => parseTypeString(p)),
          testOnly,
        }
      : null;
    this.fnCache.set(key, out);
    return out ?? undefined;
  }

  struct(module: string, name: string): FrameworkStruct | undefined {
    const key = `${module}::${name}`;
    const hit = this.structCache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const abi = this.modules.get(module)?.structs.find((s) => s.name === name);
    const out = abi
      ? { module, abi, fields: abi.fields.map((f) => ({ name: f.name, ty: parseTypeString(f.type) })) }
      : null;
    this.structCache.set(key, out);
    return out ?? undefined;
  }
}

const cache = new WeakMap<readonly unknown[], FrameworkInterface>();
let rawModules: Map<string, AbiModule> | undefined;

/** Path of `@typemove/aptos`'s `src/abis/0x1.json` (its package exports do not expose the file). */
export function frameworkAbiPath(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve("@typemove/aptos");
  let dir = dirname(main);
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string };
      if (pkg.name === "@typemove/aptos") return join(dir, "src", "abis", "0x1.json");
    } catch {
      // not a package root yet: keep walking up
    }
    dir = dirname(dir);
  }
  throw new Error("@typemove/aptos: package root not found");
}

/** Loads (once) the framework interface: 0x1.json plus the declared test-only functions. */
export function loadFramework(
  testOnly: readonly (AbiFunction & { module: string })[] = [],
): FrameworkInterface {
  const hit = cache.get(testOnly);
  if (hit) return hit;
  const path = frameworkAbiPath();
  if (!rawModules) {
    const raw = JSON.parse(readFileSync(path, "utf8")) as { abi: AbiModule }[];
    rawModules = new Map();
    for (const m of raw) rawModules.set(m.abi.name, m.abi);
  }
  const t = new Map<string, AbiFunction>();
  for (const f of testOnly) t.set(`${f.module}::${f.name}`, f);
  const fw = new FrameworkInterface(rawModules, t, path);
  cache.set(testOnly, fw);
  return fw;
}

const PRIMS = new Set(["bool", "u8", "u16", "u32", "u64", "u128", "u256", "address", "signer"]);

/** Parses a type as the fullnode prints it: `&mut 0x1::object::Object<T0>`, `vector<u8>`, `T1`. */
export function parseTypeString(src: string): Ty {
  const s = src.replace(/\s+/g, "");
  let i = 0;
  const ident = (): string => {
    const m = /^[A-Za-z0-9_]+/.exec(s.slice(i));
    if (!m) throw new Error(`bad type string: ${src}`);
    i += m[0].length;
    return m[0];
  };
  const expect = (c: string) => {
    if (s[i] !== c) throw new Error(`bad type string: ${src} (expected ${c} at ${i})`);
    i++;
  };
  const ty = (): Ty => {
    if (s.startsWith("&mut", i)) {
      i += 4;
      return { k: "ref", mut: true, to: ty() };
    }
    if (s[i] === "&") {
      i++;
      return { k: "ref", mut: false, to: ty() };
    }
    const first = ident();
    if (PRIMS.has(first)) return { k: first } as Ty;
    if (first === "vector") {
      expect("<");
      const elem = ty();
      expect(">");
      return { k: "vector", elem };
    }
    if (/^T\d+$/.test(first) && !s.startsWith("::", i)) {
      return { k: "param", index: Number(first.slice(1)), name: first };
    }
    expect(":");
    expect(":");
    const module = ident();
    expect(":");
    expect(":");
    const name = ident();
    const args: Ty[] = [];
    if (s[i] === "<") {
      i++;
      for (;;) {
        args.push(ty());
        if (s[i] === ",") {
          i++;
          continue;
        }
        expect(">");
        break;
      }
    }
    return { k: "struct", address: longAddress(first), module, name, args };
  };
  const out = ty();
  if (i !== s.length) throw new Error(`bad type string: ${src}`);
  return out;
}
