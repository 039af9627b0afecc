import type { Address, Runtime, Signer } from "./port.ts";

/** One function of a fullnode module ABI (`exposed_functions[i]`). */
export interface ExposedFunction {
  name: string;
  visibility: string;
  is_entry: boolean;
  is_view: boolean;
  generic_type_params: { constraints: readonly string[] }[] | readonly { constraints: readonly string[] }[];
  params: readonly string[];
  return: readonly string[];
}

/** A fullnode module ABI. */
export interface ModuleAbi {
  address: string;
  name: string;
  friends: readonly string[];
  exposed_functions: readonly ExposedFunction[];
  structs: readonly {
    name: string;
    is_native: boolean;
    is_event?: boolean;
    abilities: readonly string[];
    generic_type_params: readonly unknown[];
    fields: readonly { name: string; type: string }[];
  }[];
}

/** A callable function the node serves: ABI + implementation (type arguments for generic framework functions). */
export interface NodeFunction {
  address: Address;
  module: string;
  name: string;
  abi: ExposedFunction;
  run(
    rt: Runtime,
    args: readonly unknown[],
    signer: Signer | undefined,
    typeArgs: readonly string[],
    /** Multi-agent transactions: the secondary signers, after `signer`. */
    secondary?: readonly Signer[],
  ): unknown[] | undefined;
}
