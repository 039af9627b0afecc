/**
 * The contract between the localnet's framework model (`../framework/`) and its callers: the framework
 * natives the Move interpreter dispatches `0x1::*` calls to (`../framework/natives/`), the node's routes and
 * the venues. The interpreted Kofi package reaches the chain only through `0x1::*` calls, and those natives
 * reach it only through this port, so each method below names the framework function it mirrors.
 *
 * Amounts are u64/u128 values as `bigint`. Addresses are normalised long-form hex strings
 * (`0x` + 64 lowercase hex digits). Every method runs inside the current transaction: writes are journaled
 * and thrown away if the transaction aborts.
 */

import { MoveAbort as InterpreterMoveAbort } from "../framework/natives/move.ts";

/** A normalised account or object address: `0x` followed by 64 lowercase hex digits. */
export type Address = `0x${string}`;

/** A signer is just its address here; the node verified the signature before execution. */
export interface Signer {
  readonly address: Address;
}

/** Standard Aptos error categories (`std::error`). */
export type ErrorCategory =
  | "invalid_argument"
  | "out_of_range"
  | "invalid_state"
  | "unauthenticated"
  | "permission_denied"
  | "not_found"
  | "aborted"
  | "already_exists"
  | "resource_exhausted"
  | "internal"
  | "not_implemented"
  | "unavailable";

export const ERROR_CATEGORY_CODE: Record<ErrorCategory, number> = {
  invalid_argument: 0x1,
  out_of_range: 0x2,
  invalid_state: 0x3,
  unauthenticated: 0x4,
  permission_denied: 0x5,
  not_found: 0x6,
  aborted: 0x7,
  already_exists: 0x8,
  resource_exhausted: 0x9,
  internal: 0xa,
  not_implemented: 0xc,
  unavailable: 0xd,
};

/**
 * A Move abort. `module` is the fully qualified module (`0x1::coin`, `0x…6b6f6669::gateway`), `name` the
 * error constant, `code` the full abort code `(category << 16) | reason`. The node formats it as
 * `Move abort in <module>: <name>(0x<code hex>): <doc>`.
 */
// Localnet note (additive fix, meaning unchanged): `name` carries the error constant, so it needs `override`
// (TS strict noImplicitOverride) and must not be reset to "MoveAbort" afterwards, or the constant is lost.
// One abort class: this is `@kofi/move`'s `MoveAbort` (what the interpreter and the runner judge), built with the
// port's argument order; `errorName` equals `name`.
export class MoveAbort extends InterpreterMoveAbort {
  constructor(
    module: string,
    override readonly name: string,
    code: bigint,
    doc: string,
  ) {
    super(module, code, name, doc);
  }
}

/** Global storage, as Move sees it: one value per (address, fully qualified struct type). */
export interface GlobalStorage {
  exists(addr: Address, type: string): boolean;
  /** Read-only view; throws if missing (the Move model checks `exists` first, as Move code would). */
  borrow<T>(addr: Address, type: string): Readonly<T>;
  /** A mutable copy that is written back when the transaction commits. Same object on repeated calls. */
  borrowMut<T>(addr: Address, type: string): T;
  moveTo<T>(addr: Address, type: string, value: T): void;
  moveFrom<T>(addr: Address, type: string): T;
}

/** `aptos_std::table::Table`: items stored under a handle so a big table is never copied whole. */
export interface Tables {
  newHandle(): string;
  contains(handle: string, key: string): boolean;
  borrow<V>(handle: string, key: string): Readonly<V>;
  borrowMut<V>(handle: string, key: string): V;
  add<V>(handle: string, key: string, value: V): void;
  upsert<V>(handle: string, key: string, value: V): void;
  remove<V>(handle: string, key: string): V;
}

/** Delegation pool stake of one delegator, as `0x1::delegation_pool::get_stake` returns it. */
export interface DelegatorStake {
  active: bigint;
  inactive: bigint;
  pendingInactive: bigint;
}

/** A stake pool's coins, as `0x1::stake::get_stake(pool)` returns them (in that order). */
export interface StakePoolStake {
  active: bigint;
  inactive: bigint;
  pendingActive: bigint;
  pendingInactive: bigint;
}

