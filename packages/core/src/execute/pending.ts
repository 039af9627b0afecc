import type { KofiClient } from "../client/createKofiClient.ts";

export interface Pending {
  hash: string;
  /** Expiration in seconds (chain time); undefined when the wallet built it. */
  expiresAt: bigint | undefined;
}

/**
 * Submitted-but-unconfirmed intents, keyed by node URL + Kofi address + intent key (so a new client object for
 * the same network, e.g. one per render, still finds them). Entries leave on confirmation or definitive failure;
 * the map is capped so an abandoned intent cannot grow it without bound.
 */
const pendingIntents = new Map<string, Pending>();
const MAX_PENDING = 1_000;

/** The pending-intent store seen from one client (its node URL and Kofi address). */
export function pendingFor(client: KofiClient) {
  const prefix = `${client.nodeUrl}|${client.kofiAddress}|`;
  return {
    get: (key: string) => pendingIntents.get(prefix + key),
    has: (key: string) => pendingIntents.has(prefix + key),
    set: (key: string, value: Pending) => {
      if (pendingIntents.size >= MAX_PENDING) {
        const oldest = pendingIntents.keys().next().value;
        if (oldest !== undefined) pendingIntents.delete(oldest);
      }
      pendingIntents.set(prefix + key, value);
    },
    delete: (key: string) => pendingIntents.delete(prefix + key),
  };
}
