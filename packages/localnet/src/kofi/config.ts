/**
 * `kofi::config`: admin (two-step transfer), treasury, protocol fee, minimums, a pause flag per action, and
 * the protocol account (the delegator) whose SignerCapability lives here.
 */
import type { Address, Runtime, Signer } from "../runtime/port.ts";
import { bytes, check, isSome, KOFI, type MoveOption, none, some, typeOf } from "./support.ts";

const M = "config";

/** Hard cap on the protocol fee, in bps of rewards (20 %). */
export const MAX_FEE_BPS = 2000n;
export const DEFAULT_FEE_BPS = 1000n;
export const DEFAULT_MIN_DEPOSIT = 10_000_000n;
export const DEFAULT_MIN_WITHDRAWAL = 10_000_000n;
export const MIN_AMOUNT_FLOOR = 1_000n;
export const MIN_AMOUNT_CEIL = 100_000_000_000n;
export const ACTION_DEPOSIT = 0n;
export const ACTION_STAKE = 1n;
export const ACTION_UNSTAKE = 2n;
export const ACTION_WITHDRAW = 3n;
const NUM_ACTIONS = 4n;
const LIMIT_MIN_DEPOSIT = 0n;
const LIMIT_MIN_WITHDRAWAL = 1n;
/** Seed of the protocol account: `account::create_resource_account(&kofi, STAKE_ACCOUNT_SEED)`. */
export const STAKE_ACCOUNT_SEED = "kofi::stake_account";

export const CONFIG = typeOf(M, "Config");
export const STAKE_ACCOUNT = typeOf(M, "StakeAccount");

export interface Config {
  admin: Address;
  pending_admin: MoveOption<Address>;
  treasury: Address;
  fee_bps: bigint;
  min_deposit: bigint;
  min_withdrawal: bigint;
  paused: boolean[];
}

/** `account::SignerCapability { account }` */
export interface StakeAccount {
  signer_cap: { account: Address };
  addr: Address;
}

function emit(rt: Runtime, event: string, data: Record<string, unknown>): void {
  rt.emit(typeOf(M, event), data);
}

export function init_module(rt: Runtime, kofi: Signer): void {
  const addr = rt.framework.createResourceAccount(kofi, bytes(STAKE_ACCOUNT_SEED));
  // coin::register<AptosCoin> of the new account: the framework model's resource account holds APT already.
  rt.storage.moveTo<StakeAccount>(kofi.address, STAKE_ACCOUNT, { signer_cap: { account: addr }, addr });
  rt.storage.moveTo<Config>(kofi.address, CONFIG, {
    admin: kofi.address,
    pending_admin: none(),
    treasury: kofi.address,
    fee_bps: DEFAULT_FEE_BPS,
    min_deposit: DEFAULT_MIN_DEPOSIT,
    min_withdrawal: DEFAULT_MIN_WITHDRAWAL,
    paused: [false, false, false, false],
  });
}

function cfg(rt: Runtime): Readonly<Config> {
  return rt.storage.borrow<Config>(KOFI, CONFIG);
}

function cfgMut(rt: Runtime): Config {
  return rt.storage.borrowMut<Config>(KOFI, CONFIG);
}

function assert_in_bounds(amount: bigint): void {
  check(amount >= MIN_AMOUNT_FLOOR && amount <= MIN_AMOUNT_CEIL, M, "E_OUT_OF_BOUNDS");
}

// ---- package-internal -----------------------------------------------------------------------------------

/** Aborts `E_NOT_ADMIN` unless `s` is the admin. */
export function assert_admin(rt: Runtime, s: Signer): void {
  check(s.address === cfg(rt).admin, M, "E_NOT_ADMIN");
}

/** Aborts `E_PAUSED` when `action` is paused. */
export function assert_not_paused(rt: Runtime, action: bigint): void {
  check(!is_paused(rt, action), M, "E_PAUSED");
}

/** Whether `action` is paused (`vector::borrow`; an unknown id is a caller bug, as in Move). */
export function is_paused(rt: Runtime, action: bigint): boolean {
  const flag = cfg(rt).paused[Number(action)];
  if (flag === undefined) throw new Error(`config::is_paused: no action ${action}`);
  return flag;
}

