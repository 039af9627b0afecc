import type { KofiClient } from "@kofi/core";
import { readView } from "@kofi/core";

export type Address = `0x${string}`;

/** APT's paired fungible-asset metadata (`0xa`), long form. */
export const APT_METADATA: Address = "0x000000000000000000000000000000000000000000000000000000000000000a";

/** The two tokens a holder can exit from. */
export type ExitToken = "kAPT" | "stkAPT";

/** Fungible-asset metadata addresses of APT, kAPT and stkAPT for one deployment. */
export interface KofiTokens {
  APT: Address;
  kAPT: Address;
  stkAPT: Address;
}

const long = (a: string): Address => `0x${a.replace(/^0x/i, "").toLowerCase().padStart(64, "0")}` as Address;

/** Long-form lowercase address (`0xa` -> 0x000…0a). Accepts `{ inner }` objects as views return them. */
export function normalize(a: unknown): Address {
  const s =
    typeof a === "object" && a !== null && "inner" in a ? String((a as { inner: unknown }).inner) : String(a);
  if (!/^0x[0-9a-fA-F]{1,64}$/.test(s)) throw new TypeError(`not an address: ${JSON.stringify(a)}`);
  return long(s);
}

/** Read kAPT/stkAPT metadata addresses from the protocol itself (`gateway::kapt_metadata`, `stkapt_metadata`). */
export async function resolveKofiTokens(client: KofiClient): Promise<KofiTokens> {
  const [[k], [s]] = await Promise.all([
    readView(client, "gateway", "kapt_metadata"),
    readView(client, "gateway", "stkapt_metadata"),
  ]);
  return { APT: APT_METADATA, kAPT: normalize(k), stkAPT: normalize(s) };
}

/**
 * The real Kofi mainnet deployment's token metadata (Kofi docs "Contracts" page, as collected in
 * `docs/research/adapters.md` §1). The kit's own package is not deployed on mainnet; hosts that integrate the
 * existing tokens pass these.
 */
export const KOFI_MAINNET_TOKENS: KofiTokens = {
  APT: APT_METADATA,
  kAPT: "0x821c94e69bc7ca058c913b7b5e6b0a5c9fd1523d58723a966fb8c1f5ea888105",
  stkAPT: "0x42556039b88593e768c97ab1a3ab0c6a17230825769304482dff8fdebe4c002b",
};
