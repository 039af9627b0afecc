/**
 * The framework's `#[test_only]` functions that Kofi's Move tests call. They are not published on chain, so
 * 0x1.json lacks them; each is declared here once, in the fullnode ABI's notation, with the framework source
 * line its signature was read at. The checker merges them with 0x1.json when it checks tests; the localnet's
 * natives implement them on its framework model.
 *
 * Checked against aptos-labs/aptos-framework, branch aptos-release-v1.39 at commit
 * fbdbfdc60737ce8f00bfe786398108ce81a73272 (2026-01-13): every cited line is the function's `public fun` line,
 * directly under its `#[test_only]` (for `create_signer_for_test`, under a doc comment), and the parameter and
 * return types match. That repository mirrors aptos-core's `aptos-move/framework`; `move/Move.toml` pins
 * aptos-core tag aptos-node-v1.39.2, which was not compared line by line.
 */
import type { AbiFunction } from "../check/framework.ts";

export interface TestOnlyFunction extends AbiFunction {
  /** The module under 0x1. */
  module: string;
  /** `aptos-framework/sources/<file>.move:<line>` of the `fun` line on aptos-release-v1.39 (see above). */
  source: string;
}

function fn(module: string, name: string, params: string[], ret: string[], source: string): TestOnlyFunction {
  return {
    module,
    name,
    visibility: "public",
    is_entry: false,
    is_view: false,
    generic_type_params: [],
    params,
    return: ret,
    source,
  };
}

const DP = "aptos-framework/sources/delegation_pool.move";

export const TEST_ONLY_FRAMEWORK: readonly TestOnlyFunction[] = [
  fn("delegation_pool", "end_aptos_epoch", [], [], `${DP}:2283`),
  fn("delegation_pool", "initialize_for_test", ["&signer"], [], `${DP}:2289`),
  fn(
    "delegation_pool",
    "initialize_for_test_custom",
    ["&signer", "u64", "u64", "u64", "bool", "u64", "u64", "u64"],
    [],
    `${DP}:2317`,
  ),
  fn(
    "delegation_pool",
    "initialize_test_validator_custom",
    ["&signer", "u64", "bool", "bool", "u64"],
    [],
    `${DP}:2357`,
  ),
  fn("stake", "mint", ["&signer", "u64"], [], "aptos-framework/sources/stake.move:2008"),
  fn("block", "initialize_for_test", ["&signer", "u64"], [], "aptos-framework/sources/block.move:334"),
  fn(
    "account",
    "create_account_for_test",
    ["address"],
    ["signer"],
    "aptos-framework/sources/account/account.move:1303",
  ),
  fn(
    "account",
    "create_signer_for_test",
    ["address"],
    ["signer"],
    "aptos-framework/sources/account/account.move:229",
  ),
  fn("timestamp", "fast_forward_seconds", ["u64"], [], "aptos-framework/sources/timestamp.move:85"),
  fn(
    "timestamp",
    "update_global_time_for_test_secs",
    ["u64"],
    [],
    "aptos-framework/sources/timestamp.move:80",
  ),
];
