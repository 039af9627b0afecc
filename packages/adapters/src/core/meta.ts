/**
 * Liveness of a venue. "winding-down": the venue froze new activity or announced its end (quoted only with
 * a warning, never silently); "defunct": shut down (never quoted); "unknown": no signal either way.
 */
export type LivenessStatus = "live" | "winding-down" | "defunct" | "unknown";

export type VenueKind = "clmm" | "amm" | "aggregator" | "lending" | "lst";

/** Metadata every adapter declares. */
export interface AdapterMeta {
  /** Stable unique id, e.g. "hyperion". */
  id: string;
  /** Human name. */
  name: string;
  kind: VenueKind;
  /** Mainnet package addresses the adapter calls (long form). */
  packages: readonly `0x${string}`[];
  liveness: LivenessStatus;
  /** Where the liveness claim comes from (URL, repository + commit, date). */
  livenessSource?: string;
  /** How quotes are obtained. */
  quoteSource: "view" | "http" | "simulation";
}
