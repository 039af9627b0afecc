/**
 * JSX typings for `<kofi-stake>` in React 19 (which sets properties and listens to custom events on custom
 * elements natively). Opt in once, e.g. in a `.d.ts` of your app: `import type {} from "@kofi/widget/react";`
 */

import type {
  KofiClaimableDetail,
  KofiConnectDetail,
  KofiErrorDetail,
  KofiStakeElement,
  KofiTxDetail,
} from "@kofi/widget/element";
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { KofiStakeAttributes } from "./attributes.d.ts";

export interface KofiStakeJsxProps extends KofiStakeAttributes {
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
