import { describe, expect, it } from "vitest";
import type { ValidatorInfo } from "../protocol/state.ts";
import { selectDepositPool } from "./selectPool.ts";

const v = (
  i: number,
  active: bigint,
  weightBps: bigint,
  extra: Partial<ValidatorInfo> = {},
): ValidatorInfo => ({
  pool: `0x${i.toString(16).padStart(64, "0")}`,
  weightBps,
  cap: 10n ** 18n,
  enabled: true,
  active,
  pendingInactive: 0n,
  inactive: 0n,
  validatorActive: true,
  commissionBps: 0n,
  lockupEndsAt: 0n,
  ...extra,
});

describe("selectDepositPool (staking_manager::select_index)", () => {
  it("picks the smallest active / weight, ties to the lowest index", () => {
    expect(selectDepositPool([v(1, 300n, 3000n), v(2, 100n, 2000n), v(3, 500n, 5000n)], 1n)?.pool).toMatch(
      /2$/,
    );
    expect(selectDepositPool([v(1, 100n, 1000n), v(2, 200n, 2000n)], 1n)?.pool).toMatch(/1$/);
  });
  it("skips disabled, zero-weight, inactive and capped pools", () => {
    const pools = [
      v(1, 0n, 1000n, { enabled: false }),
      v(2, 0n, 0n),
      v(3, 0n, 1000n, { validatorActive: false }),
      v(4, 0n, 1000n, { cap: 99n }),
      v(5, 900n, 1000n),
    ];
    expect(selectDepositPool(pools, 100n)?.pool).toMatch(/5$/);
    expect(selectDepositPool(pools.slice(0, 4), 100n)).toBeUndefined();
  });
});
