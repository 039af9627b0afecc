import { beforeAll, describe, expect, it } from "vitest";
import {
  intlLocale,
  isLocaleLoaded,
  isRtl,
  LOCALE_TAGS,
  loadLocale,
  messagesFor,
  resolveLocale,
  translate,
} from "./i18n.ts";
import { ar } from "./locales/ar.ts";
import { en } from "./locales/en.ts";
import { fr } from "./locales/fr.ts";

const LOCALES = { en, fr, ar };

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("locales", () => {
  it("bundles English plus at least two more, one right-to-left", () => {
    expect(LOCALE_TAGS).toEqual(Object.keys(LOCALES));
    expect(LOCALE_TAGS.some(isRtl)).toBe(true);
  });
  it("loads a locale on demand: English until then, then its own messages", async () => {
    expect(isLocaleLoaded("en")).toBe(true);
    expect(isLocaleLoaded("ar-EG")).toBe(false);
    expect(translate(messagesFor("ar"), "tab.deposit")).toBe("Stake");
    expect(await loadLocale("ar-EG")).toBe(ar);
    expect(isLocaleLoaded("ar")).toBe(true);
    expect(translate(messagesFor("ar"), "tab.deposit")).toBe(ar["tab.deposit"]);
  });
  for (const [tag, messages] of Object.entries(LOCALES)) {
    it(`${tag} has exactly the English keys, with the same placeholders, none empty`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const translated = messages[key as keyof typeof en];
        expect(translated.length, key).toBeGreaterThan(0);
        expect(placeholders(translated), `${tag} ${key}`).toEqual(placeholders(text));
      }
    });
  }
});

describe("resolveLocale, isRtl, intlLocale", () => {
  it("falls back by language subtag, then to English", () => {
    expect(resolveLocale("fr-CA")).toBe("fr");
    expect(resolveLocale("ar_EG")).toBe("ar");
    expect(resolveLocale("AR")).toBe("ar");
    expect(resolveLocale("de-DE")).toBe("en");
    expect(resolveLocale(undefined)).toBe("en");
    expect(resolveLocale("")).toBe("en");
  });
  it("knows right-to-left languages", () => {
    expect(isRtl("ar")).toBe(true);
    expect(isRtl("he-IL")).toBe(true);
    expect(isRtl("fa")).toBe(true);
    expect(isRtl("en-US")).toBe(false);
    expect(isRtl("fr")).toBe(false);
  });
  it("canonicalises tags for Intl and survives garbage", () => {
    expect(intlLocale("en-us")).toBe("en-US");
    expect(intlLocale("not a locale!")).toBe("en");
    expect(intlLocale(null)).toBe("en");
  });
});

describe("translate and host overrides", () => {
  it("fills placeholders and leaves unknown ones", () => {
    const m = messagesFor("en");
    expect(translate(m, "amount.balance", { amount: "1.5", token: "APT" })).toBe("Balance: 1.5 APT");
    expect(translate(m, "amount.balance", { amount: "1.5" })).toBe("Balance: 1.5 {token}");
    expect(translate(m, "tab.deposit")).toBe("Stake");
    expect(translate(m, "tab.stake")).toBe("Convert");
  });
  beforeAll(() => loadLocale("fr"));
  it("uses the locale, then the host's overrides on top", () => {
    expect(translate(messagesFor("fr"), "tab.deposit")).toBe("Staker");
    const m = messagesFor("fr", { "tab.deposit": "Déposer" });
    expect(translate(m, "tab.deposit")).toBe("Déposer");
    expect(translate(m, "tab.stake")).toBe("Convertir");
    expect(translate(messagesFor("xx", { "tab.deposit": "Go" }), "tab.deposit")).toBe("Go");
  });
  it("does not interpret $ patterns in values", () => {
    expect(translate(messagesFor("en"), "status.hash", { hash: "$&$1" })).toBe("Transaction $&$1");
  });
});
