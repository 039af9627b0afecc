/**
 * The framework natives of the localnet: every `0x1` function Kofi's Move (sources and tests) calls, bound to
 * the framework model. `frameworkNatives()` is the table the interpreter loads beside `@kofi/move`'s std
 * natives; `world.ts` builds the environment they run in.
 */
import { VmError } from "../../runtime/errors.ts";
import { MoveAbort as PortMoveAbort } from "../../runtime/port.ts";
import { accountNatives } from "./account.ts";
import { aptosAccountNatives } from "./aptos_account.ts";
import { blockNatives } from "./block.ts";
import { coinNatives } from "./coin.ts";
import { delegationPoolNatives } from "./delegation_pool.ts";
import { eventNatives } from "./event.ts";
import { fungibleAssetNatives } from "./fungible_asset.ts";
import type { ModuleNatives, MoveHost, Native } from "./host.ts";
import { longAddress, MoveAbort, type NativeFn, type NativeTable, VmFailure } from "./move.ts";
import { objectNatives } from "./object.ts";
import { primaryFungibleStoreNatives } from "./primary_fungible_store.ts";
import { stakeNatives } from "./stake.ts";
import { stakingConfigNatives } from "./staking_config.ts";
import { tableNatives } from "./table.ts";
import { timestampNatives } from "./timestamp.ts";

export type { MoveHost } from "./host.ts";
export { createMoveTestWorld, type MoveEnv, type MoveTestWorld, moveEnvForTx } from "./world.ts";

/** Every framework module with natives, by its name under 0x1. */
export const FRAMEWORK_MODULES: Readonly<Record<string, ModuleNatives>> = {
  account: accountNatives,
  aptos_account: aptosAccountNatives,
  block: blockNatives,
  coin: coinNatives,
  delegation_pool: delegationPoolNatives,
  event: eventNatives,
  fungible_asset: fungibleAssetNatives,
  object: objectNatives,
  primary_fungible_store: primaryFungibleStoreNatives,
  stake: stakeNatives,
  staking_config: stakingConfigNatives,
  table: tableNatives,
  timestamp: timestampNatives,
};

/** `0x1::coin` -> `0x000…0001::coin` (the interpreter's module ids are long form). */
function longModule(module: string): string {
  const [addr = "", name = ""] = module.split("::");
  try {
    return `${longAddress(addr)}::${name}`;
  } catch {
    return module;
  }
}

/** VM statuses the model raises that the interpreter knows by name. */
const VM_STATUSES = new Set(["ARITHMETIC_ERROR", "RESOURCE_DOES_NOT_EXIST", "RESOURCE_ALREADY_EXISTS"]);

/**
 * The model's failures as the interpreter's: an abort keeps its module (long form), code, constant and doc;
 * a VM error keeps its status and is located in the framework module the native models.
 */
export function toMoveFailure(e: unknown, module: string): unknown {
  if (e instanceof PortMoveAbort) return new MoveAbort(longModule(e.module), e.code, e.name, e.doc);
  if (e instanceof MoveAbort && !e.module.startsWith("0x0")) {
    return new MoveAbort(longModule(e.module), e.code, e.errorName, e.doc, e.fn);
  }
  if (e instanceof VmError && VM_STATUSES.has(e.status)) {
    return new VmFailure(e.status as VmFailure["status"], e.message, longModule(`0x1::${module}`));
  }
  return e;
}

function wrap(module: string, f: Native): Native {
  return (ctx, args) => {
    try {
      return f(ctx, args);
    } catch (e) {
      throw toMoveFailure(e, module);
    }
  };
}

/** The framework natives, keyed `0x1::module::function`. */
export function frameworkNatives(): NativeTable<MoveHost> {
  const out = new Map<string, NativeFn<MoveHost>>();
  for (const [module, fns] of Object.entries(FRAMEWORK_MODULES)) {
    for (const [name, f] of Object.entries(fns)) out.set(`0x1::${module}::${name}`, wrap(module, f));
  }
  return out;
}
