import { assertU64 } from "../amounts/parse.ts";
import { normalizeAddress } from "../client/createKofiClient.ts";
import { KofiError } from "../errors/KofiError.ts";
import { kofiConstants } from "../generated/abi.ts";
import { type AdminAction, adminAction, outOfRange } from "./adminAction.ts";

const C = kofiConstants.config;

/** Pausable action ids (`config::ACTION_*`, from the generated ABI). */
export const PAUSABLE_ACTIONS = {
  deposit: Number(C.ACTION_DEPOSIT.value),
  stake: Number(C.ACTION_STAKE.value),
  unstake: Number(C.ACTION_UNSTAKE.value),
  withdraw: Number(C.ACTION_WITHDRAW.value),
} as const;
export type PausableAction = keyof typeof PAUSABLE_ACTIONS;

/** `config::transfer_admin(new_admin)`: step one of the two-step admin transfer (admin only). */
export function transferAdmin(args: { newAdmin: string }): AdminAction {
  return adminAction("config", "transfer_admin", [normalizeAddress(args.newAdmin, "new admin")]);
}

/** `config::accept_admin()`: step two, signed by the pending admin. */
export function acceptAdmin(): AdminAction {
  return adminAction("config", "accept_admin", []);
}

/** The action id of a pausable action name (`deposit`, `stake`, `unstake`, `withdraw`) or id; `invalid_argument` otherwise. */
export function pausableActionId(action: PausableAction | number | string): number {
  const id = typeof action === "number" ? action : PAUSABLE_ACTIONS[action as PausableAction];
  if (id === undefined || !Number.isInteger(id) || id < 0 || id >= Number(C.NUM_ACTIONS.value))
    throw new KofiError("invalid_argument", `Unknown pausable action ${JSON.stringify(action)}.`, {
      hint: `Pausable actions: ${Object.keys(PAUSABLE_ACTIONS).join(", ")} (config::ACTION_*).`,
    });
  return id;
}

/** `config::set_paused(action, paused)` (admin only). */
export function setPaused(args: { action: PausableAction | number; paused: boolean }): AdminAction {
  return adminAction("config", "set_paused", [pausableActionId(args.action), args.paused]);
}

/** `config::set_fee_bps(fee_bps)`: the protocol fee on rewards, 0..`MAX_FEE_BPS` (admin only). */
export function setFeeBps(args: { feeBps: bigint }): AdminAction {
  const fee = assertU64(args.feeBps, "fee bps");
  if (fee > C.MAX_FEE_BPS.value)
    throw outOfRange("The fee (bps)", fee, 0n, C.MAX_FEE_BPS.value, "E_FEE_TOO_HIGH");
  return adminAction("config", "set_fee_bps", [fee]);
}

/**
 * `config::set_max_commission_bps(max)`: pools whose operator commission, now or from the next lockup cycle,
 * exceeds `max` (bps, 0..10000; 10000 = no limit) stop receiving deposits (admin only).
 */
export function setMaxCommissionBps(args: { maxCommissionBps: bigint }): AdminAction {
  const v = assertU64(args.maxCommissionBps, "max commission bps");
  if (v > 10_000n) throw outOfRange("The maximum commission (bps)", v, 0n, 10_000n, "E_OUT_OF_BOUNDS");
  return adminAction("config", "set_max_commission_bps", [v]);
}

/** `config::set_treasury(treasury)`: who receives the protocol fee (admin only). */
export function setTreasury(args: { treasury: string }): AdminAction {
  return adminAction("config", "set_treasury", [normalizeAddress(args.treasury, "treasury")]);
}

function limit(what: string, amount: bigint): bigint {
  const v = assertU64(amount, what);
  if (v < C.MIN_AMOUNT_FLOOR.value || v > C.MIN_AMOUNT_CEIL.value)
    throw outOfRange(
      `The ${what} (octas)`,
      v,
      C.MIN_AMOUNT_FLOOR.value,
      C.MIN_AMOUNT_CEIL.value,
      "E_OUT_OF_BOUNDS",
    );
  return v;
}

/** `config::set_min_deposit(amount)`: APT octas within [`MIN_AMOUNT_FLOOR`, `MIN_AMOUNT_CEIL`] (admin only). */
export function setMinDeposit(args: { amount: bigint }): AdminAction {
  return adminAction("config", "set_min_deposit", [limit("minimum deposit", args.amount)]);
}

/** `config::set_min_withdrawal(amount)`: kAPT octas within [`MIN_AMOUNT_FLOOR`, `MIN_AMOUNT_CEIL`] (admin only). */
export function setMinWithdrawal(args: { amount: bigint }): AdminAction {
  return adminAction("config", "set_min_withdrawal", [limit("minimum withdrawal", args.amount)]);
}
