import { frameworkAbort } from "../runtime/errors.ts";
import type { ExposedFunction, ModuleAbi, NodeFunction } from "../runtime/functions.ts";
import type { Address, Runtime, Signer } from "../runtime/port.ts";
import { accountExists, createAccount } from "./accounts.ts";
import { APT_COIN, APT_FA, FRAMEWORK, T } from "./context.ts";
import * as dp from "./delegation.ts";
import type * as fa from "./fungible.ts";
import type { FrameworkImpl } from "./index.ts";
import * as objects from "./objects.ts";
import * as stake from "./stake.ts";
import * as time from "./time.ts";

/**
 * The `0x1` functions the kit (SDK, wallets, widget) calls, with the ABI the real fullnode serves for them.
 * Only these are exposed by the localnet; module ABIs list only these functions.
 */
type Run = (
  rt: Runtime,
  a: readonly unknown[],
  s: Signer | undefined,
  targs: readonly string[],
) => unknown[] | undefined;

const fns: NodeFunction[] = [];
const ctxOf = (rt: Runtime) => (rt.framework as FrameworkImpl).ctx;
const addr = (a: readonly unknown[], i: number) => a[i] as Address;
const u = (a: readonly unknown[], i: number) => a[i] as bigint;
const signer = (s: Signer | undefined): Signer => {
  if (!s) throw new Error("entry function without signer");
  return s;
};

function def(
  module: string,
  name: string,
  kind: "entry" | "view",
  generics: string[][],
  params: string[],
  ret: string[],
  run: Run,
): void {
  const abi: ExposedFunction = {
    name,
    visibility: "public",
    is_entry: kind === "entry",
    is_view: kind === "view",
    generic_type_params: generics.map((c) => ({ constraints: c })),
    params: kind === "entry" ? ["&signer", ...params] : params,
    return: ret,
  };
  fns.push({ address: FRAMEWORK, module, name, abi, run });
}

function requireApt(targs: readonly string[]): void {
  const t = (targs[0] ?? "").replace(/\s+/g, "");
  if (t !== APT_COIN && t !== `0x${"0".repeat(63)}1::aptos_coin::AptosCoin`) {
    throw frameworkAbort(
      "coin",
      "ECOIN_INFO_NOT_PUBLISHED",
      "not_found",
      2,
      "`CoinType` is not registered as a coin",
    );
  }
}

