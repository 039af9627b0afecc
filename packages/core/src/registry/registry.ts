import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import type { KofiClient } from "../client/createKofiClient.ts";
import { KofiError } from "../errors/KofiError.ts";
import type { ExchangeRate } from "../vault/math.ts";

/** Token symbols the adapters deal in; other assets use their Move type or metadata address. */
export type AssetId = "APT" | "kAPT" | "stkAPT" | (string & {});

interface AdapterBase {
  /** Unique, stable id, e.g. "liquidswap" or "aries". */
  id: string;
  /** Human name. */
  name: string;
  /** Networks the adapter works on. */
  networks?: readonly string[];
}

/**
 * The registry's swap entry (`kind: "swap"`, quoting with a client). For swap venues, the kit's one interface is
 * `SwapAdapter` (`registry/venue.ts`), which `@kofi/adapters` implements and routes through.
 */
export interface RegistrySwapAdapter extends AdapterBase {
  kind: "swap";
  quote(
    client: KofiClient,
    args: { from: AssetId; to: AssetId; amountIn: bigint },
  ): Promise<{ amountOut: bigint }>;
  buildSwap(
    client: KofiClient,
    args: { from: AssetId; to: AssetId; amountIn: bigint; minAmountOut: bigint },
  ): Promise<InputEntryFunctionData> | InputEntryFunctionData;
}

/** A lending market that accepts Kofi tokens. Refined by `@kofi/adapters`. */
export interface LendingAdapter extends AdapterBase {
  kind: "lending";
  supplyApr?(client: KofiClient, asset: AssetId): Promise<bigint>;
  buildSupply(
    client: KofiClient,
    args: { asset: AssetId; amount: bigint },
  ): Promise<InputEntryFunctionData> | InputEntryFunctionData;
}

/** A source of an exchange rate (e.g. an oracle or the protocol itself). */
export interface RateProvider extends AdapterBase {
  kind: "rate";
  getRate(client: KofiClient, args: { base: AssetId; quote: AssetId }): Promise<ExchangeRate>;
}

export type KofiAdapter = RegistrySwapAdapter | LendingAdapter | RateProvider;

/** A registry of adapters. Create one per app (no global state at import). */
export interface AdapterRegistry {
  register(adapter: KofiAdapter, options?: { replace?: boolean }): void;
  unregister(id: string): boolean;
  get(id: string): KofiAdapter | undefined;
  list(filter?: { kind?: KofiAdapter["kind"]; network?: string }): KofiAdapter[];
}

export function createAdapterRegistry(initial: readonly KofiAdapter[] = []): AdapterRegistry {
  const adapters = new Map<string, KofiAdapter>();
  const registry: AdapterRegistry = {
    register(adapter, options = {}) {
      if (!adapter || typeof adapter.id !== "string" || adapter.id === "") {
        throw new KofiError("invalid_config", "An adapter needs a non-empty string id.", {
          hint: 'Give the adapter a stable id, e.g. { id: "hyperion", kind: "swap", … }.',
        });
      }
      if (!["swap", "lending", "rate"].includes(adapter.kind)) {
        throw new KofiError(
          "invalid_config",
          `Adapter "${adapter.id}" has an unknown kind ${JSON.stringify(adapter.kind)}.`,
          { hint: 'The kind is "swap", "lending" or "rate".' },
        );
      }
      if (adapters.has(adapter.id) && !options.replace) {
        throw new KofiError("invalid_config", `An adapter with id "${adapter.id}" is already registered.`, {
          hint: "Pass { replace: true } to replace it.",
        });
      }
      adapters.set(adapter.id, adapter);
    },
    unregister: (id) => adapters.delete(id),
    get: (id) => adapters.get(id),
    list(filter = {}) {
      return [...adapters.values()].filter(
        (x) =>
          (filter.kind === undefined || x.kind === filter.kind) &&
          (filter.network === undefined || x.networks === undefined || x.networks.includes(filter.network)),
      );
    },
  };
  for (const adapter of initial) registry.register(adapter);
  return registry;
}
