/**
 * Third-party venues the localnet hosts at their mainnet addresses, so `@kofi/adapters` runs offline exactly
 * as on mainnet: Hyperion (CLMM pools APT-kAPT and APT-stkAPT), Echelon (kAPT and stkAPT markets) and
 * ThalaSwap v2 (one 50/50 weighted APT-kAPT pool).
 *
 * For the node owner: `venuePackages` has the shape `{ address, modules, bindings, genesis(rt, ctx) }` per
 * venue. `installVenues(chain)` registers modules and bindings in the chain's registry exactly as `installKofi`
 * does (call it also after restoring a persisted chain); `seedVenues(chain, kofiAddress)` runs once after Kofi's
 * genesis: it funds an LP account, deposits and stakes through the interpreted Kofi package (no minting), then runs each venue
 * genesis as the LP. Both work on a running `startLocalnet()` through its `chain`.
 */
import type { Chain } from "../chain.ts";
import { bytesToHex, sha3, utf8 } from "../runtime/address.ts";
import type { Address } from "../runtime/port.ts";
import { echelonPackage } from "./echelon/model.ts";
import { hyperionPackage } from "./hyperion/model.ts";
import { thalaswapPackage } from "./thalaswap/model.ts";
import type { VenueGenesisContext, VenuePackage } from "./types.ts";

export { ECHELON, ECHELON_SEED, FP64 } from "./echelon/model.ts";
export * as clmm from "./hyperion/clmm.ts";
export { FEE_TIERS, HYPERION, HYPERION_SEED, poolAddress, sortPair } from "./hyperion/model.ts";
export { THALA_SEED, THALASWAP_V2 } from "./thalaswap/model.ts";
export type { VenueGenesisContext, VenuePackage } from "./types.ts";

export const venuePackages: readonly VenuePackage[] = [hyperionPackage, echelonPackage, thalaswapPackage];

/** What the LP needs in total (APT deposited, kAPT staked), with margin for deposit fees. */
export const VENUE_SEED = {
  aptFunded: 650_000n * 100_000_000n,
  aptDeposited: 260_000n * 100_000_000n,
  kaptStaked: 110_000n * 100_000_000n,
} as const;

/** The deterministic LP account of the venues (no key: it only ever acts inside genesis). */
export const VENUE_LP: Address = bytesToHex(sha3(utf8("kofi-localnet"), utf8("venue-lp"))) as Address;

/** Register every venue's modules and bindings in the chain's registry. Idempotent. */
export function installVenues(chain: Chain, pkgs: readonly VenuePackage[] = venuePackages): void {
  for (const pkg of pkgs) {
    for (const m of Object.values(pkg.modules)) chain.registry.addModule(pkg.address, m);
    for (const b of pkg.bindings) {
      const abi = pkg.modules[b.module]?.exposed_functions.find((f) => f.name === b.name);
      if (!abi) throw new Error(`venue ${pkg.name}: binding ${b.module}::${b.name} has no ABI entry`);
      chain.registry.addBinding(pkg.address, b, abi);
    }
    for (const m of Object.values(pkg.modules)) {
      for (const f of m.exposed_functions) {
        if (!pkg.bindings.some((b) => b.module === m.name && b.name === f.name)) {
          throw new Error(`venue ${pkg.name}: ABI function ${m.name}::${f.name} has no binding`);
        }
      }
    }
  }
}

function kofiView<T extends unknown[]>(chain: Chain, kofi: Address, name: string): T {
  const b = chain.registry.fn(kofi, "gateway", name);
  if (!b) throw new Error(`venues: Kofi binding gateway::${name} is missing (install Kofi first)`);
  return chain.view((rt) => b.run(rt, [], undefined, [])) as T;
}

/**
 * Seed the venues after Kofi's genesis (vault seeded). Returns the genesis context used (token addresses,
 * LP, rate). Throws if any step fails.
 */
export function seedVenues(
  chain: Chain,
  kofiAddress: Address,
  pkgs: readonly VenuePackage[] = venuePackages,
): VenueGenesisContext {
  const lp = VENUE_LP;
  chain.mint(lp, VENUE_SEED.aptFunded);
  chain.runAs(lp, "gateway", "deposit", [VENUE_SEED.aptDeposited, 0n], kofiAddress);
  chain.runAs(lp, "gateway", "stake", [VENUE_SEED.kaptStaked, 0n], kofiAddress);
  const [kaptMetadata] = kofiView<[Address]>(chain, kofiAddress, "kapt_metadata");
  const [stkaptMetadata] = kofiView<[Address]>(chain, kofiAddress, "stkapt_metadata");
  const [numerator, denominator] = kofiView<[bigint, bigint]>(chain, kofiAddress, "exchange_rate");
  const ctx: VenueGenesisContext = {
    kofiAddress,
    kaptMetadata,
    stkaptMetadata,
    lp: { address: lp },
    stkaptRate: { numerator, denominator },
  };
  for (const pkg of pkgs) {
    const r = chain.execute(lp, (rt, s) => pkg.genesis(rt, { ...ctx, lp: s }), {
      chargeGas: false,
      payload: {
        type: "entry_function_payload",
        function: "0x1::code::publish_package_txn",
        type_arguments: [],
        arguments: [],
      },
    });
    if (!r.success) throw new Error(`venues: genesis of ${pkg.name} failed: ${r.vmStatus}`);
  }
  return ctx;
}
