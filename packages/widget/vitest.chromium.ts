/**
 * The Chromium that browser-mode vitest projects launch (the stories and the widget's browser tests):
 * Debian's `chromium` through playwright-core, which downloads no browser. `.ci/run` installs it when
 * missing; `CHROMIUM_PATH` points elsewhere. The flags keep it quiet and offline on a 2-core machine.
 */
import { playwright } from "@vitest/browser-playwright";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromium() {
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      },
    }),
    instances: [{ browser: "chromium" as const }],
  };
}
