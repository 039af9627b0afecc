import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  Account,
  Ed25519PrivateKey,
  type InputEntryFunctionData,
  PrivateKey,
  PrivateKeyVariants,
} from "@aptos-labs/ts-sdk";
import { startLocalnet } from "@kofi/localnet";
import { createKofiClient, type KofiClient } from "../src/index.ts";

export const APT = 100_000_000n;
export const DAY = 86_400;

export type Localnet = Awaited<ReturnType<typeof startLocalnet>>;

/** Starts a real localnet on a free port (HTTP), with the Kofi package published. */
export async function startNet(): Promise<Localnet> {
  return await startLocalnet({ port: 0, quiet: true });
}

export function accountFromKey(key: string): Account {
  return Account.fromPrivateKey({
    privateKey: new Ed25519PrivateKey(PrivateKey.formatPrivateKey(key, PrivateKeyVariants.Ed25519)),
  });
}

/** A fresh account funded through the localnet faucet. */
export async function fundedAccount(net: Localnet, apt: bigint): Promise<Account> {
  const account = Account.generate();
  await net.fund(account.accountAddress.toString(), apt);
  return account;
}

export function localClient(net: Localnet, nodeUrl = net.nodeUrl): KofiClient {
  return createKofiClient({
    network: "local",
    nodeUrl,
    faucetUrl: net.faucetUrl,
    addresses: { kofi: net.kofiAddress },
  });
}

/**
 * Wallet shapes built on a real key: "wallets" sign and submit through the ts-sdk with this, as a browser wallet
 * would, so `execute` sees exactly the interface a real wallet exposes.
 */
export function submitWith(client: KofiClient, account: Account) {
  return async (data: InputEntryFunctionData) => {
    const transaction = await client.aptos.transaction.build.simple({ sender: account.accountAddress, data });
    return client.aptos.signAndSubmitTransaction({ signer: account, transaction });
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
}

/**
 * A counting HTTP proxy in front of the localnet: every request the SDK makes goes through it and is recorded.
 * `failResponse(predicate)` forwards a request to the node but drops its response (a lost response after
 * the node got the request: the case idempotent retries must handle). No node behaviour is mocked.
 */
export async function countingProxy(target: string): Promise<{
  url: string;
  requests: RecordedRequest[];
  reset(): void;
  failResponse(predicate: ((r: RecordedRequest) => boolean) | undefined): void;
  close(): Promise<void>;
}> {
  const t = new URL(target);
  const requests: RecordedRequest[] = [];
  let fail: ((r: RecordedRequest) => boolean) | undefined;
  const server: Server = createServer((req, res) => {
    const rec = { method: req.method ?? "GET", path: req.url ?? "/" };
    requests.push(rec);
    const drop = fail?.(rec) ?? false;
    const upstream = httpRequest(
      {
        host: t.hostname,
        port: t.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: t.host },
      },
      (up: IncomingMessage) => {
        if (drop) {
          up.resume();
          up.on("end", () => req.socket.destroy());
          return;
        }
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reset: () => {
      requests.length = 0;
    },
    failResponse: (p) => {
      fail = p;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
