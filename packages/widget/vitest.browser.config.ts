import { defineConfig } from "vitest/config";
import { chromium } from "./vitest.chromium.ts";

/**
 * `<kofi-stake>` in headless Chromium against the real localnet (started in Node by the global setup),
 * signing real transactions with a test AIP-62 wallet: `npx vitest run --project widget-browser`.
 */
export default defineConfig({
  root: import.meta.dirname,
  // Pre-bundled up front: a dependency discovered mid-run would reload the page under a running test.
  optimizeDeps: {
    include: [
      "@aptos-labs/ts-sdk",
      "@aptos-labs/wallet-adapter-core",
      "@wallet-standard/core",
      "@mysten/bcs",
      "@aptos-labs/wallet-standard",
      "lit",
      "axe-core",
    ],
  },
  test: {
    name: "widget-browser",
    include: ["test/**/*.browser.test.ts"],
    globalSetup: ["test/browser/global-setup.ts"],
    browser: chromium(),
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
