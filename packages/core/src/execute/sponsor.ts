import {
  type Account,
  AccountAddress,
  type AccountAddressInput,
  AccountAuthenticator,
  AccountAuthenticatorEd25519,
  AccountAuthenticatorMultiEd25519,
  AccountAuthenticatorMultiKey,
  AccountAuthenticatorNoAccountAuthenticator,
  AccountAuthenticatorSingleKey,
  Deserializer,
  generateSigningMessageForTransaction,
  Hex,
  SimpleTransaction,
} from "@aptos-labs/ts-sdk";
import type { KofiClient } from "../client/createKofiClient.ts";
import { KofiError } from "../errors/KofiError.ts";
import { toKofiError } from "../errors/toKofiError.ts";
import {
  type Aip62WalletLike,
  type KofiSigner,
  type MinimalSigner,
  signerKind,
  type WalletCoreLike,
} from "./signer.ts";

/**
 * An account authenticator as a sponsor may hand it back: the ts-sdk object (from any copy of the ts-sdk), or
 * its BCS bytes (`authenticator.bcsToBytes()`), raw or hex, as a gas station sends them over HTTP.
 */
export type AuthenticatorInput = AccountAuthenticator | { bcsToBytes(): Uint8Array } | Uint8Array | string;

/** What a sponsor returns: who pays the gas, and its signature as fee payer over the transaction it received. */
export interface SponsorSignature {
  /** The fee payer's account address (it pays the gas). */
  feePayerAddress: AccountAddressInput;
  /** The fee payer's authenticator: `aptos.transaction.signAsFeePayer({ signer, transaction })`. */
  authenticator: AuthenticatorInput;
}

/**
 * Signs a user's transaction as its fee payer. It receives the raw fee-payer transaction (`feePayerAddress`
 * is the sponsor's `address` when it declared one, else `0x0`, as the ts-sdk's `withFeePayer` flow builds it);
 * it must sign exactly that transaction with its own address as fee payer (`signAsFeePayer` does both).
 */
export type SponsorFunction = (transaction: SimpleTransaction) => Promise<SponsorSignature>;

/**
 * Pays the gas of the user's transactions (AIP-52 fee payer transactions): a function, or a function with the
 * fee payer's address. Knowing the address lets `simulate` (and the simulation in `execute`, before the
 * sponsor is asked) charge the right account; without it `simulate` uses fee payer `0x0`, which Aptos
 * fullnodes simulate without charging anyone, and `execute` asks the sponsor first and simulates after.
 *
 * ```ts
 * const sponsor: Sponsor = {
 *   address: gasStation.accountAddress,
 *   sign: async (transaction) => ({
 *     feePayerAddress: gasStation.accountAddress,
 *     authenticator: aptos.transaction.signAsFeePayer({ signer: gasStation, transaction }),
 *   }),
 * };
 * await execute(client, deposit({ amount }), wallet, { sponsor });
 * ```
 */
export type Sponsor =
  | SponsorFunction
  | {
      readonly address?: AccountAddressInput;
      /** Who pays, for people (a UI shows "Network fee: paid by <name>"). */
      readonly name?: string;
      readonly sign: SponsorFunction;
    };

const SPONSOR_SIGN_HINT =
  "The sponsor must sign the transaction it received, unchanged, as fee payer with its own address: " +
  "aptos.transaction.signAsFeePayer({ signer, transaction }), and return { feePayerAddress, authenticator }.";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** The sponsor's declared fee payer address (long form), when it declared one. */
export function sponsorAddress(sponsor: Sponsor): `0x${string}` | undefined {
  if (typeof sponsor === "function" || sponsor.address === undefined) return undefined;
  try {
    return AccountAddress.from(sponsor.address).toStringLong() as `0x${string}`;
  } catch (cause) {
    throw new KofiError("invalid_config", `Invalid sponsor address ${String(sponsor.address)}.`, {
      cause,
      hint: "Give the sponsor's fee payer address as 0x and 64 hex digits, or leave it out.",
    });
  }
}

/** A copy of `transaction` with another fee payer (the sponsor may mutate what it is given: `signAsFeePayer` does). */
export function withFeePayer(
  transaction: SimpleTransaction,
  feePayer: AccountAddressInput,
): SimpleTransaction {
  return new SimpleTransaction(transaction.rawTransaction, AccountAddress.from(feePayer));
}

