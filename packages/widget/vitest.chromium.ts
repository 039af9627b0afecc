/**
 * The Chromium that browser-mode vitest projects launch (the stories and the widget's browser tests), found by
 * `chromium-path.ts` (KOFI_CHROMIUM, the system's, Playwright's cache) and driven through playwright-core, which
 * downloads no browser. Without one, a run that actually has browser tests to run stops with one line saying
 * what to install; a run of Node projects only (`--project core`) is not affected, although the root config
 * loads every project's config, this one included.
 */
import { playwright } from "@vitest/browser-playwright";
import { CHROMIUM_ARGS, findChromium, installHint } from "./chromium-path.ts";

/** @deprecated Use `findChromium()` from `chromium-path.ts`; kept for importers of the old constant. */
export const CHROMIUM_PATH = findChromium() ?? "/usr/bin/chromium";

/**
 * Stops the process with the one-line install hint when there is no Chromium. Called where a browser project is
 * known to have tests to run: its browser provider being created, or its global setup (which runs before that,
 * so the localnet and the CDN build are not started for nothing). Exiting, not throwing: vitest would otherwise
 * print a stack and an AggregateError per browser project, or fail deep inside the first browser test.
 */
export function stopWithoutChromium(): void {
  if (findChromium()) return;
  process.stderr.write(`kofi: ${installHint()}\n`);
  process.exit(1);
}

export function chromium() {
  const executablePath = findChromium();
  const provider = playwright({
    // "" only when missing: then providerFactory below stops the run before anything launches it.
    launchOptions: { executablePath: executablePath ?? "", args: [...CHROMIUM_ARGS] },
  });
  if (!executablePath) {
    // Not at config time: the root config loads this file for every run, Node-only projects included. vitest
    // creates the provider only for a browser project that has test files in this run.
    provider.providerFactory = () => {
      stopWithoutChromium();
      throw new Error(installHint()); // unreachable: stopWithoutChromium exits when there is no Chromium
    };
  }
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider,
    instances: [{ browser: "chromium" as const }],
  };
}