// ---- account
def("account", "exists_at", "view", [], ["address"], ["bool"], (rt, a) => [
  accountExists(ctxOf(rt), addr(a, 0)),
]);
def("account", "get_sequence_number", "view", [], ["address"], ["u64"], (rt, a) => [
  rt.storage.borrow<{ sequence_number: bigint }>(addr(a, 0), T.account).sequence_number,
]);
// ---- aptos_account
def("aptos_account", "transfer", "entry", [], ["address", "u64"], [], (rt, a, s) => {
  rt.framework.aptTransfer(signer(s), addr(a, 0), u(a, 1));
  return undefined;
});
def("aptos_account", "transfer_coins", "entry", [[]], ["address", "u64"], [], (rt, a, s, t) => {
  requireApt(t);
  rt.framework.aptTransfer(signer(s), addr(a, 0), u(a, 1));
  return undefined;
});
def("aptos_account", "create_account", "entry", [], ["address"], [], (rt, a) => {
  createAccount(ctxOf(rt), addr(a, 0));
  return undefined;
});
// ---- coin
// coin::balance<CoinType>(owner) (coin.move v1.39): coin_balance (0 without a CoinStore<CoinType>) plus the
// paired FA's primary store (none for a coin that was never initialised): "0", never an abort.
def("coin", "balance", "view", [[]], ["address"], ["u64"], (rt, a, _s, t) => {
  const ty = (t[0] ?? "").replace(/\s+/g, "");
  if (ty === APT_COIN || ty === `0x${"0".repeat(63)}1::aptos_coin::AptosCoin`)
    return [rt.framework.aptBalance(addr(a, 0))];
  const store = `0x1::coin::CoinStore<${ty}>`;
  if (!rt.storage.exists(addr(a, 0), store)) return [0n];
  return [rt.storage.borrow<{ coin: { value: bigint } }>(addr(a, 0), store).coin.value];
});
def("coin", "is_account_registered", "view", [[]], ["address"], ["bool"], (rt, a, _s, t) => {
  requireApt(t);
  return [rt.storage.exists(addr(a, 0), T.coinStore)];
});
def("coin", "transfer", "entry", [[]], ["address", "u64"], [], (rt, a, s, t) => {
  requireApt(t);
  rt.framework.aptTransfer(signer(s), addr(a, 0), u(a, 1));
  return undefined;
});
def(
  "coin",
  "paired_metadata",
  "view",
  [[]],
  [],
  ["0x1::option::Option<0x1::object::Object<0x1::fungible_asset::Metadata>>"],
  (_rt, _a, _s, t) => {
    requireApt(t);
    return [{ vec: [APT_FA] }];
  },
);
// ---- primary_fungible_store / fungible_asset
def(
  "primary_fungible_store",
  "balance",
  "view",
  [["key"]],
  ["address", "0x1::object::Object<T0>"],
  ["u64"],
  (rt, a) => [rt.framework.faBalance(addr(a, 0), addr(a, 1))],
);
def(
  "primary_fungible_store",
  "transfer",
  "entry",
  [["key"]],
  ["0x1::object::Object<T0>", "address", "u64"],
  [],
  (rt, a, s) => {
    rt.framework.faTransfer(signer(s), addr(a, 0), addr(a, 1), u(a, 2));
    return undefined;
  },
);
def(
  "fungible_asset",
  "supply",
  "view",
  [["key"]],
  ["0x1::object::Object<T0>"],
  ["0x1::option::Option<u128>"],
  (rt, a) => [{ vec: [rt.framework.faSupply(addr(a, 0))] }],
);
for (const [f, ty] of [
  ["name", "0x1::string::String"],
  ["symbol", "0x1::string::String"],
  ["decimals", "u8"],
  ["icon_uri", "0x1::string::String"],
  ["project_uri", "0x1::string::String"],
] as const) {
  def("fungible_asset", f, "view", [["key"]], ["0x1::object::Object<T0>"], [ty], (rt, a) => {
    const m = rt.storage.borrow<fa.FaMetadata>(addr(a, 0), T.faMetadata);
    return [m[f]];
  });
}
// ---- object
def("object", "is_object", "view", [], ["address"], ["bool"], (rt, a) => [rt.framework.isObject(addr(a, 0))]);
def("object", "owner", "view", [["key"]], ["0x1::object::Object<T0>"], ["address"], (rt, a) => [
  objects.objectOwner(ctxOf(rt), addr(a, 0)),
]);
// ---- timestamp / block
def("timestamp", "now_seconds", "view", [], [], ["u64"], (rt) => [rt.framework.nowSeconds()]);
def("timestamp", "now_microseconds", "view", [], [], ["u64"], (rt) => [time.nowMicros(ctxOf(rt))]);
def("block", "get_epoch_interval_secs", "view", [], [], ["u64"], (rt) => [rt.framework.epochIntervalSecs()]);
def("reconfiguration", "current_epoch", "view", [], [], ["u64"], (rt) => [time.currentEpoch(ctxOf(rt))]);
// ---- stake
def("stake", "get_lockup_secs", "view", [], ["address"], ["u64"], (rt, a) => [
  rt.framework.getLockupSecs(addr(a, 0)),
]);
def("stake", "get_remaining_lockup_secs", "view", [], ["address"], ["u64"], (rt, a) => {
  const l = rt.framework.getLockupSecs(addr(a, 0));
  const now = rt.framework.nowSeconds();
  return [l > now ? l - now : 0n];
});
def("stake", "get_validator_state", "view", [], ["address"], ["u64"], (rt, a) => [
  rt.framework.getValidatorState(addr(a, 0)),
]);
def("stake", "get_stake", "view", [], ["address"], ["u64", "u64", "u64", "u64"], (rt, a) => {
  const s = stake.getStake(ctxOf(rt), addr(a, 0));
  return [s.active, s.inactive, s.pendingActive, s.pendingInactive];
});
def("stake", "is_current_epoch_validator", "view", [], ["address"], ["bool"], (rt, a) => [
  stake.isCurrentEpochValidator(ctxOf(rt), addr(a, 0)),
]);
def("staking_config", "get_recurring_lockup_duration_secs", "view", [], [], ["u64"], (rt) => [
  rt.framework.recurringLockupDurationSecs(),
]);
// ---- delegation_pool
def("delegation_pool", "delegation_pool_exists", "view", [], ["address"], ["bool"], (rt, a) => [
  rt.framework.delegationPoolExists(addr(a, 0)),
]);
def("delegation_pool", "get_stake", "view", [], ["address", "address"], ["u64", "u64", "u64"], (rt, a) => {
  const s = rt.framework.getStake(addr(a, 0), addr(a, 1));
  return [s.active, s.inactive, s.pendingInactive];
});
def(
  "delegation_pool",
  "get_pending_withdrawal",
  "view",
  [],
  ["address", "address"],
  ["bool", "u64"],
  (rt, a) => {
    const p = rt.framework.getPendingWithdrawal(addr(a, 0), addr(a, 1));
    return [p.withdrawable, p.amount];
  },
);
def("delegation_pool", "get_add_stake_fee", "view", [], ["address", "u64"], ["u64"], (rt, a) => [
  rt.framework.getAddStakeFee(addr(a, 0), u(a, 1)),
]);
def("delegation_pool", "observed_lockup_cycle", "view", [], ["address"], ["u64"], (rt, a) => [
  rt.framework.observedLockupCycle(addr(a, 0)),
]);
def("delegation_pool", "can_withdraw_pending_inactive", "view", [], ["address"], ["bool"], (rt, a) => [
  rt.framework.canWithdrawPendingInactive(addr(a, 0)),
]);
def("delegation_pool", "operator_commission_percentage", "view", [], ["address"], ["u64"], (rt, a) => [
  rt.framework.operatorCommissionPercentage(addr(a, 0)),
]);
def(
  "delegation_pool",
  "get_delegation_pool_stake",
  "view",
  [],
  ["address"],
  ["u64", "u64", "u64", "u64"],
  (rt, a) => {
    const s = dp.getDelegationPoolStake(ctxOf(rt), addr(a, 0));
    return [s.active, s.inactive, s.pendingActive, s.pendingInactive];
  },
);
def("delegation_pool", "add_stake", "entry", [], ["address", "u64"], [], (rt, a, s) => {
  rt.framework.addStake(signer(s), addr(a, 0), u(a, 1));
  return undefined;
});
def("delegation_pool", "unlock", "entry", [], ["address", "u64"], [], (rt, a, s) => {
  rt.framework.unlock(signer(s), addr(a, 0), u(a, 1));
  return undefined;
});
def("delegation_pool", "reactivate_stake", "entry", [], ["address", "u64"], [], (rt, a, s) => {
  dp.reactivateStake(ctxOf(rt), signer(s).address, addr(a, 0), u(a, 1));
  return undefined;
});
def("delegation_pool", "withdraw", "entry", [], ["address", "u64"], [], (rt, a, s) => {
  rt.framework.withdraw(signer(s), addr(a, 0), u(a, 1));
  return undefined;
});
def("delegation_pool", "synchronize_delegation_pool", "entry", [], ["address"], [], (rt, a) => {
  dp.synchronize(ctxOf(rt), addr(a, 0));
  return undefined;
});
// entry functions in the real ABI have no signer for synchronize_delegation_pool / create_account
for (const f of fns) {
  if (
    f.abi.is_entry &&
    (f.name === "synchronize_delegation_pool" ||
      (f.module === "aptos_account" && f.name === "create_account"))
  ) {
    (f.abi as { params: readonly string[] }).params = f.abi.params.slice(1);
  }
}

export const frameworkFunctions: readonly NodeFunction[] = fns;

/** Module ABIs (`{ address, name, friends, exposed_functions, structs }`) for GET .../module/{name}. */
export function frameworkModules(): Map<string, ModuleAbi> {
  const out = new Map<string, ModuleAbi>();
  for (const f of fns) {
    let m = out.get(f.module);
    if (!m) {
      m = { address: "0x1", name: f.module, friends: [], exposed_functions: [], structs: [] };
      out.set(f.module, m);
    }
    (m.exposed_functions as ExposedFunction[]).push(f.abi);
  }
  return out;
}