/** An authenticator in any accepted form, as this ts-sdk's class (BCS round trip). */
export function toAccountAuthenticator(input: unknown): AccountAuthenticator {
  let bytes: Uint8Array;
  if (input instanceof AccountAuthenticator) return input;
  if (input instanceof Uint8Array) bytes = input;
  else if (typeof input === "string") bytes = Hex.fromHexInput(input).toUint8Array();
  else if (isObject(input) && typeof input.bcsToBytes === "function")
    bytes = (input as { bcsToBytes(): Uint8Array }).bcsToBytes();
  else throw new Error("not an AccountAuthenticator, its BCS bytes or their hex");
  return AccountAuthenticator.deserialize(new Deserializer(bytes));
}

/** The authentication key of the authenticator's public key (undefined for account abstraction). */
function authKeyOf(authenticator: AccountAuthenticator): string | undefined {
  if (
    authenticator instanceof AccountAuthenticatorEd25519 ||
    authenticator instanceof AccountAuthenticatorSingleKey ||
    authenticator instanceof AccountAuthenticatorMultiEd25519
  )
    return authenticator.public_key.authKey().toString();
  if (authenticator instanceof AccountAuthenticatorMultiKey)
    return authenticator.public_keys.authKey().toString();
  return undefined;
}

/**
 * Whether `authenticator` signs `message`. `undefined` when it cannot be checked here (keyless, account
 * abstraction): the node checks it at submission.
 */
function verifies(authenticator: AccountAuthenticator, message: Uint8Array): boolean | undefined {
  try {
    if (authenticator instanceof AccountAuthenticatorEd25519)
      return authenticator.public_key.verifySignature({ message, signature: authenticator.signature });
    if (authenticator instanceof AccountAuthenticatorSingleKey)
      return authenticator.public_key.verifySignature({ message, signature: authenticator.signature });
    if (authenticator instanceof AccountAuthenticatorMultiKey)
      return authenticator.public_keys.verifySignature({ message, signature: authenticator.signatures });
    if (authenticator instanceof AccountAuthenticatorMultiEd25519)
      return authenticator.public_key.verifySignature({ message, signature: authenticator.signature });
  } catch {
    // Keyless signatures verify only asynchronously against chain data: left to the node.
    return undefined;
  }
  return undefined;
}

/**
 * Asks the sponsor to sign `transaction` as fee payer, then checks what it returned: a valid address, a real
 * authenticator (not a simulation placeholder), the declared address if one was, a signature over this
 * transaction with that fee payer, by the key the fee payer account holds on chain (one account read). Anything
 * else throws `sponsor_failed`, before the user is asked to sign.
 */
