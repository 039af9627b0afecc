import {
  AccountAddress,
  Aptos,
  AptosConfig,
  type AptosSettings,
  type EntryFunctionABI,
  Network,
  type ViewFunctionABI,
} from "@aptos-labs/ts-sdk";
import { KofiError } from "../errors/KofiError.ts";
import { findFunction, toEntryFunctionAbi, toViewFunctionAbi } from "./abi.ts";
import { type KofiNetwork, NETWORK_PRESETS } from "./networks.ts";

export interface CreateKofiClientOptions {
  network: KofiNetwork;
  /** Fullnode REST URL including `/v1`. Required for `custom`; overrides the preset otherwise. */
  nodeUrl?: string;
  /** Faucet URL (local/devnet/custom); used only by `fund` helpers and tests. */
  faucetUrl?: string;
  /** Contract addresses. `kofi` is required on mainnet/testnet/devnet/custom (no deployment exists yet). */
  addresses?: { kofi?: string };
  /**
   * Bring your own ts-sdk client (an `Aptos` instance), or extra `AptosSettings` merged into the one the
   * Kofi client builds (e.g. `client` for a custom HTTP transport, `clientConfig` for an API key).
   */
  aptos?: Aptos | Partial<AptosSettings>;
}

export interface KofiClient {
  readonly network: KofiNetwork;
  /** Fixed chain id for the network, `undefined` when only the node knows (devnet, custom). */
  readonly chainId: number | undefined;
  readonly nodeUrl: string;
  readonly faucetUrl: string | undefined;
  /** Kofi package address, long form (0x + 64 hex). */
  readonly kofiAddress: `0x${string}`;
  /** The underlying ts-sdk client. */
  readonly aptos: Aptos;
  /** `<kofi>::<module>::<function>`. */
  functionId(module: string, name: string): `${string}::${string}::${string}`;
  /** The ts-sdk ABI of an entry function, from the generated ABI (never fetched). Memoized. */
  entryAbi(module: string, name: string): EntryFunctionABI;
  /** The ts-sdk ABI of a view function, from the generated ABI (never fetched). Memoized. */
  viewAbi(module: string, name: string): ViewFunctionABI;
}

const TS_SDK_NETWORK: Record<KofiNetwork, Network> = {
  mainnet: Network.MAINNET,
  testnet: Network.TESTNET,
  devnet: Network.DEVNET,
  // Network.LOCAL makes the ts-sdk use chain id 4 without asking the node (toolchain.md 3.2).
  local: Network.LOCAL,
  custom: Network.CUSTOM,
};

function isAptos(value: unknown): value is Aptos {
  return (
    typeof value === "object" &&
    value !== null &&
    "config" in value &&
    "view" in value &&
    "transaction" in value
  );
}

/** Parses an address strictly (long form, or 0x0..0xf), throwing `invalid_address`. */
export function normalizeAddress(input: string, what = "address"): `0x${string}` {
  try {
    return AccountAddress.fromString(input).toStringLong() as `0x${string}`;
  } catch (cause) {
    // One line of our own; the ts-sdk's explanation stays in `cause`.
    throw new KofiError(
      "invalid_address",
      `Invalid ${what} ${JSON.stringify(input)}: expected 0x and 64 hex digits (or 0x0..0xf).`,
      { cause },
    );
  }
}

/**
 * Creates a Kofi client. Does no I/O: safe at module top level and during SSR.
 *
 * ```ts
 * const client = createKofiClient({ network: "local" });
 * const client = createKofiClient({ network: "custom", nodeUrl: "https://…/v1", addresses: { kofi: "0x…" } });
 * ```
 */
export function createKofiClient(options: CreateKofiClientOptions): KofiClient {
  const preset = NETWORK_PRESETS[options.network];
  if (!preset) {
    throw new KofiError(
      "invalid_config",
      `Unknown network ${JSON.stringify(options.network)} (expected mainnet, testnet, devnet, local or custom).`,
    );
  }
  const given = isAptos(options.aptos) ? options.aptos : undefined;
  const nodeUrl = (options.nodeUrl ?? given?.config.fullnode ?? preset.nodeUrl)?.replace(/\/+$/, "");
  if (!nodeUrl) {
    throw new KofiError("invalid_config", `Network "${options.network}" needs a nodeUrl.`, {
      hint: 'Pass nodeUrl, e.g. createKofiClient({ network: "custom", nodeUrl: "https://host/v1", addresses: { kofi } }).',
    });
  }
  const kofiInput = options.addresses?.kofi ?? preset.kofi;
  if (!kofiInput) {
    throw new KofiError(
      "invalid_config",
      `Kofi is not deployed on ${options.network} yet, so its package address must be given: addresses.kofi.`,
      { hint: "Pass addresses: { kofi: '0x…' } with the address of your deployment." },
    );
  }
  const kofiAddress = normalizeAddress(kofiInput, "Kofi package address");
  const faucetUrl = options.faucetUrl ?? preset.faucetUrl;

  const aptos =
    given ??
    new Aptos(
      new AptosConfig({
        network: TS_SDK_NETWORK[options.network],
        fullnode: nodeUrl,
        ...(faucetUrl ? { faucet: faucetUrl } : {}),
        // Public nodes need no cookies; without credentials, `Access-Control-Allow-Origin: *` works (toolchain.md 3.6).
        clientConfig: { WITH_CREDENTIALS: false },
        ...(options.aptos as Partial<AptosSettings> | undefined),
      }),
    );

  const entryCache = new Map<string, EntryFunctionABI>();
  const viewCache = new Map<string, ViewFunctionABI>();
  return {
    network: options.network,
    chainId: preset.chainId,
    nodeUrl,
    faucetUrl,
    kofiAddress,
    aptos,
    functionId: (module, name) => `${kofiAddress}::${module}::${name}`,
    entryAbi(module, name) {
      const key = `${module}::${name}`;
      let abi = entryCache.get(key);
      if (!abi) {
        abi = toEntryFunctionAbi(findFunction(module, name), kofiAddress);
        entryCache.set(key, abi);
      }
      return abi;
    },
    viewAbi(module, name) {
      const key = `${module}::${name}`;
      let abi = viewCache.get(key);
      if (!abi) {
        abi = toViewFunctionAbi(findFunction(module, name), kofiAddress);
        viewCache.set(key, abi);
      }
      return abi;
    },
  };
}
