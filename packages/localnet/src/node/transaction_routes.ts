/**
 * Transactions and blocks: listing, lookup by hash (committed or pending) and version, the `wait_by_hash` long
 * poll, blocks (one transaction each), and submitting or simulating a signed BCS transaction.
 */
import type { Chain, TxRecord } from "../chain.ts";
import { ApiError, VM } from "./errors.ts";
import { type Mempool, pendingTxJson } from "./mempool.ts";
import { transactionPage } from "./paging.ts";
import { checkHash } from "./request_parsing.ts";
import { type Handler, ok, type Reply, type Route } from "./router.ts";
import { executePrepared, hashOfSigned, type PreparedTx, prepare } from "./submit.ts";
import { pendingJson, txJson } from "./txjson.ts";

/** The routes under `/v1/blocks` and `/v1/transactions` (reads, submission and simulation). */
export function transactionRoutes(chain: Chain, mempool: Mempool): Route[] {
  const { registry } = chain;

  function txByHash(h: string): TxRecord {
    checkHash(h);
    const r = chain.byHash.get(h.toLowerCase());
    if (!r)
      throw new ApiError(404, "transaction_not_found", `Transaction not found by Transaction hash(${h})`);
    return r;
  }

  /** One transaction per block on this chain: block height = version. */
  const block =
    (by: "by_height" | "by_version"): Handler =>
    ({ params, query }) => {
      const n = params.n as string;
      const r = chain.txs[Number(n)];
      if (!r || !/^\d+$/.test(n)) {
        throw new ApiError(
          404,
          "block_not_found",
          `Block not found by ${by === "by_height" ? "Height" : "Ledger version"}(${n})`,
        );
      }
      return ok({
        block_height: r.version.toString(),
        block_hash: r.hash,
        block_timestamp: r.timestampUs.toString(),
        first_version: r.version.toString(),
        last_version: r.version.toString(),
        transactions: query.get("with_transactions") === "true" ? [txJson(registry, r)] : null,
      });
    };

  /** Committed, or pending in the mempool (the pending shape), else 404. */
  function transactionByHash(h: string): Reply {
    checkHash(h);
    const waiting = mempool.get(h);
    if (waiting) return ok(pendingTxJson(waiting));
    return ok(txJson(registry, txByHash(h)));
  }

  const transactionByVersion: Handler = ({ params }) => {
    const r = chain.txs[Number(params.version)];
    if (!r)
      throw new ApiError(
        404,
        "transaction_not_found",
        `Transaction not found by Ledger version(${params.version})`,
      );
    return ok(txJson(registry, r));
  };

  const submit =
    (simulate: boolean): Handler =>
    ({ req, body }) => {
      const ct = (req.headers["content-type"] ?? "").split(";")[0]?.trim();
      if (ct !== "application/x.aptos.signed_transaction+bcs") {
        throw new ApiError(
          415,
          "unsupported_media_type",
          `The localnet accepts BCS transactions only (content-type application/x.aptos.signed_transaction+bcs), got ${ct}`,
        );
      }
      const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
      if (simulate) {
        const p = prepare(chain, registry, bytes, true, mempool.expectedSequence);
        return ok([txJson(registry, executePrepared(chain, p, true), { simulated: true })]);
      }
      let p: PreparedTx;
      try {
        p = prepare(chain, registry, bytes, false, mempool.expectedSequence);
      } catch (e) {
        // the same transaction submitted again while it waits: the node answers it as accepted
        const again = e instanceof ApiError && e.vmErrorCode === VM.SEQUENCE_NUMBER_TOO_OLD;
        const waiting = again ? mempool.get(hashOfSigned(bytes)) : undefined;
        if (waiting) return { status: 202, body: pendingTxJson(waiting) };
        throw e;
      }
      const r = mempool.submit(p);
      return { status: 202, body: r ? pendingJson(r) : pendingTxJson(p) };
    };

  return [
    { method: "GET", path: "/v1/blocks/by_height/:n", handler: block("by_height") },
    { method: "GET", path: "/v1/blocks/by_version/:n", handler: block("by_version") },
    {
      method: "GET",
      path: "/v1/transactions",
      handler: ({ query }) => ok(transactionPage(chain.txs, query).map((r) => txJson(registry, r))),
    },
    {
      method: "GET",
      path: "/v1/transactions/by_hash/:hash",
      handler: ({ params }) => transactionByHash(params.hash as string),
    },
    {
      method: "GET",
      path: "/v1/transactions/wait_by_hash/:hash",
      handler: async ({ params }) => {
        const h = params.hash as string;
        checkHash(h);
        await mempool.waitFor(h);
        return transactionByHash(h);
      },
    },
    { method: "GET", path: "/v1/transactions/by_version/:version", handler: transactionByVersion },
    { method: "POST", path: "/v1/transactions", handler: submit(false) },
    { method: "POST", path: "/v1/transactions/simulate", handler: submit(true) },
  ];
}
