/** The types the checker's rules name directly. */
import type { Ty } from "../types.ts";

export const NEVER: Ty = { k: "never" };
export const BOOL: Ty = { k: "bool" };
export const U64: Ty = { k: "u64" };
export const U8: Ty = { k: "u8" };
export const ADDRESS: Ty = { k: "address" };
