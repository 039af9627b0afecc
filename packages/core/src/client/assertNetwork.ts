import { KofiError } from "../errors/KofiError.ts";
import { toKofiError } from "../errors/toKofiError.ts";
import type { KofiClient } from "./createKofiClient.ts";

/**
 * Reads the node's chain id and throws `wrong_network` when it differs from the client's network preset
 * (e.g. a "mainnet" client pointed at a localnet). One `GET /v1`.
 */
export async function assertNetwork(client: KofiClient): Promise<number> {
  let chainId: number;
  try {
    chainId = (await client.aptos.getLedgerInfo()).chain_id;
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
  if (client.chainId !== undefined && chainId !== client.chainId) {
    throw new KofiError(
      "wrong_network",
      `The node at ${client.nodeUrl} is on chain ${chainId}, but the client is configured for ${client.network} (chain ${client.chainId}).`,
    );
  }
  return chainId;
}
