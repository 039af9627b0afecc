/**
 * Address forms every stage shares: the loader's long form and the fullnode's display form (what the localnet
 * and the ABI generator print), and the named addresses the loader reads from Move.toml.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPackage } from "./load.ts";
import { displayAddress, longAddress } from "./types.ts";

const KOFI = `0x${"6b6f6669".padStart(64, "0")}`;
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe("address forms", () => {
  it("normalises literals to 64 lowercase hex digits and shows 0x0..0xf short, like the fullnode", () => {
    expect(longAddress("0x6B6F6669")).toBe(KOFI);
    expect(displayAddress(longAddress("0x1"))).toBe("0x1");
    expect(displayAddress(longAddress("0x0"))).toBe("0x0");
    expect(displayAddress(longAddress(`0x${"0".repeat(63)}4`))).toBe("0x4");
    expect(displayAddress(longAddress("0x10"))).toBe(`0x${"10".padStart(64, "0")}`);
    expect(displayAddress(KOFI)).toBe(KOFI);
    expect(() => longAddress(`0x1${"0".repeat(64)}`)).toThrow("not an address");
  });
});

describe("named addresses from Move.toml", () => {
  it("applies [dev-addresses] over [addresses] with dev, keeps the other names, ignores comments", () => {
    const dir = mkdtempSync(join(tmpdir(), "kofi-move-addresses-"));
    temps.push(dir);
    writeFileSync(
      join(dir, "Move.toml"),
      '[package]\nname = "K"\n\n[addresses]\nkofi = "_"\nother = "0x2" # two\n\n[dev-addresses]\n# dev\nkofi = "0x6b6f6669"\n',
    );
    const dev = loadPackage(dir, { dev: true, tests: false });
    expect(dev.diagnostics).toEqual([]);
    expect(dev.package.addresses.get("kofi")).toBe(KOFI);
    expect(dev.package.addresses.get("other")).toBe(longAddress("0x2"));
    expect(loadPackage(dir, { dev: false, tests: false }).package.addresses.has("kofi")).toBe(false);
  });

  it("reports an address longer than 64 hex digits instead of accepting it", () => {
    const dir = mkdtempSync(join(tmpdir(), "kofi-move-addresses-"));
    temps.push(dir);
    writeFileSync(join(dir, "Move.toml"), `[addresses]\nkofi = "0x00${"0".repeat(56)}6b6f6669"\n`);
    const { diagnostics } = loadPackage(dir, { dev: true, tests: false });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "move_toml",
        `named address kofi = "0x00${"0".repeat(56)}6b6f6669" is not an address (0x followed by at most 64 hex digits)`,
      ],
    ]);
  });
});
