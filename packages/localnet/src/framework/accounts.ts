import {
  AccountAddress,
  AnyPublicKey,
  Deserializer,
  Ed25519PublicKey,
  Ed25519Signature,
  MultiEd25519PublicKey,
  MultiEd25519Signature,
  MultiKey,
  RotationProofChallenge,
} from "@aptos-labs/ts-sdk";
import { hexToBytes, resourceAccountAddress } from "../runtime/address.ts";
import { authKeyOf, SCHEME, verifyEd25519, verifyMultiEd25519 } from "../runtime/crypto.ts";
import { frameworkAbort } from "../runtime/errors.ts";
import { type Address, type ErrorCategory, MoveAbort } from "../runtime/port.ts";
import { emit, FRAMEWORK, T, type TxContext } from "./context.ts";

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

// ---------------------------------------------------------------- key rotation (account.move v1.39)

export const ORIGINATING_ADDRESS = "0x1::account::OriginatingAddress";

/** `0x1::account::OriginatingAddress { address_map: Table<address, address> }`, published at genesis. */
export interface OriginatingAddress {
  address_map: { handle: string };
}

/** Genesis: `account::initialize` publishes the `OriginatingAddress` table at 0x1. */
export function initializeOriginatingAddress(ctx: TxContext): void {
  if (!ctx.journal.exists(FRAMEWORK, ORIGINATING_ADDRESS)) {
    ctx.journal.moveTo<OriginatingAddress>(FRAMEWORK, ORIGINATING_ADDRESS, {
      address_map: { handle: ctx.journal.newHandle() },
    });
  }
}

const accountAbort = (name: string, category: ErrorCategory, reason: number, doc: string) =>
  frameworkAbort("account", name, category, reason, doc);

/** `account::get_authentication_key(addr)`: aborts `EACCOUNT_DOES_NOT_EXIST` (0x60002) without an account. */
export function getAuthenticationKey(ctx: TxContext, a: Address): `0x${string}` {
  const acct = ctx.journal.tryBorrow<AccountResource>(a, T.account);
  if (!acct) throw accountAbort("EACCOUNT_DOES_NOT_EXIST", "not_found", 2, "Account does not exist");
  return acct.authentication_key;
}

/** `account::originating_address(auth_key): Option<address>`. */
export function originatingAddress(ctx: TxContext, authKey: Address): Address | undefined {
  const t = ctx.journal.tryBorrow<OriginatingAddress>(FRAMEWORK, ORIGINATING_ADDRESS);
  if (!t || !ctx.journal.contains(t.address_map.handle, authKey)) return undefined;
  return ctx.journal.borrowItem<Address>(t.address_map.handle, authKey);
}

/** The RotationProofChallenge BCS, as `ed25519::signature_verify_strict_t` signs it (TypeInfo ‖ fields). */
function rotationChallenge(seq: bigint, originator: Address, currentAuthKey: string, newPk: Uint8Array) {
  return new RotationProofChallenge({
    sequenceNumber: seq,
    originator: AccountAddress.from(originator),
    currentAuthKey: AccountAddress.from(currentAuthKey),
    newPublicKey: { toUint8Array: () => newPk } as unknown as Ed25519PublicKey,
  }).bcsToBytes();
}

/** Parse `multi_ed25519` public key bytes (keys ‖ threshold) as `new_unvalidated_public_key_from_bytes` does. */
function multiEd25519Key(bytes: Uint8Array): MultiEd25519PublicKey | undefined {
  const n = (bytes.length - 1) / 32;
  if (!Number.isInteger(n) || n < 1 || n > 32) return undefined;
  try {
    return new MultiEd25519PublicKey({
      publicKeys: Array.from(
        { length: n },
        (_, i) => new Ed25519PublicKey(bytes.subarray(i * 32, i * 32 + 32)),
      ),
      threshold: bytes[bytes.length - 1] as number,
    });
  } catch {
    return undefined;
  }
}

