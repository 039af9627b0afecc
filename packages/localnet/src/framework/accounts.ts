import { resourceAccountAddress } from "../runtime/address.ts";
import { frameworkAbort } from "../runtime/errors.ts";
import type { Address } from "../runtime/port.ts";
import { T, type TxContext } from "./context.ts";

/** `0x1::account::Account` (the fields the node and wallets read). */
export interface AccountResource {
  authentication_key: `0x${string}`;
  sequence_number: bigint;
  guid_creation_num: bigint;
}

export function accountExists(ctx: TxContext, a: Address): boolean {
  return ctx.journal.exists(a, T.account);
}

/** `0x1::account::create_account`: aborts EACCOUNT_ALREADY_EXISTS if present. Auth key = address. */
export function createAccount(ctx: TxContext, a: Address, authKey: `0x${string}` = a): void {
  if (accountExists(ctx, a)) {
    throw frameworkAbort("account", "EACCOUNT_ALREADY_EXISTS", "already_exists", 1, "Account already exists");
  }
  ctx.journal.moveTo<AccountResource>(a, T.account, {
    authentication_key: authKey,
    sequence_number: 0n,
    guid_creation_num: 2n,
  });
}

export function sequenceNumber(ctx: TxContext, a: Address): bigint {
  return ctx.journal.tryBorrow<AccountResource>(a, T.account)?.sequence_number ?? 0n;
}

export function bumpSequenceNumber(ctx: TxContext, a: Address): void {
  ctx.journal.borrowMut<AccountResource>(a, T.account).sequence_number += 1n;
}

/**
 * `0x1::account::create_resource_account(source, seed)`: address sha3_256(source ‖ seed ‖ 0xFF); the
 * account gets a zero authentication key (only the signer capability controls it).
 */
export function createResourceAccount(ctx: TxContext, source: Address, seed: Uint8Array): Address {
  const addr = resourceAccountAddress(source, seed);
  const existing = ctx.journal.tryBorrow<AccountResource>(addr, T.account);
  if (existing) {
    if (existing.sequence_number !== 0n) {
      throw frameworkAbort(
        "account",
        "EACCOUNT_ALREADY_USED",
        "invalid_state",
        16,
        "An attempt to create a resource account on an account that has a committed transaction",
      );
    }
    ctx.journal.borrowMut<AccountResource>(addr, T.account).authentication_key = `0x${"0".repeat(64)}`;
  } else {
    createAccount(ctx, addr, `0x${"0".repeat(64)}`);
  }
  return addr;
}