export async function askSponsor(
  client: KofiClient,
  sponsor: Sponsor,
  transaction: SimpleTransaction,
): Promise<{ feePayerAddress: AccountAddress; authenticator: AccountAuthenticator }> {
  const declared = sponsorAddress(sponsor);
  const sign = typeof sponsor === "function" ? sponsor : sponsor.sign;
  let answer: SponsorSignature;
  try {
    answer = await sign(withFeePayer(transaction, declared ?? AccountAddress.ZERO));
  } catch (cause) {
    const inner = cause instanceof Error ? cause.message : String(cause);
    throw new KofiError("sponsor_failed", `The sponsor refused to pay the gas: ${inner}`, { cause });
  }
  if (!isObject(answer))
    throw new KofiError("sponsor_failed", "The sponsor returned nothing.", { hint: SPONSOR_SIGN_HINT });
  let feePayerAddress: AccountAddress;
  let authenticator: AccountAuthenticator;
  try {
    feePayerAddress = AccountAddress.from(answer.feePayerAddress);
  } catch (cause) {
    throw new KofiError(
      "sponsor_failed",
      `The sponsor returned an invalid fee payer address: ${String(answer.feePayerAddress)}.`,
      { cause, hint: SPONSOR_SIGN_HINT },
    );
  }
  if (feePayerAddress.equals(AccountAddress.ZERO))
    throw new KofiError("sponsor_failed", "The sponsor returned fee payer 0x0.", { hint: SPONSOR_SIGN_HINT });
  if (declared && !feePayerAddress.equals(AccountAddress.from(declared)))
    throw new KofiError(
      "sponsor_failed",
      `The sponsor declared fee payer ${declared} but signed as ${feePayerAddress.toStringLong()}.`,
      { hint: "Declare the address the sponsor signs with (Sponsor.address), or leave it out." },
    );
  try {
    authenticator = toAccountAuthenticator(answer.authenticator);
  } catch (cause) {
    throw new KofiError("sponsor_failed", "The sponsor returned no account authenticator.", {
      cause,
      hint: SPONSOR_SIGN_HINT,
    });
  }
  if (authenticator instanceof AccountAuthenticatorNoAccountAuthenticator)
    throw new KofiError(
      "sponsor_failed",
      "The sponsor returned a simulation authenticator, not a signature.",
      {
        hint: SPONSOR_SIGN_HINT,
      },
    );
  const message = generateSigningMessageForTransaction(withFeePayer(transaction, feePayerAddress));
  if (verifies(authenticator, message) === false)
    throw new KofiError(
      "sponsor_failed",
      "The sponsor's signature is not for this transaction (another transaction, or not signed as fee payer " +
        `${feePayerAddress.toStringLong()}).`,
      { hint: SPONSOR_SIGN_HINT },
    );
  const key = authKeyOf(authenticator);
  if (key !== undefined) {
    let onChain: string;
    try {
      onChain = (await client.aptos.getAccountInfo({ accountAddress: feePayerAddress })).authentication_key;
    } catch (cause) {
      const err = toKofiError(cause, { kofiAddress: client.kofiAddress });
      if (err.code === "network") throw err;
      throw new KofiError(
        "sponsor_failed",
        `The sponsor's fee payer account ${feePayerAddress.toStringLong()} does not exist on this network.`,
        { cause, hint: "Fund the gas station's account on the network the Kofi client uses." },
      );
    }
    if (AccountAddress.from(onChain).toStringLong() !== AccountAddress.from(key).toStringLong())
      throw new KofiError(
        "sponsor_failed",
        `The sponsor signed with a key that is not fee payer ${feePayerAddress.toStringLong()}'s.`,
        { hint: SPONSOR_SIGN_HINT },
      );
  }
  return { feePayerAddress, authenticator };
}

/** A wallet's `aptos:signTransaction` / WalletCore answer: an authenticator, `{ authenticator }`, or a UserResponse. */
function authenticatorFrom(response: unknown): AccountAuthenticator {
  if (isObject(response) && !(response instanceof Uint8Array)) {
    if (response.status === "Rejected")
      throw new KofiError("user_rejected", "The wallet rejected the transaction.");
    if (response.status === "Approved" && "args" in response) return authenticatorFrom(response.args);
    if ("authenticator" in response && !("bcsToBytes" in response))
      return toAccountAuthenticator(response.authenticator);
  }
  try {
    return toAccountAuthenticator(response);
  } catch (cause) {
    throw new KofiError("unknown", "The wallet returned no account authenticator for the transaction.", {
      cause,
      hint: 'aptos:signTransaction must resolve to { status: "Approved", args: AccountAuthenticator }.',
    });
  }
}

/**
 * The sender's signature over a sponsored (fee payer) transaction, without submitting it: a ts-sdk `Account`
 * signs locally, an AIP-62 wallet through `aptos:signTransaction` (given the raw transaction, as every version
 * of the feature accepts), a WalletCore through `signTransaction({ transactionOrPayload })`, a minimal signer
 * through its optional `signTransaction`.
 */
export async function signAsSender(
  client: KofiClient,
  signer: KofiSigner,
  transaction: SimpleTransaction,
): Promise<AccountAuthenticator> {
  const kind = signerKind(signer);
  if (kind === "account") return client.aptos.transaction.sign({ signer: signer as Account, transaction });
  try {
    if (kind === "aip62") {
      const feature = (signer as Aip62WalletLike).features["aptos:signTransaction"];
      if (feature) return authenticatorFrom(await feature.signTransaction(transaction));
    } else if (kind === "wallet-core") {
      const wc = signer as WalletCoreLike;
      if (wc.signTransaction)
        return authenticatorFrom(await wc.signTransaction({ transactionOrPayload: transaction }));
    } else {
      const m = signer as MinimalSigner;
      if (m.signTransaction) return authenticatorFrom(await m.signTransaction(transaction));
    }
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
  throw new KofiError(
    "invalid_config",
    "This signer cannot sign a sponsored transaction without submitting it.",
    {
      hint: "A sponsored transaction needs a signer that signs only: a ts-sdk Account, an AIP-62 wallet with aptos:signTransaction, a WalletCore, or { address, signTransaction, signAndSubmitTransaction }.",
    },
  );
}