/** Auth key of `public_key_bytes` under an ED25519 or MULTI_ED25519 scheme, else `EINVALID_SCHEME`. */
function legacyAuthKey(scheme: number, pk: Uint8Array): `0x${string}` {
  if (scheme === SCHEME.ed25519 || scheme === SCHEME.multiEd25519) return authKeyOf(pk, scheme);
  throw accountAbort(
    "EINVALID_SCHEME",
    "invalid_argument",
    12,
    "Specified scheme required to proceed with the smart contract operation - can only be ED25519_SCHEME(0) OR MULTI_ED25519_SCHEME(1)",
  );
}

/** `assert_valid_rotation_proof_signature_and_get_auth_key`: `EINVALID_PROOF_OF_KNOWLEDGE` (0x10008). */
function assertRotationProof(scheme: number, pk: Uint8Array, sig: Uint8Array, challenge: Uint8Array) {
  const authKey = legacyAuthKey(scheme, pk);
  let ok = false;
  if (scheme === SCHEME.ed25519) ok = verifyEd25519(pk, challenge, sig);
  else {
    const key = multiEd25519Key(pk);
    if (key && sig.length >= 4 && (sig.length - 4) % 64 === 0) {
      const signature = new MultiEd25519Signature({
        signatures: Array.from(
          { length: (sig.length - 4) / 64 },
          (_, i) => new Ed25519Signature(sig.subarray(i * 64, i * 64 + 64)),
        ),
        bitmap: sig.subarray(sig.length - 4),
      });
      ok = verifyMultiEd25519(key, challenge, signature);
    }
  }
  if (!ok) {
    throw accountAbort(
      "EINVALID_PROOF_OF_KNOWLEDGE",
      "invalid_argument",
      8,
      "Specified proof of knowledge required to prove ownership of a public key is invalid",
    );
  }
  return authKey;
}

/**
 * `account::update_auth_key_and_originating_address_table`: unmaps the current auth key (it must map to this
 * account: `EINVALID_ORIGINATING_ADDRESS`), maps the new one (`ENEW_AUTH_KEY_ALREADY_MAPPED`), sets the key and
 * emits `KeyRotation`.
 */
function updateAuthKeyAndOriginatingAddressTable(ctx: TxContext, addr: Address, newAuthKey: `0x${string}`) {
  const j = ctx.journal;
  initializeOriginatingAddress(ctx);
  const handle = j.borrow<OriginatingAddress>(FRAMEWORK, ORIGINATING_ADDRESS).address_map.handle;
  const acct = j.borrowMut<AccountResource>(addr, T.account);
  const curr = acct.authentication_key as Address;
  if (newAuthKey === curr) {
    throw accountAbort(
      "ENEW_AUTH_KEY_SAME_AS_CURRENT",
      "invalid_argument",
      22,
      "The current authentication key and the new authentication key are the same",
    );
  }
  if (j.contains(handle, curr) && j.remove<Address>(handle, curr) !== addr) {
    throw accountAbort(
      "EINVALID_ORIGINATING_ADDRESS",
      "not_found",
      13,
      "Abort the transaction if the expected originating address is different from the originating address on-chain",
    );
  }
  if (j.contains(handle, newAuthKey)) {
    throw accountAbort(
      "ENEW_AUTH_KEY_ALREADY_MAPPED",
      "invalid_argument",
      21,
      "The new authentication key already has an entry in the `OriginatingAddress` table",
    );
  }
  j.add(handle, newAuthKey, addr);
  emit(ctx, "0x1::account::KeyRotation", {
    account: addr,
    old_authentication_key: hexToBytes(curr),
    new_authentication_key: hexToBytes(newAuthKey),
  });
  acct.authentication_key = newAuthKey;
}

/**
 * `account::rotate_authentication_key(account, from_scheme, from_public_key_bytes, to_scheme,
 * to_public_key_bytes, cap_rotate_key, cap_update_table)`: the current key must match the account's auth key
 * (`EWRONG_CURRENT_PUBLIC_KEY`), both keys sign the RotationProofChallenge {sequence_number, originator,
 * current_auth_key, new_public_key}, then the OriginatingAddress table maps the new auth key to this address.
 */
