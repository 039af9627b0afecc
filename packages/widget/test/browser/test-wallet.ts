/**
 * A test AIP-62 (wallet-standard) Aptos wallet for the browser tests: it holds a real ts-sdk `Account` and
 * signs and submits real transactions to the localnet. Registered with `registerWallet`, so wallet-adapter-core
 * (the built-in picker) detects it as it detects Petra. Behaviours for the failure tests: reject, throw a
 * string, or sit on another network.
 */
import {
  type Account,
  Aptos,
  AptosConfig,
  type InputEntryFunctionData,
  Network,
  type SimpleTransaction,
} from "@aptos-labs/ts-sdk";
import { AccountInfo } from "@aptos-labs/wallet-standard";
import { registerWallet } from "@wallet-standard/core";

export type WalletBehaviour = "approve" | "reject" | "throw-string";

export interface TestWalletOptions {
  account: Account;
  nodeUrl: string;
  name?: string;
  /** What the wallet says it is on (default local, chain 4). */
  network?: { name: string; chainId: number; url?: string };
  connected?: boolean;
  behaviour?: WalletBehaviour;
}

/** A 1×1 PNG: wallet-standard requires a data: URL icon. */
const ICON =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=" as const;

export interface TestWallet {
  readonly version: "1.0.0";
  readonly name: string;
  readonly icon: typeof ICON;
  readonly chains: readonly `${string}:${string}`[];
  readonly accounts: readonly unknown[];
  readonly features: Record<string, unknown>;
  /** Test controls. */
  behaviour: WalletBehaviour;
  connected: boolean;
  readonly submitted: string[];
  readonly connectCalls: number;
  /**
   * While set, signAndSubmitTransaction waits on it before signing: the wallet prompt is "open". The payload
   * the wallet received is in `signing` meanwhile.
   */
  gate: Promise<void> | null;
  signing: InputEntryFunctionData | null;
}

export function createTestWallet(options: TestWalletOptions): TestWallet {
  const { account } = options;
  const aptos = new Aptos(
    new AptosConfig({
      network: Network.CUSTOM,
      fullnode: options.nodeUrl,
      clientConfig: { WITH_CREDENTIALS: false },
    }),
  );
  const network = options.network ?? { name: "local", chainId: 4, url: options.nodeUrl };
  const info = () => new AccountInfo({ address: account.accountAddress, publicKey: account.publicKey });
  let connectCalls = 0;
  const fail = async (): Promise<{ status: "Rejected" } | null> => {
    if (wallet.behaviour === "reject") return { status: "Rejected" };
    if (wallet.behaviour === "throw-string") throw "Ledger device locked (wallet threw a string)";
    return null;
  };
  const wallet: TestWallet = {
    version: "1.0.0",
    name: options.name ?? "Kofi Test Wallet",
    icon: ICON,
    chains: ["aptos:localnet", "aptos:mainnet"],
    get accounts() {
      return [];
    },
    behaviour: options.behaviour ?? "approve",
    connected: options.connected ?? true,
    submitted: [],
    gate: null,
    signing: null,
    get connectCalls() {
      return connectCalls;
    },
    features: {
      "aptos:connect": {
        version: "1.0.0",
        connect: async () => {
          connectCalls++;
          const no = await fail();
          if (no) return no;
          wallet.connected = true;
          return { status: "Approved", args: info() };
        },
      },
      "aptos:disconnect": {
        version: "1.0.0",
        disconnect: async () => {
          wallet.connected = false;
        },
      },
      "aptos:account": {
        version: "1.0.0",
        account: async () => (wallet.connected ? info() : null),
      },
      "aptos:network": { version: "1.0.0", network: async () => network },
      "aptos:onAccountChange": { version: "1.0.0", onAccountChange: async () => {} },
      "aptos:onNetworkChange": { version: "1.0.0", onNetworkChange: async () => {} },
      "aptos:signMessage": {
        version: "1.0.0",
        signMessage: async () => {
          throw new Error("not used in these tests");
        },
      },
      "aptos:signTransaction": {
        version: "1.0.0",
        signTransaction: async (tx: SimpleTransaction) => {
          const no = await fail();
          if (no) return no;
          return { status: "Approved", args: aptos.transaction.sign({ signer: account, transaction: tx }) };
        },
      },
      "aptos:signAndSubmitTransaction": {
        version: "1.1.0",
        signAndSubmitTransaction: async (input: {
          payload: InputEntryFunctionData;
          gasUnitPrice?: number;
          maxGasAmount?: number;
        }) => {
          wallet.signing = input.payload;
          if (wallet.gate) await wallet.gate;
          wallet.signing = null;
          const no = await fail();
          if (no) return no;
          const transaction = await aptos.transaction.build.simple({
            sender: account.accountAddress,
            data: input.payload,
            options: {
              ...(input.maxGasAmount ? { maxGasAmount: input.maxGasAmount } : {}),
              ...(input.gasUnitPrice ? { gasUnitPrice: input.gasUnitPrice } : {}),
            },
          });
          const pending = await aptos.signAndSubmitTransaction({ signer: account, transaction });
          wallet.submitted.push(pending.hash);
          return { status: "Approved", args: { hash: pending.hash } };
        },
      },
    },
  };
  return wallet;
}

/** Registers the wallet with the page's wallet-standard registry (for the page's lifetime). */
export function registerTestWallet(wallet: TestWallet): void {
  registerWallet(wallet as unknown as Parameters<typeof registerWallet>[0]);
}
