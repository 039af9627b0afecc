/** The ts-sdk's entry-function data as the widget's `EntryPayload` (plain strings, bigints and booleans). */
import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import type { EntryPayload } from "./backend.ts";

export function toEntryPayload(payload: InputEntryFunctionData): EntryPayload {
  const arg = (a: unknown): string | bigint | boolean | readonly string[] =>
    typeof a === "bigint" || typeof a === "boolean" || typeof a === "string"
      ? a
      : Array.isArray(a)
        ? a.map(String)
        : typeof a === "number"
          ? BigInt(a)
          : String(a);
  return {
    function: payload.function,
    typeArguments: (payload.typeArguments ?? []).map(String),
    functionArguments: (payload.functionArguments ?? []).map(arg),
  };
}
