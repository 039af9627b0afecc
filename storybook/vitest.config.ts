import { defineConfig } from "vitest/config";

// Stories rendered and played in happy-dom: `npx vitest run --root storybook`.
export default defineConfig({
  test: { name: "stories", include: ["stories/**/*.test.ts"], environment: "happy-dom", testTimeout: 15_000 },
});
