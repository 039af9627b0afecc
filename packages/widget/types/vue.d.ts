/**
 * Template typings for `<kofi-stake>` in Vue 3 (Volar / vue-tsc). Opt in once, e.g. in `env.d.ts`:
 * `import type {} from "@kofi/widget/vue";` and tell the compiler it is a custom element:
 * `vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "kofi-stake" } } })`.
 * Bind properties with `.prop` (`:wallet.prop="wallet"`) and listen with `@kofi-tx`.
 */

import type {
  KofiBackend,
  KofiClaimableDetail,
  KofiConnectDetail,
  KofiErrorDetail,
  KofiStakeElement,
  KofiTxDetail,
} from "@kofi/widget/element";
import type { DefineComponent } from "vue";

export interface KofiStakeVueProps {
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
  wallet?: unknown;
  backend?: KofiBackend;
  strings?: KofiStakeElement["strings"];
  beforeSubmit?: KofiStakeElement["beforeSubmit"];
  adapters?: KofiStakeElement["adapters"];
  "onKofi-tx"?: (event: CustomEvent<KofiTxDetail>) => void;
  "onKofi-error"?: (event: CustomEvent<KofiErrorDetail>) => void;
  "onKofi-connect"?: (event: CustomEvent<KofiConnectDetail>) => void;
  "onKofi-claimable"?: (event: CustomEvent<KofiClaimableDetail>) => void;
}

declare module "vue" {
  interface GlobalComponents {
    "kofi-stake": DefineComponent<KofiStakeVueProps>;
  }
}
