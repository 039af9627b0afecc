/** Countdowns to a ticket's unlock, and dates, through Intl. Integer seconds throughout. */

export interface DurationParts {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/** Splits a non-negative number of seconds (negatives count as 0). */
export function splitDuration(totalSecs: number): DurationParts {
  const s = Math.max(0, Math.floor(totalSecs));
  return {
    days: Math.floor(s / 86_400),
    hours: Math.floor((s % 86_400) / 3_600),
    minutes: Math.floor((s % 3_600) / 60),
    seconds: s % 60,
  };
}

const UNITS = ["day", "hour", "minute", "second"] as const;

/**
 * A compact countdown with the two largest non-zero units, localised with `Intl.NumberFormat`
 * unit style ("13d 4h", "4h 5m", "59s"). `nowText` when nothing is left.
 */
export function formatCountdown(totalSecs: number, locale: string, nowText = "now"): string {
  const parts = splitDuration(totalSecs);
  const values = [parts.days, parts.hours, parts.minutes, parts.seconds];
  const first = values.findIndex((v) => v > 0);
  if (first === -1) return nowText;
  const out: string[] = [];
  for (let i = first; i < Math.min(first + 2, values.length); i++) {
    const value = values[i] ?? 0;
    if (value === 0 && i > first) continue;
    out.push(
      new Intl.NumberFormat(locale, { style: "unit", unit: UNITS[i], unitDisplay: "narrow" }).format(value),
    );
  }
  return out.join(" ");
}

/** Seconds left until `unlockAt` (unix seconds) given `nowMs`; never negative. */
export function secondsUntil(unlockAt: number, nowMs: number): number {
  return Math.max(0, unlockAt - Math.floor(nowMs / 1000));
}

/** A unix-seconds time as a medium date and short time in the locale. */
export function formatDate(unixSecs: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(unixSecs * 1000),
  );
}

/** A number of seconds as whole days, e.g. 14 days, for the lockup. */
export function formatDays(secs: number, locale: string): string {
  const days = Math.max(0, Math.round(secs / 86_400));
  return new Intl.NumberFormat(locale, { style: "unit", unit: "day", unitDisplay: "long" }).format(days);
}

/** A unix-seconds time with the time zone named ("Dec 19, 2026, 09:05 UTC"): unlock dates people plan around. */
export function formatDateWithZone(unixSecs: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  }).format(new Date(unixSecs * 1000));
}
