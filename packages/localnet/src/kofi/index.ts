/**
 * The Kofi executable model: one file per Move module (`move/sources/<module>.move` ->
 * `src/kofi/<module>.ts`), same function names (snake_case), same u64/u128 arithmetic and rounding, same
 * abort codes. The node imports exactly `kofiBindings` and `publishKofi`.
 *
 * Every binding carries its signature, written by hand from the Move source (`KofiFunctionBinding` in
 * runtime/port.ts: params after the leading `&signer`, returns, is_entry, is_view); the node compares them
 * with the generated ABI at startup (`checkKofiBindings`) and refuses to start on any difference.
 *
 * The port's `synchronizeDelegationPool` (additive, requested by this model) mirrors
 * `0x1::delegation_pool::synchronize_delegation_pool`; the Move code calls it before every measured framework
 * call and before each claim's readiness check, and so does staking_manager.ts. `stakeGetStake` (additive)
 * mirrors `0x1::stake::get_stake`, which `staking_manager::plan_unlock` reads to stay within the stake pool's
 * active stake.
 *
 * Used from outside src/kofi (read only): `VmError` (runtime/errors.ts) for the VM's ARITHMETIC_ERROR on
 * u64/u128 overflow, underflow, division by zero and casts; `namedObjectAddress` (runtime/address.ts) for
 * `object::create_object_address`; `KOFI_DEV_ADDRESS` and `kofiErrors` from `@kofi/core/abi`.
 * Object<T> arguments and returns are plain addresses (port convention).
 */
import type { Address, KofiFunctionBinding, Runtime, Signer } from "../runtime/port.ts";
import * as config from "./config.ts";
import * as gateway from "./gateway.ts";
import * as kapt from "./kapt.ts";
import * as rewards from "./rewards.ts";
import * as staking_manager from "./staking_manager.ts";
import * as stkapt from "./stkapt.ts";
import { KOFI } from "./support.ts";
import * as vault from "./vault.ts";
import * as withdrawals from "./withdrawals.ts";

export { KOFI } from "./support.ts";

// ---- argument accessors (the node decoded them with the ABI; these only narrow the types) -----------------

function arg(args: readonly unknown[], i: number): unknown {
  if (i >= args.length) throw new Error(`kofi binding: missing argument ${i}`);
  return args[i];
}
function u(args: readonly unknown[], i: number): bigint {
  const v = arg(args, i);
  if (typeof v !== "bigint") throw new Error(`kofi binding: argument ${i} must be a bigint`);
  return v;
}
function b(args: readonly unknown[], i: number): boolean {
  const v = arg(args, i);
  if (typeof v !== "boolean") throw new Error(`kofi binding: argument ${i} must be a bool`);
  return v;
}
function a(args: readonly unknown[], i: number): Address {
  const v = arg(args, i);
  if (typeof v !== "string" || !v.startsWith("0x"))
    throw new Error(`kofi binding: argument ${i} must be an address`);
  return v as Address;
}
function vec<T>(args: readonly unknown[], i: number, item: (x: unknown) => T): T[] {
  const v = arg(args, i);
  if (!Array.isArray(v)) throw new Error(`kofi binding: argument ${i} must be a vector`);
  return v.map(item);
}
const asAddr = (x: unknown): Address => a([x], 0);
const asU = (x: unknown): bigint => u([x], 0);
function signerOf(s: Signer | undefined): Signer {
  if (s === undefined) throw new Error("kofi binding: entry function called without a signer");
  return s;
}

type EntryRun = (rt: Runtime, s: Signer, args: readonly unknown[]) => void;
type ViewRun = (rt: Runtime, args: readonly unknown[]) => unknown[];

/**
 * `params`: the Move parameters after the leading `&signer`, in the fullnode ABI's notation (the node checks
 * them, and `returns` of views, against the generated ABI at startup; see `FunctionSignature` in port.ts).
 */
const entry = (
  module: string,
  name: string,
  params: readonly string[],
  run: EntryRun,
): KofiFunctionBinding => ({
  module,
  name,
  signature: { params, returns: [], isEntry: true, isView: false },
  run: (rt, args, s) => {
    run(rt, signerOf(s), args);
  },
});
const view = (
  module: string,
  name: string,
  params: readonly string[],
  returns: readonly string[],
  run: ViewRun,
): KofiFunctionBinding => ({
  module,
  name,
  signature: { params, returns, isEntry: false, isView: true },
  run: (rt, args) => run(rt, args),
});

/** A struct of the Kofi package as the ABI prints it (long-form dev address). */
const kofiType = (t: string): string => `${KOFI}::${t}`;
const METADATA_OBJECT = "0x1::object::Object<0x1::fungible_asset::Metadata>";

