import { AccountAddress, createUserDerivedObjectAddress } from "@aptos-labs/ts-sdk";
import type { KofiClient } from "../client/createKofiClient.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";
import { type ReadOptions, readView } from "../client/view.ts";
import { toKofiError } from "../errors/toKofiError.ts";

/** Where a Kofi deployment keeps its tokens. Every field is a long-form address. */
export interface KofiAddresses {
  /** The Kofi package. */
  kofi: `0x${string}`;
  /** kAPT fungible-asset metadata (`gateway::kapt_metadata()`): what wallets, DEXes and explorers key on. */
  kaptMetadata: `0x${string}`;
  /** stkAPT fungible-asset metadata (`gateway::stkapt_metadata()`). */
  stkaptMetadata: `0x${string}`;
  /** The protocol's resource account (`config::StakeAccount.addr`): delegator in every pool, holder of the vault's kAPT. */
  protocolAccount: `0x${string}`;
  /** The vault's kAPT store: the protocol account's primary kAPT store (`primaryStoreAddress(protocolAccount, kaptMetadata)`). */
  vaultStore: `0x${string}`;
}

/** `0x1::primary_fungible_store::primary_store_address(owner, metadata)`, computed locally (no request). */
export function primaryStoreAddress(owner: string, metadata: string): `0x${string}` {
  return createUserDerivedObjectAddress(
    AccountAddress.from(normalizeAddress(owner, "owner")),
    AccountAddress.from(normalizeAddress(metadata, "metadata")),
  ).toStringLong() as `0x${string}`;
}

/** `gateway::kapt_metadata()` and `gateway::stkapt_metadata()`: two views in one round. */
export async function getTokenMetadata(
  client: KofiClient,
  options: ReadOptions = {},
): Promise<{ kapt: `0x${string}`; stkapt: `0x${string}` }> {
  const [[k], [s]] = await Promise.all([
    readView(client, "gateway", "kapt_metadata", [], options),
    readView(client, "gateway", "stkapt_metadata", [], options),
  ]);
  return { kapt: objectAddress(k), stkapt: objectAddress(s) };
}

/**
 * The token and store addresses of the deployment: 3 requests in one round (the two metadata views and the
 * `config::StakeAccount` resource); the vault store is derived locally. Fixed for a deployment: read it once.
 */
export async function getKofiAddresses(
  client: KofiClient,
  options: ReadOptions = {},
): Promise<KofiAddresses> {
  const [tokens, protocolAccount] = await Promise.all([
    getTokenMetadata(client, options),
    getProtocolAccount(client, options),
  ]);
  return {
    kofi: client.kofiAddress,
    kaptMetadata: tokens.kapt,
    stkaptMetadata: tokens.stkapt,
    protocolAccount,
    vaultStore: primaryStoreAddress(protocolAccount, tokens.kapt),
  };
}

/** `config::StakeAccount.addr` at the Kofi address (one resource read). */
async function getProtocolAccount(client: KofiClient, options: ReadOptions): Promise<`0x${string}`> {
  try {
    const resource = await client.aptos.getAccountResource<{ addr: string }>({
      accountAddress: client.kofiAddress,
      resourceType: `${client.kofiAddress}::config::StakeAccount`,
      ...(options.ledgerVersion === undefined ? {} : { options: { ledgerVersion: options.ledgerVersion } }),
    });
    return normalizeAddress(resource.addr, "protocol account");
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
}

/** A view's `Object<T>` comes back as `{ inner: "0x…" }`. */
function objectAddress(value: unknown): `0x${string}` {
  const inner =
    typeof value === "object" && value !== null && "inner" in value
      ? (value as { inner: unknown }).inner
      : value;
  return normalizeAddress(String(inner), "metadata");
}
