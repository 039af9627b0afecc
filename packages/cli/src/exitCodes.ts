import type { KofiErrorCode } from "@kofi/core";

/** `kofi` exit codes: 0 ok, 2 usage, one code per KofiError code. */
export const EXIT_CODES: Record<KofiErrorCode | "usage", number> = {
  unknown: 1,
  usage: 2,
  user_rejected: 10,
  insufficient_balance: 11,
  insufficient_gas: 12,
  move_abort: 13,
  paused: 14,
  wrong_network: 15,
  network: 16,
  timeout: 17,
  invalid_amount: 18,
  invalid_address: 19,
  invalid_config: 20,
  sequence_number: 21,
  simulation_failed: 22,
  invalid_argument: 23,
  not_admin: 24,
  sponsor_failed: 25,
};
