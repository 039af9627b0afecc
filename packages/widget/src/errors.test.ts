import { describe, expect, it } from "vitest";
import { toKofiError, widgetError, withTimeout } from "./errors.ts";

describe("toKofiError", () => {
  it("keeps SDK codes and abort details", () => {
    const sdk = Object.assign(new Error("paused"), {
      code: "paused",
      abort: { module: "config", name: "E_PAUSED" },
    });
    const e = toKofiError(sdk);
    expect(e.code).toBe("paused");
    expect(e.message).toBe("paused");
    expect(e.abort).toEqual({ module: "config", name: "E_PAUSED" });
  });
  it("classifies wallets that throw strings", () => {
    expect(toKofiError("User rejected the request").code).toBe("user_rejected");
    expect(toKofiError("WalletNotConnectedError").code).toBe("unknown");
    expect(toKofiError("Request timed out").code).toBe("timeout");
  });
  it("classifies plain Errors and ignores non-code `code` fields", () => {
    expect(toKofiError(new TypeError("Failed to fetch")).code).toBe("network");
    expect(toKofiError({ code: 4001, message: "User denied" }).code).toBe("user_rejected");
    expect(toKofiError(Object.assign(new Error("x"), { name: "AbortError" })).code).toBe("timeout");
    expect(toKofiError(undefined).code).toBe("unknown");
    expect(toKofiError(42)).toMatchObject({ code: "unknown", message: "42" });
  });
});

describe("withTimeout", () => {
  it("passes results and errors through", async () => {
    await expect(withTimeout(Promise.resolve(1), 100)).resolves.toBe(1);
    await expect(withTimeout(Promise.reject(widgetError("network")), 100)).rejects.toMatchObject({
      code: "network",
    });
  });
  it("rejects with a timeout error when slow", async () => {
    await expect(withTimeout(new Promise(() => {}), 10, "getProtocol")).rejects.toMatchObject({
      code: "timeout",
    });
  });
});
