import { describe, expect, it } from "vitest";
import { KOFI_DEV_ADDRESS, kofiErrors } from "../generated/abi.ts";
import { decodeMoveAbort } from "./decodeMoveAbort.ts";
import { KofiError } from "./KofiError.ts";
import { toKofiError } from "./toKofiError.ts";

const KOFI = KOFI_DEV_ADDRESS;
const ctx = { kofiAddress: KOFI, errors: kofiErrors };

describe("decodeMoveAbort", () => {
  it("decodes the named vm_status form", () => {
    const a = decodeMoveAbort(
      "Move abort in 0x6b6f6669::gateway: E_SLIPPAGE(0x10003): The output would be below the caller's min_out.",
      ctx,
    );
    expect(a).toEqual({
      address: "0x6b6f6669",
      module: "gateway",
      name: "E_SLIPPAGE",
      code: 0x10003,
      reason: 3,
      category: 1,
      doc: "The output would be below the caller's min_out.",
    });
  });
  it("decodes numeric-only forms from the generated table (reason = code & 0xffff)", () => {
    const forms = [
      `Move abort in ${KOFI}::withdrawals: 0x30003`,
      `Move abort in ${KOFI}::withdrawals: 196611`,
      `Move abort: code 196611 at ${KOFI}::withdrawals`,
      `ABORTED location ${KOFI}::withdrawals sub_status: 196611`,
    ];
    for (const f of forms) {
      const a = decodeMoveAbort(f, ctx);
      expect(a?.module, f).toBe("withdrawals");
      expect(a?.name, f).toBe("E_TICKET_NOT_READY");
      expect(a?.code, f).toBe(0x30003);
      expect(a?.doc, f).toBe(kofiErrors.withdrawals.E_TICKET_NOT_READY.doc);
    }
  });
  it("does not use the Kofi table for another address", () => {
    const a = decodeMoveAbort("Move abort in 0xbeef::gateway: 0x10003", ctx);
    expect(a?.name).toBeUndefined();
  });
  it("knows the framework balance aborts", () => {
    expect(decodeMoveAbort("Move abort in 0x1::fungible_asset: 0x10004", ctx)?.name).toBe(
      "EINSUFFICIENT_BALANCE",
    );
    expect(
      decodeMoveAbort("Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006): Not enough coins", ctx)
        ?.reason,
    ).toBe(6);
  });
});

describe("toKofiError", () => {
  it("returns a KofiError unchanged", () => {
    const e = new KofiError("timeout", "x");
    expect(toKofiError(e)).toBe(e);
  });
  it("maps Move aborts, with the doc comment as message", () => {
    const e = toKofiError({ vm_status: `Move abort in ${KOFI}::gateway: 0x10003` }, { kofiAddress: KOFI });
    expect(e.code).toBe("move_abort");
    expect(e.abort?.name).toBe("E_SLIPPAGE");
    expect(e.message).toContain(kofiErrors.gateway.E_SLIPPAGE.doc);
    expect(e.hint).toBeTruthy();
  });
  it("keeps the abort's doc exactly when the vm_status is carried twice (message and vm_status)", () => {
    const status = `Move abort in ${KOFI}::gateway: E_SLIPPAGE(0x10003): ${kofiErrors.gateway.E_SLIPPAGE.doc}`;
    const e = toKofiError({ vm_status: status, message: status }, { kofiAddress: KOFI });
    expect(e.abort?.doc).toBe(kofiErrors.gateway.E_SLIPPAGE.doc);
    expect(e.message).toBe(`${kofiErrors.gateway.E_SLIPPAGE.doc} (gateway::E_SLIPPAGE)`);
  });
  it("maps E_PAUSED to paused and balance aborts to insufficient_balance", () => {
    expect(toKofiError(new Error(`Move abort in ${KOFI}::config: E_PAUSED(0x30004): paused`)).code).toBe(
      "paused",
    );
    expect(toKofiError("Move abort in 0x1::fungible_asset: EINSUFFICIENT_BALANCE(0x10004): x").code).toBe(
      "insufficient_balance",
    );
    expect(toKofiError({ message: "Move abort in 0x1::coin: 0x10006" }).code).toBe("insufficient_balance");
  });
  it("handles wallets that throw strings or plain objects", () => {
    expect(toKofiError("User rejected the request.").code).toBe("user_rejected");
    expect(toKofiError({ code: 4001, message: "denied" }).code).toBe("user_rejected");
    expect(toKofiError({ status: "Rejected" }).code).toBe("user_rejected");
    expect(
      toKofiError({ name: "WalletSignAndSubmitMessageError", message: "User has rejected the request" }).code,
    ).toBe("user_rejected");
    const weird = toKofiError({ foo: 1 });
    expect(weird).toBeInstanceOf(KofiError);
    expect(weird.code).toBe("unknown");
    expect(toKofiError(undefined).code).toBe("unknown");
    expect(toKofiError(null).message).toBe("null");
  });
  it("maps node and transport errors", () => {
    expect(
      toKofiError({
        data: {
          error_code: "vm_error",
          message: "Invalid transaction: Type: Validation Code: SEQUENCE_NUMBER_TOO_OLD",
        },
      }).code,
    ).toBe("sequence_number");
    expect(toKofiError(new Error("INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE")).code).toBe("insufficient_gas");
    expect(toKofiError(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } })).code).toBe(
      "network",
    );
    expect(toKofiError(new Error("connect ECONNREFUSED 127.0.0.1:1")).code).toBe("network");
    expect(toKofiError(new Error("Transaction 0xabc timed out in pending state after 1 seconds")).code).toBe(
      "timeout",
    );
    expect(toKofiError(new Error("Hex string is too short, must be 60 to 64 chars long")).code).toBe(
      "invalid_address",
    );
    expect(toKofiError({ vm_status: "BAD_CHAIN_ID" }).code).toBe("wrong_network");
  });
  it("keeps the cause and serialises to JSON", () => {
    const cause = new Error("boom");
    const e = toKofiError(cause);
    expect(e.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ code: "unknown", message: "boom" });
  });
});
