/**
 * `GET /v1/accounts/:address/...`: the account, its resources, modules, balances, transactions and events.
 */
import type { Chain } from "../chain.ts";
import { APT_COIN, APT_FA, T } from "../framework/context.ts";
import { faBalance } from "../framework/fungible.ts";
import type { Address } from "../runtime/port.ts";
import { ApiError, invalidInput } from "./errors.ts";
import { formatMoveType, type MoveType, parseMoveType } from "./move_type.ts";
import { cursorPage, transactionPage } from "./paging.ts";
import { decodeSegment, parseAddressSegment } from "./request_parsing.ts";
import { type Handler, ok, type Route } from "./router.ts";
import { resourceJson, txJson } from "./txjson.ts";

export function accountRoutes(chain: Chain): Route[] {
  const { registry } = chain;

  function accountNotFound(a: Address): ApiError {
    return new ApiError(
      404,
      "account_not_found",
      `Account not found by Address(${a}) and Ledger version(${chain.ledgerVersion})`,
    );
  }

  const account: Handler = ({ params }) => {
    const a = parseAddressSegment(params.address as string);
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
    const a = parseAddressSegment(params.address as string);
    const m = chain.state.resources.get(a);
    if (!m) throw accountNotFound(a);
    const all = [...m].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return cursorPage(
      all,
      ([t]) => t,
      query,
      ([t, v]) => resourceJson(registry, t, v),
    );
  };

  const accountResource: Handler = ({ params }) => {
    const a = parseAddressSegment(params.address as string);
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
    const mods = registry.modules.get(parseAddressSegment(params.address as string));
    const all = mods
      ? [...mods.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
      : [];
    return cursorPage(
      all,
      (abi) => abi.name,
      query,
      (abi) => ({ bytecode: "0x", abi }),
    );
  };

  const accountModule: Handler = ({ params }) => {
    const a = parseAddressSegment(params.address as string);
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
    const a = parseAddressSegment(params.address as string);
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
      v = faBalance(ctx, a, parseAddressSegment(asset));
    }
    return ok(Number(v) <= Number.MAX_SAFE_INTEGER ? Number(v) : v.toString());
  };

  const accountTransactions: Handler = ({ params, query }) => {
    const a = parseAddressSegment(params.address as string);
    return ok(transactionPage(chain.byAccount.get(a) ?? [], query).map((r) => txJson(registry, r)));
  };

  const accountEvents: Handler = ({ params, query }) => {
    const a = parseAddressSegment(params.address as string);
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

  return [
    { method: "GET", path: "/v1/accounts/:address", handler: account },
    { method: "GET", path: "/v1/accounts/:address/resources", handler: accountResources },
    { method: "GET", path: "/v1/accounts/:address/resource/*type", handler: accountResource },
    { method: "GET", path: "/v1/accounts/:address/modules", handler: accountModules },
    { method: "GET", path: "/v1/accounts/:address/module/:name", handler: accountModule },
    { method: "GET", path: "/v1/accounts/:address/balance/*asset", handler: accountBalance },
    { method: "GET", path: "/v1/accounts/:address/transactions", handler: accountTransactions },
    { method: "GET", path: "/v1/accounts/:address/events", handler: accountEvents },
  ];
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
