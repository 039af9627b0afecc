/**
 * The framework's `#[test_only]` helpers that Move unit tests call, on the model (release v1.39 sources:
 * `delegation_pool.move`, `stake.move`, `timestamp.move`, `block.move`, `reconfiguration.move`). A Move unit
 * test starts from an empty state (no genesis); these functions build exactly what the real helpers build,
 * in the model's resource forms.
 */
import { frameworkAbort } from "../runtime/errors.ts";
import type { Address } from "../runtime/port.ts";
import { accountExists, createAccount } from "./accounts.ts";
import { initializeAptosCoin, mintApt } from "./coin.ts";
import { FRAMEWORK, T, type TxContext } from "./context.ts";
import * as dp from "./delegation.ts";
import * as stake from "./stake.ts";
import type { BlockResource, Configuration, CurrentTime, StakingConfig } from "./time.ts";
import { joinValidatorSetAsOperator } from "./validator_set.ts";

/** `stake::EPOCH_DURATION` (test-only): `end_aptos_epoch` moves the clock this far. */
export const TEST_EPOCH_DURATION_SECS = 60n;
const US = 1_000_000n;

export interface TestStakingParams {
  minimumStake: bigint;
  maximumStake: bigint;
  recurringLockupSecs: bigint;
  allowValidatorSetChange: boolean;
  rewardsRateNumerator: bigint;
  rewardsRateDenominator: bigint;
  votingPowerIncreaseLimit: bigint;
}

/**
 * `delegation_pool::initialize_for_test_custom`: the framework account, then `stake::initialize_for_test_custom`
 * (timestamp started at 0, the validator set, the staking config, AptosCoin with the mint capability), then
 * `reconfiguration::initialize_for_test` (epoch 0 at time 0). Feature flags are not modelled.
 */
export function initializeForTestCustom(ctx: TxContext, framework: Address, p: TestStakingParams): void {
  assertFramework(framework);
  if (!accountExists(ctx, FRAMEWORK)) createAccount(ctx, FRAMEWORK);
  const j = ctx.journal;
  // timestamp::set_time_has_started_for_testing: only the first call creates the clock
  if (!j.exists(FRAMEWORK, T.timestamp)) j.moveTo<CurrentTime>(FRAMEWORK, T.timestamp, { microseconds: 0n });
  if (!j.exists(FRAMEWORK, T.validatorSet)) {
    j.moveTo<stake.ValidatorSet>(FRAMEWORK, T.validatorSet, {
      active_validators: [],
      pending_inactive: [],
      pending_active: [],
    });
  }
  // staking_config::initialize_for_test: updates the config when it exists, publishes it otherwise
  const cfg: StakingConfig = {
    minimum_stake: p.minimumStake,
    maximum_stake: p.maximumStake,
    recurring_lockup_duration_secs: p.recurringLockupSecs,
    allow_validator_set_change: p.allowValidatorSetChange,
    rewards_rate: p.rewardsRateNumerator,
    rewards_rate_denominator: p.rewardsRateDenominator,
    voting_power_increase_limit: p.votingPowerIncreaseLimit,
  };
  if (j.exists(FRAMEWORK, T.stakingConfig))
    Object.assign(j.borrowMut<StakingConfig>(FRAMEWORK, T.stakingConfig), cfg);
  else j.moveTo<StakingConfig>(FRAMEWORK, T.stakingConfig, cfg);
  // aptos_coin::initialize_for_test: the aggregator factory, then aptos_coin::initialize (parallelizable supply)
  if (!j.exists(FRAMEWORK, T.coinInfo)) initializeAptosCoin(ctx);
  // reconfiguration::initialize_for_test is a plain move_to: a second call aborts like the real one
  j.moveTo<Configuration>(FRAMEWORK, T.reconfig, { epoch: 0n, last_reconfiguration_time: 0n });
}

