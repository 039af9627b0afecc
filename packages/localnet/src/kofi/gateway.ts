/**
 * `kofi::gateway`: user entry points, the vault seed, and every view the SDK reads. Each state-changing entry
 * books pending rewards (`rewards::sync`) first.
 */
import type { Address, Runtime, Signer } from "../runtime/port.ts";
import * as config from "./config.ts";
import * as kapt from "./kapt.ts";
import * as rewards from "./rewards.ts";
import * as staking_manager from "./staking_manager.ts";
import * as stkapt from "./stkapt.ts";
import { add, check, sub, typeOf } from "./support.ts";
import * as vault from "./vault.ts";
import * as withdrawals from "./withdrawals.ts";

const M = "gateway";

/** Protocol-wide figures for dashboards. */
export interface ProtocolState {
  total_staked_apt: bigint;
  kapt_supply: bigint;
  stkapt_supply: bigint;
  vault_kapt: bigint;
  streaming_kapt: bigint;
  stream_amount: bigint;
  stream_start: bigint;
  stream_end: bigint;
  rate_numerator: bigint;
  rate_denominator: bigint;
  fee_bps: bigint;
  max_fee_bps: bigint;
  treasury: Address;
  admin: Address;
  paused_deposit: boolean;
  paused_stake: boolean;
  paused_unstake: boolean;
  paused_withdraw: boolean;
  lockup_duration_secs: bigint;
  epoch_interval_secs: bigint;
  ticket_liabilities: bigint;
  idle_apt: bigint;
  protocol_equity: bigint;
  min_deposit: bigint;
  min_withdrawal: bigint;
  now_secs: bigint;
  validators: ValidatorInfo[];
}

/** One pool of the validator set with the protocol's stake in it. */
export interface ValidatorInfo {
  pool: Address;
  weight_bps: bigint;
  cap: bigint;
  enabled: boolean;
  active: bigint;
  pending_inactive: bigint;
  inactive: bigint;
  validator_active: boolean;
  commission_bps: bigint;
  lockup_ends_at: bigint;
}

/** One account's balances and tickets. */
export interface UserSummary {
  apt_balance: bigint;
  kapt_balance: bigint;
  stkapt_balance: bigint;
  stkapt_value_kapt: bigint;
  tickets: TicketInfo[];
  now_secs: bigint;
}

/** One withdrawal ticket. */
export interface TicketInfo {
  id: Address;
  owner: Address;
  kapt_burned: bigint;
  apt_amount: bigint;
  requested_at: bigint;
  unlock_at: bigint;
  ready: boolean;
  pools: Address[];
}

function emit_deposited(
  rt: Runtime,
  user: Address,
  pool: Address,
  apt_amount: bigint,
  kapt_minted: bigint,
): void {
  rt.emit(typeOf(M, "Deposited"), { user, pool, apt_amount, fee: sub(apt_amount, kapt_minted), kapt_minted });
}

// ---- user entries ------------------------------------------------------------------------------------------

/** Deposits `apt_amount` APT and mints kAPT (the measured active-stake increase) to the caller. */
export function deposit(rt: Runtime, user: Signer, apt_amount: bigint, min_kapt_out: bigint): void {
  rewards.sync(rt);
  check(apt_amount > 0n, M, "E_ZERO_AMOUNT");
  config.assert_not_paused(rt, config.action_deposit());
  check(apt_amount >= config.min_deposit(rt), M, "E_BELOW_MIN_DEPOSIT");
  const user_addr = user.address;
  const [pool, kapt_minted] = stake_apt(rt, user, apt_amount);
  check(kapt_minted >= min_kapt_out, M, "E_SLIPPAGE");
  kapt.mint_to(rt, user_addr, kapt_minted);
  emit_deposited(rt, user_addr, pool, apt_amount, kapt_minted);
}

