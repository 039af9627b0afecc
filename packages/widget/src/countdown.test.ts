import { describe, expect, it } from "vitest";
import { formatCountdown, formatDate, formatDays, secondsUntil, splitDuration } from "./countdown.ts";

describe("splitDuration", () => {
  it("splits seconds into days, hours, minutes, seconds", () => {
    expect(splitDuration(14 * 86_400 + 3 * 3_600 + 5 * 60 + 9)).toEqual({
      days: 14,
      hours: 3,
      minutes: 5,
      seconds: 9,
    });
    expect(splitDuration(-5)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
    expect(splitDuration(59.9)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 59 });
  });
});

describe("formatCountdown", () => {
  it("shows the two largest units", () => {
    expect(formatCountdown(13 * 86_400 + 4 * 3_600 + 59, "en")).toBe("13d 4h");
    expect(formatCountdown(4 * 3_600 + 5 * 60 + 6, "en")).toBe("4h 5m");
    expect(formatCountdown(65, "en")).toBe("1m 5s");
    expect(formatCountdown(59, "en")).toBe("59s");
  });
  it("skips a zero second unit", () => {
    expect(formatCountdown(2 * 86_400 + 30, "en")).toBe("2d");
  });
  it("says now at zero", () => {
    expect(formatCountdown(0, "en")).toBe("now");
    expect(formatCountdown(-10, "fr", "maintenant")).toBe("maintenant");
  });
  it("localises digits and units", () => {
    const ar = formatCountdown(3 * 86_400, "ar-EG");
    expect(ar).toContain("٣");
    expect(ar).not.toContain("3");
  });
});

describe("secondsUntil, formatDate, formatDays", () => {
  it("counts down from chain seconds with a wall clock in ms", () => {
    expect(secondsUntil(1_000, 990_500)).toBe(10);
    expect(secondsUntil(1_000, 2_000_000)).toBe(0);
  });
  it("formats a unix time in a locale and time zone", () => {
    expect(formatDate(0, "en-US", "UTC")).toBe("Jan 1, 1970, 12:00 AM");
  });
  it("formats the lockup in days", () => {
    expect(formatDays(14 * 86_400, "en")).toBe("14 days");
  });
});
