import { type Preview, setCustomElementsManifest } from "@storybook/web-components-vite";
import manifest from "../../packages/widget/custom-elements.json";

// Attributes, properties, events, CSS custom properties and parts of <kofi-stake> in the docs page.
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    layout: "padded",
    controls: { expanded: true },
    // The a11y panel fails a story on any violation, as the Chromium story tests do.
    a11y: { test: "error" },
  },
};

export default preview;
