/** The widget only ever asks a wallet to sign these functions. */

/** Kofi gateway entry functions a user may sign. */
export const GATEWAY_FUNCTIONS = [
  "deposit",
  "deposit_and_stake",
  "stake",
  "unstake",
  "request_withdrawal",
  "unstake_and_request_withdrawal",
  "claim",
] as const;

/** `0x0…06b6f6669` → `0x6b6f6669`; lower case. */
export function normalizeAddress(address: string): string {
  const hex = address.toLowerCase().replace(/^0x/, "").replace(/^0+/, "");
  return `0x${hex || "0"}`;
}

/** `addr::module::function` with the address normalised, or null when malformed. */
export function normalizeFunction(fn: string): string | null {
  const parts = fn.split("::");
  if (parts.length !== 3) return null;
  const [address, module, name] = parts as [string, string, string];
  if (!/^0x[0-9a-fA-F]{1,64}$/.test(address) || !/^\w+$/.test(module) || !/^\w+$/.test(name)) return null;
  return `${normalizeAddress(address)}::${module}::${name}`;
}

/** True when `fn` is a Kofi gateway entry at `protocolAddress`, or listed in `extra` (DEX routes). */
export function isAllowedFunction(
  fn: string,
  protocolAddress: string,
  extra: readonly string[] = [],
): boolean {
  const normalized = normalizeFunction(fn);
  if (!normalized) return false;
  const kofi = normalizeAddress(protocolAddress);
  for (const name of GATEWAY_FUNCTIONS) if (normalized === `${kofi}::gateway::${name}`) return true;
  return extra.some((e) => normalizeFunction(e) === normalized);
}
