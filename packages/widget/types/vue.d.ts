/**
 * Template typings for `<kofi-stake>` in Vue 3 (Volar / vue-tsc). Opt in once, e.g. in `env.d.ts`:
 * `import type {} from "@kofi/widget/vue";` and tell the compiler it is a custom element:
 * `vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "kofi-stake" } } })`.
 * Bind properties with `.prop` (`:wallet.prop="wallet"`) and listen with `@kofi-tx`.
 */

import type {
  KofiClaimableDetail,
  KofiConnectDetail,
  KofiErrorDetail,
  KofiTxDetail,
} from "@kofi/widget/element";
import type { DefineComponent } from "vue";
import type { KofiStakeAttributes } from "./attributes.d.ts";

export interface KofiStakeVueProps extends KofiStakeAttributes {
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
