// `npm run manifest -w @kofi/widget`: writes custom-elements.json (Storybook autodocs, IDEs, wrappers).
// The element's public API is documented in JSDoc on the class (src/kofi-stake.ts).
const isInternal = (name) => typeof name === "string" && name.startsWith("_");

/** Lit's `state: true` properties and private members are not API: keep them out of the manifest. */
function publicApiOnly() {
  return {
    name: "kofi-public-api-only",
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.attributes) d.attributes = d.attributes.filter((a) => !isInternal(a.name));
          if (d.members)
            d.members = d.members.filter(
              (m) => !isInternal(m.name) && m.privacy !== "private" && m.privacy !== "protected",
            );
        }
      }
    },
  };
}

export default {
  globs: ["src/kofi-stake.ts"],
  outdir: ".",
  litelement: true,
  packagejson: false,
  plugins: [publicApiOnly()],
};
