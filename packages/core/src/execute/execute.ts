import {
  type Account,
  type AccountAddressInput,
  type AccountAuthenticator,
  generateUserTransactionHash,
  type InputEntryFunctionData,
  type InputGenerateTransactionOptions,
  type PublicKey,
  type SimpleTransaction,
  type UserTransactionResponse,
} from "@aptos-labs/ts-sdk";
import type { KofiClient } from "../client/createKofiClient.ts";
import { KofiError } from "../errors/KofiError.ts";
import { toKofiError } from "../errors/toKofiError.ts";
import { type KofiEvent, parseKofiEvents } from "../events/parseEvents.ts";
import { type Received, receivedFromEvents } from "../events/received.ts";
import type { KofiAction, PreparedAction } from "./action.ts";
import { pendingFor } from "./pending.ts";
import {
  type Aip62WalletLike,
  assertSignerNetwork,
  type KofiSigner,
  type MinimalSigner,
  signerInfo,
  signerKind,
  type WalletCoreLike,
} from "./signer.ts";
import { buildKofiTransaction, simulateTransaction } from "./simulate.ts";
import { askSponsor, type Sponsor, signAsSender, sponsorAddress, withFeePayer } from "./sponsor.ts";
import { lookupHash, waitForKofiTransaction } from "./wait.ts";

export type ExecuteStage = "quote" | "simulate" | "sign" | "submitted" | "confirmed" | "failed";

export interface StageEvent {
  stage: ExecuteStage;
  kind: string;
  /** Set from `submitted` on. */
  hash?: string;
  /** The quote (from `quote` on). */
  quote?: unknown;
  /** `simulate`: skipped when the signer exposes no public key. */
  skipped?: boolean;
  /** `simulate` / `confirmed`: gas used. */
  gasUsed?: bigint;
  /** `submitted`: the hash was recovered from an earlier attempt instead of submitting again. */
  recovered?: boolean;
  /** `failed`. */
  error?: KofiError;
}

export interface ExecuteOptions {
  onStage?: (event: StageEvent) => void;
  /** Simulate before signing (default true; skipped automatically when no public key is known). */
  simulate?: boolean;
  /** Seconds to wait for confirmation (default 30). */
  timeoutSecs?: number;
  /** Transaction options passed to the ts-sdk builder (gas, expiry, sequence number). */
  transactionOptions?: InputGenerateTransactionOptions;
  /**
   * Identifies the intent for idempotent retries (default: sender + action kind + parameters). While a
   * submitted intent is unconfirmed, `execute` with the same key looks its hash up instead of submitting again.
   */
  idempotencyKey?: string;
  /** Resubmission attempts of the same signed bytes after a network error (Account signers; default 2). */
  retries?: number;
  /**
   * Pays the gas: the transaction is built as a fee payer transaction, the sponsor signs it as fee payer, the
   * signer signs it as sender (without submitting: an Account, or a wallet's `aptos:signTransaction`), and the
   * SDK submits both signatures. The sender's APT pays no gas. See `Sponsor`.
   */
  sponsor?: Sponsor;
}

export interface ExecuteResult<Q = unknown> {
  hash: string;
  version: bigint;
  success: true;
  kind: string;
  quote: Q | undefined;
  minOut: bigint | undefined;
  gasUsed: bigint;
  events: KofiEvent[];
  /** What the sender received, from the transaction's Kofi events (kAPT / stkAPT minted, kAPT out, tickets, APT claimed). */
  received: Received;
  /** Chain time of execution, seconds (from the transaction's microsecond timestamp). */
  timestampSecs: bigint;
  transaction: UserTransactionResponse;
}

function isNetworkError(e: unknown): boolean {
  return toKofiError(e).code === "network";
}

function extractHash(response: unknown): string {
  if (typeof response === "string") return response;
  if (typeof response === "object" && response !== null) {
    const r = response as Record<string, unknown>;
    if (typeof r.hash === "string") return r.hash;
    if (r.status === "Rejected") throw new KofiError("user_rejected", "The wallet rejected the transaction.");
    if (r.status === "Approved" && r.args !== undefined) return extractHash(r.args);
  }
  let shown: string;
  try {
    shown =
      JSON.stringify(response, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) ?? String(response);
  } catch {
    shown = String(response);
  }
  throw new KofiError("unknown", `The signer returned no transaction hash: ${shown}`, {
    hint: 'signAndSubmitTransaction must resolve to { hash }, a hash string, or (AIP-62) { status: "Approved", args: { hash } }.',
  });
}

