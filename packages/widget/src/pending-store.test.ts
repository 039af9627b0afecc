import { describe, expect, it } from "vitest";
import { loadPending, type PendingTx, parsePending, savePending, serializePending } from "./pending-store.ts";

const tx: PendingTx = {
  hash: "0xabc",
  action: "request_withdrawal",
  amounts: { tokenIn: "stkAPT", amountIn: 12345678901234567890n, tokenOut: "APT", amountOut: 1n, minOut: 0n },
};

describe("pending transaction store", () => {
  it("round-trips bigints through JSON", () => {
    expect(parsePending(serializePending(tx))).toEqual(tx);
  });
  it("reads entries a pre-0.2 page stored under the old action names", () => {
    const old = (action: string, tokenIn: string) =>
      JSON.stringify({
        hash: "0x1",
        action,
        amounts: { tokenIn, amountIn: "1", tokenOut: "APT", amountOut: "1", minOut: "0" },
      });
    expect(parsePending(old("stake", "APT"))?.action).toBe("deposit");
    expect(parsePending(old("convert", "kAPT"))?.action).toBe("stake");
    expect(parsePending(old("convert", "stkAPT"))?.action).toBe("unstake");
    expect(parsePending(old("unstake_standard", "kAPT"))?.action).toBe("request_withdrawal");
    expect(parsePending(old("unstake_instant", "kAPT"))?.action).toBe("instant_exit");
    // Written by this version: the new names, taken as they are.
    expect(parsePending(serializePending({ ...tx, action: "stake" }))?.action).toBe("stake");
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
