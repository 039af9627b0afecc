/**
 * `kofi::vault`: kAPT in, stkAPT shares out. Accounting on internal counters only (donations to the vault
 * store do not move the rate), virtual assets and shares, dead seed shares, linear streaming of rewards.
 */
import type { Address, Runtime, Signer } from "../runtime/port.ts";
import * as config from "./config.ts";
import * as kapt from "./kapt.ts";
import * as stkapt from "./stkapt.ts";
import { add, add128, asU64, check, div, KOFI, mul128, sub, typeOf } from "./support.ts";

const M = "vault";

/** Virtual kAPT added to the vault's assets in every conversion. */
export const VIRTUAL_ASSETS = 100_000_000n;
/** Virtual shares added to the share supply in every conversion. */
export const VIRTUAL_SHARES = 100_000_000n;
/** Smallest vault seed (1 APT). */
export const MIN_VAULT_SEED = 100_000_000n;

export const VAULT = typeOf(M, "Vault");

export interface Vault {
  total_kapt: bigint;
  total_shares: bigint;
  dead_shares: bigint;
  stream_amount: bigint;
  stream_released: bigint;
  stream_start: bigint;
  stream_end: bigint;
}

const get = (rt: Runtime): Readonly<Vault> => rt.storage.borrow<Vault>(KOFI, VAULT);
const getMut = (rt: Runtime): Vault => rt.storage.borrowMut<Vault>(KOFI, VAULT);
const emit = (rt: Runtime, event: string, data: Record<string, unknown>): void =>
  rt.emit(typeOf(M, event), data);

export function init_module(rt: Runtime, kofi: Signer): void {
  rt.storage.moveTo<Vault>(kofi.address, VAULT, {
    total_kapt: 0n,
    total_shares: 0n,
    dead_shares: 0n,
    stream_amount: 0n,
    stream_released: 0n,
    stream_start: 0n,
    stream_end: 0n,
  });
}

// ---- streaming ---------------------------------------------------------------------------------------------

/** Part of the stream released by `now` and not yet moved into `total_kapt`. */
function released_at(v: Readonly<Vault>, now: bigint): bigint {
  if (v.stream_amount === 0n) return 0n;
  const duration = sub(v.stream_end, v.stream_start);
  let vested: bigint;
  if (duration === 0n || now >= v.stream_end) vested = v.stream_amount;
  else if (now <= v.stream_start) vested = 0n;
  else vested = asU64(div(mul128(v.stream_amount, sub(now, v.stream_start)), duration));
  return vested > v.stream_released ? vested - v.stream_released : 0n;
}

/** Moves the part of the stream released by `now` into `total_kapt`. */
export function release_stream(rt: Runtime, now: bigint): void {
  const v = getMut(rt);
  const released = released_at(v, now);
  v.stream_released = add(v.stream_released, released);
  v.total_kapt = add(v.total_kapt, released);
}

/**
 * Adds `amount` kAPT (already minted into the vault store) to the stream: the unreleased remainder plus
 * `amount` streams from `now` to `now + duration`. Returns the new stream end.
 */
export function add_stream(rt: Runtime, now: bigint, amount: bigint, duration: bigint): bigint {
  release_stream(rt, now);
  const v = getMut(rt);
  const unreleased = sub(v.stream_amount, v.stream_released);
  v.stream_amount = add(unreleased, amount);
  v.stream_released = 0n;
  v.stream_start = now;
  v.stream_end = add(now, duration);
  return v.stream_end;
}

// ---- conversions -------------------------------------------------------------------------------------------

/** Vault assets at `now`: released kAPT plus the part of the stream released by `now`. */
export function assets(rt: Runtime, now: bigint): bigint {
  const v = get(rt);
  return add(v.total_kapt, released_at(v, now));
}

/** kAPT still streaming at `now`. */
export function streaming(rt: Runtime, now: bigint): bigint {
  const v = get(rt);
  return sub(sub(v.stream_amount, v.stream_released), released_at(v, now));
}

/** kAPT per stkAPT as a fraction: (assets + VIRTUAL_ASSETS, total_shares + VIRTUAL_SHARES). */
export function exchange_rate(rt: Runtime, now: bigint): [bigint, bigint] {
  const v = get(rt);
  return [
    add128(add128(v.total_kapt, released_at(v, now)), VIRTUAL_ASSETS),
    add128(v.total_shares, VIRTUAL_SHARES),
  ];
}

/** floor(kapt * (total_shares + VIRTUAL_SHARES) / (assets + VIRTUAL_ASSETS)). */
export function kapt_to_shares(rt: Runtime, kapt_amount: bigint, now: bigint): bigint {
  const [num, den] = exchange_rate(rt, now);
  return asU64(div(mul128(kapt_amount, den), num));
}

/** floor(shares * (assets + VIRTUAL_ASSETS) / (total_shares + VIRTUAL_SHARES)). */
export function shares_to_kapt(rt: Runtime, shares: bigint, now: bigint): bigint {
  const [num, den] = exchange_rate(rt, now);
  return asU64(div(mul128(shares, num), den));
}