/**
 * Runs an action: quote → simulate → sign → submitted → confirmed (or failed), reporting each stage.
 *
 * ```ts
 * const result = await execute(client, stake({ amount: parseKapt("10") }), account, { onStage: (e) => console.log(e.stage) });
 * ```
 *
 * Idempotent: an intent whose submission lost its response (network error) is looked up by hash on retry,
 * never submitted twice.
 */
export async function execute<Q>(
  client: KofiClient,
  action: KofiAction<Q> | PreparedAction<Q>,
  signer: KofiSigner,
  options: ExecuteOptions = {},
): Promise<ExecuteResult<Q>> {
  const ctx = { kofiAddress: client.kofiAddress };
  const kind = action.kind;
  const emit = (event: StageEvent) => {
    try {
      options.onStage?.(event);
    } catch {
      // A throwing progress callback must not change the outcome.
    }
  };
  let hash: string | undefined;
  let prepared: PreparedAction<Q> | undefined;
  const pending = pendingFor(client);
  let key: string | undefined;
  try {
    const info = await signerInfo(signer);
    const sender = info.address;
    const sKind = signerKind(signer);
    key =
      options.idempotencyKey ??
      `${sender}:${"key" in action ? action.key : JSON.stringify(action.payload, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`;

    // Retry of an intent already submitted: look the hash up first.
    const earlier = pending.get(key);
    if (earlier) {
      const known = await lookupHash(client, earlier.hash);
      const nowSecs = BigInt(Math.floor(Date.now() / 1000));
      if (known || earlier.expiresAt === undefined || earlier.expiresAt >= nowSecs) {
        hash = earlier.hash;
        emit({ stage: "submitted", kind, hash, recovered: true });
        const tx = await waitForKofiTransaction(client, hash, {
          timeoutSecs:
            known || earlier.expiresAt === undefined
              ? (options.timeoutSecs ?? 30)
              : Number(earlier.expiresAt - nowSecs) + 5,
        }).catch((e: unknown) => {
          const err = toKofiError(e, { ...ctx, hash });
          // Expired without landing: forget it and submit afresh below.
          if (!known && err.code === "timeout") return undefined;
          throw err;
        });
        if (tx) {
          pending.delete(key);
          return finish(client, kind, undefined, tx, emit);
        }
        hash = undefined;
      }
      pending.delete(key);
    }

    assertSignerNetwork(client, info);

    prepared = "prepare" in action ? await action.prepare(client) : action;
    emit({ stage: "quote", kind, quote: prepared.quote });
    const payload: InputEntryFunctionData = prepared.payload;

    // Build + simulate (ABI attached: no module fetch).
    const wantSimulate = options.simulate ?? true;
    const publicKey = wantSimulate ? info.publicKey : undefined;
    if (options.sponsor) {
      const signed = await signSponsored(
        client,
        prepared,
        signer,
        sender,
        options.sponsor,
        publicKey,
        options,
        emit,
      );
      hash = generateUserTransactionHash(signed);
      pending.set(key, { hash, expiresAt: signed.transaction.rawTransaction.expiration_timestamp_secs });
      await submitSigned(client, signed, hash, options.retries);
      emit({ stage: "submitted", kind, hash });
      const tx = await waitForKofiTransaction(client, hash, { timeoutSecs: options.timeoutSecs ?? 30 });
      pending.delete(key);
      return finish(client, kind, prepared, tx, emit);
    }
    const needsBuild = sKind === "account" || publicKey !== undefined;
    let transaction: SimpleTransaction | undefined;
    if (needsBuild) {
      transaction = await buildKofiTransaction(client, sender, prepared, options.transactionOptions);
    }
    if (publicKey && transaction) {
      const sim = await simulateTransaction(client, transaction, publicKey, prepared);
      if (sim.error) throw sim.error;
      emit({ stage: "simulate", kind, gasUsed: sim.gasUsed });
    } else {
      emit({ stage: "simulate", kind, skipped: true });
    }

    emit({ stage: "sign", kind });
    if (sKind === "account" && transaction) {
      const account = signer as Account;
      const senderAuthenticator: AccountAuthenticator = client.aptos.transaction.sign({
        signer: account,
        transaction,
      });
      hash = generateUserTransactionHash({ transaction, senderAuthenticator });
      pending.set(key, { hash, expiresAt: transaction.rawTransaction.expiration_timestamp_secs });
      await submitSigned(client, { transaction, senderAuthenticator }, hash, options.retries);
    } else if (sKind === "wallet-core") {
      const wc = signer as WalletCoreLike;
      hash = extractHash(await wc.signAndSubmitTransaction({ sender, data: payload }));
    } else if (sKind === "aip62") {
      const feature = (signer as Aip62WalletLike).features["aptos:signAndSubmitTransaction"];
      if (!feature)
        throw new KofiError("invalid_config", "The wallet has no aptos:signAndSubmitTransaction feature.", {
          hint: "Use a wallet that implements aptos:signAndSubmitTransaction (AIP-62), or wrap it as { address, signAndSubmitTransaction }.",
        });
      const input =
        feature.version === "1.0.0"
          ? (transaction ??
            (await buildKofiTransaction(client, sender, prepared, options.transactionOptions)))
          : { payload };
      hash = extractHash(await feature.signAndSubmitTransaction(input));
    } else {
      const m = signer as MinimalSigner;
      hash = extractHash(await m.signAndSubmitTransaction({ sender, data: payload, payload }));
    }
    if (!pending.has(key)) pending.set(key, { hash, expiresAt: undefined });
    emit({ stage: "submitted", kind, hash });

    const tx = await waitForKofiTransaction(client, hash, { timeoutSecs: options.timeoutSecs ?? 30 });
    pending.delete(key);
    return finish(client, kind, prepared, tx, emit);
  } catch (e) {
    const error = toKofiError(e, { ...ctx, hash });
    // A definitive on-chain failure or a rejection ends the intent; a network error or timeout keeps it so a
    // retry looks the hash up instead of submitting again.
    if (key !== undefined && error.code !== "network" && error.code !== "timeout") pending.delete(key);
    emit({ stage: "failed", kind, ...(hash ? { hash } : {}), error });
    throw error;
  }
}