/** The framework functions the Kofi Move package calls, one method per Move function. */
export interface Framework {
  /** `0x1::timestamp::now_seconds` */
  nowSeconds(): bigint;
  /** `0x1::block::get_epoch_interval_secs` */
  epochIntervalSecs(): bigint;
  /** `0x1::staking_config::get_recurring_lockup_duration(&staking_config::get())` */
  recurringLockupDurationSecs(): bigint;

  /** `0x1::account::create_resource_account(source, seed)`: returns the resource account's address. */
  createResourceAccount(source: Signer, seed: Uint8Array): Address;
  /** `0x1::account::create_signer_with_capability`: the model keeps capabilities as addresses. */
  signerFor(addr: Address): Signer;

  /** `0x1::coin::balance<AptosCoin>` (coin and paired FA `0xa` together, as on mainnet). */
  aptBalance(owner: Address): bigint;
  /** `0x1::aptos_account::transfer` (creates the recipient if needed); aborts `0x1::coin::EINSUFFICIENT_BALANCE`. */
  aptTransfer(from: Signer, to: Address, amount: bigint): void;

  /** `0x1::object::create_named_object(creator, seed)`: returns the object address. */
  createNamedObject(creator: Signer, seed: Uint8Array): Address;
  /** `0x1::object::create_object(owner)`: a fresh unique object address owned by `owner`. */
  createObject(owner: Address): Address;
  /** `0x1::object::owner` */
  objectOwner(obj: Address): Address;
  /** `0x1::object::transfer_with_ref` (ungated transfer disabled; only the holder of the ref moves it). */
  objectTransferWithRef(obj: Address, to: Address): void;
  /** `0x1::object::delete(DeleteRef)` */
  objectDelete(obj: Address): void;
  /** `0x1::object::is_object` */
  isObject(addr: Address): boolean;

  /**
   * `0x1::primary_fungible_store::create_primary_store_enabled_fungible_asset` on a named object:
   * registers the FA metadata (name, symbol, decimals, icon, project uri) at `metadata`.
   */
  createFungibleAsset(
    metadata: Address,
    info: { name: string; symbol: string; decimals: number; iconUri: string; projectUri: string },
  ): void;
  /** `0x1::fungible_asset::mint` + `primary_fungible_store::deposit` (mint ref holder only). */
  faMintTo(metadata: Address, to: Address, amount: bigint): void;
  /** `0x1::fungible_asset::burn_from(burn_ref, primary_store(owner), amount)`; aborts `0x1::fungible_asset::EINSUFFICIENT_BALANCE`. */
  faBurnFrom(metadata: Address, owner: Address, amount: bigint): void;
  /** `0x1::primary_fungible_store::transfer`; aborts `0x1::fungible_asset::EINSUFFICIENT_BALANCE`. */
  faTransfer(from: Signer, metadata: Address, to: Address, amount: bigint): void;
  /** `0x1::primary_fungible_store::balance` */
  faBalance(owner: Address, metadata: Address): bigint;
  /** `0x1::fungible_asset::supply` (always `some` for Kofi's tokens). */
  faSupply(metadata: Address): bigint;

