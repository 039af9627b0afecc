import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import type { KofiClient } from "./createKofiClient.ts";

/**
 * An entry-function payload with the generated ABI attached: the ts-sdk (and wallet-adapter-core's
 * `signAndSubmitTransaction({ data })`) builds it without fetching the module ABI.
 */
export function entryPayload(
  client: KofiClient,
  module: string,
  name: string,
  args: InputEntryFunctionData["functionArguments"],
): InputEntryFunctionData {
  return {
    function: client.functionId(module, name),
    functionArguments: args,
    abi: client.entryAbi(module, name),
  };
}
