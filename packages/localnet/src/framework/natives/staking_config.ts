/** `0x1::staking_config` natives (aptos-framework v1.39 `configs/staking_config.move`) over `time.ts`. */
import { stakingConfig } from "../time.ts";
import { type ModuleNatives, struct, u64 } from "./host.ts";

export const stakingConfigNatives: ModuleNatives = {
  /** `get(): StakingConfig`: a copy of the config at 0x1 (field names and order as on chain). */
  get: ({ host }) => {
    const c = stakingConfig(host.tx);
    return [
      {
        minimum_stake: c.minimum_stake,
        maximum_stake: c.maximum_stake,
        recurring_lockup_duration_secs: c.recurring_lockup_duration_secs,
        allow_validator_set_change: c.allow_validator_set_change,
        rewards_rate: c.rewards_rate,
        rewards_rate_denominator: c.rewards_rate_denominator,
        voting_power_increase_limit: c.voting_power_increase_limit,
      },
    ];
  },
  /** `get_recurring_lockup_duration(&StakingConfig): u64`. */
  get_recurring_lockup_duration: (_ctx, [c]) => [u64(struct(c).recurring_lockup_duration_secs)],
  /** `get_required_stake(&StakingConfig): (u64, u64)`: (minimum, maximum). */
  get_required_stake: (_ctx, [c]) => [u64(struct(c).minimum_stake), u64(struct(c).maximum_stake)],
  /** `get_allow_validator_set_change(&StakingConfig): bool`. */
  get_allow_validator_set_change: (_ctx, [c]) => [struct(c).allow_validator_set_change as boolean],
  /** `get_voting_power_increase_limit(&StakingConfig): u64`. */
  get_voting_power_increase_limit: (_ctx, [c]) => [u64(struct(c).voting_power_increase_limit)],
};