export function rotateAuthenticationKey(
  ctx: TxContext,
  addr: Address,
  fromScheme: number,
  fromPk: Uint8Array,
  toScheme: number,
  toPk: Uint8Array,
  capRotateKey: Uint8Array,
  capUpdateTable: Uint8Array,
): void {
  const acct = ctx.journal.tryBorrow<AccountResource>(addr, T.account);
  if (!acct) throw accountAbort("EACCOUNT_DOES_NOT_EXIST", "not_found", 2, "Account does not exist");
  const oldAuthKey = acct.authentication_key;
  if (legacyAuthKey(fromScheme, fromPk) !== oldAuthKey) {
    throw accountAbort(
      "EWRONG_CURRENT_PUBLIC_KEY",
      "unauthenticated",
      7,
      "Specified current public key is not correct",
    );
  }
  const challenge = rotationChallenge(acct.sequence_number, addr, oldAuthKey, toPk);
  assertRotationProof(fromScheme, fromPk, capRotateKey, challenge);
  const newAuthKey = assertRotationProof(toScheme, toPk, capUpdateTable, challenge);
  updateAuthKeyAndOriginatingAddressTable(ctx, addr, newAuthKey);
  emit(ctx, "0x1::account::KeyRotationToPublicKey", {
    account: addr,
    verified_public_key_bit_map:
      toScheme === SCHEME.ed25519 ? Uint8Array.of(0x80, 0, 0, 0) : capUpdateTable.slice(-4),
    public_key_scheme: BigInt(toScheme),
    public_key: toPk,
    old_auth_key: hexToBytes(oldAuthKey),
    new_auth_key: hexToBytes(newAuthKey),
  });
}

/**
 * `account::rotate_authentication_key_from_public_key(account, scheme, new_public_key_bytes)`: the auth key
 * of an ED25519, MULTI_ED25519, SINGLE_KEY (AnyPublicKey BCS) or MULTI_KEY (MultiKey BCS) public key, set
 * without a proof of knowledge; like the framework, it does NOT update the OriginatingAddress table.
 */
export function rotateAuthenticationKeyFromPublicKey(
  ctx: TxContext,
  addr: Address,
  scheme: number,
  pk: Uint8Array,
): void {
  const acct = ctx.journal.tryBorrow<AccountResource>(addr, T.account);
  if (!acct) throw accountAbort("EACCOUNT_DOES_NOT_EXIST", "not_found", 2, "Account does not exist");
  const oldAuthKey = acct.authentication_key;
  const malformed = () =>
    new MoveAbort("0x1::single_key", "E_INVALID_PUBLIC_KEY", 0x10001n, "public key bytes do not parse");
  let newAuthKey: `0x${string}`;
  if (scheme === SCHEME.ed25519 || scheme === SCHEME.multiEd25519) newAuthKey = authKeyOf(pk, scheme);
  else if (scheme === SCHEME.singleKey || scheme === SCHEME.multiKey) {
    try {
      const d = new Deserializer(pk);
      if (scheme === SCHEME.singleKey) AnyPublicKey.deserialize(d);
      else MultiKey.deserialize(d);
      if (d.remaining() !== 0) throw new Error("trailing bytes");
    } catch {
      throw malformed();
    }
    newAuthKey = authKeyOf(pk, scheme);
  } else {
    throw accountAbort(
      "EUNRECOGNIZED_SCHEME",
      "invalid_argument",
      24,
      "Specified scheme is not recognized. Should be ED25519_SCHEME(0), MULTI_ED25519_SCHEME(1), SINGLE_KEY_SCHEME(2), or MULTI_KEY_SCHEME(3).",
    );
  }
  ctx.journal.borrowMut<AccountResource>(addr, T.account).authentication_key = newAuthKey;
  emit(ctx, "0x1::account::KeyRotationToPublicKey", {
    account: addr,
    verified_public_key_bit_map: Uint8Array.of(0, 0, 0, 0),
    public_key_scheme: BigInt(scheme),
    public_key: pk,
    old_auth_key: hexToBytes(oldAuthKey),
    new_auth_key: hexToBytes(newAuthKey),
  });
}
