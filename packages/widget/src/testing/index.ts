/**
 * `@kofi/widget/testing`: what the widget's own tests and the Storybook stories use, for hosts' tests too. An
 * in-memory `KofiBackend` (no chain, no network: scripted protocol, position, routes, failures and gates).
 */
export {
  DEFAULT_PROTOCOL,
  MemoryBackend,
  type MemoryBackendOptions,
  sampleTickets,
} from "./memory-backend.ts";
