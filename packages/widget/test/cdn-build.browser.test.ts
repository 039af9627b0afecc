// dist/cdn/kofi-stake.js: the eager file, with the SDK backend fetched as a chunk beside it on first use.
import { cdnSmoke } from "./browser/cdn-smoke.ts";

await cdnSmoke("/dist/cdn/kofi-stake.js", true);
