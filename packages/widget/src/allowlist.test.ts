import { describe, expect, it } from "vitest";
import { isAllowedFunction, normalizeAddress, normalizeFunction } from "./allowlist.ts";

const KOFI = "0x000000000000000000000000000000000000000000000000000000006b6f6669";

describe("signing allowlist", () => {
  it("normalises addresses and functions", () => {
    expect(normalizeAddress(KOFI)).toBe("0x6b6f6669");
    expect(normalizeAddress("0x0")).toBe("0x0");
    expect(normalizeFunction("0x0006B6F6669::gateway::deposit")).toBe("0x6b6f6669::gateway::deposit");
    expect(normalizeFunction("gateway::deposit")).toBeNull();
    expect(normalizeFunction("0xzz::gateway::deposit")).toBeNull();
  });
  it("allows Kofi's user gateway entries at the protocol address only", () => {
    for (const fn of ["deposit", "deposit_and_stake", "stake", "unstake", "request_withdrawal", "claim"])
      expect(isAllowedFunction(`0x6b6f6669::gateway::${fn}`, KOFI)).toBe(true);
    expect(isAllowedFunction("0x6b6f6669::gateway::seed_vault", KOFI)).toBe(false);
    expect(isAllowedFunction("0x6b6f6669::config::set_fee_bps", KOFI)).toBe(false);
    expect(isAllowedFunction("0xbad::gateway::deposit", KOFI)).toBe(false);
    expect(isAllowedFunction("0x1::account::rotate_authentication_key_call", KOFI)).toBe(false);
  });
  it("allows extra functions the backend declares (DEX routes)", () => {
    expect(isAllowedFunction("0xdex::router::swap_exact_in", KOFI)).toBe(false);
    expect(isAllowedFunction("0x0dec::router::swap", KOFI, ["0xdec::router::swap"])).toBe(true);
  });
});
