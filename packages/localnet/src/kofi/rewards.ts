/**
 * `kofi::rewards`: books the growth of controlled APT over liabilities as rewards, takes the protocol fee as
 * kAPT minted to the treasury, and streams the rest into the vault over the next epoch.
 */
import type { Runtime, Signer } from "../runtime/port.ts";
import * as config from "./config.ts";
import * as kapt from "./kapt.ts";
import * as staking_manager from "./staking_manager.ts";
import { add, add128, asU64, div, KOFI, mul128, sub, sub128, typeOf } from "./support.ts";
import * as vault from "./vault.ts";
import * as withdrawals from "./withdrawals.ts";

const M = "rewards";

/** Basis points denominator. */
export const BPS = 10_000n;

export const REWARDS = typeOf(M, "Rewards");

export interface Rewards {
  last_sync_secs: bigint;
  total_rewards: bigint;
  total_fees: bigint;
}

export function init_module(rt: Runtime, kofi: Signer): void {
  rt.storage.moveTo<Rewards>(kofi.address, REWARDS, {
    last_sync_secs: 0n,
    total_rewards: 0n,
    total_fees: 0n,
  });
}

/** Books pending rewards; permissionless. */
export function sync_rewards(rt: Runtime, _caller: Signer): void {
  sync(rt);
}

/**
 * Releases the stream, then books `controlled - liabilities` (if positive) as rewards.
 * Called first by every state-changing gateway entry.
 */
export function sync(rt: Runtime): void {
  const now = rt.framework.nowSeconds();
  vault.release_stream(rt, now);
  const controlled = staking_manager.controlled_apt(rt);
  const liabilities = add128(
    add128(kapt.supply(rt), withdrawals.liabilities(rt)),
    staking_manager.protocol_equity(rt),
  );
  const state = rt.storage.borrowMut<Rewards>(KOFI, REWARDS);
  state.last_sync_secs = now;
  if (controlled <= liabilities) return;
  const new_rewards = asU64(sub128(controlled, liabilities));
  const fee = asU64(div(mul128(new_rewards, config.fee_bps(rt)), BPS));
  const rest = sub(new_rewards, fee);
  const treasury = config.treasury(rt);
  kapt.mint_to(rt, treasury, fee);
  let to_vault = 0n;
  let to_treasury = fee;
  let stream_end = vault.stream_end(rt);
  if (vault.user_shares(rt) === 0n) {
    kapt.mint_to(rt, treasury, rest);
    to_treasury = add(fee, rest);
  } else if (rest > 0n) {
    kapt.mint_to(rt, config.protocol_address(rt), rest);
    stream_end = vault.add_stream(rt, now, rest, rt.framework.epochIntervalSecs());
    to_vault = rest;
  }
  state.total_rewards = add(state.total_rewards, new_rewards);
  state.total_fees = add(state.total_fees, fee);
  rt.emit(typeOf(M, "RewardsSynced"), {
    controlled_apt: controlled,
    rewards: new_rewards,
    fee,
    to_vault,
    to_treasury,
    stream_end,
  });
}

/** (last_sync_secs, total_rewards, total_fees). */
export function totals(rt: Runtime): [bigint, bigint, bigint] {
  const state = rt.storage.borrow<Rewards>(KOFI, REWARDS);
  return [state.last_sync_secs, state.total_rewards, state.total_fees];
}
