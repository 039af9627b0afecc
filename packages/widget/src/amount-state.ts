/**
 * The amount field's state: the typed text parsed in the locale, checked against the balance, the minimum and
 * (for APT the user pays gas with) the gas reserve, and the largest amount Max fills in.
 */
import { type AmountIssue, checkAmount, DEFAULT_GAS_RESERVE, maxSpendable, parseAmount } from "./amount.ts";
import type { Position, Token } from "./backend.ts";

export interface AmountInputs {
  token: Token;
  text: string;
  locale: string;
  position: Position | null;
  /** A sponsor pays the gas: no APT is held back for it. */
  sponsored: boolean;
  minimum: bigint | undefined;
}

function balanceOf(position: Position | null, token: Token): bigint | undefined {
  if (!position) return undefined;
  return token === "APT" ? position.apt : token === "kAPT" ? position.kapt : position.stkapt;
}

export function amountState(i: AmountInputs) {
  const { token, minimum } = i;
  const parsed = parseAmount(i.text, i.locale);
  const balance = balanceOf(i.position, token);
  const gasReserve = token === "APT" && !i.sponsored ? DEFAULT_GAS_RESERVE : undefined;
  const limits = {
    ...(balance !== undefined ? { balance } : {}),
    ...(minimum !== undefined ? { minimum } : {}),
    ...(gasReserve !== undefined ? { gasReserve } : {}),
  };
  const issue: AmountIssue | null = parsed.ok ? checkAmount(parsed.value, limits) : null;
  return {
    token,
    parsed,
    balance,
    issue,
    max: balance === undefined ? undefined : maxSpendable(balance, gasReserve),
  };
}

export type AmountState = ReturnType<typeof amountState>;
