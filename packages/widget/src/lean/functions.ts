/**
 * The Kofi gateway functions the lean path calls, with their parameter types as the Move declares them (after
 * `&signer`). Arguments are BCS-encoded from these types. `functions.test.ts` checks this table against the
 * generated ABI (`@kofi/core/abi`, from move/sources), so a change in the Move fails a test instead of
 * encoding wrong bytes; the ABI itself (~80 kB of source) stays out of the browser bundle.
 */
export const ENTRY_PARAMS = {
  deposit: ["u64", "u64"],
  deposit_and_stake: ["u64", "u64"],
  stake: ["u64", "u64"],
  unstake: ["u64", "u64"],
  request_withdrawal: ["u64"],
  unstake_and_request_withdrawal: ["u64", "u64"],
  claim: ["vector<address>"],
} as const satisfies Record<string, readonly string[]>;

export type GatewayEntry = keyof typeof ENTRY_PARAMS;

/** The quote views (`gateway::quote_*`, `user_summary`): parameter and return types. */
export const VIEW_SIGNATURES = {
  quote_deposit: { params: ["u64"], returns: ["u64", "u64"] },
  quote_deposit_and_stake: { params: ["u64"], returns: ["u64", "u64", "u64"] },
  quote_stake: { params: ["u64"], returns: ["u64"] },
  quote_unstake: { params: ["u64"], returns: ["u64"] },
  quote_request_withdrawal: { params: ["u64"], returns: ["u64", "u64"] },
  quote_unstake_and_request_withdrawal: { params: ["u64"], returns: ["u64", "u64", "u64"] },
  quote_claim: { params: ["address", "vector<address>"], returns: ["u64", "bool"] },
} as const satisfies Record<string, { params: readonly string[]; returns: readonly string[] }>;

/** The parameter types of `gateway::<name>`, or null when it is not one the lean path may sign. */
export function entryParams(fn: string, kofiAddress: string): readonly string[] | null {
  const [address, module, name] = fn.split("::");
  if (module !== "gateway" || !address || !name || !Object.hasOwn(ENTRY_PARAMS, name)) return null;
  const norm = (a: string) => a.toLowerCase().replace(/^0x0*/, "");
  if (norm(address) !== norm(kofiAddress)) return null;
  return ENTRY_PARAMS[name as GatewayEntry];
}
