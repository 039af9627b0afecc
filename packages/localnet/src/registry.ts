import { realModuleStructs } from "./framework/abi.ts";
import { frameworkFunctions, frameworkModules } from "./framework/bindings.ts";
import { FRAMEWORK } from "./framework/context.ts";
import { sdkFunctions } from "./framework/sdk_bindings.ts";
import { TOKEN_OBJECTS, tokenObjectFunctions } from "./framework/token_objects.ts";
import { validatorFunctions } from "./framework/validator_bindings.ts";
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
    { name: "supply", type: "0x1::option::Option<0x1::optional_aggregator::OptionalAggregator>" },
  ],
  // optional_aggregator.move / aggregator.move v1.39
  "optional_aggregator::OptionalAggregator": [
    { name: "aggregator", type: "0x1::option::Option<0x1::aggregator::Aggregator>" },
    { name: "integer", type: "0x1::option::Option<0x1::optional_aggregator::Integer>" },
  ],
  "optional_aggregator::Integer": [
    { name: "value", type: "u128" },
    { name: "limit", type: "u128" },
  ],
  "aggregator::Aggregator": [
    { name: "handle", type: "address" },
    { name: "key", type: "address" },
    { name: "limit", type: "u128" },
  ],
  // account.move v1.39: the fields the model stores (the event handles and capability offers are not modelled);
  // `authentication_key` is a vector<u8>, rendered as its full 32-byte hex.
  "account::Account": [
    { name: "authentication_key", type: "vector<u8>" },
    { name: "sequence_number", type: "u64" },
    { name: "guid_creation_num", type: "u64" },
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
    for (const f of sdkFunctions) this.addFrameworkFunction(f);
    for (const f of tokenObjectFunctions) this.addFrameworkFunction(f);
    for (const f of validatorFunctions) this.addFrameworkFunction(f);
    // 0x4 resources render with the real struct layouts
    for (const m of ["collection", "token", "royalty", "aptos_token", "property_map"]) {
      for (const st of realModuleStructs("0x4", m))
        this.structs.set(`${TOKEN_OBJECTS}::${m}::${st.name}`, [...st.fields]);
    }
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

  /** A framework function (0x1, 0x4) served with its module: the module ABI lists it. */
  addFrameworkFunction(f: NodeFunction): void {
    let mods = this.modules.get(f.address);
    if (!mods) {
      mods = new Map();
      this.modules.set(f.address, mods);
    }
    let m = mods.get(f.module);
    if (!m) {
      const short = f.address === FRAMEWORK ? "0x1" : `0x${f.address.replace(/^0x0*/, "")}`;
      m = { address: short, name: f.module, friends: [], exposed_functions: [], structs: [] };
      mods.set(f.module, m);
    }
    const list = m.exposed_functions as ExposedFunction[];
    const i = list.findIndex((x) => x.name === f.name);
    if (i >= 0) list[i] = f.abi;
    else list.push(f.abi);
    this.addFunction(f);
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
