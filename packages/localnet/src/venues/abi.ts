import type { ExposedFunction, ModuleAbi } from "../runtime/functions.ts";

/** Small builders for hand-written fullnode module ABIs (`GET /v1/accounts/{a}/module/{m}` shape). */
export function entryFn(name: string, params: string[], generics = 0): ExposedFunction {
  return {
    name,
    visibility: "public",
    is_entry: true,
    is_view: false,
    generic_type_params: Array.from({ length: generics }, () => ({ constraints: [] })),
    params: ["&signer", ...params],
    return: [],
  };
}

export function viewFn(name: string, params: string[], ret: string[]): ExposedFunction {
  return {
    name,
    visibility: "public",
    is_entry: false,
    is_view: true,
    generic_type_params: [],
    params,
    return: ret,
  };
}

export function moduleAbi(
  address: string,
  name: string,
  exposed: ExposedFunction[],
  structs: ModuleAbi["structs"] = [],
): ModuleAbi {
  return { address, name, friends: [], exposed_functions: exposed, structs };
}

export const OBJ_METADATA = "0x1::object::Object<0x1::fungible_asset::Metadata>";
