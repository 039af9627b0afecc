// dist/cdn/kofi-stake.bundle.js: everything in one file.
import { cdnSmoke } from "./browser/cdn-smoke.ts";

await cdnSmoke("/dist/cdn/kofi-stake.bundle.js", false);
