// @kofi/cli: the `kofi` command line as a library (the bin calls `run`). Nothing runs at import.

export { EXIT_CODES } from "./exitCodes.ts";
export { type CliIo, run, toJson, USAGE } from "./main.ts";
