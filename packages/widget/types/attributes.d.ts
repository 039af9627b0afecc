/**
 * The attributes and properties of `<kofi-stake>`, shared by the React (`./react.d.ts`) and Vue (`./vue.d.ts`)
 * typings; each adds its own event-handler naming on top.
 */

import type { KofiBackend, KofiStakeElement } from "@kofi/widget/element";

export interface KofiStakeAttributes {
  network?: string;
  "node-url"?: string;
  "kofi-address"?: string;
  theme?: "light" | "dark" | "system";
  locale?: string;
  /**
   * The Move's verbs: `deposit` (labelled Stake), `stake` (labelled Convert), `unstake`, `withdrawals`, `position`.
   * `convert` is a deprecated alias of `stake` (removed in the next release); before 0.2 `stake` meant `deposit`.
   */
  "default-tab"?: "deposit" | "stake" | "unstake" | "withdrawals" | "position" | /** @deprecated */ "convert";
  "slippage-bps"?: number | string;
  "max-discount-bps"?: number | string;
  "unstake-paths"?: "standard instant" | "instant standard" | "standard" | "instant";
  "wallet-picker"?: "built-in" | "none";
  /** Properties (React 19 assigns them to the element; in Vue bind them with `.prop`). */
  wallet?: unknown;
  backend?: KofiBackend;
  strings?: KofiStakeElement["strings"];
  beforeSubmit?: KofiStakeElement["beforeSubmit"];
  adapters?: KofiStakeElement["adapters"];
}
