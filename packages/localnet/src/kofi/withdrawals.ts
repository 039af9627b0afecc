/**
 * `kofi::withdrawals`: kAPT is burned, stake is unlocked, and a ticket object owned by the requester records
 * the APT owed per pool and lockup cycle. Claims pay APT once every part's lockup cycle has ended.
 */
import type { Address, Runtime, Signer } from "../runtime/port.ts";
import * as config from "./config.ts";
import * as kapt from "./kapt.ts";
import * as staking_manager from "./staking_manager.ts";
import { add, check, KOFI, sub, typeOf } from "./support.ts";

const M = "withdrawals";

/** Largest number of tickets in one claim. */
export const MAX_CLAIM_BATCH = 20n;

export const TICKET = typeOf(M, "Ticket");
export const WITHDRAWALS = typeOf(M, "Withdrawals");

/** One pool's share of a ticket: APT owed and the pool's observed lockup cycle at the unlock. */
export interface Part {
  pool: Address;
  amount: bigint;
  olc: bigint;
}

/** A withdrawal ticket, stored at its own object. `TransferRef`/`DeleteRef` are `{ self }` as on chain. */
export interface Ticket {
  id: bigint;
  kapt_burned: bigint;
  apt_amount: bigint;
  parts: Part[];
  requested_at: bigint;
  unlock_at: bigint;
  transfer_ref: { self: Address };
  delete_ref: { self: Address };
}

/** Open-ticket accounting and the per-owner index (`Table<address, vector<address>>` is `{ handle }`). */
export interface Withdrawals {
  liabilities: bigint;
  next_id: bigint;
  by_owner: { handle: string };
}

const emit = (rt: Runtime, event: string, data: Record<string, unknown>): void =>
  rt.emit(typeOf(M, event), data);

export function init_module(rt: Runtime, kofi: Signer): void {
  rt.storage.moveTo<Withdrawals>(kofi.address, WITHDRAWALS, {
    liabilities: 0n,
    next_id: 0n,
    by_owner: { handle: rt.tables.newHandle() },
  });
}

// ---- state changes -----------------------------------------------------------------------------------------

/** Burns `kapt_amount` kAPT of `user`, unlocks the stake and creates a ticket owned by the user. */
export function request(rt: Runtime, user: Signer, kapt_amount: bigint): Address {
  const owner = user.address;
  kapt.burn_from_signer(rt, user, kapt_amount);
  const [pools, amounts, olcs, unlock_at] = staking_manager.unlock(rt, kapt_amount);
  const parts: Part[] = [];
  let apt_amount = 0n;
  for (let i = 0; i < pools.length; i++) {
    const amount = amounts[i] as bigint;
    parts.push({ pool: pools[i] as Address, amount, olc: olcs[i] as bigint });
    apt_amount = add(apt_amount, amount);
  }
  // object::create_object(protocol); disable_ungated_transfer; transfer_with_ref(.., owner)
  const ticket = rt.framework.createObject(config.protocol_address(rt));
  rt.framework.objectTransferWithRef(ticket, owner);
  const w = rt.storage.borrowMut<Withdrawals>(KOFI, WITHDRAWALS);
  const id = w.next_id;
  w.next_id = add(id, 1n);
  w.liabilities = add(w.liabilities, apt_amount);
  index_add(rt, w.by_owner.handle, owner, ticket);
  staking_manager.set_reserved_apt(rt, w.liabilities);
  rt.storage.moveTo<Ticket>(ticket, TICKET, {
    id,
    kapt_burned: kapt_amount,
    apt_amount,
    parts,
    requested_at: rt.framework.nowSeconds(),
    unlock_at,
    transfer_ref: { self: ticket },
    delete_ref: { self: ticket },
  });
  emit(rt, "WithdrawalRequested", { ticket, owner, kapt_burned: kapt_amount, apt_amount, unlock_at });
  return ticket;
}

/** Claims `tickets` of `user`: withdraws inactive stake and pays each ticket's APT. Never paused. */
export function claim(rt: Runtime, user: Signer, tickets: readonly Address[]): void {
  const owner = user.address;
  assert_batch(tickets);
  for (const ticket of tickets) {
    assert_owned(rt, ticket, owner);
    const parts = rt.storage.borrow<Ticket>(ticket, TICKET).parts.map((p) => ({ ...p }));
    for (const part of parts) {
      staking_manager.sync_pool(rt, part.pool);
      check(staking_manager.part_ready(rt, part.pool, part.olc), M, "E_TICKET_NOT_READY");
    }
    for (const part of parts) staking_manager.withdraw_inactive(rt, part.pool);
    const { apt_amount } = rt.storage.moveFrom<Ticket>(ticket, TICKET);
    check(staking_manager.idle_apt(rt) >= apt_amount, M, "E_INSUFFICIENT_LIQUIDITY");
    staking_manager.pay(rt, owner, apt_amount);
    rt.framework.objectDelete(ticket);
    const w = rt.storage.borrowMut<Withdrawals>(KOFI, WITHDRAWALS);
    w.liabilities = sub(w.liabilities, apt_amount);
    index_remove(rt, w.by_owner.handle, owner, ticket);
    staking_manager.set_reserved_apt(rt, w.liabilities);
    emit(rt, "WithdrawalClaimed", { ticket, owner, apt_amount });
  }
}

