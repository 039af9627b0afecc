/**
 * Issue 14, low row "bevelled main buttons and native radios ignore the theme; the disabled claim button is
 * ~2:1 contrast": computed styles in Chromium. The main buttons and the radios take the theme's accent (and a
 * host's `--kofi-accent`), no button keeps the browser's outset border, and a disabled main button stays
 * readable.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mount, until } from "./browser/harness.ts";
import { fundedAccount, localnet } from "./browser/localnet-client.ts";
import { createTestWallet } from "./browser/test-wallet.ts";

/** WCAG relative luminance of a computed `rgb(...)` / `rgba(...)` colour (opaque colours only). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  if (r === undefined || g === undefined || b === undefined) throw new Error(`not a colour: ${color}`);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("<kofi-stake> theming of buttons and radios (Chromium, localnet)", () => {
  afterEach(() => document.body.replaceChildren());

  it("dark theme: Connect and the receive radios use the dark accent; a host --kofi-accent wins", async () => {
    const m = mount({});
    m.el.theme = "dark";
    await until(
      m,
      () => !!m.$("[part~=connect-button][part~=primary-button]") && !!m.$("input[type=radio]"),
      "connect and radios",
    );
    const connect = m.$("[part~=connect-button][part~=primary-button]") as HTMLElement;
    const radio = m.$("input[type=radio]") as HTMLElement;
    const darkAccent = "rgb(168, 156, 255)"; // styles.ts: the dark theme's --_accent default, #a89cff
    expect(getComputedStyle(connect).backgroundColor).toBe(darkAccent);
    expect(getComputedStyle(connect).borderTopStyle).toBe("solid"); // not the browser's outset bevel
    expect(getComputedStyle(radio).accentColor).toBe(darkAccent);
    m.el.style.setProperty("--kofi-accent", "rgb(10, 120, 60)");
    expect(getComputedStyle(connect).backgroundColor).toBe("rgb(10, 120, 60)");
    expect(getComputedStyle(radio).accentColor).toBe("rgb(10, 120, 60)");
    for (const b of m.$$("button"))
      expect(getComputedStyle(b).borderTopStyle, b.getAttribute("part") ?? "").not.toBe("outset");
  });

  it("a disabled main button (Review with no amount) keeps text readable: contrast at least 4.5:1", async () => {
    const wallet = createTestWallet({ account: await fundedAccount(), nodeUrl: localnet().nodeUrl });
    for (const theme of ["light", "dark"] as const) {
      const m = mount({ wallet });
      m.el.theme = theme;
      await until(
        m,
        () => m.$<HTMLButtonElement>("[part~=review-button]")?.disabled === true,
        "disabled Review",
      );
      const style = getComputedStyle(m.$("[part~=review-button]") as HTMLElement);
      expect(style.opacity).toBe("1");
      expect(
        contrast(style.color, style.backgroundColor),
        `${theme}: ${style.color} on ${style.backgroundColor}`,
      ).toBeGreaterThanOrEqual(4.5);
    }
  });
});
