import { parseTypeTag } from "@aptos-labs/ts-sdk";
import type { KofiClient } from "../client/createKofiClient.ts";
import { big } from "../client/view.ts";
import { toKofiError } from "../errors/toKofiError.ts";
import type { ProtocolState, ValidatorInfo } from "../protocol/state.ts";
import type { DepositQuote } from "./deposit.ts";

/**
 * The pool a deposit of `amount` goes to, exactly as `staking_manager::select_index`: among enabled pools with
 * weight > 0, an active validator and `active + amount <= cap`, the smallest `active / weight` (compared by
 * cross-multiplication), ties to the lowest index. `undefined` when none is eligible (`E_NO_ELIGIBLE_POOL`).
 */
export function selectDepositPool(
  validators: readonly ValidatorInfo[],
  amount: bigint,
): ValidatorInfo | undefined {
  let best: ValidatorInfo | undefined;
  for (const v of validators) {
    if (!v.enabled || v.weightBps === 0n || !v.validatorActive) continue;
    if (v.active + amount > v.cap) continue;
    if (!best || v.active * best.weightBps < best.active * v.weightBps) best = v;
  }
  return best;
}

const FEE_ABI = {
  typeParameters: [],
  parameters: [parseTypeTag("address"), parseTypeTag("u64")],
  returnTypes: [parseTypeTag("u64")],
};

/** `0x1::delegation_pool::get_add_stake_fee(pool, amount)` (framework view, ABI attached). */
export async function getAddStakeFee(client: KofiClient, pool: string, amount: bigint): Promise<bigint> {
  try {
    const [fee] = await client.aptos.view({
      payload: {
        function: "0x1::delegation_pool::get_add_stake_fee",
        functionArguments: [pool, amount],
        abi: FEE_ABI,
      },
    });
    return big(fee);
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
}

/**
 * Local deposit quote from a protocol state: selects the pool like the contract, then asks the framework for
 * that pool's add-stake fee (one request). Equals `gateway::quote_deposit`: `kapt = apt - min(fee, apt)`.
 */
export async function quoteDepositLocal(
  client: KofiClient,
  state: Pick<ProtocolState, "validators">,
  apt: bigint,
): Promise<DepositQuote & { pool: `0x${string}` | undefined }> {
  const pool = selectDepositPool(state.validators, apt);
  if (!pool) return { aptIn: apt, fee: 0n, kaptOut: 0n, pool: undefined };
  const raw = await getAddStakeFee(client, pool.pool, apt);
  const fee = raw > apt ? apt : raw;
  return { aptIn: apt, fee, kaptOut: apt - fee, pool: pool.pool };
}
