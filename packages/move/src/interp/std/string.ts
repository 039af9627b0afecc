/**
 * `0x1::string` (move-stdlib/sources/string.move): `String` is `{ bytes: vector<u8> }`, always valid UTF-8;
 * `utf8` aborts EINVALID_UTF8 = 1 at 0x1::string otherwise.
 */
import type { NativeFn } from "../natives.ts";
import { Ref, type StructValue, type Value } from "../values.ts";
import { abortIn, deref, entries } from "./util.ts";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Whether the bytes are valid UTF-8 (`string::internal_check_utf8`). */
export function isUtf8(bytes: readonly bigint[]): boolean {
  try {
    decoder.decode(Uint8Array.from(bytes, Number));
    return true;
  } catch {
    return false;
  }
}

const invalid = (fn: string) => abortIn("string", 1n, "EINVALID_UTF8", "An invalid UTF8 encoding.", fn);

interface Str extends StructValue {
  bytes: bigint[];
}

export const stringNatives = entries("string", {
  /** Models `string::utf8`: aborts EINVALID_UTF8 on invalid bytes. */
  utf8: (_c, [b]) => {
    if (!isUtf8(b as bigint[])) throw invalid("utf8");
    return [{ bytes: b as Value[] }];
  },
  /** Models `string::try_utf8`: `some(String)` or `none`. */
  try_utf8: (_c, [b]) => [{ vec: isUtf8(b as bigint[]) ? [{ bytes: b as Value[] }] : [] }],
  /** Models `string::bytes`: a reference to the bytes. */
  bytes: (_c, [s]) => [new Ref(deref<Str>(s), "bytes")],
  /** Models `string::length` (in bytes). */
  length: (_c, [s]) => [BigInt(deref<Str>(s).bytes.length)],
  /** Models `string::is_empty`. */
  is_empty: (_c, [s]) => [deref<Str>(s).bytes.length === 0],
  /** Models `string::append`. */
  append: (_c, [s, r]) => {
    deref<Str>(s).bytes.push(...(r as Str).bytes);
    return [];
  },
  /** Models `string::append_utf8`: aborts EINVALID_UTF8 on invalid bytes. */
  append_utf8: (_c, [s, b]) => {
    if (!isUtf8(b as bigint[])) throw invalid("append_utf8");
    deref<Str>(s).bytes.push(...(b as bigint[]));
    return [];
  },
} satisfies Record<string, NativeFn>);
