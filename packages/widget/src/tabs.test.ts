import { describe, expect, it } from "vitest";
import { isTabId, nextTab, TAB_IDS } from "./tabs.ts";

describe("tab keyboard navigation (WAI-ARIA tabs)", () => {
  it("moves with arrows and wraps", () => {
    expect(nextTab(TAB_IDS, "stake", "ArrowRight", false)).toBe("convert");
    expect(nextTab(TAB_IDS, "stake", "ArrowLeft", false)).toBe("position");
    expect(nextTab(TAB_IDS, "position", "ArrowRight", false)).toBe("stake");
  });
  it("mirrors arrows in right-to-left layouts", () => {
    expect(nextTab(TAB_IDS, "stake", "ArrowLeft", true)).toBe("convert");
    expect(nextTab(TAB_IDS, "stake", "ArrowRight", true)).toBe("position");
  });
  it("jumps with Home and End and ignores other keys", () => {
    expect(nextTab(TAB_IDS, "unstake", "Home", false)).toBe("stake");
    expect(nextTab(TAB_IDS, "unstake", "End", true)).toBe("position");
    expect(nextTab(TAB_IDS, "unstake", "Enter", false)).toBeNull();
    expect(nextTab(TAB_IDS, "unstake", "ArrowDown", false)).toBeNull();
  });
  it("validates tab ids", () => {
    expect(isTabId("withdrawals")).toBe(true);
    expect(isTabId("swap")).toBe(false);
    expect(isTabId(undefined)).toBe(false);
  });
});
