/**
 * Protocol constants the SDK uses without importing them from the generated ABI, held equal to it here (the ABI
 * is generated from move/sources, so editing a constant in the Move fails this test until the SDK follows).
 */
import { describe, expect, it } from "vitest";
import { DECIMALS, OCTAS_PER_UNIT } from "./amounts/parse.ts";
import { kofiConstants } from "./generated/abi.ts";
import { VIRTUAL_ASSETS, VIRTUAL_SHARES } from "./vault/math.ts";
import { MAX_CLAIM_BATCH } from "./withdrawals/claim.ts";

describe("protocol constants come from (or equal) the generated ABI", () => {
  it("amounts: kAPT and stkAPT have the decimals the parsers assume (APT's 8)", () => {
    expect(BigInt(DECIMALS)).toBe(kofiConstants.kapt.DECIMALS.value);
    expect(BigInt(DECIMALS)).toBe(kofiConstants.stkapt.DECIMALS.value);
    expect(OCTAS_PER_UNIT).toBe(10n ** BigInt(DECIMALS));
  });
  it("vault and withdrawals", () => {
    expect(VIRTUAL_ASSETS).toBe(kofiConstants.vault.VIRTUAL_ASSETS.value);
    expect(VIRTUAL_SHARES).toBe(kofiConstants.vault.VIRTUAL_SHARES.value);
    expect(BigInt(MAX_CLAIM_BATCH)).toBe(kofiConstants.withdrawals.MAX_CLAIM_BATCH.value);
  });
});
