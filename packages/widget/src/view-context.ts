/** What every view function gets from the element: translation and locale formatting. */
import type { Token } from "./backend.ts";
import type { MessageKey } from "./i18n.ts";

export interface ViewContext {
  /** Intl locale tag in effect. */
  readonly locale: string;
  readonly rtl: boolean;
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
  /** Octas in the locale (4 fraction digits by default, truncated). */
  amount(value: bigint, maxFractionDigits?: number): string;
  /** Octas with the token symbol. */
  tokenAmount(value: bigint, token: Token, maxFractionDigits?: number): string;
  /** Basis points as a percentage. */
  bps(value: number): string;
  /** Unix seconds as a date. */
  date(unixSecs: number): string;
  /** Unix seconds as a date and time with the viewer's time zone named (receipts, tickets). */
  dateWithZone(unixSecs: number): string;
  /** kAPT per stkAPT, always `RATE_DIGITS` (8) digits: "1 stkAPT = 1.00012345 kAPT". */
  rate(rate: { numerator: bigint; denominator: bigint }): string;
  /** Seconds as a compact countdown. */
  countdown(secs: number): string;
}
