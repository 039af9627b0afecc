/**
 * `@kofi/widget`: importing this entry registers `<kofi-stake>` (guarded; safe during SSR).
 * Import `@kofi/widget/element` for the class alone (scoped registries, your own tag name).
 */
export { DEFAULT_GAS_RESERVE, formatAmount, parseAmount, toDecimalString } from "./amount.ts";
export type * from "./backend.ts";
export { defineKofiStake, TAG } from "./define.ts";
export type * from "./events.ts";
export type { MessageKey, Messages } from "./i18n.ts";
export { LOCALES } from "./i18n.ts";
export { KofiStakeElement, setBackendFactory, type Theme } from "./kofi-stake.ts";
export type { TabId } from "./tabs.ts";
