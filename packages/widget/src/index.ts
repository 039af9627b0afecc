/**
 * `@kofi/widget`: importing this entry registers `<kofi-stake>` (guarded; safe during SSR) and makes the
 * SDK-backed backend (loaded lazily on first use) the default for `network` / `node-url` / `kofi-address`.
 * Import `@kofi/widget/element` for the class alone (scoped registries, your own tag, your own backend).
 */
import { lazyCoreBackend } from "./backend-lazy.ts";
import { setBackendFactory } from "./kofi-stake.ts";

setBackendFactory(lazyCoreBackend);

export { DEFAULT_GAS_RESERVE, formatAmount, parseAmount, toDecimalString } from "./amount.ts";
export type * from "./backend.ts";
export { lazyCoreBackend } from "./backend-lazy.ts";
export { defineKofiStake, TAG } from "./define.ts";
export type * from "./events.ts";
export type { MessageKey, Messages } from "./i18n.ts";
export { LOCALE_TAGS, LOCALES, loadLocale } from "./i18n.ts";
export { KofiStakeElement, setBackendFactory, type Theme } from "./kofi-stake.ts";
export type { TabId } from "./tabs.ts";