/** `block::initialize_for_test(aptos_framework, epoch_interval_microsecs)` = `block::initialize`. */
export function initializeBlockForTest(
  ctx: TxContext,
  framework: Address,
  epochIntervalMicros: bigint,
): void {
  assertFramework(framework);
  if (epochIntervalMicros === 0n) {
    throw frameworkAbort(
      "block",
      "EZERO_EPOCH_INTERVAL",
      "invalid_argument",
      3,
      "Epoch interval cannot be 0.",
    );
  }
  ctx.journal.moveTo<BlockResource>(FRAMEWORK, T.block, { height: 0n, epoch_interval: epochIntervalMicros });
}

/** `timestamp::update_global_time_for_test`: time only moves forward (`EINVALID_TIMESTAMP`, 0x10002). */
export function updateGlobalTimeForTest(ctx: TxContext, micros: bigint): void {
  const t = ctx.journal.borrowMut<CurrentTime>(FRAMEWORK, T.timestamp);
  if (!(t.microseconds < micros)) {
    throw frameworkAbort(
      "timestamp",
      "EINVALID_TIMESTAMP",
      "invalid_argument",
      2,
      "An invalid timestamp was provided",
    );
  }
  t.microseconds = micros;
}

/** `timestamp::fast_forward_seconds(secs)`: `update_global_time_for_test_secs(now_seconds() + secs)`. */
export function fastForwardSeconds(ctx: TxContext, secs: bigint): void {
  const now = ctx.journal.borrow<CurrentTime>(FRAMEWORK, T.timestamp).microseconds / US;
  updateGlobalTimeForTest(ctx, (now + secs) * US);
}

/**
 * `delegation_pool::end_aptos_epoch` = `stake::end_epoch` (every validator proposed one block, the clock
 * moves `EPOCH_DURATION` = 60 s, `on_new_epoch`: rewards at the configured rate, pending_active -> active,
 * pending_inactive -> inactive when the lockup expired, set changes, lockup renewal) then
 * `reconfiguration::reconfigure_for_test_custom` (epoch + 1 unless the time did not move).
 */
export function endAptosEpoch(ctx: TxContext): void {
  fastForwardSeconds(ctx, TEST_EPOCH_DURATION_SECS);
  stake.onNewEpoch(ctx);
  const now = ctx.journal.borrow<CurrentTime>(FRAMEWORK, T.timestamp).microseconds;
  const c = ctx.journal.borrowMut<Configuration>(FRAMEWORK, T.reconfig);
  if (c.last_reconfiguration_time === now) return;
  c.last_reconfiguration_time = now;
  c.epoch += 1n;
}

/** `stake::mint(account, amount)` (test-only): `coin::register` then a deposit of freshly minted APT. */
export function stakeMint(ctx: TxContext, account: Address, amount: bigint): void {
  mintApt(ctx, account, amount);
}

/**
 * `delegation_pool::initialize_test_validator_custom(validator, amount, join, end_epoch, commission)`: the
 * account if missing, a delegation pool (empty seed) owned and operated by `validator`, `amount` minted and
 * added as the owner's stake, optionally `stake::join_validator_set` and `end_aptos_epoch`. The consensus key
 * rotation is not modelled. Returns the pool address.
 */
export function initializeTestValidatorCustom(
  ctx: TxContext,
  validator: Address,
  amount: bigint,
  join: boolean,
  endEpoch: boolean,
  commission: bigint,
): Address {
  if (!accountExists(ctx, validator)) createAccount(ctx, validator);
  const pool = dp.initializeDelegationPool(ctx, validator, commission, new Uint8Array());
  if (amount > 0n) {
    stakeMint(ctx, validator, amount);
    dp.addStake(ctx, validator, pool, amount);
  }
  if (join) joinValidatorSetAsOperator(ctx, validator, pool);
  if (endEpoch) endAptosEpoch(ctx);
  return pool;
}

/** `system_addresses::assert_aptos_framework`: `ENOT_APTOS_FRAMEWORK_ADDRESS` (0x50003). */
function assertFramework(a: Address): void {
  if (a !== FRAMEWORK) {
    throw frameworkAbort(
      "system_addresses",
      "ENOT_APTOS_FRAMEWORK_ADDRESS",
      "permission_denied",
      3,
      "The address/account did not correspond to the core framework address",
    );
  }
}
