import { describe, expect, it } from "vitest";
import { ticketCountdown } from "./countdown.ts";

describe("ticketCountdown", () => {
  it("splits the time left and labels it", () => {
    const c = ticketCountdown(
      { unlockAt: 1_000_000n, ready: false },
      1_000_000n - (3n * 86_400n + 4n * 3_600n + 5n * 60n + 6n),
    );
    expect(c).toMatchObject({ days: 3n, hours: 4n, minutes: 5n, seconds: 6n, ready: false, overdue: false });
    expect(c.label).toBe("3d 4h 5m");
    expect(ticketCountdown({ unlockAt: 100n, ready: false }, 40n).label).toBe("1m 0s");
    expect(ticketCountdown({ unlockAt: 100n, ready: false }, 99n).label).toBe("1s");
  });
  it("ready comes from the chain; a passed unlock time that is not ready yet is overdue", () => {
    expect(ticketCountdown({ unlockAt: 100n, ready: true }, 50n).label).toBe("ready");
    const late = ticketCountdown({ unlockAt: 100n, ready: false }, 200n);
    expect(late).toMatchObject({ secondsLeft: 0n, overdue: true, label: "any moment now" });
  });
});
