/**
 * The widget's eager code keeps two protocol figures as literals (importing core's generated ABI would put it in
 * the CDN build's eager chunk): held equal to `@kofi/core`'s values from the generated ABI here.
 */
import { MAX_CLAIM_BATCH as CORE_MAX_CLAIM_BATCH } from "@kofi/core";
import { kofiConstants } from "@kofi/core/abi";
import { describe, expect, it } from "vitest";
import { DECIMALS } from "./amount.ts";
import { MAX_CLAIM_BATCH } from "./withdrawals-view.ts";

describe("the widget's protocol constants equal core's generated ABI", () => {
  it("kAPT/stkAPT decimals and the claim batch limit", () => {
    expect(BigInt(DECIMALS)).toBe(kofiConstants.kapt.DECIMALS.value);
    expect(BigInt(DECIMALS)).toBe(kofiConstants.stkapt.DECIMALS.value);
    expect(MAX_CLAIM_BATCH).toBe(CORE_MAX_CLAIM_BATCH);
  });
});
