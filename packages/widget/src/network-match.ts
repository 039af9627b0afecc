/** Whether the connected wallet is on the backend's network (the `wrong_network` error). */
import type { AccountInfo, KofiBackend } from "./backend.ts";

export interface WrongNetwork {
  actual: string;
  expected: string;
}

function sameNetwork(a: string, b: string): boolean {
  const norm = (n: string) => {
    const l = n.trim().toLowerCase();
    return l === "localnet" ? "local" : l;
  };
  return norm(a) === norm(b);
}

/** The wallet's network when it is not the backend's: chain ids compared first, then names. */
export function wrongNetwork(
  account: AccountInfo | null,
  backend: KofiBackend | null,
  network: string,
): WrongNetwork | null {
  const expected = backend?.network ?? network;
  if (!account) return null;
  if (account.chainId !== undefined && backend?.chainId !== undefined) {
    if (account.chainId === backend.chainId) return null;
    return { actual: account.network ?? `chain ${account.chainId}`, expected };
  }
  const actual = account.network;
  if (!actual || !expected || sameNetwork(actual, expected)) return null;
  return { actual, expected };
}
