import type { Account } from "@aptos-labs/ts-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createKofiClient,
  deposit,
  type ExecuteResult,
  estimateApr,
  execute,
  getPosition,
  getProtocolState,
  getStreamApr,
  type KofiClient,
  KofiError,
  quoteStake,
  type StageEvent,
  stake,
} from "../src/index.ts";
import { APT, countingProxy, fundedAccount, type Localnet, startNet } from "./helpers.ts";

describe("HTTP requests the SDK makes (counted by a proxy in front of the localnet)", () => {
  let net: Localnet;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let client: KofiClient;
  let user: Account;

  beforeAll(async () => {
    net = await startNet();
    const node = new URL(net.nodeUrl);
    proxy = await countingProxy(node.origin);
    client = createKofiClient({
      network: "local",
      nodeUrl: `${proxy.url}${node.pathname}`,
      addresses: { kofi: net.kofiAddress },
    });
    user = await fundedAccount(net, 500n * APT);
    await execute(client, deposit({ amount: 50n * APT }), user);
    await execute(client, stake({ amount: 10n * APT }), user);
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await net?.stop();
  });

  it("getPosition makes exactly one HTTP request: POST /v1/view (gateway::user_summary)", async () => {
    proxy.reset();
    const p = await getPosition(client, user.accountAddress.toString());
    expect(p.stkaptBalance).toBeGreaterThan(0n);
    expect(proxy.requests).toEqual([{ method: "POST", path: "/v1/view" }]);
  });

  it("protocol state and quotes: one request each, no ABI fetch", async () => {
    proxy.reset();
    await getProtocolState(client);
    await quoteStake(client, APT);
    expect(proxy.requests).toEqual([
      { method: "POST", path: "/v1/view" },
      { method: "POST", path: "/v1/view" },
    ]);
  });

  it("the on-chain APR: the protocol view alone (no vault resource); no request when the state is given", async () => {
    proxy.reset();
    const apr = await estimateApr(client);
    expect(apr.method).toBe("onchain");
    expect(proxy.requests).toEqual([{ method: "POST", path: "/v1/view" }]);
    proxy.reset();
    await getStreamApr(client);
    expect(proxy.requests).toEqual([{ method: "POST", path: "/v1/view" }]);
    const state = await getProtocolState(client);
    proxy.reset();
    await getStreamApr(client, { state });
    await estimateApr(client, { state });
    expect(proxy.requests).toEqual([]);
  });

  it("a whole execute never fetches a module ABI nor the chain id (Network.LOCAL)", async () => {
    proxy.reset();
    await execute(client, stake({ amount: APT }), user);
    const paths = proxy.requests.map((r) => `${r.method} ${r.path.split("?")[0]}`);
    expect(paths.some((p) => p.includes("/module/"))).toBe(false);
    expect(paths).not.toContain("GET /v1");
    expect(paths.filter((p) => p === "POST /v1/transactions")).toHaveLength(1);
  });

  it("a lost submit response is recovered by hash inside execute: one submission, one effect", async () => {
    const before = await getPosition(client, user.accountAddress.toString());
    proxy.reset();
    let dropped = 0;
    proxy.failResponse((r) => r.method === "POST" && r.path === "/v1/transactions" && dropped++ === 0);
    const r = await execute(client, stake({ amount: 2n * APT }), user);
    proxy.failResponse(undefined);
    expect(dropped).toBeGreaterThanOrEqual(1);
    expect(proxy.requests.filter((x) => x.method === "POST" && x.path === "/v1/transactions")).toHaveLength(
      1,
    );
    const after = await getPosition(client, user.accountAddress.toString());
    expect(before.kaptBalance - after.kaptBalance).toBe(2n * APT);
    expect(r.hash).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it("a retry after a network error looks the hash up and never submits again", async () => {
    const before = await getPosition(client, user.accountAddress.toString());
    proxy.reset();
    // Every response about submitted transactions is lost: submit reaches the node, the SDK sees a network error.
    proxy.failResponse((r) => r.path.startsWith("/v1/transactions") && !r.path.includes("simulate"));
    const action = stake({ amount: 3n * APT });
    const err = await execute(client, action, user, { retries: 0, timeoutSecs: 2 }).catch((e: unknown) => e);
    proxy.failResponse(undefined);
    expect(err).toBeInstanceOf(KofiError);
    expect(["network", "timeout"]).toContain((err as KofiError).code);
    const submitsBefore = proxy.requests.filter(
      (x) => x.method === "POST" && x.path === "/v1/transactions",
    ).length;
    expect(submitsBefore).toBe(1);

    const stages: StageEvent[] = [];
    const r: ExecuteResult = await execute(client, action, user, { onStage: (e) => stages.push(e) });
    const submitsAfter = proxy.requests.filter(
      (x) => x.method === "POST" && x.path === "/v1/transactions",
    ).length;
    expect(submitsAfter).toBe(1);
    expect(stages.find((s) => s.stage === "submitted")?.recovered).toBe(true);
    expect(stages.map((s) => s.stage)).toEqual(["submitted", "confirmed"]);
    const after = await getPosition(client, user.accountAddress.toString());
    expect(before.kaptBalance - after.kaptBalance).toBe(3n * APT);
    expect(r.hash).toBe((err as KofiError).hash);
  });
});
