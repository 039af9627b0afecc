/**
 * A DEV ONLY AIP-62 (wallet-standard) Aptos wallet for the localnet demo.
 *
 * It holds the localnet's dev private key (derived from the public seed "kofi": NEVER use it anywhere else),
 * registers itself with `registerWallet` so any wallet-standard dApp on the page can find it, and signs
 * real transactions against the local node. Every connect and signature waits for an approval, given by the
 * page (`onRequest`), so rejections can be tried out; `autoApprove` skips the question.
 */
import {
  Account,
  type AccountAuthenticator,
  type AnyRawTransaction,
  Aptos,
  AptosConfig,
  Ed25519PrivateKey,
  type InputGenerateTransactionPayloadData,
  Network,
  type PendingTransactionResponse,
} from "@aptos-labs/ts-sdk";
import { registerWallet } from "@wallet-standard/core";

export const DEV_WALLET_NAME = "Kofi Dev Wallet (DEV ONLY)";

const ICON =
  "data:image/svg+xml;base64," +
  btoa(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#b3261e"/><text x="16" y="21" font-size="11" text-anchor="middle" fill="#fff" font-family="sans-serif">DEV</text></svg>',
  );

/** What the wallet asks its user about. */
export type DevWalletRequest =
  | { kind: "connect"; origin: string }
  | { kind: "signAndSubmit"; function: string; arguments: string[] }
  | { kind: "signTransaction"; function: string }
  | { kind: "signMessage"; message: string };

export interface DevWalletOptions {
  /** AIP-80 or hex Ed25519 private key of the funded dev account. */
  privateKey: string;
  /** Fullnode URL, e.g. http://127.0.0.1:8080/v1 */
  nodeUrl: string;
  /** Resolves true to approve, false to reject. */
  onRequest: (request: DevWalletRequest) => Promise<boolean>;
  /** Called after each event worth showing (connect, hash, error). */
  onLog?: (line: string) => void;
}

type Listener = (value: unknown) => void;

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));