/** Deposits `apt_amount` APT and stakes the minted kAPT in the vault; stkAPT goes to the caller. */
export function deposit_and_stake(
  rt: Runtime,
  user: Signer,
  apt_amount: bigint,
  min_stkapt_out: bigint,
): void {
  rewards.sync(rt);
  check(apt_amount > 0n, M, "E_ZERO_AMOUNT");
  config.assert_not_paused(rt, config.action_deposit());
  config.assert_not_paused(rt, config.action_stake());
  check(apt_amount >= config.min_deposit(rt), M, "E_BELOW_MIN_DEPOSIT");
  vault.assert_seeded(rt);
  const user_addr = user.address;
  const [pool, kapt_minted] = stake_apt(rt, user, apt_amount);
  kapt.mint_to(rt, config.protocol_address(rt), kapt_minted);
  emit_deposited(rt, user_addr, pool, apt_amount, kapt_minted);
  const shares = vault.stake_minted(rt, user_addr, kapt_minted);
  check(shares >= min_stkapt_out, M, "E_SLIPPAGE");
}

/** Stakes `kapt_amount` kAPT in the vault for stkAPT. */
export function stake(rt: Runtime, user: Signer, kapt_amount: bigint, min_stkapt_out: bigint): void {
  rewards.sync(rt);
  config.assert_not_paused(rt, config.action_stake());
  check(kapt_amount > 0n, M, "E_ZERO_AMOUNT");
  vault.assert_seeded(rt);
  const shares = vault.stake_from(rt, user, kapt_amount);
  check(shares >= min_stkapt_out, M, "E_SLIPPAGE");
}

/** Redeems `stkapt_amount` stkAPT for kAPT. */
export function unstake(rt: Runtime, user: Signer, stkapt_amount: bigint, min_kapt_out: bigint): void {
  rewards.sync(rt);
  config.assert_not_paused(rt, config.action_unstake());
  check(stkapt_amount > 0n, M, "E_ZERO_AMOUNT");
  const kapt_amount = vault.unstake(rt, user, stkapt_amount);
  check(kapt_amount >= min_kapt_out, M, "E_SLIPPAGE");
}

/** Burns `kapt_amount` kAPT, unlocks the stake and creates a withdrawal ticket owned by the caller. */
export function request_withdrawal(rt: Runtime, user: Signer, kapt_amount: bigint): void {
  rewards.sync(rt);
  config.assert_not_paused(rt, config.action_withdraw());
  check(kapt_amount > 0n, M, "E_ZERO_AMOUNT");
  check(kapt_amount >= config.min_withdrawal(rt), M, "E_BELOW_MIN_WITHDRAWAL");
  withdrawals.request(rt, user, kapt_amount);
}

/** Redeems `stkapt_amount` stkAPT, then requests the withdrawal of the kAPT received. */
export function unstake_and_request_withdrawal(
  rt: Runtime,
  user: Signer,
  stkapt_amount: bigint,
  min_kapt_out: bigint,
): void {
  rewards.sync(rt);
  config.assert_not_paused(rt, config.action_unstake());
  config.assert_not_paused(rt, config.action_withdraw());
  check(stkapt_amount > 0n, M, "E_ZERO_AMOUNT");
  const kapt_amount = vault.unstake(rt, user, stkapt_amount);
  check(kapt_amount >= min_kapt_out, M, "E_SLIPPAGE");
  check(kapt_amount >= config.min_withdrawal(rt), M, "E_BELOW_MIN_WITHDRAWAL");
  withdrawals.request(rt, user, kapt_amount);
}

/** Claims ready tickets of the caller and pays their APT. Never paused. */
export function claim(rt: Runtime, user: Signer, tickets: readonly Address[]): void {
  rewards.sync(rt);
  withdrawals.claim(rt, user, tickets);
}

/** Transfers a ticket of the caller to `to`. */
export function transfer_ticket(rt: Runtime, user: Signer, ticket: Address, to: Address): void {
  rewards.sync(rt);
  withdrawals.transfer(rt, user, ticket, to);
}

// ---- admin entry -------------------------------------------------------------------------------------------

/** Admin: deposits `apt_amount` APT like `deposit` and stakes the kAPT as dead shares held by nobody. */
export function seed_vault(rt: Runtime, admin: Signer, apt_amount: bigint): void {
  rewards.sync(rt);
  config.assert_admin(rt, admin);
  vault.assert_can_seed(rt, apt_amount);
  const [pool, kapt_minted] = stake_apt(rt, admin, apt_amount);
  kapt.mint_to(rt, config.protocol_address(rt), kapt_minted);
  emit_deposited(rt, admin.address, pool, apt_amount, kapt_minted);
  vault.seed(rt, kapt_minted);
}

