/**
 * Where the Chromium for tests, e2e and bench is: one lookup shared by every launcher (the vitest browser
 * projects, `test/csp.chromium.test.ts`, `tests/e2e/harness.ts`, `bench/widget-browser.ts`). playwright-core
 * downloads no browser, so a fresh machine may have none: then `requireChromium()` stops with one line that says
 * what to run on this platform, instead of a failure deep inside a browser test.
 *
 * Order: `KOFI_CHROMIUM`, `CHROMIUM_PATH` (older name), the system's Chromium or Chrome, Playwright's cache.
 */
import { existsSync, readdirSync } from "node:fs";
import { homedir, platform } from "node:os";
import { join } from "node:path";

const SYSTEM: Record<string, readonly string[]> = {
  linux: [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
  ],
  darwin: [
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  ],
  win32: [
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
  ],
};

/** Playwright's browser cache (`npx playwright install chromium` puts builds there). */
function playwrightCache(): string[] {
  const os = platform();
  const root =
    process.env.PLAYWRIGHT_BROWSERS_PATH ??
    (os === "darwin"
      ? join(homedir(), "Library", "Caches", "ms-playwright")
      : os === "win32"
        ? join(process.env.LOCALAPPDATA ?? homedir(), "ms-playwright")
        : join(homedir(), ".cache", "ms-playwright"));
  if (!existsSync(root)) return [];
  const inside =
    os === "darwin"
      ? [
          "chrome-mac/Chromium.app/Contents/MacOS/Chromium",
          "chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium",
        ]
      : os === "win32"
        ? ["chrome-win/chrome.exe", "chrome-win64/chrome.exe"]
        : ["chrome-linux/chrome", "chrome-linux64/chrome"];
  return readdirSync(root)
    .filter((d) => d.startsWith("chromium-"))
    .sort()
    .reverse() // newest build first
    .flatMap((d) => inside.map((p) => join(root, d, p)));
}

/** The first Chromium found, or null. */
export function findChromium(): string | null {
  const set = process.env.KOFI_CHROMIUM ?? process.env.CHROMIUM_PATH;
  if (set) return existsSync(set) ? set : null;
  for (const p of [...(SYSTEM[platform()] ?? []), ...playwrightCache()]) if (existsSync(p)) return p;
  return null;
}

/** What to run on this platform to get one (the README's table says the same). */
export function installHint(): string {
  const set = process.env.KOFI_CHROMIUM ?? process.env.CHROMIUM_PATH;
  const prefix = set ? `KOFI_CHROMIUM=${set} does not exist. ` : "No Chromium found. ";
  switch (platform()) {
    case "linux":
      return `${prefix}Run: sudo apt-get install chromium (Debian/Ubuntu), or npx playwright install chromium, or set KOFI_CHROMIUM=/path/to/chrome`;
    case "darwin":
      return `${prefix}Run: brew install --cask chromium, or npx playwright install chromium, or set KOFI_CHROMIUM=/path/to/Chromium`;
    default:
      return `${prefix}Run: npx playwright install chromium, or install Google Chrome, or set KOFI_CHROMIUM=C:\\path\\to\\chrome.exe`;
  }
}

/** The Chromium path, or a one-line error that says what to install. */
export function requireChromium(): string {
  const found = findChromium();
  if (found) return found;
  const error = new Error(installHint());
  error.stack = error.message; // one line: no stack trace under it
  throw error;
}

/** The flags every launcher uses: quiet and offline on a 2-core machine. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

type Chromium = typeof import("playwright-core")["chromium"];

/**
 * The one Chromium launcher of the repository (the widget's Chromium tests, tests/e2e, bench/widget-*): the
 * Chromium found above, with `CHROMIUM_ARGS`, through playwright-core (imported here on demand, so the vitest
 * configs that only need the path do not load it). Throws the one-line install hint when there is none.
 */
export async function launchChromium(
  options: Parameters<Chromium["launch"]>[0] = {},
): Promise<Awaited<ReturnType<Chromium["launch"]>>> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: requireChromium(), args: [...CHROMIUM_ARGS], ...options });
}

/** The same, as a persistent context in `profileDir` (wallet extensions and storage that survive pages). */
export async function launchChromiumContext(
  profileDir: string,
  options: Parameters<Chromium["launchPersistentContext"]>[1] = {},
): Promise<Awaited<ReturnType<Chromium["launchPersistentContext"]>>> {
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext(profileDir, {
    executablePath: requireChromium(),
    args: [...CHROMIUM_ARGS],
    headless: true,
    ...options,
  });
}
