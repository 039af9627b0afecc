/** `0x1::timestamp` natives (aptos-framework v1.39 `timestamp.move`) over the model's `time.ts`. */
import { fastForwardSeconds, updateGlobalTimeForTest } from "../testing.ts";
import { nowMicros, nowSeconds } from "../time.ts";
import { type ModuleNatives, u64 } from "./host.ts";

export const timestampNatives: ModuleNatives = {
  /** `now_seconds(): u64`. */
  now_seconds: ({ host }) => [nowSeconds(host.tx)],
  /** `now_microseconds(): u64`. */
  now_microseconds: ({ host }) => [nowMicros(host.tx)],
  /** `#[test_only] fast_forward_seconds(secs)`: the clock moves forward; `EINVALID_TIMESTAMP` for 0. */
  fast_forward_seconds: ({ host }, [secs]) => {
    fastForwardSeconds(host.tx, u64(secs));
    return [];
  },
  /** `#[test_only] update_global_time_for_test_secs(secs)`: sets the clock (forward only). */
  update_global_time_for_test_secs: ({ host }, [secs]) => {
    updateGlobalTimeForTest(host.tx, u64(secs) * 1_000_000n);
    return [];
  },
};
