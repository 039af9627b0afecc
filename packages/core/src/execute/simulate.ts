import {
  AccountAddress,
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
import { assertSignerNetwork, type KofiSigner, signerInfo } from "./signer.ts";
import { type Sponsor, sponsorAddress, withFeePayer } from "./sponsor.ts";

/** One state change of a simulated transaction, summarised (`changes` of the node's JSON). */
export interface ChangeSummary {
  /** `write_resource`, `delete_resource`, `write_table_item`, `delete_table_item`, `write_module`, … */
  type: string;
  /** Account of a resource or module change. */
  address?: string;
  /** Resource type of a resource change, e.g. `0x1::fungible_asset::FungibleStore`. */
  resource?: string;
  /** Table handle of a table item change. */
  handle?: string;
}

/** What a transaction would do, from the node's simulation. Amounts in octas (bigint). */
export interface SimulationResult<Q = unknown> {
  success: boolean;
  gasUsed: bigint;
  gasUnitPrice: bigint;
  /** `gasUsed × gasUnitPrice`: APT octas the transaction would pay for gas. */
  fee: bigint;
  /** The VM status (`"Executed successfully"`, or the abort). */
  vmStatus: string;
  /** When `success` is false: the decoded failure (`move_abort` with `abort`, `paused`, `insufficient_balance`,
   * …; `simulation_failed` when the VM status is no Move abort). */
  error?: KofiError;
  /** The Kofi events the transaction would emit (empty when it fails). */
  events: KofiEvent[];
  /** What the sender would receive, from those events. */
  received: Received;
  /** The state changes, summarised. */
  changes: ChangeSummary[];
  /**
   * Sponsored: the fee payer the simulation charged `fee` to (the sponsor's address, or `0x0` when the sponsor
   * declared none: Aptos fullnodes then charge nobody). Undefined: the sender pays.
   */
  feePayer?: `0x${string}`;
  /** The simulation used the signer's public key; false: simulated without an authenticator (no key exposed). */
  withPublicKey: boolean;
  /** The prepared action that was simulated: pass it to `execute` to sign exactly this payload. */
  prepared: PreparedAction<Q>;
  /** The node's raw simulation response. */
  transaction: UserTransactionResponse;
}

export interface SimulateOptions {
  /** Transaction options passed to the ts-sdk builder (gas, expiry, sequence number). */
  transactionOptions?: InputGenerateTransactionOptions;
  /** Simulate the transaction sponsored by this fee payer (the user pays no gas); see `Sponsor`. */
  sponsor?: Sponsor;
}

/**
 * Builds the transaction for `sender` with the ABI attached (no module fetch). `withFeePayer`: a fee payer
 * (sponsored) transaction, fee payer `0x0` until the sponsor signs (the ts-sdk's `withFeePayer` flow).
 */
export function buildKofiTransaction(
  client: KofiClient,
  sender: string,
  prepared: Pick<PreparedAction, "payload">,
  transactionOptions: InputGenerateTransactionOptions | undefined,
  withFeePayer = false,
): Promise<SimpleTransaction> {
  return client.aptos.transaction.build.simple({
    sender,
    data: prepared.payload,
    ...(transactionOptions ? { options: transactionOptions } : {}),
    ...(withFeePayer ? { withFeePayer: true } : {}),
  });
}

function summarize(change: unknown): ChangeSummary {
  const c = change as Record<string, unknown>;
  const out: ChangeSummary = { type: String(c.type) };
  if (typeof c.address === "string") out.address = c.address;
  const data = c.data as Record<string, unknown> | null | undefined;
  const resource = typeof c.resource === "string" ? c.resource : data?.type;
  if (typeof resource === "string" && c.handle === undefined) out.resource = resource;
  if (typeof c.handle === "string") out.handle = c.handle;
  return out;
}

/**
 * Simulates a built transaction on the client's node (one `POST /v1/transactions/simulate`). A failing VM
 * status is returned decoded in `error`; a node that refuses the request throws (`simulation_failed` when the
 * reason is not otherwise known). Shared by `simulate` and `execute`.
 */
export async function simulateTransaction<Q>(
  client: KofiClient,
  transaction: SimpleTransaction,
  publicKey: PublicKey | undefined,
  prepared: PreparedAction<Q>,
): Promise<SimulationResult<Q>> {
  const ctx = { kofiAddress: client.kofiAddress };
  let sim: UserTransactionResponse | undefined;
  try {
    [sim] = await client.aptos.transaction.simulate.simple({
      transaction,
      ...(publicKey ? { signerPublicKey: publicKey } : {}),
    });
  } catch (e) {
    const err = toKofiError(e, ctx);
    throw err.code === "unknown"
      ? new KofiError("simulation_failed", `Simulation rejected: ${err.message}`, {
          cause: e,
          ...(publicKey
            ? {}
            : {
                hint: "The node refused to simulate without the signer's public key; give the signer a publicKey, or skip simulation.",
              }),
        })
      : err;
  }
  if (!sim) throw new KofiError("simulation_failed", "The node returned no simulation result.");
  const gasUsed = BigInt(sim.gas_used);
  const gasUnitPrice = BigInt(sim.gas_unit_price);
  const events = parseKofiEvents(sim, client);
  let error: KofiError | undefined;
  if (!sim.success) {
    const err = toKofiError({ vm_status: sim.vm_status, message: sim.vm_status }, ctx);
    error =
      err.code === "unknown"
        ? new KofiError("simulation_failed", `Simulation failed: ${sim.vm_status}`, {
            vmStatus: sim.vm_status,
          })
        : err;
  }
  return {
    success: sim.success,
    gasUsed,
    gasUnitPrice,
    fee: gasUsed * gasUnitPrice,
    vmStatus: sim.vm_status,
    ...(error ? { error } : {}),
    events,
    received: receivedFromEvents(events, sim.sender),
    changes: (sim.changes ?? []).map(summarize),
    ...(transaction.feePayerAddress
      ? { feePayer: transaction.feePayerAddress.toStringLong() as `0x${string}` }
      : {}),
    withPublicKey: publicKey !== undefined,
    prepared,
    transaction: sim,
  };
}

/**
 * Simulates an action for a signer without signing anything: gas, fee, the decoded failure (a Move abort keeps
 * `error.abort`), the Kofi events and what the sender would receive.
 *
 * ```ts
 * const sim = await simulate(client, await prepareStake(client, { amount }), wallet);
 * if (!sim.success) show(sim.error.message); else confirm(sim.received.stkaptMinted, sim.fee);
 * await execute(client, sim.prepared, wallet); // signs the payload that was simulated
 * ```
 *
 * The signer is read with `signerInfo` (as `execute` does): a wallet on another chain than the client throws
 * `wrong_network`. With the signer's public key the node simulates the real authenticator; without one (a
 * wallet that exposes none) it simulates without an authenticator (`withPublicKey: false`). Requests: the
 * action's quote (if not prepared), the gas price estimate and the account's sequence number (ts-sdk builder),
 * and the simulation. Errors the node raises before execution (e.g. `sequence_number`, `network`) are thrown.
 *
 * With `sponsor`, the fee payer transaction is simulated, charged to the sponsor's declared address (or `0x0`,
 * charged to nobody on Aptos fullnodes); the sponsor is not asked to sign.
 */
export async function simulate<Q>(
  client: KofiClient,
  action: KofiAction<Q> | PreparedAction<Q>,
  signer: KofiSigner,
  options: SimulateOptions = {},
): Promise<SimulationResult<Q>> {
  try {
    const info = await signerInfo(signer);
    assertSignerNetwork(client, info);
    const prepared = "prepare" in action ? await action.prepare(client) : action;
    const built = await buildKofiTransaction(
      client,
      info.address,
      prepared,
      options.transactionOptions,
      options.sponsor !== undefined,
    );
    const transaction = options.sponsor
      ? withFeePayer(built, sponsorAddress(options.sponsor) ?? AccountAddress.ZERO)
      : built;
    return await simulateTransaction(client, transaction, info.publicKey, prepared);
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
}
