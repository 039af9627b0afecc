// Type-level check of the React and Vue typings (compiled by `tsc -p packages/widget`, never run).

import type { GlobalComponents } from "vue";
import type {} from "./react.d.ts";
import type {} from "./vue.d.ts";

export const ok = (
  <kofi-stake
    network="local"
    node-url="http://127.0.0.1:8080/v1"
    theme="dark"
    slippage-bps={50}
    wallet={{}}
    onkofi-tx={(e) => e.detail.stage satisfies string}
    onkofi-error={(e) => e.detail.code satisfies string}
  />
);
// @ts-expect-error: not a theme
export const bad = <kofi-stake theme="blue" />;
export type VueHasIt = GlobalComponents["kofi-stake"];
