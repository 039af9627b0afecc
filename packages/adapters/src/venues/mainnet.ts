import type { LivenessStatus } from "../core/meta.ts";
import type { Address } from "../core/tokens.ts";

/**
 * Mainnet addresses and liveness of every venue this package knows, with the evidence. Re-check on a live
 * node (`GET /v1/accounts/{addr}/module/{name}`) before production use.
 */
export const VENUES = {
  hyperion: {
    package: "0x8b4a2c4bb53857c718a04c020b98f8c2e1f99a68b0f57389a8bf5434cd22e05c" as Address,
    liveness: "live" as LivenessStatus,
    livenessSource:
      "Hyperion docs/SDK config (Hyperionxyz/hyperion-sdk); not in the explorer's defunct list (2026-08-21)",
    /** Known Kofi pools on mainnet (fee tier 0), from a public Moar Market configuration file; confirm with `pool_v3::liquidity_pool_address_safe`. */
    kofiPools: {
      aptKapt: "0xbab8526a9eb7403a444fcc1f73bf02d8f94dafd3c88a02b5736a1a77fafe4169" as Address,
      aptStkapt: "0x9878b6f039b1fce27240fd51f536fceefac939268ecaa8dd6c84b7640177abe4" as Address,
    },
  },
  panora: {
    package: "0x1c3206329806286fd2223647c9f9b130e66baeb6d7224a18c1f642ffe48f3b4c" as Address,
    api: "https://api.panora.exchange",
    liveness: "live" as LivenessStatus,
    livenessSource: "docs.panora.exchange developer/swap/api; kAPT/stkAPT in PanoraExchange/Aptos-Tokens",
  },
  thalaswapV2: {
    package: "0x007730cd28ee1cdc9e999336cbc430f99e7c44397c0aa77516f6f23a78559bb5" as Address,
    liveness: "live" as LivenessStatus,
    livenessSource:
      "ThalaLabs/integrate-thala@29c201a thalaswap_v2_interface/Move.toml; no kAPT/stkAPT pool known",
  },
  echelon: {
    package: "0xc6bc659f1649553c1a3fa05d9727433dc03843baac29473c817d06d39e7621ba" as Address,
    liveness: "live" as LivenessStatus,
    livenessSource: "EchelonMarket/echelon-sdk@0c5a7ce README (mainnet contract address)",
  },
  /** Known but deliberately not implemented. */
  moar: {
    package: "0xa3afc59243afb6deeac965d40b25d509bb3aebc12f502b8592c283070abc2e07" as Address,
    liveness: "unknown" as LivenessStatus,
    livenessSource:
      "UNVERIFIED: collateral entry functions of credit_manager could not be confirmed from any published ABI; adapter left out",
  },
  tapp: {
    package: "0x487e905f899ccb6d46fdaec56ba1e0c4cf119862a16c409904b8c78fab1f5e8a" as Address,
    liveness: "defunct" as LivenessStatus,
    livenessSource:
      "aptos-labs/explorer branch greg/defunct-labeled-protocols-d1b9 (ceased 2026-05-31); not implemented",
  },
} as const;
