import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Deserializer, EntryFunction } from "@aptos-labs/ts-sdk";
import { type Chain, describeFailure, type TxRecord } from "../chain.ts";
import { APT_COIN, APT_FA, T } from "../framework/context.ts";
import { faBalance } from "../framework/fungible.ts";
import { Registry } from "../registry.ts";
import { normalizeAddress } from "../runtime/address.ts";
import type { Address } from "../runtime/port.ts";
import { validatorRoutes } from "./admin_validators.ts";
import { ApiError, invalidInput, VM } from "./errors.ts";
import { Mempool, pendingTxJson } from "./mempool.ts";
import {
  ArgError,
  anyToJson,
  decodeJsonArg,
  formatMoveType,
  type MoveType,
  parseMoveType,
  substitute,
  toJson,
} from "./move_type.ts";
import { type Handler, type Reply, Router } from "./router.ts";
import {
  executePrepared,
  hashOfSigned,
  type PreparedTx,
  paramTypes,
  prepare,
  resolveCall,
} from "./submit.ts";
import { pendingJson, resourceJson, txJson } from "./txjson.ts";

export interface NodeOptions {
  /** The chain; the node serves the functions and modules of its registry. */
  chain: Chain;
  /** Faucet: mints `amount` to `address`, returns the transaction hash. */
  fund(address: Address, amount: bigint): `0x${string}`;
  advance(o: { seconds?: bigint; epochs?: number }): { nowSecs: bigint; epoch: bigint };
  info(): Record<string, unknown>;
  quiet?: boolean;
  /** Pending transactions and blocks (default: instant mode, every transaction executes at submission). */
  mempool?: Mempool;
}

const MAX_BODY = 2 * 1024 * 1024;
/**
 * Largest `POST /admin/advance` (400 `invalid_input` above): 400 days, a year plus a lockup cycle. Every epoch
 * boundary on the way is walked (rewards, lockups, validator set), so an unbounded value held the node.
 */
export const MAX_ADVANCE_SECS = 400n * 86_400n;
/** Largest `epochs` of `POST /admin/advance`: 400 days of the default 2 h epochs. */
export const MAX_ADVANCE_EPOCHS = 4_800;
const JSON_CT = "application/json";

