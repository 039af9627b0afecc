import { describe, expect, it } from "vitest";
import { Registry } from "../registry.ts";
import { realFunctionAbi } from "./abi.ts";

/**
 * Served 0x1/0x4 functions whose hand-written ABI differs from the chain's (kept because callers use them as
 * views): the real functions are not #[view], and get_recurring_lockup_duration_secs is not public.
 */
const KNOWN_DEVIATIONS = new Set([
  "object::is_object",
  "reconfiguration::current_epoch",
  "stake::is_current_epoch_validator",
  "staking_config::get_recurring_lockup_duration_secs",
]);

describe("framework ABIs", () => {
  it("every served 0x1/0x4 function has the real on-chain ABI (@typemove/aptos data), except the listed ones", () => {
    const reg = new Registry();
    const diffs: string[] = [];
    let checked = 0;
    for (const f of reg.functions.values()) {
      const m = /^0x0{63}([14])$/.exec(f.address);
      if (!m) continue;
      const id = `${f.module}::${f.name}`;
      if (KNOWN_DEVIATIONS.has(id)) continue;
      const real = realFunctionAbi(`0x${m[1]}` as "0x1" | "0x4", f.module, f.name);
      const shape = (x: typeof real) => ({
        is_entry: x.is_entry,
        is_view: x.is_view,
        generics: x.generic_type_params.length,
        params: x.params,
        return: x.return,
      });
      checked++;
      if (JSON.stringify(shape(real)) !== JSON.stringify(shape(f.abi))) diffs.push(id);
    }
    expect(diffs).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });
});
