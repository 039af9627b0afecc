import type { KofiClient } from "../client/createKofiClient.ts";
import { big, type ReadOptions, readView } from "../client/view.ts";
import { toKofiError } from "../errors/toKofiError.ts";
import type { ExchangeRate, VaultState } from "./math.ts";

/** `gateway::exchange_rate()`: kAPT per stkAPT as a fraction (one `POST /v1/view`). */
export async function getExchangeRate(client: KofiClient, options: ReadOptions = {}): Promise<ExchangeRate> {
  const [num, den] = await readView(client, "gateway", "exchange_rate", [], options);
  return { numerator: big(num), denominator: big(den) };
}

/**
 * The raw `vault::Vault` resource (one `GET /v1/accounts/{kofi}/resource/…`), for exact local quotes at any
 * time with `exchangeRateAt`, `kaptToShares`, `sharesToKapt`.
 */
export async function getVaultState(client: KofiClient, options: ReadOptions = {}): Promise<VaultState> {
  try {
    const r = await client.aptos.getAccountResource<Record<string, unknown>>({
      accountAddress: client.kofiAddress,
      resourceType: `${client.kofiAddress}::vault::Vault`,
      ...(options.ledgerVersion === undefined ? {} : { options: { ledgerVersion: options.ledgerVersion } }),
    });
    return {
      totalKapt: big(r.total_kapt),
      totalShares: big(r.total_shares),
      deadShares: big(r.dead_shares),
      streamAmount: big(r.stream_amount),
      streamReleased: big(r.stream_released),
      streamStart: big(r.stream_start),
      streamEnd: big(r.stream_end),
    };
  } catch (e) {
    throw toKofiError(e, { kofiAddress: client.kofiAddress });
  }
}