/** The HTTP server speaking the fullnode REST API subset (see README). node:http, no framework. */
export function createNodeServer(o: NodeOptions): Server {
  const { chain } = o;
  const { registry } = chain;
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

  /** A parsed JSON body that is an object (`null`, arrays and scalars are the client's error, not a 500). */
  function isObject(j: unknown): boolean {
    return typeof j === "object" && j !== null && !Array.isArray(j);
  }

  /** A path segment, URI-decoded: a malformed escape (`%E0%A4%A`) is the client's error (400), not a 500. */
  function decodeSegment(s: string): string {
    try {
      return decodeURIComponent(s);
    } catch {
      throw invalidInput(`failed to parse path: malformed percent-encoding in "${s.slice(0, 200)}"`);
    }
  }

  function addr(s: string): Address {
    try {
      return normalizeAddress(decodeURIComponent(s));
    } catch {
      throw invalidInput(`failed to parse path : failed to parse "address(Address)": Invalid address: ${s}`);
    }
  }

  function accountNotFound(a: Address): ApiError {
    return new ApiError(
      404,
      "account_not_found",
      `Account not found by Address(${a}) and Ledger version(${chain.ledgerVersion})`,
    );
  }

  function txByHash(h: string): TxRecord {
    checkHash(h);
    const r = chain.byHash.get(h.toLowerCase());
    if (!r)
      throw new ApiError(404, "transaction_not_found", `Transaction not found by Transaction hash(${h})`);
    return r;
  }

  function page(list: readonly TxRecord[], q: URLSearchParams): TxRecord[] {
    const limit = Math.min(Number(q.get("limit") ?? 25) || 25, 100);
    const startParam = q.get("start");
    const start = startParam === null ? Math.max(0, list.length - limit) : Number(startParam);
    if (!Number.isInteger(start) || start < 0) throw invalidInput(`invalid start: ${startParam}`);
    return list.slice(start, start + limit);
  }

  function view(req: IncomingMessage, body: Buffer): unknown[] {
    const ct = (req.headers["content-type"] ?? "").split(";")[0]?.trim();
    let address: Address;
    let module: string;
    let name: string;
    let typeArgs: string[];
    let args: unknown[];
    let fnRet: readonly string[];
    if (ct === "application/x.aptos.view_function+bcs") {
      let ef: EntryFunction;
      try {
        const d = new Deserializer(new Uint8Array(body));
        ef = EntryFunction.deserialize(d);
        if (d.remaining() !== 0) throw new Error("trailing bytes");
      } catch (e) {
        throw invalidInput(`Failed to deserialize input into ViewRequest: ${(e as Error).message}`);
      }
      address = ef.module_name.address.toStringLong() as Address;
      module = ef.module_name.name.identifier;
      name = ef.function_name.identifier;
      typeArgs = ef.type_args.map((t) => t.toString());
      const r = resolveCall(
        registry,
        address,
        module,
        name,
        typeArgs,
        ef.args.map((a) => a.bcsToBytes()),
        "view",
      );
      args = r.args;
      fnRet = r.fn.abi.return;
    } else {
      let j: { function?: unknown; type_arguments?: unknown; arguments?: unknown };
      try {
        j = JSON.parse(body.toString("utf8"));
      } catch (e) {
        throw invalidInput(`Failed to parse JSON body: ${(e as Error).message}`);
      }
      if (!isObject(j)) throw invalidInput("Failed to parse JSON body: expected a JSON object");
      if (typeof j.function !== "string") throw invalidInput("missing field `function`");
      try {
        ({ address, module, name } = Registry.splitFunctionId(j.function));
      } catch (e) {
        throw invalidInput((e as Error).message);
      }
      typeArgs = Array.isArray(j.type_arguments) ? j.type_arguments.map(String) : [];
      const jsonArgs = Array.isArray(j.arguments) ? j.arguments : [];
      // resolve with no args first to get the function (and its errors), then decode JSON args
      const fid = `${address}::${module}::${name}`;
      if (!registry.module(address, module)) {
        throw invalidInput(`LINKER_ERROR: module ${address}::${module} does not exist`, VM.LINKER_ERROR);
      }
      const fn = registry.fn(address, module, name);
      if (!fn)
        throw invalidInput(
          `FUNCTION_RESOLUTION_FAILURE: function ${fid} does not exist`,
          VM.FUNCTION_RESOLUTION_FAILURE,
        );
      if (!fn.abi.is_view) throw invalidInput(`function ${fid} is not marked as a view function`);
      if (typeArgs.length !== fn.abi.generic_type_params.length) {
        throw invalidInput(
          `NUMBER_OF_TYPE_ARGUMENTS_MISMATCH: ${fid} expects ${fn.abi.generic_type_params.length} type arguments`,
          VM.NUMBER_OF_TYPE_ARGUMENTS_MISMATCH,
        );
      }
      let targs: MoveType[];
      try {
        targs = typeArgs.map((t) => parseMoveType(t));
      } catch (e) {
        throw invalidInput((e as Error).message);
      }
      const params = paramTypes(registry, fn, targs);
      if (jsonArgs.length !== params.length) {
        throw invalidInput(
          `NUMBER_OF_ARGUMENTS_MISMATCH: ${fid} expects ${params.length} arguments, got ${jsonArgs.length}`,
          VM.NUMBER_OF_ARGUMENTS_MISMATCH,
        );
      }
      args = params.map((t, i) => {
        try {
          return decodeJsonArg(t, jsonArgs[i]);
        } catch (e) {
          if (e instanceof ArgError)
            throw invalidInput(`failed to parse argument ${i} of ${fid}: ${e.message}`);
          throw e;
        }
      });
      fnRet = fn.abi.return;
    }
    const fn = registry.fn(address, module, name);
    if (!fn) throw invalidInput("function not found");
    let out: unknown[] | undefined;
    try {
      out = chain.view((rt) => fn.run(rt, args, undefined, typeArgs)) ?? [];
    } catch (e) {
      const f = describeFailure(e, chain.abortDocs);
      throw invalidInput(
        f.vmStatus,
        f.abort
          ? VM.ABORTED
          : e instanceof Error && /ARITHMETIC/.test(e.message)
            ? VM.ARITHMETIC_ERROR
            : null,
      );
    }
    const targs = typeArgs.map((t) => parseMoveType(t));
    return fnRet.map((r, i) =>
      toJson(substitute(registry.type(r), targs), out?.[i], registry.structResolver),
    );
  }

  // ---------------------------------------------------------------- handlers (one per route)

  const ok = (body: unknown): Reply => ({ status: 200, body });

  /** POST /fund (ts-sdk faucet: `{ txn_hashes }`) and /mint (aptos CLI faucet: `[hash]`). */
  const faucet =
    (shape: "fund" | "mint"): Handler =>
    ({ body, query }) => {
      let address: string | null = query.get("address");
      let amountRaw: unknown = query.get("amount");
      if (body.length > 0) {
        try {
          const j = JSON.parse(body.toString("utf8"));
          address = j.address ?? address;
          amountRaw = j.amount ?? amountRaw;
        } catch {
          throw invalidInput("faucet: body must be JSON {address, amount}");
        }
      }
      if (!address) throw invalidInput("faucet: missing address");
      let amount: bigint;
      try {
        amount = BigInt(amountRaw as string | number);
      } catch {
        throw invalidInput("faucet: invalid amount");
      }
      if (amount <= 0n || amount >= 1n << 64n) throw invalidInput("faucet: amount out of range");
      const hash = o.fund(addr(address), amount);
      return ok(shape === "mint" ? [hash] : { txn_hashes: [hash] });
    };

  const advance: Handler = ({ body }) => {
    let j: { seconds?: unknown; epochs?: unknown } = {};
    if (body.length > 0) {
      try {
        j = JSON.parse(body.toString("utf8"));
      } catch {
        throw invalidInput("advance: body must be JSON {seconds?|epochs?}");
      }
      if (!isObject(j)) throw invalidInput("advance: body must be JSON {seconds?|epochs?}");
    }
    let seconds: bigint | undefined;
    try {
      seconds = j.seconds === undefined ? undefined : BigInt(j.seconds as string | number);
    } catch {
      throw invalidInput("advance: invalid seconds");
    }
    const epochs = j.epochs === undefined ? undefined : Number(j.epochs);
    if (
      (seconds !== undefined && seconds < 0n) ||
      (epochs !== undefined && (!Number.isInteger(epochs) || epochs < 0))
    ) {
      throw invalidInput("advance: seconds/epochs must be non-negative integers");
    }
    if (seconds !== undefined && seconds > MAX_ADVANCE_SECS)
      throw invalidInput(`advance: seconds must be at most ${MAX_ADVANCE_SECS} (400 days)`);
    if (epochs !== undefined && epochs > MAX_ADVANCE_EPOCHS)
      throw invalidInput(`advance: epochs must be at most ${MAX_ADVANCE_EPOCHS}`);
    const r = o.advance({ seconds, epochs });
    return ok({ now_secs: r.nowSecs.toString(), epoch: r.epoch.toString() });
  };

  const account: Handler = ({ params }) => {
    const a = addr(params.address as string);
    const acct = chain
      .readContext()
      .journal.tryBorrow<{ sequence_number: bigint; authentication_key: string }>(a, T.account);
    if (!acct) throw accountNotFound(a);
    return ok({
      sequence_number: acct.sequence_number.toString(),
      authentication_key: acct.authentication_key,
    });
  };

  const accountResources: Handler = ({ params, query }) => {
    const a = addr(params.address as string);
    const m = chain.state.resources.get(a);
    if (!m) throw accountNotFound(a);
    const all = [...m].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return paged(
      all,
      ([t]) => t,
      query,
      ([t, v]) => resourceJson(registry, t, v),
    );
  };

  const accountResource: Handler = ({ params }) => {
    const a = addr(params.address as string);
    const type = decodeSegment(params.type as string);
    let key: string;
    try {
      key = canonicalType(parseMoveType(type));
    } catch {
      throw invalidInput(`failed to parse path : Invalid struct tag: ${type}`);
    }
    const m = chain.state.resources.get(a);
    const found = m ? findResource(m, key) : undefined;
    if (!found) {
      throw new ApiError(
        404,
        "resource_not_found",
        `Resource not found by Address(${a}), Struct tag(${type}) and Ledger version(${chain.ledgerVersion})`,
      );
    }
    return ok(resourceJson(registry, found[0], found[1]));
  };

  const accountModules: Handler = ({ params, query }) => {
    const mods = registry.modules.get(addr(params.address as string));
    const all = mods
      ? [...mods.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
      : [];
    return paged(
      all,
      (abi) => abi.name,
      query,
      (abi) => ({ bytecode: "0x", abi }),
    );
  };

  /**
   * Cursor paging as the node does it for account resources and modules: `limit` items (default: all, at most
   * 9999), an opaque `X-Aptos-Cursor` when more follow (here the hex of the next item's key), and `start` = a
   * cursor from a previous page.
   */
  function paged<T>(
    all: readonly T[],
    key: (x: T) => string,
    query: URLSearchParams,
    render: (x: T) => unknown,
  ): Reply {
    const limitRaw = query.get("limit");
    const limit = limitRaw === null ? 9999 : Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 9999) {
      throw new ApiError(
        400,
        "web_framework_error",
        `failed to parse query \`limit\`: ${limitRaw} is not a page size between 1 and 9999`,
      );
    }
    let from = 0;
    const start = query.get("start");
    if (start !== null) {
      if (!/^0x([0-9a-f]{2})+$/.test(start))
        throw invalidInput(`failed to parse query \`start\`: invalid cursor ${start}`);
      const k = Buffer.from(start.slice(2), "hex").toString("utf8");
      from = all.findIndex((x) => key(x) >= k);
      if (from < 0) from = all.length;
    }
    const page = all.slice(from, from + limit);
    const next = all[from + limit];
    return {
      status: 200,
      body: page.map(render),
      headers:
        next === undefined ? undefined : { "x-aptos-cursor": `0x${Buffer.from(key(next)).toString("hex")}` },
    };
  }

  const accountModule: Handler = ({ params }) => {
    const a = addr(params.address as string);
    const name = params.name as string;
    const abi = registry.module(a, decodeSegment(name));
    if (!abi) {
      throw new ApiError(
        404,
        "module_not_found",
        `Module not found by Address(${a}), Module name(${name}) and Ledger version(${chain.ledgerVersion})`,
      );
    }
    return ok({ bytecode: "0x", abi });
  };

  const accountBalance: Handler = ({ params }) => {
    const a = addr(params.address as string);
    const asset = decodeSegment(params.asset as string);
    const ctx = chain.readContext();
    let v: bigint;
    if (asset.includes("::")) {
      let t: string;
      try {
        t = canonicalType(parseMoveType(asset));
      } catch {
        throw invalidInput(`invalid asset type: ${asset}`);
      }
      if (t !== canonicalType(parseMoveType(APT_COIN))) throw invalidInput(`unknown coin type: ${asset}`);
      v = faBalance(ctx, a, APT_FA);
    } else {
      v = faBalance(ctx, a, addr(asset));
    }
    return ok(Number(v) <= Number.MAX_SAFE_INTEGER ? Number(v) : v.toString());
  };

  const accountTransactions: Handler = ({ params, query }) => {
    const a = addr(params.address as string);
    return ok(page(chain.byAccount.get(a) ?? [], query).map((r) => txJson(registry, r)));
  };

  const accountEvents: Handler = ({ params, query }) => {
    const a = addr(params.address as string);
    // Module events only on this chain: list the events of transactions sent by the account.
    const out: unknown[] = [];
    for (const r of chain.byAccount.get(a) ?? []) {
      for (const e of (txJson(registry, r) as { events: unknown[] }).events)
        out.push({ version: r.version.toString(), ...(e as object) });
    }
    const limit = Math.min(Number(query.get("limit") ?? 25) || 25, 100);
    const start = Number(query.get("start") ?? 0) || 0;
    return ok(out.slice(start, start + limit));
  };

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

  /** getTableItem: the model keys tables by the key's string form (addresses long, integers decimal). */
  const tableItem: Handler = ({ params, body }) => {
    let j: { key_type?: string; key?: unknown };
    try {
      j = JSON.parse(body.toString("utf8"));
    } catch {
      throw invalidInput("table item: body must be JSON {key_type, value_type, key}");
    }
    if (!isObject(j)) throw invalidInput("table item: body must be JSON {key_type, value_type, key}");
    let key = typeof j.key === "string" ? j.key : JSON.stringify(j.key);
    if (j.key_type === "address" && typeof j.key === "string") key = addr(j.key);
    const handle = (params.handle as string).toLowerCase();
    const t = chain.state.tables.get(handle) ?? chain.state.tables.get(normalizeHandle(handle));
    if (!t?.has(key)) {
      throw new ApiError(
        404,
        "table_item_not_found",
        `Table Item not found by Table handle(${handle}), Table key(${key}) and Ledger version(${chain.ledgerVersion})`,
      );
    }
    return ok(anyToJson(t.get(key)));
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

  // ---------------------------------------------------------------- the routes

  const router = new Router([
    { method: "POST", path: "/fund", handler: faucet("fund") },
    { method: "POST", path: "/mint", handler: faucet("mint") },
    { method: "POST", path: "/admin/advance", handler: advance },
    { method: "GET", path: "/admin/info", handler: () => ok(o.info()) },
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
    { method: "GET", path: "/v1/accounts/:address", handler: account },
    { method: "GET", path: "/v1/accounts/:address/resources", handler: accountResources },
    { method: "GET", path: "/v1/accounts/:address/resource/*type", handler: accountResource },
    { method: "GET", path: "/v1/accounts/:address/modules", handler: accountModules },
    { method: "GET", path: "/v1/accounts/:address/module/:name", handler: accountModule },
    { method: "GET", path: "/v1/accounts/:address/balance/*asset", handler: accountBalance },
    { method: "GET", path: "/v1/accounts/:address/transactions", handler: accountTransactions },
    { method: "GET", path: "/v1/accounts/:address/events", handler: accountEvents },
    { method: "GET", path: "/v1/blocks/by_height/:n", handler: block("by_height") },
    { method: "GET", path: "/v1/blocks/by_version/:n", handler: block("by_version") },
    {
      method: "GET",
      path: "/v1/transactions",
      handler: ({ query }) => ok(page(chain.txs, query).map((r) => txJson(registry, r))),
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
    { method: "POST", path: "/v1/tables/:handle/item", handler: tableItem },
    { method: "POST", path: "/v1/view", handler: ({ req, body }) => ok(view(req, body)) },
    { method: "POST", path: "/v1/transactions", handler: submit(false) },
    { method: "POST", path: "/v1/transactions/simulate", handler: submit(true) },
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

/** A transaction hash in a path: 0x + 64 hex digits, else 400 web_framework_error (the node's path parser). */
export function checkHash(h: string): void {
  if (!/^0x[0-9a-fA-F]{64}$/.test(h)) {
    throw new ApiError(
      400,
      "web_framework_error",
      `failed to parse path \`txn_hash\`: failed to parse "string(HashValue)": unable to parse HashValue: ${h}`,
    );
  }
}

/** Type string in the form the chain stores (long addresses, no spaces). */
function canonicalType(t: MoveType): string {
  switch (t.k) {
    case "vector":
      return `vector<${canonicalType(t.item)}>`;
    case "struct": {
      const a = t.address === `0x${"0".repeat(63)}1` ? "0x1" : t.address;
      return `${a}::${t.module}::${t.name}${t.args.length ? `<${t.args.map(canonicalType).join(",")}>` : ""}`;
    }
    default:
      return formatMoveType(t);
  }
}

function findResource(m: Map<string, unknown>, key: string): [string, unknown] | undefined {
  for (const [t, v] of m) {
    try {
      if (canonicalType(parseMoveType(t)) === key) return [t, v];
    } catch {
      /* skip */
    }
  }
  return undefined;
}

function normalizeHandle(h: string): string {
  try {
    return normalizeAddress(h);
  } catch {
    return h;
  }
}
