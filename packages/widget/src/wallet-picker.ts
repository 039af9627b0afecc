/**
 * The built-in wallet picker's engine: `@aptos-labs/wallet-adapter-core`'s `WalletCore`, imported only when
 * the user presses Connect and the host gave no `wallet` (`kofi-stake.ts` loads this module with a dynamic
 * `import()`, so it stays out of the eager bundle).
 *
 * - Telemetry is off (the adapter's GA4 tag is never injected).
 * - AptosConnect's SDK wallets are pointed at the configured node: for `local`/custom networks they would
 *   otherwise query mainnet at construction.
 * - Never auto-connects: a wallet is connected only when the user picks it. Like every WalletCore, a
 *   connection remembers the wallet name under the adapter's `AptosWalletName` localStorage key; that is the
 *   fallback's business only (a host-provided `wallet` never reaches this module).
 */
import { Network } from "@aptos-labs/ts-sdk";
import { isAptosConnectWallet, isPetraWebWallet, WalletCore } from "@aptos-labs/wallet-adapter-core";

export interface PickerWallet {
  readonly name: string;
  /** data: URL (wallet-standard requires one). */
  readonly icon: string;
  /**
   * A web sign-in (AptosConnect / Petra Web social logins) rather than an extension installed in this browser:
   * the picker says when no extension was found instead of offering only social logins as if they were one.
   */
  readonly web: boolean;
}

export interface WalletPicker {
  /** The wallets detected in this browser (AIP-62 wallets that registered, plus AptosConnect). */
  wallets(): readonly PickerWallet[];
  /** Called when the list changes (a wallet extension registered late). */
  onChange(fn: () => void): void;
  /** Connects the chosen wallet; resolves the WalletCore, which the widget then signs with. */
  connect(name: string): Promise<WalletCore>;
  disconnect(): Promise<void>;
  dispose(): void;
}

const NETWORKS: Record<string, Network> = {
  mainnet: Network.MAINNET,
  testnet: Network.TESTNET,
  devnet: Network.DEVNET,
  local: Network.LOCAL,
  localnet: Network.LOCAL,
};

export function createWalletPicker(options: { network: string; nodeUrl?: string }): WalletPicker {
  const network = NETWORKS[options.network.toLowerCase()] ?? Network.LOCAL;
  const dappConfig = {
    network,
    ...(options.nodeUrl ? { aptosConnect: { aptosClientConfig: { fullnode: options.nodeUrl } } } : {}),
  };
  // 3rd argument: disableTelemetry.
  const core = new WalletCore(undefined, dappConfig as ConstructorParameters<typeof WalletCore>[1], true);
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const fn of listeners) fn();
  };
  core.on("standardWalletsAdded", changed);
  return {
    wallets: () =>
      core.wallets.map((w) => ({
        name: w.name,
        icon: w.icon,
        web: isAptosConnectWallet(w) || isPetraWebWallet(w),
      })),
    onChange: (fn) => {
      listeners.add(fn);
    },
    async connect(name) {
      await core.connect(name);
      return core;
    },
    async disconnect() {
      await core.disconnect();
    },
    dispose() {
      listeners.clear();
      core.off("standardWalletsAdded", changed);
    },
  };
}
