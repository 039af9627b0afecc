import { KOFI_DEV_ADDRESS } from "../generated/abi.ts";

export type KofiNetwork = "mainnet" | "testnet" | "devnet" | "local" | "custom";

export interface NetworkPreset {
  nodeUrl: string | undefined;
  faucetUrl: string | undefined;
  /** Chain id when it is fixed for the network; `undefined` means "ask the node". */
  chainId: number | undefined;
  /**
   * The Kofi package address. `undefined` on mainnet/testnet/devnet: **Kofi is not deployed there yet**, so
   * `addresses.kofi` is required for those networks (`KofiError("invalid_config")` otherwise).
   */
  kofi: string | undefined;
}

/** Presets. `local` matches `@kofi/localnet`'s defaults (`npm start`). */
export const NETWORK_PRESETS: Readonly<Record<KofiNetwork, NetworkPreset>> = {
  mainnet: {
    nodeUrl: "https://api.mainnet.aptoslabs.com/v1",
    faucetUrl: undefined,
    chainId: 1,
    kofi: undefined,
  },
  testnet: {
    nodeUrl: "https://api.testnet.aptoslabs.com/v1",
    faucetUrl: undefined,
    chainId: 2,
    kofi: undefined,
  },
  devnet: {
    nodeUrl: "https://api.devnet.aptoslabs.com/v1",
    faucetUrl: "https://faucet.devnet.aptoslabs.com",
    chainId: undefined,
    kofi: undefined,
  },
  local: {
    nodeUrl: "http://127.0.0.1:8080/v1",
    faucetUrl: "http://127.0.0.1:8080",
    chainId: 4,
    kofi: KOFI_DEV_ADDRESS,
  },
  custom: { nodeUrl: undefined, faucetUrl: undefined, chainId: undefined, kofi: undefined },
};
