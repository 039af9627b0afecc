import { defineConfig } from "vitest/config";

// One run covers every workspace; each project keeps its own environment.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "abi", include: ["scripts/**/*.test.ts"], environment: "node" } },
      { test: { name: "move", include: ["packages/move/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "core",
          include: ["packages/core/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "localnet",
          include: ["packages/localnet/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        // the `kofi` bin spawned against localnets; each file starts its own node
        test: {
          name: "cli",
          include: ["packages/cli/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "adapters",
          include: ["packages/adapters/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      "packages/widget/vitest.config.ts",
      "storybook/vitest.config.ts",
      "packages/widget/vitest.browser.config.ts",
      {
        // Chromium drives the demo site against a localnet (tests/e2e/harness.ts); one file at a time.
        test: {
          name: "e2e",
          include: ["tests/**/*.e2e.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
