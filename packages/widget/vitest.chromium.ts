/**
 * The Chromium that browser-mode vitest projects launch (the stories and the widget's browser tests), found by
 * `chromium-path.ts` (KOFI_CHROMIUM, the system's, Playwright's cache) and driven through playwright-core, which
 * downloads no browser. Without one the run stops at once with one line saying what to install.
 */
import { playwright } from "@vitest/browser-playwright";
import { CHROMIUM_ARGS, findChromium, installHint } from "./chromium-path.ts";

/** @deprecated Use `findChromium()` from `chromium-path.ts`; kept for importers of the old constant. */
export const CHROMIUM_PATH = findChromium() ?? "/usr/bin/chromium";

export function chromium() {
  const executablePath = findChromium();
  if (!executablePath) {
    // Stop the whole run here, at config time, with one line: vitest would otherwise print a startup
    // AggregateError per browser project, or fail deep inside the first browser test.
    process.stderr.write(`kofi: ${installHint()}\n`);
    process.exit(1);
  }
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({
      launchOptions: { executablePath, args: [...CHROMIUM_ARGS] },
    }),
    instances: [{ browser: "chromium" as const }],
  };
}