/** stkAPT that staking `kapt_amount` would mint at `now`; aborts E_NOT_SEEDED or E_ZERO_SHARES like `stake`. */
export function quote_stake(rt: Runtime, kapt_amount: bigint, now: bigint): bigint {
  assert_seeded(rt);
  const shares = kapt_to_shares(rt, kapt_amount, now);
  check(shares > 0n, M, "E_ZERO_SHARES");
  return shares;
}

/** kAPT that unstaking `shares` would pay at `now`; aborts E_ZERO_SHARES like `unstake`. */
export function quote_unstake(rt: Runtime, shares: bigint, now: bigint): bigint {
  const kapt_amount = shares_to_kapt(rt, shares, now);
  check(kapt_amount > 0n, M, "E_ZERO_SHARES");
  return kapt_amount;
}

// ---- state changes -----------------------------------------------------------------------------------------

/** Aborts E_NOT_SEEDED unless the vault has been seeded. */
export function assert_seeded(rt: Runtime): void {
  check(is_seeded(rt), M, "E_NOT_SEEDED");
}

/** Checks a vault seed of `amount`: E_SEED_TOO_SMALL, then E_ALREADY_SEEDED. */
export function assert_can_seed(rt: Runtime, amount: bigint): void {
  check(amount >= MIN_VAULT_SEED, M, "E_SEED_TOO_SMALL");
  check(!is_seeded(rt), M, "E_ALREADY_SEEDED");
}

/** Books `kapt_amount` kAPT, already minted into the vault store, as dead shares held by nobody. */
export function seed(rt: Runtime, kapt_amount: bigint): void {
  const now = rt.framework.nowSeconds();
  release_stream(rt, now);
  const shares = kapt_to_shares(rt, kapt_amount, now);
  check(shares > 0n, M, "E_ZERO_SHARES");
  const v = getMut(rt);
  v.total_kapt = add(v.total_kapt, kapt_amount);
  v.total_shares = add(v.total_shares, shares);
  v.dead_shares = add(v.dead_shares, shares);
  emit(rt, "VaultSeeded", { kapt_amount, dead_shares: shares });
}

/** Stakes `kapt_amount` kAPT from `user`'s primary store; mints stkAPT to the user. Returns the shares. */
export function stake_from(rt: Runtime, user: Signer, kapt_amount: bigint): bigint {
  const shares = book_stake(rt, user.address, kapt_amount);
  rt.framework.faTransfer(user, kapt.metadata(), config.protocol_address(rt), kapt_amount);
  return shares;
}

/** Stakes `kapt_amount` kAPT already minted into the vault store for `user`. Returns the shares. */
export function stake_minted(rt: Runtime, user: Address, kapt_amount: bigint): bigint {
  return book_stake(rt, user, kapt_amount);
}

function book_stake(rt: Runtime, user: Address, kapt_amount: bigint): bigint {
  assert_seeded(rt);
  const now = rt.framework.nowSeconds();
  release_stream(rt, now);
  const shares = kapt_to_shares(rt, kapt_amount, now);
  check(shares > 0n, M, "E_ZERO_SHARES");
  const v = getMut(rt);
  v.total_kapt = add(v.total_kapt, kapt_amount);
  v.total_shares = add(v.total_shares, shares);
  stkapt.mint_to(rt, user, shares);
  emit(rt, "Staked", { user, kapt_amount, stkapt_minted: shares });
  return shares;
}

/** Burns `shares` stkAPT of `user` and pays the kAPT out of the vault store to the user. Returns the kAPT. */
export function unstake(rt: Runtime, user: Signer, shares: bigint): bigint {
  const user_addr = user.address;
  const now = rt.framework.nowSeconds();
  release_stream(rt, now);
  const kapt_amount = shares_to_kapt(rt, shares, now);
  check(kapt_amount > 0n, M, "E_ZERO_SHARES");
  stkapt.burn_from_signer(rt, user, shares);
  const v = getMut(rt);
  v.total_shares = sub(v.total_shares, shares);
  v.total_kapt = sub(v.total_kapt, kapt_amount);
  rt.framework.faTransfer(config.protocol_signer(rt), kapt.metadata(), user_addr, kapt_amount);
  emit(rt, "Unstaked", { user: user_addr, stkapt_burned: shares, kapt_amount });
  return kapt_amount;
}

// ---- getters -----------------------------------------------------------------------------------------------

/** Whether the vault has been seeded. */
export const is_seeded = (rt: Runtime): boolean => get(rt).dead_shares > 0n;

/** Shares held by users: total_shares - dead_shares (the stkAPT supply). */
export function user_shares(rt: Runtime): bigint {
  const v = get(rt);
  return sub(v.total_shares, v.dead_shares);
}

/** kAPT of the current stream, released part included (0 before the first sync that streamed rewards). */
export const stream_amount = (rt: Runtime): bigint => get(rt).stream_amount;

/** Start of the current stream (seconds). */
export const stream_start = (rt: Runtime): bigint => get(rt).stream_start;

/** End of the current stream (seconds). */
export const stream_end = (rt: Runtime): bigint => get(rt).stream_end;
