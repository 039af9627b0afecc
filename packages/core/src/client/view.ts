import type { InputViewFunctionData, MoveValue } from "@aptos-labs/ts-sdk";
import { toKofiError } from "../errors/toKofiError.ts";
import type { KofiClient } from "./createKofiClient.ts";

export interface ReadOptions {
  /** Read at this ledger version instead of the latest. */
  ledgerVersion?: bigint | number;
}

/** The view payload with the generated ABI attached (so the ts-sdk fetches no module ABI). */
export function viewPayload(
  client: KofiClient,
  module: string,
  name: string,
  args: InputViewFunctionData["functionArguments"] = [],
): InputViewFunctionData {
  return {
    function: client.functionId(module, name),
    functionArguments: args,
    abi: client.viewAbi(module, name),
  };
}

/** Calls a Kofi view function: one `POST /v1/view`, errors normalised to `KofiError`. */
export async function readView<T extends MoveValue[] = MoveValue[]>(
  client: KofiClient,
  module: string,
  name: string,
  args: InputViewFunctionData["functionArguments"] = [],
  options: ReadOptions = {},
): Promise<T> {
  try {
    return await client.aptos.view<T>({
      payload: viewPayload(client, module, name, args),
      ...(options.ledgerVersion === undefined ? {} : { options: { ledgerVersion: options.ledgerVersion } }),
    });
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
}

/** Converts a u64/u128 JSON value (string or number) to bigint. */
export function big(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "string" || typeof value === "number") return BigInt(value);
  throw new TypeError(`expected an integer, got ${JSON.stringify(value)}`);
}
