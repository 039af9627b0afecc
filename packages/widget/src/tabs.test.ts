import { describe, expect, it, vi } from "vitest";
import { isTabId, nextTab, resolveTab, TAB_IDS } from "./tabs.ts";

describe("tab keyboard navigation (WAI-ARIA tabs)", () => {
  it("moves with arrows and wraps", () => {
    expect(nextTab(TAB_IDS, "deposit", "ArrowRight", false)).toBe("stake");
    expect(nextTab(TAB_IDS, "deposit", "ArrowLeft", false)).toBe("position");
    expect(nextTab(TAB_IDS, "position", "ArrowRight", false)).toBe("deposit");
  });
  it("mirrors arrows in right-to-left layouts", () => {
    expect(nextTab(TAB_IDS, "deposit", "ArrowLeft", true)).toBe("stake");
    expect(nextTab(TAB_IDS, "deposit", "ArrowRight", true)).toBe("position");
  });
  it("jumps with Home and End and ignores other keys", () => {
    expect(nextTab(TAB_IDS, "unstake", "Home", false)).toBe("deposit");
    expect(nextTab(TAB_IDS, "unstake", "End", true)).toBe("position");
    expect(nextTab(TAB_IDS, "unstake", "Enter", false)).toBeNull();
    expect(nextTab(TAB_IDS, "unstake", "ArrowDown", false)).toBeNull();
  });
  it("validates tab ids", () => {
    expect(isTabId("withdrawals")).toBe(true);
    expect(isTabId("swap")).toBe(false);
    expect(isTabId(undefined)).toBe(false);
  });
  it("accepts the deprecated convert as stake, warning once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(resolveTab("convert")).toBe("stake");
    expect(resolveTab("convert")).toBe("stake");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(resolveTab("stake")).toBe("stake");
    expect(resolveTab("swap")).toBeNull();
    warn.mockRestore();
  });
});
