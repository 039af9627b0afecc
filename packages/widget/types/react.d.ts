/**
 * JSX typings for `<kofi-stake>` in React 19 (which sets properties and listens to custom events on custom
 * elements natively). Opt in once, e.g. in a `.d.ts` of your app: `import type {} from "@kofi/widget/react";`
 */

import type {
  KofiBackend,
  KofiClaimableDetail,
  KofiConnectDetail,
  KofiErrorDetail,
  KofiStakeElement,
  KofiTxDetail,
} from "@kofi/widget/element";
import type { DetailedHTMLProps, HTMLAttributes } from "react";

export interface KofiStakeJsxProps {
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
  /** Properties (React 19 assigns them to the element). */
  wallet?: unknown;
  backend?: KofiBackend;
  strings?: KofiStakeElement["strings"];
  beforeSubmit?: KofiStakeElement["beforeSubmit"];
  adapters?: KofiStakeElement["adapters"];
  "onkofi-tx"?: (event: CustomEvent<KofiTxDetail>) => void;
  "onkofi-error"?: (event: CustomEvent<KofiErrorDetail>) => void;
  "onkofi-connect"?: (event: CustomEvent<KofiConnectDetail>) => void;
  "onkofi-claimable"?: (event: CustomEvent<KofiClaimableDetail>) => void;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "kofi-stake": DetailedHTMLProps<HTMLAttributes<KofiStakeElement>, KofiStakeElement> & KofiStakeJsxProps;
    }
  }
}
