import { frameworkFunctions, frameworkModules } from "./framework/bindings.ts";
import { FRAMEWORK } from "./framework/context.ts";
import { type MoveType, parseMoveType, type StructResolver } from "./node/move_type.ts";
import { normalizeAddress } from "./runtime/address.ts";
import type { ExposedFunction, ModuleAbi, NodeFunction } from "./runtime/functions.ts";
import type { Address, FunctionBinding } from "./runtime/port.ts";

/** Framework struct layouts the node renders with types (u8 as a number etc.). */
const FRAMEWORK_STRUCTS: Record<string, { name: string; type: string }[]> = {
  "fungible_asset::Metadata": [
    { name: "name", type: "0x1::string::String" },
    { name: "symbol", type: "0x1::string::String" },
    { name: "decimals", type: "u8" },
    { name: "icon_uri", type: "0x1::string::String" },
    { name: "project_uri", type: "0x1::string::String" },
  ],
  "coin::CoinInfo": [
    { name: "name", type: "0x1::string::String" },
    { name: "symbol", type: "0x1::string::String" },
    { name: "decimals", type: "u8" },
    { name: "supply", type: "u128" },
  ],
};

/**
 * Every module and function of the chain: the 0x1 subset plus the published packages (Kofi, venues). The one
 * registry: the chain's internal calls (`Chain.runAs`) and the node (transactions, views, module ABIs) both
 * look functions up here.
 */
export class Registry {
  readonly modules = new Map<Address, Map<string, ModuleAbi>>();
  readonly functions = new Map<string, NodeFunction>();
  /** Kofi error docs by module, for reference (vm_status already carries them). */
  readonly structs = new Map<string, { name: string; type: string }[]>();

  constructor() {
    this.modules.set(FRAMEWORK, frameworkModules());
    for (const f of frameworkFunctions) this.addFunction(f);
    for (const [k, v] of Object.entries(FRAMEWORK_STRUCTS)) this.structs.set(`${FRAMEWORK}::${k}`, v);
  }

  addModule(address: Address, abi: ModuleAbi): void {
    let m = this.modules.get(address);
    if (!m) {
      m = new Map();
      this.modules.set(address, m);
    }
    m.set(abi.name, abi);
    for (const s of abi.structs) this.structs.set(`${address}::${abi.name}::${s.name}`, [...s.fields]);
  }

  addFunction(f: NodeFunction): void {
    this.functions.set(`${f.address}::${f.module}::${f.name}`, f);
  }

  /** A package function implemented by `b` (its model), served with the ABI entry `abi`. */
  addBinding(address: Address, b: FunctionBinding, abi: ExposedFunction): void {
    this.addFunction({
      address,
      module: b.module,
      name: b.name,
      abi,
      run: (rt, args, signer) => b.run(rt, args, signer) ?? undefined,
    });
  }

  module(address: Address, name: string): ModuleAbi | undefined {
    return this.modules.get(address)?.get(name);
  }

  fn(address: Address, module: string, name: string): NodeFunction | undefined {
    return this.functions.get(`${address}::${module}::${name}`);
  }

  /** Split `0x1::coin::balance` into its parts (address normalised). Throws on malformed input. */
  static splitFunctionId(id: string): { address: Address; module: string; name: string } {
    const parts = id.split("::");
    if (parts.length !== 3 || !parts[1] || !parts[2]) throw new Error(`invalid function id: ${id}`);
    return { address: normalizeAddress(parts[0] as string), module: parts[1], name: parts[2] };
  }

  readonly structResolver: StructResolver = (t) => this.structs.get(`${t.address}::${t.module}::${t.name}`);

  /** Parse a type string, cached. */
  private typeCache = new Map<string, MoveType>();
  type(s: string): MoveType {
    let t = this.typeCache.get(s);
    if (!t) {
      t = parseMoveType(s);
      this.typeCache.set(s, t);
    }
    return t;
  }
}
