/**
 * The std natives `@kofi/move` ships: pure, chain-independent functions of `0x1::vector`, `0x1::option`,
 * `0x1::error`, `0x1::signer` and `0x1::string`. The localnet adds the framework's chain-facing natives.
 */
import type { NativeFn, NativeTable } from "../natives.ts";
import { errorNatives } from "./error.ts";
import { optionNatives } from "./option.ts";
import { signerNatives } from "./signer.ts";
import { stringNatives } from "./string.ts";
import { vectorNatives } from "./vector.ts";

export function stdNatives<H = unknown>(): NativeTable<H> {
  return new Map<string, NativeFn<H>>([
    ...vectorNatives,
    ...optionNatives,
    ...errorNatives,
    ...signerNatives,
    ...stringNatives,
  ] as [string, NativeFn<H>][]);
}
