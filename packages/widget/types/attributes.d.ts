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
  "default-tab"?: "stake" | "convert" | "unstake" | "withdrawals" | "position";
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
