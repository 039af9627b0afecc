import { FRAMEWORK, T, type TxContext } from "./context.ts";

export interface CurrentTime {
  microseconds: bigint;
}
export interface Configuration {
  epoch: bigint;
  last_reconfiguration_time: bigint;
}
export interface BlockResource {
  height: bigint;
  epoch_interval: bigint;
}
/** `0x1::staking_config::StakingConfig`: the reward rate is per epoch, as `rewards_rate / rewards_rate_denominator`. */
export interface StakingConfig {
  minimum_stake: bigint;
  maximum_stake: bigint;
  recurring_lockup_duration_secs: bigint;
  allow_validator_set_change: boolean;
  rewards_rate: bigint;
  rewards_rate_denominator: bigint;
  voting_power_increase_limit: bigint;
}

export const DEFAULT_EPOCH_INTERVAL_SECS = 7200n;
export const DEFAULT_LOCKUP_SECS = 1_209_600n;

export function nowMicros(ctx: TxContext): bigint {
  return ctx.journal.borrow<CurrentTime>(FRAMEWORK, T.timestamp).microseconds;
}
export function nowSeconds(ctx: TxContext): bigint {
  return nowMicros(ctx) / 1_000_000n;
}
export function setNowMicros(ctx: TxContext, us: bigint): void {
  ctx.journal.borrowMut<CurrentTime>(FRAMEWORK, T.timestamp).microseconds = us;
}
export function epochIntervalSecs(ctx: TxContext): bigint {
  return ctx.journal.borrow<BlockResource>(FRAMEWORK, T.block).epoch_interval / 1_000_000n;
}
export function currentEpoch(ctx: TxContext): bigint {
  return ctx.journal.borrow<Configuration>(FRAMEWORK, T.reconfig).epoch;
}
export function stakingConfig(ctx: TxContext): Readonly<StakingConfig> {
  return ctx.journal.borrow<StakingConfig>(FRAMEWORK, T.stakingConfig);
}
