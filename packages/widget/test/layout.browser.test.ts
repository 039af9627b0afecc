/**
 * Narrow layouts on the localnet (Chromium): at 320, 360 and 440 px nothing inside the card sticks out past
 * its padding, the page never scrolls sideways, and every tab label is fully visible (no silent cut).
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import type { TabId } from "../src/tabs.ts";
import { type Mounted, mount, typeAmount, until } from "./browser/harness.ts";
import { fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet, type TestWallet } from "./browser/test-wallet.ts";

/** Elements whose box ends past the card's content box (1 px of rounding allowed). */
function overflowing(m: Mounted): string[] {
  const base = m.$("[part~=base]");
  if (!base) return ["no base"];
  const b = base.getBoundingClientRect();
  const style = getComputedStyle(base);
  const left = b.left + Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.borderLeftWidth) - 1;
  const right =
    b.right - Number.parseFloat(style.paddingRight) - Number.parseFloat(style.borderRightWidth) + 1;
  const out: string[] = [];
  for (const el of base.querySelectorAll<HTMLElement>("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || getComputedStyle(el).position === "absolute") continue;
    // Inside a scroll container that scrolls on purpose? None are allowed: the tab strip wraps.
    if (r.right > right || r.left < left)
      out.push(
        `${el.tagName.toLowerCase()}[part=${el.getAttribute("part") ?? ""}] ${Math.round(r.left)}..${Math.round(r.right)} not in ${Math.round(left)}..${Math.round(right)}: ${el.textContent?.trim().slice(0, 40)}`,
      );
  }
  return out;
}

function clippedTabs(m: Mounted): string[] {
  return [...m.root.querySelectorAll<HTMLElement>("[role=tab]")]
    .filter(
      (t) =>
        t.scrollWidth > t.clientWidth + 1 ||
        (() => {
          const list = t.parentElement as HTMLElement;
          const a = t.getBoundingClientRect();
          const l = list.getBoundingClientRect();
          return a.right > l.right + 1 || a.left < l.left - 1;
        })(),
    )
    .map((t) => t.textContent?.trim() ?? "");
}

describe("<kofi-stake> at 320-440 px (Chromium, localnet)", () => {
  let wallet: TestWallet;
  beforeAll(async () => {
    wallet = createTestWallet({ account: await fundedAccount(), nodeUrl: localnet().nodeUrl });
  });
  afterAll(async () => {
    await page.viewport(1024, 768);
  });

  for (const width of [320, 360, 440]) {
    it(`${width} px: no overflow on any tab, no sideways page scroll, no cut tab`, async () => {
      await page.viewport(width, 900);
      document.body.style.margin = "0";
      const m = mount({ wallet });
      await until(m, () => m.text().includes("Balance:"), "balance");
      const problems: string[] = [];
      for (const tab of ["deposit", "stake", "unstake", "withdrawals", "position"] as TabId[]) {
        m.el.setTab(tab);
        if (tab === "unstake") await typeAmount(m, "1");
        await m.el.updateComplete;
        await new Promise((r) => setTimeout(r, 300));
        await m.el.updateComplete;
        problems.push(...overflowing(m).map((p) => `${tab}: ${p}`));
      }
      expect(problems).toEqual([]);
      expect(clippedTabs(m)).toEqual([]);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    });
  }
});
