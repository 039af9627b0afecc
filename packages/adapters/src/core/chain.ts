import type { Aptos, InputViewFunctionData, MoveValue } from "@aptos-labs/ts-sdk";
import { type MoveFunctionJson, toEntryFunctionAbi, toViewFunctionAbi } from "./abiJson.ts";

/**
 * Chain access for adapters: views pinned to one ledger version, with the venue's ABI attached so the
 * ts-sdk never fetches module ABIs.
 */
export interface ChainReader {
  readonly aptos: Aptos;
  /** The latest ledger version (one `GET /v1`). */
  ledgerVersion(): Promise<bigint>;
  /** The node's gas unit price estimate (cached per reader for 10 s). */
  gasUnitPrice(): Promise<bigint>;
  view<T extends MoveValue[] = MoveValue[]>(
    fn: `${string}::${string}::${string}`,
    abi: MoveFunctionJson,
    args: InputViewFunctionData["functionArguments"],
    ledgerVersion?: bigint,
  ): Promise<T>;
}

export function chainReader(aptos: Aptos): ChainReader {
  let gas: { at: number; price: bigint } | undefined;
  return {
    aptos,
    async ledgerVersion() {
      const info = await aptos.getLedgerInfo();
      return BigInt(info.ledger_version);
    },
    async gasUnitPrice() {
      if (gas && Date.now() - gas.at < 10_000) return gas.price;
      const g = await aptos.getGasPriceEstimation();
      gas = { at: Date.now(), price: BigInt(g.gas_estimate) };
      return gas.price;
    },
    view<T extends MoveValue[] = MoveValue[]>(
      fn: `${string}::${string}::${string}`,
      abi: MoveFunctionJson,
      args: InputViewFunctionData["functionArguments"],
      ledgerVersion?: bigint,
    ) {
      const address = fn.split("::")[0] as string;
      return aptos.view<T>({
        payload: { function: fn, functionArguments: args, abi: toViewFunctionAbi(abi, address) },
        ...(ledgerVersion === undefined ? {} : { options: { ledgerVersion } }),
      });
    },
  };
}

export { toEntryFunctionAbi };

/** `u64`/`u128` JSON (decimal string) to bigint. */
export function big(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "string" || typeof v === "number") return BigInt(v);
  throw new TypeError(`expected an integer, got ${JSON.stringify(v)}`);
}
