import type { ModuleAbi } from "../runtime/functions.ts";
import type { Address, FunctionBinding, Runtime, Signer } from "../runtime/port.ts";

/**
 * What a venue's genesis needs: the Kofi token metadata addresses and a liquidity provider account that
 * already holds the APT, kAPT and stkAPT to seed with (see `VENUE_SEED` in ./index.ts for the amounts; the
 * installer obtains the kAPT/stkAPT by depositing and staking through the interpreted Kofi package, never by minting).
 */
export interface VenueGenesisContext {
  kofiAddress: Address;
  kaptMetadata: Address;
  stkaptMetadata: Address;
  /** Holds the seed liquidity; its tokens move into the venues. */
  lp: Signer;
  /** Kofi's `gateway::exchange_rate()` at genesis (kAPT per stkAPT), to price the stkAPT pool. */
  stkaptRate: { numerator: bigint; denominator: bigint };
}

/**
 * A third-party venue hosted by the localnet at its own mainnet address: the fullnode ABI of each module
 * (hand-written from the venue's published interface, subset = the functions implemented here), the
 * TypeScript bindings executed by the node, and a genesis that creates and seeds its pools/markets.
 */
export interface VenuePackage {
  /** Human name, e.g. "hyperion". */
  name: string;
  address: Address;
  modules: Record<string, ModuleAbi>;
  bindings: readonly FunctionBinding[];
  genesis(rt: Runtime, ctx: VenueGenesisContext): void;
  /** Where every signature came from (repository + commit), for reviewers. */
  sources: readonly string[];
}
