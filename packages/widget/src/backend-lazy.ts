/**
 * A `KofiBackend` that loads `backend-core.ts` (and with it `@kofi/core` and the ts-sdk) on first use, so
 * the element's eager code stays small. `index.ts` registers it as the default backend factory: a host that
 * only sets `network` / `node-url` / `kofi-address` gets the real SDK without importing it up front.
 */
import type { BackendFactory, KofiBackend } from "./backend.ts";
import type { CoreBackendOptions } from "./backend-core.ts";
import { readProtocolLean } from "./lean-read.ts";

/** `adapters` may be `@kofi/adapters` venues, or a function building them from `{ reader, tokens }`. */
function exitsOf(adapters: BackendFactoryAdapters): NonNullable<CoreBackendOptions["exits"]> {
  return typeof adapters === "function"
    ? (adapters as NonNullable<CoreBackendOptions["exits"]>)
    : () => adapters as ReturnType<NonNullable<CoreBackendOptions["exits"]>>;
}

type BackendFactoryAdapters = NonNullable<Parameters<BackendFactory>[0]["adapters"]>;

export const lazyCoreBackend: BackendFactory = (options) => {
  let loading: Promise<KofiBackend> | null = null;
  let ready: KofiBackend | null = null;
  const load = (): Promise<KofiBackend> => {
    loading ??= import("./backend-core.ts").then((m) => {
      ready = m.createCoreBackend({
        network: options.network as CoreBackendOptions["network"],
        ...(options.nodeUrl ? { nodeUrl: options.nodeUrl } : {}),
        ...(options.kofiAddress ? { kofiAddress: options.kofiAddress } : {}),
        ...(options.adapters
          ? { exits: exitsOf(options.adapters) }
          : options.exitNames?.length
            ? { exits: m.exitsByName(options.exitNames) }
            : {}),
      });
      return ready;
    });
    return loading;
  };
  // Issue 14, the lean transaction path: with node-url and kofi-address set and no venues, quotes, simulation
  // and signing with an AIP-62 wallet go over plain fetch (`lean/backend.ts`, its own small chunk); the SDK
  // backend above is loaded only for what that path does not serve (WalletCore, Account, AIP-62 1.0.0).
  const { nodeUrl, kofiAddress } = options;
  if (nodeUrl && kofiAddress && !options.adapters && !options.exitNames?.length) {
    let lean: Promise<KofiBackend> | null = null;
    let leanReady: KofiBackend | null = null;
    const loadLean = (): Promise<KofiBackend> => {
      lean ??= import("./lean/backend.ts").then((m) => {
        leanReady = m.createLeanBackend({ network: options.network, nodeUrl, kofiAddress, full: load });
        return leanReady;
      });
      return lean;
    };
    // `sponsorship`: a sponsored transaction is handed to the SDK backend (`LeanBackend.sponsored`).
    const leanBackend: KofiBackend & { readonly sponsorship?: boolean } = {
      sponsorship: true,
      network: options.network === "localnet" ? "local" : options.network,
      chainId: ({ mainnet: 1, testnet: 2, local: 4, localnet: 4 } as Record<string, number>)[options.network],
      nodeUrl,
      get protocolAddress() {
        return leanReady?.protocolAddress ?? kofiAddress;
      },
      get allowedFunctions() {
        return leanReady?.allowedFunctions ?? [];
      },
      getProtocol: (signal) => readProtocolLean(nodeUrl, kofiAddress, signal),
      getPosition: async (address, signal) => (await loadLean()).getPosition(address, signal),
      getAccount: async (wallet) => (await loadLean()).getAccount(wallet),
      connect: async (wallet) => {
        const b = await loadLean();
        return b.connect ? b.connect(wallet) : null;
      },
      quote: async (request, opts) => (await loadLean()).quote(request, opts),
      quoteInstant: async (request, opts) => (await loadLean()).quoteInstant(request, opts),
      simulate: async (quote, opts) => (await loadLean()).simulate(quote, opts),
      submit: async (request) => (await loadLean()).submit(request),
      waitForTransaction: async (hash, signal) => {
        const b = await loadLean();
        return b.waitForTransaction ? b.waitForTransaction(hash, signal) : { success: true };
      },
    };
    return leanBackend;
  }
  return {
    network: options.network,
    // The SDK backend's execute pays with the host's sponsor.
    sponsorship: true,
    get chainId() {
      return ready?.chainId;
    },
    get nodeUrl() {
      return options.nodeUrl ?? ready?.nodeUrl;
    },
    get protocolAddress() {
      return ready?.protocolAddress ?? "";
    },
    get allowedFunctions() {
      return ready?.allowedFunctions ?? [];
    },
    // Configured node and package: one plain fetch, no SDK download (the lean path). Else the SDK resolves presets.
    getProtocol: async (signal) =>
      options.nodeUrl && options.kofiAddress
        ? readProtocolLean(options.nodeUrl, options.kofiAddress, signal)
        : (await load()).getProtocol(signal),
    getPosition: async (address, signal) => (await load()).getPosition(address, signal),
    getAccount: async (wallet) => (await load()).getAccount(wallet),
    connect: async (wallet) => {
      const b = await load();
      return b.connect ? b.connect(wallet) : null;
    },
    quote: async (request, opts) => (await load()).quote(request, opts),
    quoteInstant: async (request, opts) => (await load()).quoteInstant(request, opts),
    quoteEntry: async (request, opts) => {
      const b = await load();
      return b.quoteEntry ? b.quoteEntry(request, opts) : [];
    },
    simulate: async (quote, opts) => (await load()).simulate(quote, opts),
    submit: async (request) => (await load()).submit(request),
    waitForTransaction: async (hash, signal) => {
      const b = await load();
      return b.waitForTransaction ? b.waitForTransaction(hash, signal) : { success: true };
    },
  };
};
