import { defineConfig } from "vitest/config";

// Not a project of the root vitest.config.ts: run with `--root venue-sdks` (see README.md).
export default defineConfig({
  test: {
    name: "venue-sdks",
    include: ["*.test.ts"],
    environment: "node",
  },
});
