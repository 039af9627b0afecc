import { type InputViewFunctionData, type MoveValue, parseTypeTag } from "@aptos-labs/ts-sdk";
import type { KofiClient } from "../client/createKofiClient.ts";
import type { ReadOptions } from "../client/view.ts";
import { toKofiError } from "../errors/toKofiError.ts";

/**
 * The `0x1` views the validator reader calls, with the parameter and return types of the real framework ABI
 * (aptos-framework, checked against @typemove/aptos's `0x1.json`). Giving the ABI here keeps the ts-sdk from
 * fetching the module ABI (`GET /accounts/0x1/module/...`) before each view: one view = one `POST /v1/view`.
 */
export const FRAMEWORK_VIEWS = {
  "stake::get_validator_state": { params: ["address"], returns: ["u64"] },
  "stake::get_validator_index": { params: ["address"], returns: ["u64"] },
  "stake::get_current_epoch_proposal_counts": { params: ["u64"], returns: ["u64", "u64"] },
  "delegation_pool::get_delegation_pool_stake": {
    params: ["address"],
    returns: ["u64", "u64", "u64", "u64"],
  },
  "delegation_pool::allowlisting_enabled": { params: ["address"], returns: ["bool"] },
  "staking_config::reward_rate": { params: [], returns: ["u64", "u64"] },
} as const satisfies Record<string, { params: readonly string[]; returns: readonly string[] }>;

export type FrameworkView = keyof typeof FRAMEWORK_VIEWS;

/** One `POST /v1/view` of a `0x1` view, errors normalised to `KofiError`. */
export async function readFrameworkView<T extends MoveValue[] = MoveValue[]>(
  client: KofiClient,
  fn: FrameworkView,
  args: InputViewFunctionData["functionArguments"],
  options: ReadOptions = {},
): Promise<T> {
  const spec = FRAMEWORK_VIEWS[fn];
  try {
    return await client.aptos.view<T>({
      payload: {
        function: `0x1::${fn}` as `${string}::${string}::${string}`,
        functionArguments: args,
        abi: {
          typeParameters: [],
          parameters: spec.params.map((t) => parseTypeTag(t)),
          returnTypes: spec.returns.map((t) => parseTypeTag(t)),
        },
      },
      ...(options.ledgerVersion === undefined ? {} : { options: { ledgerVersion: options.ledgerVersion } }),
    });
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
}