export function createDevWallet(o: DevWalletOptions) {
  const account = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(o.privateKey) });
  const aptos = new Aptos(new AptosConfig({ network: Network.LOCAL, fullnode: o.nodeUrl }));
  const log = o.onLog ?? (() => {});
  let connected = false;
  const accountListeners = new Set<Listener>();
  const accountInfo = () => ({
    address: account.accountAddress,
    publicKey: account.publicKey,
  });
  const networkInfo = () => ({ name: "local", chainId: 4, url: o.nodeUrl });
  const notConnected = () => Object.assign(new Error("DEV ONLY wallet: not connected"), { code: 4001 });
  const walletAccount = () => ({
    address: account.accountAddress.toString(),
    publicKey: account.publicKey.toUint8Array(),
    chains: ["aptos:localnet"] as const,
    features: ["aptos:signAndSubmitTransaction", "aptos:signTransaction", "aptos:signMessage"] as const,
  });

  const wallet = {
    version: "1.0.0" as const,
    name: DEV_WALLET_NAME,
    icon: ICON as `data:image/svg+xml;base64,${string}`,
    url: "https://github.com/kofi-kit (dev only)",
    chains: ["aptos:localnet"] as const,
    get accounts() {
      return connected ? [walletAccount()] : [];
    },
    /** For the page and tests: the dev account. */
    devAccount: account,
    get connected() {
      return connected;
    },
    features: {
      "aptos:connect": {
        version: "1.0.0",
        async connect(silent = false) {
          if (!connected) {
            const ok = silent ? false : await o.onRequest({ kind: "connect", origin: location.origin });
            if (!ok) {
              log("connect rejected");
              return { status: "Rejected" as const };
            }
            connected = true;
            log(`connected ${account.accountAddress.toString()}`);
            for (const l of accountListeners) l(accountInfo());
          }
          return { status: "Approved" as const, args: accountInfo() };
        },
      },
      "aptos:disconnect": {
        version: "1.0.0",
        async disconnect() {
          connected = false;
          log("disconnected");
          for (const l of accountListeners) l(undefined);
        },
      },
      "aptos:account": {
        version: "1.0.0",
        async account() {
          if (!connected) throw notConnected();
          return accountInfo();
        },
      },
      "aptos:network": {
        version: "1.0.0",
        async network() {
          return networkInfo();
        },
      },
      "aptos:onAccountChange": {
        version: "1.0.0",
        async onAccountChange(cb: Listener) {
          accountListeners.add(cb);
        },
      },
      "aptos:onNetworkChange": {
        version: "1.0.0",
        async onNetworkChange(_cb: Listener) {
          // the network never changes
        },
      },
      "aptos:signMessage": {
        version: "1.0.0",
        async signMessage(input: { message: string; nonce: string }) {
          if (!connected) throw notConnected();
          if (!(await o.onRequest({ kind: "signMessage", message: input.message })))
            return { status: "Rejected" as const };
          const fullMessage = `APTOS\nmessage: ${input.message}\nnonce: ${input.nonce}`;
          const signature = account.sign(new TextEncoder().encode(fullMessage));
          return {
            status: "Approved" as const,
            args: { ...input, fullMessage, prefix: "APTOS", signature },
          };
        },
      },
      "aptos:signTransaction": {
        version: "1.0.0",
        async signTransaction(transaction: AnyRawTransaction) {
          if (!connected) throw notConnected();
          const fn = String(
            (
              transaction.rawTransaction.payload as {
                entryFunction?: { function_name?: { identifier?: string } };
              }
            ).entryFunction?.function_name?.identifier ?? "transaction",
          );
          if (!(await o.onRequest({ kind: "signTransaction", function: fn })))
            return { status: "Rejected" as const };
          const authenticator: AccountAuthenticator = account.signTransactionWithAuthenticator(transaction);
          return { status: "Approved" as const, args: authenticator };
        },
      },
      "aptos:signAndSubmitTransaction": {
        version: "1.1.0",
        async signAndSubmitTransaction(input: {
          payload: InputGenerateTransactionPayloadData;
          gasUnitPrice?: number;
          maxGasAmount?: number;
        }) {
          if (!connected) throw notConnected();
          const payload = input.payload as { function?: string; functionArguments?: unknown[] };
          const request: DevWalletRequest = {
            kind: "signAndSubmit",
            function: String(payload.function ?? "script"),
            arguments: (payload.functionArguments ?? []).map((a) => (typeof a === "string" ? a : json(a))),
          };
          if (!(await o.onRequest(request))) {
            log(`rejected ${request.function}`);
            return { status: "Rejected" as const };
          }
          try {
            const transaction = await aptos.transaction.build.simple({
              sender: account.accountAddress,
              data: input.payload,
              options: {
                ...(input.gasUnitPrice ? { gasUnitPrice: input.gasUnitPrice } : {}),
                ...(input.maxGasAmount ? { maxGasAmount: input.maxGasAmount } : {}),
              },
            });
            const pending: PendingTransactionResponse = await aptos.signAndSubmitTransaction({
              signer: account,
              transaction,
            });
            log(`submitted ${request.function.split("::").slice(1).join("::")} ${pending.hash}`);
            return { status: "Approved" as const, args: pending };
          } catch (e) {
            log(`error: ${e instanceof Error ? e.message : String(e)}`);
            throw e;
          }
        },
      },
    },
  };
  return wallet;
}

export type DevWallet = ReturnType<typeof createDevWallet>;

/** Announces the wallet to wallet-standard dApps on the page (AIP-62 discovery). */
export function registerDevWallet(wallet: DevWallet): void {
  // The wallet-standard types want readonly string-literal unions; the shape is checked by the e2e tests.
  registerWallet(wallet as unknown as Parameters<typeof registerWallet>[0]);
}
