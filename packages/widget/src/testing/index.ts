/**
 * `@kofi/widget/testing`: what the widget's own tests and the Storybook stories use, for hosts' tests too. An
 * in-memory `KofiBackend` (no chain, no network: scripted protocol, position, exit routes, entry venues, failures and gates).
 */
export {
  DEFAULT_PROTOCOL,
  MemoryBackend,
  type MemoryBackendOptions,
  type MemoryEntryVenue,
  sampleTickets,
} from "./memory-backend.ts";