/** Moves `ticket` from `user` to `to`. */
export function transfer(rt: Runtime, user: Signer, ticket: Address, to: Address): void {
  const from = user.address;
  assert_owned(rt, ticket, from);
  check(to !== from, M, "E_SELF_TRANSFER");
  rt.framework.objectTransferWithRef(ticket, to);
  const w = rt.storage.borrow<Withdrawals>(KOFI, WITHDRAWALS);
  index_remove(rt, w.by_owner.handle, from, ticket);
  index_add(rt, w.by_owner.handle, to, ticket);
  emit(rt, "TicketTransferred", { ticket, from, to });
}

// ---- reads -------------------------------------------------------------------------------------------------

/** APT owed on open tickets. */
export const liabilities = (rt: Runtime): bigint =>
  rt.storage.borrow<Withdrawals>(KOFI, WITHDRAWALS).liabilities;

/** Tickets owned by `owner`. */
export function tickets_of(rt: Runtime, owner: Address): Address[] {
  const handle = rt.storage.borrow<Withdrawals>(KOFI, WITHDRAWALS).by_owner.handle;
  return rt.tables.contains(handle, owner) ? [...rt.tables.borrow<Address[]>(handle, owner)] : [];
}

/** Ticket fields: (owner, kapt_burned, apt_amount, requested_at, unlock_at, ready, pools). */
export function ticket_view(
  rt: Runtime,
  ticket: Address,
): [Address, bigint, bigint, bigint, bigint, boolean, Address[]] {
  check(rt.storage.exists(ticket, TICKET), M, "E_TICKET_NOT_FOUND");
  const owner = rt.framework.objectOwner(ticket);
  const t = rt.storage.borrow<Ticket>(ticket, TICKET);
  const pools = t.parts.map((p) => p.pool);
  return [owner, t.kapt_burned, t.apt_amount, t.requested_at, t.unlock_at, parts_ready(rt, t.parts), pools];
}

/**
 * APT the claim of `tickets` by `owner` would pay, and whether every ticket is ready.
 * Aborts like `claim` for an empty or oversized batch and for missing or foreign tickets.
 */
export function quote_claim(rt: Runtime, owner: Address, tickets: readonly Address[]): [bigint, boolean] {
  assert_batch(tickets);
  let apt = 0n;
  let ready = true;
  for (const ticket of tickets) {
    assert_owned(rt, ticket, owner);
    const t = rt.storage.borrow<Ticket>(ticket, TICKET);
    apt = add(apt, t.apt_amount);
    if (!parts_ready(rt, t.parts)) ready = false;
  }
  return [apt, ready];
}

// ---- internals ---------------------------------------------------------------------------------------------

function assert_batch(tickets: readonly Address[]): void {
  const n = BigInt(tickets.length);
  check(n > 0n, M, "E_EMPTY_BATCH");
  check(n <= MAX_CLAIM_BATCH, M, "E_BATCH_TOO_LARGE");
}

function assert_owned(rt: Runtime, ticket: Address, owner: Address): void {
  check(rt.storage.exists(ticket, TICKET), M, "E_TICKET_NOT_FOUND");
  check(rt.framework.objectOwner(ticket) === owner, M, "E_NOT_TICKET_OWNER");
}

function parts_ready(rt: Runtime, parts: readonly Part[]): boolean {
  for (const part of parts) if (!staking_manager.part_ready(rt, part.pool, part.olc)) return false;
  return true;
}

function index_add(rt: Runtime, handle: string, owner: Address, ticket: Address): void {
  if (rt.tables.contains(handle, owner)) rt.tables.borrowMut<Address[]>(handle, owner).push(ticket);
  else rt.tables.add<Address[]>(handle, owner, [ticket]);
}

function index_remove(rt: Runtime, handle: string, owner: Address, ticket: Address): void {
  if (!rt.tables.contains(handle, owner)) return;
  const list = rt.tables.borrowMut<Address[]>(handle, owner);
  const i = list.indexOf(ticket);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) rt.tables.remove<Address[]>(handle, owner);
}
