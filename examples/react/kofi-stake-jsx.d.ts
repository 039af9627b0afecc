// JSX typings for <kofi-stake> in React 19 (the widget does not ship them yet).
import type { DetailedHTMLProps, HTMLAttributes } from "react";

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "kofi-stake": DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
        network?: string;
        "node-url"?: string;
        "kofi-address"?: string;
        "default-tab"?: string;
        theme?: string;
        wallet?: unknown;
        "onkofi-tx"?: (e: CustomEvent<{ stage: string }>) => void;
      };
    }
  }
}
