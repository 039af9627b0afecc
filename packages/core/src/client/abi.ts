import {
  type EntryFunctionABI,
  type MoveAbility,
  parseTypeTag,
  type ViewFunctionABI,
} from "@aptos-labs/ts-sdk";
import { KofiError } from "../errors/KofiError.ts";
import { KOFI_DEV_ADDRESS, kofiAbi } from "../generated/abi.ts";

/** One exposed function as the fullnode (and the generated ABI) describes it. */
export interface MoveFunctionJson {
  readonly name: string;
  readonly is_entry: boolean;
  readonly is_view: boolean;
  readonly generic_type_params: readonly { readonly constraints: readonly string[] }[];
  readonly params: readonly string[];
  readonly return: readonly string[];
}

const DEV_LONG = KOFI_DEV_ADDRESS.toLowerCase();
const DEV_SHORT = `0x${DEV_LONG.slice(2).replace(/^0+/, "")}`;

/** Rewrites the dev package address inside a Move type string to the configured one. */
export function rewriteAddress(type: string, kofiAddress: string): string {
  if (kofiAddress.toLowerCase() === DEV_LONG) return type;
  return type.replace(/0x[0-9a-fA-F]+(?=::)/g, (addr) => {
    const lower = addr.toLowerCase();
    return lower === DEV_LONG || lower === DEV_SHORT ? kofiAddress : addr;
  });
}

export function findFunction(module: string, name: string): MoveFunctionJson {
  const modules = kofiAbi.modules as unknown as Record<
    string,
    { exposed_functions: readonly MoveFunctionJson[] }
  >;
  const fn = modules[module]?.exposed_functions.find((f) => f.name === name);
  if (!fn)
    throw new KofiError("invalid_config", `The Kofi ABI has no function ${module}::${name}.`, {
      hint: "Check the module and function name; after changing the Move code, regenerate the ABI (npm run abi).",
    });
  return fn;
}

function typeParameters(fn: MoveFunctionJson): EntryFunctionABI["typeParameters"] {
  // The ABI writes abilities as the MoveAbility enum's string values ("copy", "drop", "store", "key").
  return fn.generic_type_params.map((p) => ({ constraints: p.constraints.map((c) => c as MoveAbility) }));
}

/** Converts a generated ABI entry function into the ts-sdk's `EntryFunctionABI` (leading signers stripped). */
export function toEntryFunctionAbi(fn: MoveFunctionJson, kofiAddress: string): EntryFunctionABI {
  if (!fn.is_entry)
    throw new KofiError("invalid_config", `${fn.name} is not an entry function.`, {
      hint: "Build payloads only for entry functions; read views with readView.",
    });
  const signers = fn.params.filter((p) => p === "&signer" || p === "signer").length;
  return {
    signers,
    typeParameters: typeParameters(fn),
    parameters: fn.params
      .slice(signers)
      .map((p) => parseTypeTag(rewriteAddress(p, kofiAddress), { allowGenerics: true })),
  };
}

/** Converts a generated ABI view function into the ts-sdk's `ViewFunctionABI`. */
export function toViewFunctionAbi(fn: MoveFunctionJson, kofiAddress: string): ViewFunctionABI {
  if (!fn.is_view)
    throw new KofiError("invalid_config", `${fn.name} is not a view function.`, {
      hint: "Read only view functions with readView; build entry functions with entryPayload.",
    });
  return {
    typeParameters: typeParameters(fn),
    parameters: fn.params.map((p) => parseTypeTag(rewriteAddress(p, kofiAddress), { allowGenerics: true })),
    returnTypes: fn.return.map((p) => parseTypeTag(rewriteAddress(p, kofiAddress), { allowGenerics: true })),
  };
}
