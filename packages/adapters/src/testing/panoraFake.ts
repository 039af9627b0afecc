import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { formatUnits, parseDecimal } from "../core/bps.ts";
import { APT_METADATA, normalize } from "../core/tokens.ts";
import { VENUES } from "../venues/mainnet.ts";
import type { PanoraQuoteJson, PanoraSwapResponse, PanoraTokenJson } from "../venues/panora.ts";

/** The 32 type arguments of a router_entry call (placeholders; unused slots are not documented). */
const PLACEHOLDER_TYPES = Array.from({ length: 32 }, () => "0x1::string::String");

function routerEntryTxData(
  amountIn: bigint,
  minOut: bigint,
  from: string,
  to: string,
  wallet: string,
): PanoraQuoteJson["txData"] {
  return {
    function: `${VENUES.panora.package}::panora_swap::router_entry`,
    type_arguments: PLACEHOLDER_TYPES,
    // typed per the published signature; positions of amounts/addresses are placeholders
    arguments: [
      null,
      wallet,
      "0",
      1,
      "0x",
      [],
      [],
      [],
      [],
      [],
      [[from]],
      [[to]],
      null,
      [],
      null,
      from,
      [amountIn.toString()],
      minOut.toString(),
      "0",
      wallet,
    ],
  };
}

/**
 * A local stand-in for the Panora HTTP API (an outside service, so a fake is acceptable): `POST /swap` with
 * the documented query parameters and `x-api-key` header, answering the response shape recorded from Panora's
 * documentation (docs.panora.exchange `developer/swap-api-and-sdk/swap-api/examples`): hop tokens as objects
 * `{ tokenType, name, symbol, decimals }`, amounts as decimal strings, and `txData` calling
 * `0x1c32…3b4c::panora_swap::router_entry` with 32 type arguments and 20 arguments, typed per the published
 * signature (`PanoraExchange/Panora-Contract-Integration-Example` @f955089). What each router_entry argument
 * means is not documented: the values are placeholders of the right type, so that payload is built and
 * encoded but cannot run here (the localnet does not host Panora's contract). Amounts come from the Hyperion
 * pools of a node (the localnet), read over HTTP. `txData: "hyperion-swap-batch"` answers with a Hyperion
 * `router_v3::swap_batch` instead, which the localnet executes (a test knob, not Panora's shape).
 */
export interface PanoraFakeOptions {
  /** Fullnode URL including /v1 (the localnet). */
  nodeUrl: string;
  hyperion: string;
  apiKey: string;
  /** Fee tier of the pools to route through (default 0). */
  feeTier?: number;
  /** Decimals of every token (default 8). */
  decimals?: number;
  /** Which transaction `txData` carries (default: Panora's documented `router_entry`). */
  txData?: "router-entry" | "hyperion-swap-batch";
  /** Test knob: hop tokens as plain address strings instead of the documented objects. */
  tokenStrings?: boolean;
  /** Test knobs: delay every answer, or fail with an HTTP status. */
  delayMs?: number;
  failStatus?: number;
}

export interface PanoraFake {
  url: string;
  requests: { query: Record<string, string>; apiKey: string | undefined }[];
  options: PanoraFakeOptions;
  close(): Promise<void>;
}

export async function startPanoraFake(options: PanoraFakeOptions): Promise<PanoraFake> {
  const requests: PanoraFake["requests"] = [];
  const dec = options.decimals ?? 8;
  const view = async (fn: string, args: unknown[]): Promise<unknown[]> => {
    const r = await fetch(`${options.nodeUrl}/view`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ function: fn, type_arguments: [], arguments: args }),
    });
    if (!r.ok) throw new Error(`node view ${fn}: HTTP ${r.status} ${await r.text()}`);
    return (await r.json()) as unknown[];
  };

  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      const s = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(s);
    };
    try {
      const url = new URL(req.url ?? "/", "http://x");
      const query = Object.fromEntries(url.searchParams);
      const apiKey = req.headers["x-api-key"] as string | undefined;
      requests.push({ query, apiKey });
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (options.failStatus) return send(options.failStatus, { message: "fake failure" });
      if (req.method !== "POST" || url.pathname !== "/swap") return send(404, { message: "not found" });
      if (apiKey !== options.apiKey) return send(401, { message: "Unauthorized" });
      const need = ["fromTokenAddress", "toTokenAddress", "fromTokenAmount", "toWalletAddress"];
      for (const k of need) if (!query[k]) return send(400, { message: `${k} is required` });
      const from = normalize(query.fromTokenAddress);
      const to = normalize(query.toTokenAddress);
      const amountIn = parseDecimal(query.fromTokenAmount as string, dec);
      const slipHundredths = parseDecimal(query.slippagePercentage ?? "0.5", 2); // percent with 2 decimals = bps
      const h = options.hyperion;
      const [exists, pool] = await view(`${h}::pool_v3::liquidity_pool_address_safe`, [
        from,
        to,
        options.feeTier ?? 0,
      ]);
      if (!exists) return send(200, { quotes: [] } satisfies PanoraSwapResponse);
      const [out] = await view(`${h}::router_v3::get_batch_amount_out`, [
        [pool],
        amountIn.toString(),
        from,
        to,
      ]);
      const amountOut = BigInt(out as string);
      const probeIn = amountIn < 1_000_000n ? amountIn : 1_000_000n;
      const [probe] = await view(`${h}::router_v3::get_batch_amount_out`, [
        [pool],
        probeIn.toString(),
        from,
        to,
      ]);
      const spot = (BigInt(probe as string) * amountIn) / probeIn;
      const impactBps = spot > 0n && spot > amountOut ? ((spot - amountOut) * 10_000n) / spot : 0n;
      const minOut = (amountOut * (10_000n - slipHundredths)) / 10_000n;
      const token = (addr: string, symbol: string): string | PanoraTokenJson =>
        options.tokenStrings
          ? addr
          : {
              tokenType: normalize(addr) === APT_METADATA ? "0xa" : addr,
              name: symbol,
              symbol,
              decimals: dec,
            };
      const sym = (a: string) => (normalize(a) === APT_METADATA ? "APT" : `T${normalize(a).slice(2, 8)}`);
      const txData =
        options.txData === "hyperion-swap-batch"
          ? {
              function: `${h}::router_v3::swap_batch`,
              type_arguments: [],
              arguments: [[pool], from, to, amountIn.toString(), minOut.toString(), query.toWalletAddress],
            }
          : routerEntryTxData(amountIn, minOut, from, to, query.toWalletAddress as string);
      const body: PanoraSwapResponse = {
        fromToken: { address: query.fromTokenAddress as string, current_price: "0" },
        toToken: { address: query.toTokenAddress as string, current_price: "0" },
        fromTokenAmount: query.fromTokenAmount,
        fromTokenAmountUSD: "0",
        quotes: [
          {
            toTokenAmount: formatUnits(amountOut, dec),
            minToTokenAmount: formatUnits(minOut, dec),
            priceImpact: formatUnits(impactBps, 2),
            slippagePercentage: formatUnits(slipHundredths, 2),
            feeAmount: "0",
            route: [
              {
                percentage: 100,
                routeTaken: [
                  [
                    {
                      fromToken: token(query.fromTokenAddress as string, sym(from)),
                      toToken: token(query.toTokenAddress as string, sym(to)),
                      percentage: 100,
                      dexName: "Hyperion",
                      aggregatorName: "",
                    },
                  ],
                ],
              },
            ],
            txData,
          },
        ],
      };
      return send(200, body);
    } catch (e) {
      return send(500, { message: (e as Error).message });
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    options,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
