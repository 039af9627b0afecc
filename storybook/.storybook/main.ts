import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { StorybookConfig } from "@storybook/web-components-vite";

/**
 * Resolved from this workspace: npm may hoist `storybook` to the root while the framework stays in
 * storybook/node_modules, and Storybook resolves bare names from its own location.
 */
const here = (name: string) => dirname(fileURLToPath(import.meta.resolve(`${name}/package.json`)));

const config: StorybookConfig = {
  framework: {
    name: here("@storybook/web-components-vite") as "@storybook/web-components-vite",
    options: {},
  },
  stories: ["../stories/**/*.stories.ts"],
  // Docs: autodocs from packages/widget/custom-elements.json. A11y: the axe panel (the same rules the
  // Chromium story tests enforce in `npx vitest run --project stories`).
  addons: [here("@storybook/addon-docs"), here("@storybook/addon-a11y")],
  core: { disableTelemetry: true },
};

export default config;
