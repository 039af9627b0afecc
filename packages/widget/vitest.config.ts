import { defineConfig } from "vitest/config";

// Pure-logic tests in Node: `npx vitest run --root packages/widget` (or `npm test -w @kofi/widget`).
export default defineConfig({
  test: {
    name: "widget",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Chromium runs these: vitest.browser.config.ts
    exclude: ["**/node_modules/**", "test/**/*.browser.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});