/** Signer of the protocol account (`account::create_signer_with_capability`). */
export function protocol_signer(rt: Runtime): Signer {
  return rt.framework.signerFor(rt.storage.borrow<StakeAccount>(KOFI, STAKE_ACCOUNT).signer_cap.account);
}

/** Address of the protocol account. */
export function protocol_address(rt: Runtime): Address {
  return rt.storage.borrow<StakeAccount>(KOFI, STAKE_ACCOUNT).addr;
}

// ---- admin entries ----------------------------------------------------------------------------------------

/** Step one of the admin transfer. */
export function transfer_admin(rt: Runtime, admin: Signer, new_admin: Address): void {
  assert_admin(rt, admin);
  const c = cfgMut(rt);
  c.pending_admin = some(new_admin);
  emit(rt, "AdminTransferStarted", { admin: c.admin, pending_admin: new_admin });
}

/** Step two, signed by the pending admin. */
export function accept_admin(rt: Runtime, s: Signer): void {
  const c = cfgMut(rt);
  check(isSome(c.pending_admin) && c.pending_admin.vec[0] === s.address, M, "E_NOT_PENDING_ADMIN");
  const old_admin = c.admin;
  c.admin = s.address;
  c.pending_admin = none();
  emit(rt, "AdminTransferred", { old_admin, new_admin: s.address });
}

export function set_paused(rt: Runtime, admin: Signer, action: bigint, paused: boolean): void {
  assert_admin(rt, admin);
  check(action < NUM_ACTIONS, M, "E_INVALID_ACTION");
  cfgMut(rt).paused[Number(action)] = paused;
  emit(rt, "PauseChanged", { action, paused });
}

export function set_fee_bps(rt: Runtime, admin: Signer, fee_bps: bigint): void {
  assert_admin(rt, admin);
  check(fee_bps <= MAX_FEE_BPS, M, "E_FEE_TOO_HIGH");
  const c = cfgMut(rt);
  const old_fee_bps = c.fee_bps;
  c.fee_bps = fee_bps;
  emit(rt, "FeeChanged", { old_fee_bps, new_fee_bps: fee_bps });
}

export function set_treasury(rt: Runtime, admin: Signer, treasury: Address): void {
  assert_admin(rt, admin);
  const c = cfgMut(rt);
  const old_treasury = c.treasury;
  c.treasury = treasury;
  emit(rt, "TreasuryChanged", { old_treasury, new_treasury: treasury });
}

export function set_min_deposit(rt: Runtime, admin: Signer, amount: bigint): void {
  assert_admin(rt, admin);
  assert_in_bounds(amount);
  const c = cfgMut(rt);
  const old_value = c.min_deposit;
  c.min_deposit = amount;
  emit(rt, "LimitChanged", { limit: LIMIT_MIN_DEPOSIT, old_value, new_value: amount });
}

export function set_min_withdrawal(rt: Runtime, admin: Signer, amount: bigint): void {
  assert_admin(rt, admin);
  assert_in_bounds(amount);
  const c = cfgMut(rt);
  const old_value = c.min_withdrawal;
  c.min_withdrawal = amount;
  emit(rt, "LimitChanged", { limit: LIMIT_MIN_WITHDRAWAL, old_value, new_value: amount });
}

// ---- getters (public(package)) ---------------------------------------------------------------------------

export const admin = (rt: Runtime): Address => cfg(rt).admin;
export const pending_admin = (rt: Runtime): MoveOption<Address> => cfg(rt).pending_admin;
export const treasury = (rt: Runtime): Address => cfg(rt).treasury;
export const fee_bps = (rt: Runtime): bigint => cfg(rt).fee_bps;
export const max_fee_bps = (): bigint => MAX_FEE_BPS;
export const min_deposit = (rt: Runtime): bigint => cfg(rt).min_deposit;
export const min_withdrawal = (rt: Runtime): bigint => cfg(rt).min_withdrawal;
export const action_deposit = (): bigint => ACTION_DEPOSIT;
export const action_stake = (): bigint => ACTION_STAKE;
export const action_unstake = (): bigint => ACTION_UNSTAKE;
export const action_withdraw = (): bigint => ACTION_WITHDRAW;
