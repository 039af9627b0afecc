/** What every view function gets from the element: translation and locale formatting. */
import { formatAmount, formatBps, formatRate } from "./amount.ts";
import type { Token } from "./backend.ts";
import { formatCountdown, formatDate, formatDateWithZone } from "./countdown.ts";
import { intlLocale, isRtl, type MessageKey, type Messages, messagesFor, translate } from "./i18n.ts";

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

/** The context for a locale tag (the page's language when absent) and the host's string overrides. */
export function makeContext(tag: string | undefined, overrides: Partial<Messages> | undefined): ViewContext {
  const locale = intlLocale(tag);
  const messages = messagesFor(locale, overrides);
  return {
    locale,
    rtl: isRtl(locale),
    t: (key, params) => translate(messages, key, params),
    amount: (value, digits = 4) => formatAmount(value, locale, { maxFractionDigits: digits }),
    tokenAmount: (value, token, digits = 4) =>
      `${formatAmount(value, locale, { maxFractionDigits: digits })} ${token}`,
    bps: (value) => formatBps(value, locale),
    date: (secs) => formatDate(secs, locale),
    dateWithZone: (secs) => formatDateWithZone(secs, locale),
    rate: (rate) => formatRate(rate, locale),
    countdown: (secs) => formatCountdown(secs, locale, translate(messages, "time.now")),
  };
}
