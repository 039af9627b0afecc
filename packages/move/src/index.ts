export * from "./check/index.ts";
export * from "./diagnostics.ts";
export * from "./interp/index.ts";
export { FRAMEWORK_NAMED_ADDRESSES, type LoadedPackage, type LoadOptions, loadPackage } from "./load.ts";
export { type MoveToml, readMoveToml } from "./move-toml.ts";
export type { MovePackage } from "./package.ts";
export * from "./syntax/index.ts";
export * from "./types.ts";
