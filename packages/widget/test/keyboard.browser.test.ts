/**
 * Keyboard only, in Chromium, with real key events: reach the widget with Tab, switch tabs with the arrow keys
 * (WAI-ARIA tabs), type an amount, review, confirm and finish a real stake on the localnet without a pointer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import { type Mounted, mount, until } from "./browser/harness.ts";
import { fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet, type TestWallet } from "./browser/test-wallet.ts";

/** What has focus inside the widget: its part, else its id, else its tag. */
function focused(m: Mounted): string {
  const a = m.root.activeElement as HTMLElement | null;
  if (!a) return "(none)";
  return a.getAttribute("part") ?? (a.id || a.tagName.toLowerCase());
}

async function tabUntil(m: Mounted, part: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (focused(m).split(" ").includes(part)) return;
    await userEvent.keyboard("{Tab}");
    await m.el.updateComplete;
  }
  throw new Error(`Tab never reached ${part}; focus on ${focused(m)}`);
}

describe("<kofi-stake> keyboard only (Chromium, localnet)", () => {
  let wallet: TestWallet;
  beforeAll(async () => {
    wallet = createTestWallet({ account: await fundedAccount(), nodeUrl: localnet().nodeUrl });
  });

  it("tabs, types, reviews, confirms and finishes a stake without a pointer", async () => {
    const m = mount({ wallet });
    await until(m, () => m.text().includes("Balance: 200 APT"), "balance");
    (document.activeElement as HTMLElement | null)?.blur();

    // Tab from the page lands on the selected tab (roving tabindex)
    await userEvent.keyboard("{Tab}");
    expect(document.activeElement).toBe(m.el);
    expect(focused(m)).toBe("tab tab-selected");
    expect(m.root.activeElement?.textContent?.trim()).toBe("Stake");

    // Arrow keys move and activate; Home/End jump
    await userEvent.keyboard("{ArrowRight}");
    await until(m, () => m.root.activeElement?.textContent?.trim() === "Convert", "Convert focused");
    expect(m.$("[part~=tab-selected]")?.textContent?.trim()).toBe("Convert");
    await userEvent.keyboard("{End}");
    await until(m, () => m.root.activeElement?.textContent?.trim() === "Position", "Position focused");
    await userEvent.keyboard("{Home}");
    await until(m, () => m.root.activeElement?.textContent?.trim() === "Stake", "Stake focused");

    // Into the form: the radio group, then the amount
    await tabUntil(m, "amount-input");
    await userEvent.keyboard("2");
    await until(
      m,
      () => !!m.$("[part~=quote]") && !m.$<HTMLButtonElement>("[part~=review-button]")?.disabled,
      "quote",
    );

    // Review with Enter; focus moves into the review panel
    await tabUntil(m, "review-button");
    await userEvent.keyboard("{Enter}");
    await until(m, () => m.text().includes("Simulation succeeded"), "simulation");
    expect(m.root.activeElement?.id).toBe("kofi-review-title");

    await tabUntil(m, "confirm-button");
    m.tx.length = 0;
    await userEvent.keyboard("{Enter}");
    await until(m, () => m.tx.some((t) => t.stage === "confirmed"), "confirmed");
    // The outcome takes focus, and the status region announced each stage
    await until(m, () => focused(m).includes("done-button"), "focus on Done");
    expect(m.$("[part~=status]")?.getAttribute("aria-live")).toBe("polite");
    await userEvent.keyboard("{Enter}");
    // Done clears the amount (Review disabled): focus lands on the amount field, ready for the next one
    await until(m, () => focused(m) === "amount-input", "focus back on the form");
    expect(m.errors).toEqual([]);
  });
});
