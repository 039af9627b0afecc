/**
 * The node's HTTP server: CORS and ledger headers, body reading, the route table (assembled from the route
 * modules: admin, validators, accounts, transactions, views) and errors as the fullnode's JSON.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Chain } from "../chain.ts";
import { accountRoutes } from "./account_routes.ts";
import { type AdminHooks, adminRoutes } from "./admin_routes.ts";
import { validatorRoutes } from "./admin_validators.ts";
import { ApiError } from "./errors.ts";
import { Mempool } from "./mempool.ts";
import { ok, Router } from "./router.ts";
import { transactionRoutes } from "./transaction_routes.ts";
import { viewRoutes } from "./view_routes.ts";

export { MAX_ADVANCE_EPOCHS, MAX_ADVANCE_SECS } from "./admin_routes.ts";
export { checkHash } from "./request_parsing.ts";

export interface NodeOptions extends AdminHooks {
  /** The chain; the node serves the functions and modules of its registry. */
  chain: Chain;
  quiet?: boolean;
  /** Pending transactions and blocks (default: instant mode, every transaction executes at submission). */
  mempool?: Mempool;
}

const MAX_BODY = 2 * 1024 * 1024;
const JSON_CT = "application/json";

/** The HTTP server speaking the fullnode REST API subset (see README). node:http, no framework. */
export function createNodeServer(o: NodeOptions): Server {
  const { chain } = o;
  const mempool = o.mempool ?? new Mempool(chain, 0);

  function headers(res: ServerResponse, req: IncomingMessage): void {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-allow-credentials", "true");
      res.setHeader("vary", "Origin");
    } else {
      res.setHeader("access-control-allow-origin", "*");
    }
    res.setHeader(
      "access-control-expose-headers",
      "x-aptos-chain-id,x-aptos-ledger-version,x-aptos-ledger-timestampusec,x-aptos-epoch,x-aptos-block-height,x-aptos-oldest-ledger-version,x-aptos-oldest-block-height,x-aptos-cursor",
    );
    res.setHeader("x-aptos-chain-id", String(chain.chainId));
    res.setHeader("x-aptos-ledger-version", chain.ledgerVersion.toString());
    res.setHeader("x-aptos-ledger-oldest-version", "0");
    res.setHeader("x-aptos-oldest-ledger-version", "0");
    res.setHeader("x-aptos-ledger-timestampusec", chain.nowMicros().toString());
    res.setHeader("x-aptos-epoch", chain.epoch().toString());
    res.setHeader("x-aptos-block-height", chain.ledgerVersion.toString());
    res.setHeader("x-aptos-oldest-block-height", "0");
  }

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    extra?: Readonly<Record<string, string>>,
  ): void {
    const s = JSON.stringify(body);
    res.writeHead(status, { ...extra, "content-type": JSON_CT, "content-length": Buffer.byteLength(s) });
    res.end(s);
  }

  function ledgerInfo() {
    return {
      chain_id: chain.chainId,
      epoch: chain.epoch().toString(),
      ledger_version: chain.ledgerVersion.toString(),
      oldest_ledger_version: "0",
      ledger_timestamp: chain.nowMicros().toString(),
      node_role: "full_node",
      oldest_block_height: "0",
      block_height: chain.ledgerVersion.toString(),
      git_hash: "kofi-localnet",
    };
  }

  const router = new Router([
    ...adminRoutes(o),
    ...validatorRoutes(chain, () => (o.info().validators as string[] | undefined) ?? []),
    { method: "GET", path: "/", handler: () => ok({ ...ledgerInfo(), localnet: o.info() }) },
    { method: "GET", path: "/v1", handler: () => ok(ledgerInfo()) },
    { method: "GET", path: "/v1/-/healthy", handler: () => ok({ message: "aptos-node:ok" }) },
    {
      method: "GET",
      path: "/v1/estimate_gas_price",
      handler: () =>
        ok({ deprioritized_gas_estimate: 100, gas_estimate: 100, prioritized_gas_estimate: 150 }),
    },
    ...accountRoutes(chain),
    ...transactionRoutes(chain, mempool),
    ...viewRoutes(chain),
  ]);

  async function route(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    chain.syncClock(); // wall-clock mode: every response sees the current chain time
    const url = req.url ?? "/";
    const qi = url.indexOf("?");
    const path = qi < 0 ? url : url.slice(0, qi);
    const query = new URLSearchParams(qi < 0 ? "" : url.slice(qi + 1));
    const m = req.method ?? "GET";
    const found = router.match(m, path);
    if (!found) throw new ApiError(404, "web_framework_error", `not found: ${m} ${path}`);
    const r = found.handler({ req, body, params: found.params, query });
    const reply = r instanceof Promise ? await r : r;
    if (reply.headers) headers(res, req); // a long poll answers with the ledger as it is now
    send(res, reply.status, reply.body, reply.headers);
  }

  const server = createServer((req, res) => {
    headers(res, req);
    if (req.method === "OPTIONS") {
      const reqHeaders = req.headers["access-control-request-headers"];
      res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
      if (reqHeaders) res.setHeader("access-control-allow-headers", reqHeaders);
      res.setHeader("access-control-max-age", "86400");
      res.writeHead(204);
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on("end", () => {
      if (size > MAX_BODY)
        return send(res, 413, new ApiError(413, "invalid_input", "request body too large").toJSON());
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const fail = (e: unknown) => {
        if (e instanceof ApiError) return send(res, e.status, e.toJSON());
        if (!o.quiet) console.error("[kofi-localnet] internal error:", e);
        send(res, 500, {
          message: `internal error: ${(e as Error).message}`,
          error_code: "internal_error",
          vm_error_code: null,
        });
      };
      try {
        route(req, res, body).catch(fail);
      } catch (e) {
        fail(e);
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}