// ---- views -------------------------------------------------------------------------------------------------

/** Fee and kAPT out for depositing `apt` now. */
export function quote_deposit(rt: Runtime, apt: bigint): [bigint, bigint] {
  check(apt > 0n, M, "E_ZERO_AMOUNT");
  check(apt >= config.min_deposit(rt), M, "E_BELOW_MIN_DEPOSIT");
  const pool = staking_manager.select_pool(rt, apt);
  let fee = staking_manager.quote_add_stake_fee(rt, pool, apt);
  if (fee > apt) fee = apt;
  return [fee, sub(apt, fee)];
}

/** Fee, kAPT and stkAPT out for `deposit_and_stake` of `apt` now. */
export function quote_deposit_and_stake(rt: Runtime, apt: bigint): [bigint, bigint, bigint] {
  const [fee, kapt_out] = quote_deposit(rt, apt);
  const stkapt_out = vault.quote_stake(rt, kapt_out, rt.framework.nowSeconds());
  return [fee, kapt_out, stkapt_out];
}

/** stkAPT out for staking `kapt` now. */
export function quote_stake(rt: Runtime, kapt_amount: bigint): bigint {
  check(kapt_amount > 0n, M, "E_ZERO_AMOUNT");
  return vault.quote_stake(rt, kapt_amount, rt.framework.nowSeconds());
}

/** kAPT out for unstaking `stkapt` now. */
export function quote_unstake(rt: Runtime, stkapt_amount: bigint): bigint {
  check(stkapt_amount > 0n, M, "E_ZERO_AMOUNT");
  return vault.quote_unstake(rt, stkapt_amount, rt.framework.nowSeconds());
}

/** APT owed and estimated unlock time for a withdrawal of `kapt` now. */
export function quote_request_withdrawal(rt: Runtime, kapt_amount: bigint): [bigint, bigint] {
  check(kapt_amount > 0n, M, "E_ZERO_AMOUNT");
  check(kapt_amount >= config.min_withdrawal(rt), M, "E_BELOW_MIN_WITHDRAWAL");
  return plan_withdrawal(rt, kapt_amount);
}

/** kAPT, APT owed and estimated unlock time for `unstake_and_request_withdrawal` of `stkapt` now. */
export function quote_unstake_and_request_withdrawal(
  rt: Runtime,
  stkapt_amount: bigint,
): [bigint, bigint, bigint] {
  check(stkapt_amount > 0n, M, "E_ZERO_AMOUNT");
  const kapt_out = vault.quote_unstake(rt, stkapt_amount, rt.framework.nowSeconds());
  check(kapt_out >= config.min_withdrawal(rt), M, "E_BELOW_MIN_WITHDRAWAL");
  const [apt, unlock_at] = plan_withdrawal(rt, kapt_out);
  return [kapt_out, apt, unlock_at];
}

/** APT a claim of `tickets` by `owner` would pay, and whether all of them are ready. */
export function quote_claim(rt: Runtime, owner: Address, tickets: readonly Address[]): [bigint, boolean] {
  return withdrawals.quote_claim(rt, owner, tickets);
}

/** kAPT per stkAPT as a fraction (numerator, denominator). */
export function exchange_rate(rt: Runtime): [bigint, bigint] {
  return vault.exchange_rate(rt, rt.framework.nowSeconds());
}

