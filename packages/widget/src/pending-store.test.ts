import { describe, expect, it } from "vitest";
import { loadPending, type PendingTx, parsePending, savePending, serializePending } from "./pending-store.ts";

const tx: PendingTx = {
  hash: "0xabc",
  action: "unstake_standard",
  amounts: { tokenIn: "stkAPT", amountIn: 12345678901234567890n, tokenOut: "APT", amountOut: 1n, minOut: 0n },
};

describe("pending transaction store", () => {
  it("round-trips bigints through JSON", () => {
    expect(parsePending(serializePending(tx))).toEqual(tx);
  });
  it("rejects garbage", () => {
    expect(parsePending(null)).toBeNull();
    expect(parsePending("{")).toBeNull();
    expect(parsePending('{"hash":1}')).toBeNull();
  });
  it("is a no-op without sessionStorage (Node, SSR)", () => {
    savePending("0x1", tx);
    expect(loadPending("0x1")).toBeNull();
  });
});