  /** `0x1::delegation_pool::delegation_pool_exists` */
  delegationPoolExists(pool: Address): boolean;
  /** `0x1::delegation_pool::add_stake` (withdraws APT from the delegator; may withdraw inactive stake to it as a side effect). */
  addStake(delegator: Signer, pool: Address, amount: bigint): void;
  /** `0x1::delegation_pool::unlock` (amount rounded up to keep pending_inactive >= 10 APT; may side-withdraw). */
  unlock(delegator: Signer, pool: Address, amount: bigint): void;
  /** `0x1::delegation_pool::withdraw` (capped at what is withdrawable). */
  withdraw(delegator: Signer, pool: Address, amount: bigint): void;
  /** `0x1::delegation_pool::get_stake` */
  getStake(pool: Address, delegator: Address): DelegatorStake;
  /** `0x1::delegation_pool::get_pending_withdrawal`: (withdrawable now, amount). */
  getPendingWithdrawal(pool: Address, delegator: Address): { withdrawable: boolean; amount: bigint };
  /** `0x1::delegation_pool::get_add_stake_fee` */
  getAddStakeFee(pool: Address, amount: bigint): bigint;
  /** `0x1::delegation_pool::observed_lockup_cycle` */
  observedLockupCycle(pool: Address): bigint;
  /** `0x1::delegation_pool::can_withdraw_pending_inactive` */
  canWithdrawPendingInactive(pool: Address): boolean;
  /** `0x1::delegation_pool::operator_commission_percentage` (hundredths of a percent, i.e. bps). */
  operatorCommissionPercentage(pool: Address): bigint;
  /** `0x1::stake::get_lockup_secs` */
  getLockupSecs(pool: Address): bigint;
  /**
   * `0x1::stake::get_stake(pool)` (additive, for `staking_manager::plan_unlock`): the whole stake pool's
   * (active, inactive, pending_active, pending_inactive); `delegation_pool::unlock` aborts above its `active`.
   */
  stakeGetStake(pool: Address): StakePoolStake;
  /** `0x1::stake::get_validator_state` (1 pending_active, 2 active, 3 pending_inactive, 4 inactive). */
  getValidatorState(pool: Address): bigint;
  /**
   * `0x1::delegation_pool::synchronize_delegation_pool` (additive: `move/sources` calls it through the interpreter
   * calls it before measured framework calls; the getters above already answer as if synchronised).
   */
  synchronizeDelegationPool(pool: Address): void;
}

/** What one transaction (or one view call) sees. */
export interface Runtime {
  readonly storage: GlobalStorage;
  readonly tables: Tables;
  readonly framework: Framework;
  /** `0x1::event::emit<T>(data)`; `type` is the fully qualified event struct. */
  emit(type: string, data: Record<string, unknown>): void;
}

/**
 * Argument and return value conventions (both directions): every integer type (u8 to u256) is a `bigint`;
 * `bool` is boolean; `address` and `Object<T>` are `Address`; `0x1::string::String` is string;
 * `vector<u8>` is `Uint8Array`; other vectors are arrays; structs are plain objects whose keys are the Move
 * field names (snake_case), in declaration order. The node turns these into the fullnode's JSON
 * (u64/u128/u256 as decimal strings, u8/u16/u32 as numbers, `vector<u8>` as 0x-hex).
 *
 * A binding for one Move function: the node decodes arguments with the ABI, then calls `run`.
 * Entry functions receive the signer first; views return their values in ABI order.
 * `module` and `name` must match an ABI entry exactly, or the node refuses to start.
 */
export interface FunctionBinding {
  readonly module: string;
  readonly name: string;
  /**
   * The Move function's signature as the binding expects it (see `FunctionSignature`). Optional here so the
   * third-party venue packages (`../venues/`, whose ABIs are hand-written alongside their bindings) can omit
   * it; Kofi bindings must carry it (`KofiFunctionBinding`), and the node refuses to start when it differs
   * from the generated ABI.
   */
  readonly signature?: FunctionSignature;
  run(rt: Runtime, args: readonly unknown[], signer?: Signer): unknown[] | void;
}

/**
 * A Move function's signature, written by hand from the Move source in the fullnode ABI's notation
 * (`u64`, `vector<address>`, `0x1::object::Object<0x1::fungible_asset::Metadata>`, Kofi structs with the
 * long-form dev address: `0x…6b6f6669::gateway::ProtocolState`).
 *
 * `params` are the arguments `run` receives in `args`: an entry function's leading `&signer` (which `run`
 * receives separately as `signer`) is NOT listed. The node compares them with the ABI's `params` after
 * dropping a leading `&signer`/`signer`. `returns` is the ABI's `return` (empty for entry functions).
 */
export interface FunctionSignature {
  readonly params: readonly string[];
  readonly returns: readonly string[];
  readonly isEntry: boolean;
  readonly isView: boolean;
}

/** A binding of the Kofi package: the signature is required (checked against the ABI at node startup). */
export interface KofiFunctionBinding extends FunctionBinding {
  readonly signature: FunctionSignature;
}
