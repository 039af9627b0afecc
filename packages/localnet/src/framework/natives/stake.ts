/** `0x1::stake` natives (aptos-framework v1.39 `stake.move`) over the model's `stake.ts`. */
import * as stake from "../stake.ts";
import { stakeMint } from "../testing.ts";
import {
  assertStakePoolExists,
  joinValidatorSetAsOperator,
  leaveValidatorSetAsOperator,
} from "../validator_set.ts";
import { address, type ModuleNatives, signer, u64 } from "./host.ts";

export const stakeNatives: ModuleNatives = {
  /** `get_lockup_secs(pool): u64`: `ESTAKE_POOL_DOES_NOT_EXIST` (0x1000e). */
  get_lockup_secs: ({ host }, [pool]) => {
    assertStakePoolExists(host.tx, address(pool));
    return [stake.lockupSecs(host.tx, address(pool))];
  },
  /** `get_stake(pool): (active, inactive, pending_active, pending_inactive)`. */
  get_stake: ({ host }, [pool]) => {
    assertStakePoolExists(host.tx, address(pool));
    const s = stake.getStake(host.tx, address(pool));
    return [s.active, s.inactive, s.pendingActive, s.pendingInactive];
  },
  /** `get_validator_state(pool): u64` (1 pending_active, 2 active, 3 pending_inactive, 4 inactive). */
  get_validator_state: ({ host }, [pool]) => [stake.validatorState(host.tx, address(pool))],
  /** `is_current_epoch_validator(pool): bool`. */
  is_current_epoch_validator: ({ host }, [pool]) => {
    assertStakePoolExists(host.tx, address(pool));
    return [stake.isCurrentEpochValidator(host.tx, address(pool))];
  },
  /** `join_validator_set(operator, pool)`. */
  join_validator_set: ({ host }, [operator, pool]) => {
    joinValidatorSetAsOperator(host.tx, signer(operator), address(pool));
    return [];
  },
  /** `leave_validator_set(operator, pool)`: `ENOT_OPERATOR` (0x40009), `ENOT_VALIDATOR`, `ELAST_VALIDATOR`. */
  leave_validator_set: ({ host }, [operator, pool]) => {
    leaveValidatorSetAsOperator(host.tx, signer(operator), address(pool));
    return [];
  },
  /** `#[test_only] mint(account, amount)`: registers APT and deposits freshly minted coins. */
  mint: ({ host }, [account, amount]) => {
    stakeMint(host.tx, signer(account), u64(amount));
    return [];
  },
};
