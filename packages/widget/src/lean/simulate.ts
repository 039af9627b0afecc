/**
 * Simulation over plain `fetch`: the sequence number (`GET /accounts/{addr}`, 0 when the account does not exist
 * yet), the gas price (`GET /estimate_gas_price`) and, on a network without a fixed chain id, the chain id
 * (`GET /`) are read in parallel; then the transaction, BCS-encoded with a zero signature, goes to
 * `POST /transactions/simulate`. The result is read as the SDK path reads it (`toKofiError` on the vm_status).
 */
import { toKofiError } from "@kofi/core";
import type { EntryPayload, Simulation } from "../backend.ts";
import { encodeArgument, type SenderKey, simulationBytes } from "./bcs.ts";
import { entryParams } from "./functions.ts";
import { type NodeTarget, nodeJson } from "./node.ts";

/** The ts-sdk's defaults for a transaction it builds (so both paths simulate the same transaction). */
export const DEFAULT_MAX_GAS_AMOUNT = 200_000n;
const EXPIRATION_SECS = 20n;

/** The entry call's BCS arguments, each per the ABI type of the function's parameter. */
export function encodeCall(payload: EntryPayload, kofiAddress: string) {
  const params = entryParams(payload.function, kofiAddress);
  if (!params) throw toKofiError({ message: `Not a Kofi gateway entry function: ${payload.function}` });
  if (params.length !== payload.functionArguments.length)
    throw toKofiError({ message: `${payload.function} takes ${params.length} arguments` });
  return {
    function: payload.function,
    typeArguments: payload.typeArguments,
    args: params.map((type, i) => encodeArgument(type, payload.functionArguments[i])),
  };
}

export interface SimulateInput {
  readonly sender: string;
  readonly payload: EntryPayload;
  readonly key: SenderKey;
  /** Known for mainnet, testnet and local; otherwise read from the node. */
  readonly chainId: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

interface SimulatedTx {
  success: boolean;
  vm_status: string;
  gas_used: string;
  gas_unit_price: string;
}

export async function simulateLean(target: NodeTarget, input: SimulateInput): Promise<Simulation> {
  const call = encodeCall(input.payload, target.kofiAddress);
  const signal = input.signal;
  const [account, gas, chainId] = await Promise.all([
    nodeJson<{ sequence_number: string } | null>(target, `/accounts/${input.sender}`, {
      signal,
      notFoundIsNull: true,
    }),
    nodeJson<{ gas_estimate: number }>(target, "/estimate_gas_price", { signal }),
    input.chainId ?? nodeJson<{ chain_id: number }>(target, "", { signal }).then((l) => l.chain_id),
  ]);
  const bytes = simulationBytes(
    {
      sender: input.sender,
      sequenceNumber: BigInt(account?.sequence_number ?? 0),
      call,
      maxGasAmount: DEFAULT_MAX_GAS_AMOUNT,
      gasUnitPrice: BigInt(gas.gas_estimate),
      expirationSecs: BigInt(Math.floor(Date.now() / 1000)) + EXPIRATION_SECS,
      chainId,
    },
    input.key,
  );
  const [sim] = await nodeJson<SimulatedTx[]>(target, "/transactions/simulate", {
    bytes,
    contentType: "application/x.aptos.signed_transaction+bcs",
    signal,
  });
  if (!sim) return { success: true, skipped: true, gasUsed: 0n, gasUnitPrice: 0n, feeOctas: 0n };
  const gasUsed = BigInt(sim.gas_used);
  const gasUnitPrice = BigInt(sim.gas_unit_price);
  const base = { gasUsed, gasUnitPrice, feeOctas: gasUsed * gasUnitPrice };
  if (sim.success) return { ...base, success: true };
  const err = toKofiError(
    { vm_status: sim.vm_status, message: sim.vm_status },
    { kofiAddress: target.kofiAddress },
  );
  return {
    ...base,
    success: false,
    error: {
      code: err.code === "unknown" ? "simulation_failed" : err.code,
      message: err.message,
      ...(err.abort ? { abort: err.abort } : {}),
    },
  };
}
