import { describe, expect, it } from "vitest";

describe("server-side import", () => {
  it("imports the package entry without a DOM and without throwing", async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    const mod = await import("./index.ts");
    expect(mod.KofiStakeElement).toBeTypeOf("function");
    expect(mod.TAG).toBe("kofi-stake");
    // define is guarded: calling it again (or with no registry) is harmless
    expect(() => mod.defineKofiStake()).not.toThrow();
  });
});
