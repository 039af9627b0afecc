/** Side-effect-free entry: the element class and helpers, without registering any tag. */
export type * from "./backend.ts";
export type * from "./events.ts";
export { KofiStakeElement, setBackendFactory, type Theme } from "./kofi-stake.ts";