/** Protocol-wide figures, including every pool of the validator set. */
export function protocol_state(rt: Runtime): ProtocolState {
  const now = rt.framework.nowSeconds();
  const [rate_numerator, rate_denominator] = vault.exchange_rate(rt, now);
  const validators: ValidatorInfo[] = [];
  const n = staking_manager.pool_count(rt);
  for (let i = 0n; i < n; i++) {
    const [pool, weight_bps, cap, enabled] = staking_manager.pool_at(rt, i);
    const [active, inactive, pending_inactive] = staking_manager.pool_stake(rt, pool);
    validators.push({
      pool,
      weight_bps,
      cap,
      enabled,
      active,
      pending_inactive,
      inactive,
      validator_active: staking_manager.validator_active(rt, pool),
      commission_bps: staking_manager.commission_bps(rt, pool),
      lockup_ends_at: staking_manager.lockup_secs(rt, pool),
    });
  }
  return {
    total_staked_apt: staking_manager.total_staked_apt(rt),
    kapt_supply: kapt.supply(rt),
    stkapt_supply: stkapt.supply(rt),
    vault_kapt: vault.assets(rt, now),
    streaming_kapt: vault.streaming(rt, now),
    stream_amount: vault.stream_amount(rt),
    stream_start: vault.stream_start(rt),
    stream_end: vault.stream_end(rt),
    rate_numerator,
    rate_denominator,
    fee_bps: config.fee_bps(rt),
    max_fee_bps: config.max_fee_bps(),
    treasury: config.treasury(rt),
    admin: config.admin(rt),
    paused_deposit: config.is_paused(rt, config.action_deposit()),
    paused_stake: config.is_paused(rt, config.action_stake()),
    paused_unstake: config.is_paused(rt, config.action_unstake()),
    paused_withdraw: config.is_paused(rt, config.action_withdraw()),
    lockup_duration_secs: staking_manager.lockup_duration_secs(rt),
    epoch_interval_secs: rt.framework.epochIntervalSecs(),
    ticket_liabilities: withdrawals.liabilities(rt),
    idle_apt: staking_manager.idle_apt(rt),
    protocol_equity: staking_manager.protocol_equity(rt),
    min_deposit: config.min_deposit(rt),
    min_withdrawal: config.min_withdrawal(rt),
    now_secs: now,
    validators,
  };
}

/** Balances, stkAPT value and tickets of `addr`. */
export function user_summary(rt: Runtime, addr: Address): UserSummary {
  const now = rt.framework.nowSeconds();
  const stkapt_balance = stkapt.balance(rt, addr);
  const tickets = withdrawals.tickets_of(rt, addr).map((id) => ticket_info(rt, id));
  return {
    apt_balance: rt.framework.aptBalance(addr),
    kapt_balance: kapt.balance(rt, addr),
    stkapt_balance,
    stkapt_value_kapt: vault.shares_to_kapt(rt, stkapt_balance, now),
    tickets,
    now_secs: now,
  };
}

/** One ticket; aborts `withdrawals::E_TICKET_NOT_FOUND` when there is none at `ticket`. */
export function ticket_info(rt: Runtime, ticket: Address): TicketInfo {
  const [owner, kapt_burned, apt_amount, requested_at, unlock_at, ready, pools] = withdrawals.ticket_view(
    rt,
    ticket,
  );
  return { id: ticket, owner, kapt_burned, apt_amount, requested_at, unlock_at, ready, pools };
}

/** The kAPT fungible-asset metadata. */
export function kapt_metadata(_rt: Runtime): Address {
  return kapt.metadata();
}

/** The stkAPT fungible-asset metadata. */
export function stkapt_metadata(_rt: Runtime): Address {
  return stkapt.metadata();
}

// ---- internals ---------------------------------------------------------------------------------------------

/** Moves `apt_amount` APT from `from` to the protocol account and delegates it; returns (pool, kAPT to mint). */
function stake_apt(rt: Runtime, from: Signer, apt_amount: bigint): [Address, bigint] {
  rt.framework.aptTransfer(from, config.protocol_address(rt), apt_amount);
  const [pool, staked] = staking_manager.delegate(rt, apt_amount);
  // never mint more kAPT than APT came in
  const kapt_minted = staked > apt_amount ? apt_amount : staked;
  return [pool, kapt_minted];
}

function plan_withdrawal(rt: Runtime, kapt_amount: bigint): [bigint, bigint] {
  const [pools, amounts] = staking_manager.plan_unlock(rt, kapt_amount);
  let apt = 0n;
  for (const a of amounts) apt = add(apt, a);
  return [apt, staking_manager.max_lockup_secs(rt, pools)];
}
