import { type EntryFunctionABI, parseTypeTag, type ViewFunctionABI } from "@aptos-labs/ts-sdk";

/** One exposed function as the fullnode's module ABI describes it (`exposed_functions[i]`). */
export interface MoveFunctionJson {
  readonly name: string;
  readonly visibility?: string;
  readonly is_entry: boolean;
  readonly is_view: boolean;
  readonly generic_type_params: readonly { readonly constraints: readonly string[] }[];
  readonly params: readonly string[];
  readonly return: readonly string[];
}

export const entry = (name: string, params: string[]): MoveFunctionJson => ({
  name,
  visibility: "public",
  is_entry: true,
  is_view: false,
  generic_type_params: [],
  params: ["&signer", ...params],
  return: [],
});

export const view = (name: string, params: string[], ret: string[]): MoveFunctionJson => ({
  name,
  visibility: "public",
  is_entry: false,
  is_view: true,
  generic_type_params: [],
  params,
  return: ret,
});

export const OBJ_METADATA = "0x1::object::Object<0x1::fungible_asset::Metadata>";

const tag = (t: string) => parseTypeTag(t, { allowGenerics: true });

/** ts-sdk `EntryFunctionABI` from a fullnode ABI entry (leading signers stripped). */
export function toEntryFunctionAbi(fn: MoveFunctionJson, _address?: string): EntryFunctionABI {
  const signers = fn.params.filter((p) => p === "&signer" || p === "signer").length;
  return {
    signers,
    typeParameters: fn.generic_type_params.map((p) => ({ constraints: [...p.constraints] }) as never),
    parameters: fn.params.slice(signers).map(tag),
  };
}

/** ts-sdk `ViewFunctionABI` from a fullnode ABI entry. */
export function toViewFunctionAbi(fn: MoveFunctionJson, _address?: string): ViewFunctionABI {
  return {
    typeParameters: fn.generic_type_params.map((p) => ({ constraints: [...p.constraints] }) as never),
    parameters: fn.params.map(tag),
    returnTypes: fn.return.map(tag),
  };
}
