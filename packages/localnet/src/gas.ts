/**
 * Deterministic gas schedule (gas units; the fee is gas_used * gas_unit_price octas, burned):
 * a base cost, plus a cost per write-set slot and per event, counted before the gas charge itself. An APT
 * transfer between existing accounts costs 6 + 3 * 2 + 2 = 14 units (17 to a new account); a failed call
 * costs the base 6. Always the same for the same call and state.
 */
export const MIN_TRANSACTION_GAS_UNITS = 6n;
export const GAS_PER_WRITE = 3n;
export const GAS_PER_EVENT = 1n;
export const MAX_GAS_AMOUNT = 2_000_000n;
export const MIN_GAS_UNIT_PRICE = 100n;
export const MAX_GAS_UNIT_PRICE = 10_000_000_000n;

export function gasFor(writes: number, events: number): bigint {
  return MIN_TRANSACTION_GAS_UNITS + GAS_PER_WRITE * BigInt(writes) + GAS_PER_EVENT * BigInt(events);
}