/**
 * Submits signed bytes, resubmitting the same bytes after a network error (at most `retries` times), unless
 * the node turns out to have the transaction already.
 */
async function submitSigned(
  client: KofiClient,
  signed: {
    transaction: SimpleTransaction;
    senderAuthenticator: AccountAuthenticator;
    feePayerAuthenticator?: AccountAuthenticator;
  },
  hash: string,
  retries = 2,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.aptos.transaction.submit.simple(signed);
      return;
    } catch (e) {
      // The response was lost: did the node get it anyway?
      if (isNetworkError(e) && (await lookupHash(client, hash))) return;
      if (!isNetworkError(e) || attempt >= retries) throw e;
    }
  }
}

/**
 * The sponsored path of `execute`: builds the fee payer transaction, simulates it charged to the sponsor, asks
 * the sponsor (first when it declared no address: its answer gives the fee payer to simulate with), has the
 * signer sign as sender. Returns the transaction with both signatures, ready to submit.
 */
async function signSponsored<Q>(
  client: KofiClient,
  prepared: PreparedAction<Q>,
  signer: KofiSigner,
  sender: `0x${string}`,
  sponsor: Sponsor,
  publicKey: PublicKey | undefined,
  options: ExecuteOptions,
  emit: (event: StageEvent) => void,
): Promise<{
  transaction: SimpleTransaction;
  senderAuthenticator: AccountAuthenticator;
  feePayerAuthenticator: AccountAuthenticator;
}> {
  const kind = prepared.kind;
  const built = await buildKofiTransaction(client, sender, prepared, options.transactionOptions, true);
  const simulateWith = async (feePayer: AccountAddressInput) => {
    if (!publicKey) return emit({ stage: "simulate", kind, skipped: true });
    const sim = await simulateTransaction(client, withFeePayer(built, feePayer), publicKey, prepared);
    if (sim.error) throw sim.error;
    emit({ stage: "simulate", kind, gasUsed: sim.gasUsed });
  };
  const declared = sponsorAddress(sponsor);
  if (declared) await simulateWith(declared);
  const paid = await askSponsor(client, sponsor, built);
  if (!declared) await simulateWith(paid.feePayerAddress);
  emit({ stage: "sign", kind });
  const transaction = withFeePayer(built, paid.feePayerAddress);
  const senderAuthenticator = await signAsSender(client, signer, transaction);
  return { transaction, senderAuthenticator, feePayerAuthenticator: paid.authenticator };
}

function finish<Q>(
  client: KofiClient,
  kind: string,
  prepared: PreparedAction<Q> | undefined,
  tx: UserTransactionResponse,
  emit: (e: StageEvent) => void,
): ExecuteResult<Q> {
  const gasUsed = BigInt(tx.gas_used);
  emit({ stage: "confirmed", kind, hash: tx.hash, gasUsed });
  const events = parseKofiEvents(tx, client);
  return {
    hash: tx.hash,
    version: BigInt(tx.version),
    success: true,
    kind,
    quote: prepared?.quote,
    minOut: prepared?.minOut,
    gasUsed,
    events,
    received: receivedFromEvents(events, tx.sender),
    timestampSecs: BigInt(tx.timestamp) / 1_000_000n,
    transaction: tx,
  };
}
