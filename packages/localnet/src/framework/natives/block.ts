/** `0x1::block` natives (aptos-framework v1.39 `block.move`) over the model's `time.ts`. */
import { initializeBlockForTest } from "../testing.ts";
import { epochIntervalSecs } from "../time.ts";
import { type ModuleNatives, signer, u64 } from "./host.ts";

export const blockNatives: ModuleNatives = {
  /** `get_epoch_interval_secs(): u64` = `BlockResource.epoch_interval / 1_000_000`. */
  get_epoch_interval_secs: ({ host }) => [epochIntervalSecs(host.tx)],
  /** `#[test_only] initialize_for_test(aptos_framework, epoch_interval_microsecs)` = `block::initialize`. */
  initialize_for_test: ({ host }, [fw, interval]) => {
    initializeBlockForTest(host.tx, signer(fw), u64(interval));
    return [];
  },
};