/** One binding per entry and view function of the Kofi ABI, each with its signature from the Move source. */
export const kofiBindings: KofiFunctionBinding[] = [
  // config (admin entries)
  entry("config", "transfer_admin", ["address"], (rt, s, x) => config.transfer_admin(rt, s, a(x, 0))),
  entry("config", "accept_admin", [], (rt, s) => config.accept_admin(rt, s)),
  entry("config", "set_paused", ["u8", "bool"], (rt, s, x) => config.set_paused(rt, s, u(x, 0), b(x, 1))),
  entry("config", "set_fee_bps", ["u64"], (rt, s, x) => config.set_fee_bps(rt, s, u(x, 0))),
  entry("config", "set_treasury", ["address"], (rt, s, x) => config.set_treasury(rt, s, a(x, 0))),
  entry("config", "set_min_deposit", ["u64"], (rt, s, x) => config.set_min_deposit(rt, s, u(x, 0))),
  entry("config", "set_min_withdrawal", ["u64"], (rt, s, x) => config.set_min_withdrawal(rt, s, u(x, 0))),
  // staking_manager (admin entries)
  entry("staking_manager", "add_pool", ["address", "u64", "u64"], (rt, s, x) =>
    staking_manager.add_pool(rt, s, a(x, 0), u(x, 1), u(x, 2)),
  ),
  entry("staking_manager", "set_weights", ["vector<address>", "vector<u64>"], (rt, s, x) =>
    staking_manager.set_weights(rt, s, vec(x, 0, asAddr), vec(x, 1, asU)),
  ),
  entry("staking_manager", "set_pool_cap", ["address", "u64"], (rt, s, x) =>
    staking_manager.set_pool_cap(rt, s, a(x, 0), u(x, 1)),
  ),
  entry("staking_manager", "disable_pool", ["address"], (rt, s, x) =>
    staking_manager.disable_pool(rt, s, a(x, 0)),
  ),
  entry("staking_manager", "rebalance", [], (rt, s) => staking_manager.rebalance(rt, s)),
  // rewards
  entry("rewards", "sync_rewards", [], (rt, s) => rewards.sync_rewards(rt, s)),
  // gateway entries
  entry("gateway", "deposit", ["u64", "u64"], (rt, s, x) => gateway.deposit(rt, s, u(x, 0), u(x, 1))),
  entry("gateway", "deposit_and_stake", ["u64", "u64"], (rt, s, x) =>
    gateway.deposit_and_stake(rt, s, u(x, 0), u(x, 1)),
  ),
  entry("gateway", "stake", ["u64", "u64"], (rt, s, x) => gateway.stake(rt, s, u(x, 0), u(x, 1))),
  entry("gateway", "unstake", ["u64", "u64"], (rt, s, x) => gateway.unstake(rt, s, u(x, 0), u(x, 1))),
  entry("gateway", "request_withdrawal", ["u64"], (rt, s, x) => gateway.request_withdrawal(rt, s, u(x, 0))),
  entry("gateway", "unstake_and_request_withdrawal", ["u64", "u64"], (rt, s, x) =>
    gateway.unstake_and_request_withdrawal(rt, s, u(x, 0), u(x, 1)),
  ),
  entry("gateway", "claim", ["vector<address>"], (rt, s, x) => gateway.claim(rt, s, vec(x, 0, asAddr))),
  entry("gateway", "transfer_ticket", ["address", "address"], (rt, s, x) =>
    gateway.transfer_ticket(rt, s, a(x, 0), a(x, 1)),
  ),
  entry("gateway", "seed_vault", ["u64"], (rt, s, x) => gateway.seed_vault(rt, s, u(x, 0))),
  // gateway views
  view("gateway", "quote_deposit", ["u64"], ["u64", "u64"], (rt, x) => gateway.quote_deposit(rt, u(x, 0))),
  view("gateway", "quote_deposit_and_stake", ["u64"], ["u64", "u64", "u64"], (rt, x) =>
    gateway.quote_deposit_and_stake(rt, u(x, 0)),
  ),
  view("gateway", "quote_stake", ["u64"], ["u64"], (rt, x) => [gateway.quote_stake(rt, u(x, 0))]),
  view("gateway", "quote_unstake", ["u64"], ["u64"], (rt, x) => [gateway.quote_unstake(rt, u(x, 0))]),
  view("gateway", "quote_request_withdrawal", ["u64"], ["u64", "u64"], (rt, x) =>
    gateway.quote_request_withdrawal(rt, u(x, 0)),
  ),
  view("gateway", "quote_unstake_and_request_withdrawal", ["u64"], ["u64", "u64", "u64"], (rt, x) =>
    gateway.quote_unstake_and_request_withdrawal(rt, u(x, 0)),
  ),
  view("gateway", "quote_claim", ["address", "vector<address>"], ["u64", "bool"], (rt, x) =>
    gateway.quote_claim(rt, a(x, 0), vec(x, 1, asAddr)),
  ),
  view("gateway", "exchange_rate", [], ["u128", "u128"], (rt) => gateway.exchange_rate(rt)),
  view("gateway", "protocol_state", [], [kofiType("gateway::ProtocolState")], (rt) => [
    gateway.protocol_state(rt),
  ]),
  view("gateway", "user_summary", ["address"], [kofiType("gateway::UserSummary")], (rt, x) => [
    gateway.user_summary(rt, a(x, 0)),
  ]),
  view("gateway", "ticket_info", ["address"], [kofiType("gateway::TicketInfo")], (rt, x) => [
    gateway.ticket_info(rt, a(x, 0)),
  ]),
  view("gateway", "kapt_metadata", [], [METADATA_OBJECT], (rt) => [gateway.kapt_metadata(rt)]),
  view("gateway", "stkapt_metadata", [], [METADATA_OBJECT], (rt) => [gateway.stkapt_metadata(rt)]),
];

/**
 * Publishes the package: runs every module's `init_module` in dependency order, as the VM does when
 * `@kofi` publishes it. The deployer must be the `kofi` named address.
 */
export function publishKofi(rt: Runtime, deployer: Signer): void {
  if (deployer.address !== KOFI) {
    throw new Error(`publishKofi: the deployer must be the kofi address ${KOFI}, got ${deployer.address}`);
  }
  config.init_module(rt, deployer);
  kapt.init_module(rt, deployer);
  stkapt.init_module(rt, deployer);
  staking_manager.init_module(rt, deployer);
  vault.init_module(rt, deployer);
  withdrawals.init_module(rt, deployer);
  rewards.init_module(rt, deployer);
}
