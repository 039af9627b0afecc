/**
 * Locale resolution, message lookup with `{name}` interpolation, and text direction.
 *
 * English is eager; the other bundled locales are chunks loaded when a page asks for them (`loadLocale`): each is
 * ~3 kB gzip, and a visitor reading English should not download French and Arabic before the rate is on screen.
 */
import { en, type MessageKey, type Messages } from "./locales/en.ts";

export type { MessageKey, Messages };

/** Bundled locales, loaded on demand. Add a file under `locales/` and list it here. */
const LOADERS: Readonly<Record<string, () => Promise<Messages>>> = {
  fr: () => import("./locales/fr.ts").then((m) => m.fr),
  ar: () => import("./locales/ar.ts").then((m) => m.ar),
};

/** The tags of the bundled locales. */
export const LOCALE_TAGS: readonly string[] = ["en", ...Object.keys(LOADERS)];

const loaded: Record<string, Messages> = { en };

/**
 * The locales loaded so far (English always).
 * @deprecated Before 0.2 every bundled locale was here at import; they now load on demand. Use `LOCALE_TAGS`
 * for the list and `loadLocale(tag)` for the messages.
 */
export const LOCALES: Readonly<Record<string, Messages>> = loaded;

/** Loads a bundled locale's messages (once); resolves at once for English or an unknown tag. */
export async function loadLocale(tag: string | undefined | null): Promise<Messages> {
  const resolved = resolveLocale(tag);
  const known = loaded[resolved];
  if (known) return known;
  const messages = await (LOADERS[resolved] as () => Promise<Messages>)();
  loaded[resolved] = messages;
  return messages;
}

/** Whether `messagesFor(tag)` already has the locale's own messages (else English until `loadLocale`). */
export function isLocaleLoaded(tag: string | undefined | null): boolean {
  return loaded[resolveLocale(tag)] !== undefined;
}

const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "ps", "yi", "dv", "ku", "sd", "ug"]);

/** The bundled locale closest to a BCP 47 tag: exact, then language subtag, then English. */
export function resolveLocale(tag: string | undefined | null): string {
  if (!tag) return "en";
  const lower = tag.toLowerCase();
  if (LOCALE_TAGS.includes(lower)) return lower;
  const language = lower.split(/[-_]/)[0] ?? "";
  return LOCALE_TAGS.includes(language) ? language : "en";
}

/** A tag Intl accepts; falls back to "en" for garbage. */
export function intlLocale(tag: string | undefined | null): string {
  if (!tag) return "en";
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? "en";
  } catch {
    return "en";
  }
}

export function isRtl(tag: string): boolean {
  const language = tag.toLowerCase().split(/[-_]/)[0] ?? "";
  return RTL_LANGUAGES.has(language);
}

/**
 * Messages for a locale with the host's overrides on top. Missing keys fall back to English, and so does a
 * bundled locale not loaded yet (`loadLocale`).
 */
export function messagesFor(tag: string | undefined | null, overrides?: Partial<Messages>): Messages {
  return { ...en, ...loaded[resolveLocale(tag)], ...(overrides ?? {}) };
}

/** Looks a key up and fills `{name}` placeholders. Unknown placeholders are left as they are. */
export function translate(
  messages: Messages,
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
): string {
  const template = messages[key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
