/**
 * The `0x1` functions of the adversarial-validator behaviours (allowlisting, eviction, commission changes,
 * beneficiaries, proposal counts, stake limits), each served with its real ABI (`real`, from @typemove/aptos's
 * on-chain ABI data) and following the aptos-framework v1.39 function of the same name
 * (delegation_pool.move, stake.move).
 */
import type { NodeFunction } from "../runtime/functions.ts";
import type { Address, Runtime, Signer } from "../runtime/port.ts";
import * as al from "./allowlist.ts";
import * as cm from "./commission.ts";
import { T, type TxContext } from "./context.ts";
import type { FrameworkImpl } from "./index.ts";
import * as perf from "./performance.ts";
import { real } from "./sdk_bindings.ts";
import type * as stake from "./stake.ts";
import * as time from "./time.ts";

const ctxOf = (rt: Runtime): TxContext => (rt.framework as FrameworkImpl).ctx;
const who = (s: Signer | undefined): Address => {
  if (!s) throw new Error("entry function without signer");
  return s.address;
};
const a = (args: readonly unknown[], i: number) => args[i] as Address;

const fns: NodeFunction[] = [
  // ---- delegation_pool: allowlisting
  real("0x1", "delegation_pool", "allowlisting_enabled", (rt, x) => [
    al.allowlistingEnabled(ctxOf(rt), a(x, 0)),
  ]),
  real("0x1", "delegation_pool", "delegator_allowlisted", (rt, x) => [
    al.delegatorAllowlisted(ctxOf(rt), a(x, 0), a(x, 1)),
  ]),
  real("0x1", "delegation_pool", "get_delegators_allowlist", (rt, x) => [
    al.getDelegatorsAllowlist(ctxOf(rt), a(x, 0)),
  ]),
  real("0x1", "delegation_pool", "enable_delegators_allowlisting", (rt, _x, s) => {
    al.enableDelegatorsAllowlisting(ctxOf(rt), who(s));
    return undefined;
  }),
  real("0x1", "delegation_pool", "disable_delegators_allowlisting", (rt, _x, s) => {
    al.disableDelegatorsAllowlisting(ctxOf(rt), who(s));
    return undefined;
  }),
  real("0x1", "delegation_pool", "allowlist_delegator", (rt, x, s) => {
    al.allowlistDelegator(ctxOf(rt), who(s), a(x, 0));
    return undefined;
  }),
  real("0x1", "delegation_pool", "remove_delegator_from_allowlist", (rt, x, s) => {
    al.removeDelegatorFromAllowlist(ctxOf(rt), who(s), a(x, 0));
    return undefined;
  }),
  real("0x1", "delegation_pool", "evict_delegator", (rt, x, s) => {
    al.evictDelegator(ctxOf(rt), who(s), a(x, 0));
    return undefined;
  }),
  real("0x1", "delegation_pool", "owner_cap_exists", (rt, x) => [al.ownerCapExists(ctxOf(rt), a(x, 0))]),
  real("0x1", "delegation_pool", "get_owned_pool_address", (rt, x) => [
    al.getOwnedPoolAddress(ctxOf(rt), a(x, 0)),
  ]),
  // ---- delegation_pool: commission and beneficiary
  real("0x1", "delegation_pool", "operator_commission_percentage_next_lockup_cycle", (rt, x) => [
    cm.operatorCommissionPercentageNextLockupCycle(ctxOf(rt), a(x, 0)),
  ]),
  real("0x1", "delegation_pool", "is_next_commission_percentage_effective", (rt, x) => [
    cm.isNextCommissionPercentageEffective(ctxOf(rt), a(x, 0)),
  ]),
  real("0x1", "delegation_pool", "min_remaining_secs_for_commission_change", (rt) => [
    cm.minRemainingSecsForCommissionChange(ctxOf(rt)),
  ]),
  real("0x1", "delegation_pool", "update_commission_percentage", (rt, x, s) => {
    cm.updateCommissionPercentage(ctxOf(rt), who(s), x[0] as bigint);
    return undefined;
  }),
  real("0x1", "delegation_pool", "beneficiary_for_operator", (rt, x) => [
    cm.beneficiaryForOperator(ctxOf(rt), a(x, 0)),
  ]),
  real("0x1", "delegation_pool", "set_beneficiary_for_operator", (rt, x, s) => {
    cm.setBeneficiaryForOperator(ctxOf(rt), who(s), a(x, 0));
    return undefined;
  }),
  // ---- stake: performance and voting power
  real("0x1", "stake", "get_current_epoch_proposal_counts", (rt, x) =>
    perf.getCurrentEpochProposalCounts(ctxOf(rt), x[0] as bigint),
  ),
  real("0x1", "stake", "get_validator_index", (rt, x) => {
    const ctx = ctxOf(rt);
    const i = perf.validatorIndex(ctx, a(x, 0));
    // borrow_global<ValidatorConfig>: missing for a pool that never joined the set
    if (i === undefined) ctx.journal.borrow(a(x, 0), perf.T_VALIDATOR_CONFIG);
    return [i];
  }),
  real("0x1", "stake", "get_operator", (rt, x) => [
    ctxOf(rt).journal.borrow<stake.StakePool>(a(x, 0), T.stakePool).operator_address,
  ]),
  real("0x1", "stake", "stake_pool_exists", (rt, x) => [ctxOf(rt).journal.exists(a(x, 0), T.stakePool)]),
  // ---- staking_config: `reward_rate()` view (staking_config.move: `get_reward_rate(borrow_global<StakingConfig>)`;
  // the localnet has no periodical reward rate decrease, so it is StakingConfig's rewards_rate / denominator)
  real("0x1", "staking_config", "reward_rate", (rt) => {
    const c = time.stakingConfig(ctxOf(rt));
    return [c.rewards_rate, c.rewards_rate_denominator];
  }),
];

export const validatorFunctions: readonly NodeFunction[] = fns;
