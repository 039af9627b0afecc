/** `@kofi/widget/core`: the SDK-backed backend, for hosts that build it themselves (e.g. with swap adapters). */
export { CoreBackend, type CoreBackendOptions, createCoreBackend } from "./backend-core.ts";
