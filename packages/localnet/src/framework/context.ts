import type { Address } from "../runtime/port.ts";
import type { Journal } from "../runtime/storage.ts";

/** A module event as it appears in the transaction JSON (`type` fully qualified, data in model form). */
export interface EventRecord {
  type: string;
  data: Record<string, unknown>;
}

/** What framework code sees while one transaction (or view) runs. */
export interface TxContext {
  readonly journal: Journal;
  readonly events: EventRecord[];
  /** The transaction hash (32 bytes): AUIDs derive from it. */
  readonly txHash: Uint8Array;
  auidCounter: bigint;
}

export const FRAMEWORK: Address = "0x0000000000000000000000000000000000000000000000000000000000000001";
export const APT_COIN = "0x1::aptos_coin::AptosCoin";
/** The paired fungible-asset metadata of APT. */
export const APT_FA: Address = "0x000000000000000000000000000000000000000000000000000000000000000a";
export const ZERO_ADDRESS: Address = "0x0000000000000000000000000000000000000000000000000000000000000000";
export const ONE_APT = 100_000_000n;

export const T = {
  account: "0x1::account::Account",
  coinStore: `0x1::coin::CoinStore<${APT_COIN}>`,
  coinInfo: `0x1::coin::CoinInfo<${APT_COIN}>`,
  objectCore: "0x1::object::ObjectCore",
  faMetadata: "0x1::fungible_asset::Metadata",
  faSupply: "0x1::fungible_asset::Supply",
  faStore: "0x1::fungible_asset::FungibleStore",
  timestamp: "0x1::timestamp::CurrentTimeMicroseconds",
  reconfig: "0x1::reconfiguration::Configuration",
  block: "0x1::block::BlockResource",
  stakingConfig: "0x1::staking_config::StakingConfig",
  validatorSet: "0x1::stake::ValidatorSet",
  stakePool: "0x1::stake::StakePool",
  delegationPool: "0x1::delegation_pool::DelegationPool",
  delegationOwnership: "0x1::delegation_pool::DelegationPoolOwnership",
  chainId: "0x1::chain_id::ChainId",
} as const;

export function emit(ctx: TxContext, type: string, data: Record<string, unknown>): void {
  ctx.events.push({ type, data });
}
