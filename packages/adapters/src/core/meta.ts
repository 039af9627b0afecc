/** Venue metadata: defined once in `@kofi/core` (`registry/venue.ts`) with the `SwapAdapter` interface. */
export type { AdapterMeta, LivenessStatus, VenueKind } from "@kofi/core";
