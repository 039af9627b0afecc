import { defineConfig } from "vitest/config";
import { chromium } from "../packages/widget/vitest.chromium.ts";

// Every story rendered in headless Chromium, its play function run, then axe-core over the result:
// `npx vitest run --project stories` (or `npx vitest run --root storybook`).
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: "stories",
    include: ["stories/**/*.test.ts"],
    browser: chromium(),
    fileParallelism: false,
    testTimeout: 30_000,
  },
});
