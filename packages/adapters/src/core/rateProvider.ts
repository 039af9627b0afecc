import { getExchangeRate, type KofiClient } from "@kofi/core";
import type { ExitToken } from "./tokens.ts";

/** kAPT per stkAPT as a fraction of u128s (`gateway::exchange_rate()`). */
export interface Rate {
  numerator: bigint;
  denominator: bigint;
}

/**
 * Fair value of Kofi tokens in APT, from the protocol itself (never from a market): kAPT is redeemable 1:1
 * for APT (through a withdrawal ticket), stkAPT is worth `shares * numerator / denominator` kAPT.
 */
export interface RateProvider {
  readonly id: string;
  /** The stkAPT rate at `ledgerVersion` (latest when omitted). */
  rate(options?: { ledgerVersion?: bigint }): Promise<Rate>;
  /** APT value of `amount` of `token` (floor, as the vault rounds). */
  fairValueApt(token: ExitToken, amount: bigint, options?: { ledgerVersion?: bigint }): Promise<bigint>;
}

/** Value with a known rate (pure): kAPT 1:1, stkAPT `floor(amount * num / den)`. */
export function fairValueWithRate(token: ExitToken, amount: bigint, rate: Rate): bigint {
  if (token === "kAPT") return amount;
  return (amount * rate.numerator) / rate.denominator;
}

/** The protocol's own rate provider: one `gateway::exchange_rate` view per call. */
export function kofiRateProvider(client: KofiClient): RateProvider {
  const rate = (options: { ledgerVersion?: bigint } = {}) =>
    getExchangeRate(
      client,
      options.ledgerVersion === undefined ? {} : { ledgerVersion: options.ledgerVersion },
    );
  return {
    id: "kofi",
    rate,
    async fairValueApt(token, amount, options) {
      if (token === "kAPT") return amount;
      return fairValueWithRate(token, amount, await rate(options));
    },
  };
}
