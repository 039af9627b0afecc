/** Locale resolution, message lookup with `{name}` interpolation, and text direction. */
import { ar } from "./locales/ar.ts";
import { en, type MessageKey, type Messages } from "./locales/en.ts";
import { fr } from "./locales/fr.ts";

export type { MessageKey, Messages };

/** Bundled locales. Add a file under `locales/` and list it here. */
export const LOCALES: Readonly<Record<string, Messages>> = { en, fr, ar };

const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "ps", "yi", "dv", "ku", "sd", "ug"]);

/** The bundled locale closest to a BCP 47 tag: exact, then language subtag, then English. */
export function resolveLocale(tag: string | undefined | null): string {
  if (!tag) return "en";
  const lower = tag.toLowerCase();
  if (LOCALES[lower]) return lower;
  const language = lower.split(/[-_]/)[0] ?? "";
  return LOCALES[language] ? language : "en";
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

/** Bundled messages for a locale with the host's overrides on top. Missing keys fall back to English. */
export function messagesFor(tag: string | undefined | null, overrides?: Partial<Messages>): Messages {
  return { ...en, ...LOCALES[resolveLocale(tag)], ...(overrides ?? {}) };
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
