import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { type Handler, Router } from "./router.ts";

const named =
  (name: string): Handler =>
  ({ params }) => ({ status: 200, body: { name, params } });

function call(router: Router, method: string, path: string): unknown {
  const m = router.match(method, path);
  if (!m) return undefined;
  const r = m.handler({
    req: {} as IncomingMessage,
    body: Buffer.alloc(0),
    params: m.params,
    query: new URLSearchParams(),
  });
  if (r instanceof Promise) throw new Error("the test routes answer synchronously");
  return r.body;
}

describe("node router", () => {
  const router = new Router([
    { method: "GET", path: "/", handler: named("root") },
    { method: "GET", path: "/v1/accounts/:address", handler: named("account") },
    { method: "GET", path: "/v1/accounts/:address/resource/*type", handler: named("resource") },
    { method: "POST", path: "/v1/transactions", handler: named("submit") },
  ]);

  it("matches method and literal segments exactly, capturing :params", () => {
    expect(call(router, "GET", "/")).toEqual({ name: "root", params: {} });
    expect(call(router, "GET", "/v1/accounts/0x1")).toEqual({ name: "account", params: { address: "0x1" } });
    expect(call(router, "POST", "/v1/transactions")).toEqual({ name: "submit", params: {} });
    expect(call(router, "GET", "/v1/transactions")).toBeUndefined();
    expect(call(router, "GET", "/v1/accounts")).toBeUndefined();
    expect(call(router, "GET", "/v1/accounts/0x1/unknown")).toBeUndefined();
  });

  it("a final *param takes every remaining segment, joined by '/', and needs at least one", () => {
    expect(call(router, "GET", "/v1/accounts/0x1/resource/0x1::coin::CoinStore%3C0x1/x%3E")).toEqual({
      name: "resource",
      params: { address: "0x1", type: "0x1::coin::CoinStore%3C0x1/x%3E" },
    });
    expect(call(router, "GET", "/v1/accounts/0x1/resource")).toBeUndefined();
  });

  it("ignores empty segments, as the hand-written dispatch did", () => {
    expect(call(router, "GET", "//v1//accounts/0x2/")).toEqual({
      name: "account",
      params: { address: "0x2" },
    });
  });

  it("refuses a * segment that is not last", () => {
    expect(() => new Router([{ method: "GET", path: "/a/*b/c", handler: named("x") }])).toThrow(
      "last segment",
    );
  });
});
