/**
 * Reading a request's path segments and JSON body. A malformed value is the client's error: each helper throws
 * the 400 the real node answers, never a 500.
 */
import { normalizeAddress } from "../runtime/address.ts";
import type { Address } from "../runtime/port.ts";
import { ApiError, invalidInput } from "./errors.ts";

/** A parsed JSON body that is an object (`null`, arrays and scalars are the client's error, not a 500). */
export function isJsonObject(j: unknown): boolean {
  return typeof j === "object" && j !== null && !Array.isArray(j);
}

/** A path segment, URI-decoded: a malformed escape (`%E0%A4%A`) is the client's error (400), not a 500. */
export function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw invalidInput(`failed to parse path: malformed percent-encoding in "${s.slice(0, 200)}"`);
  }
}

/** An address path segment, URI-decoded and normalized. */
export function parseAddressSegment(s: string): Address {
  try {
    return normalizeAddress(decodeURIComponent(s));
  } catch {
    throw invalidInput(`failed to parse path : failed to parse "address(Address)": Invalid address: ${s}`);
  }
}

/** A transaction hash in a path: 0x + 64 hex digits, else 400 web_framework_error (the node's path parser). */
export function checkHash(h: string): void {
  if (!/^0x[0-9a-fA-F]{64}$/.test(h)) {
    throw new ApiError(
      400,
      "web_framework_error",
      `failed to parse path \`txn_hash\`: failed to parse "string(HashValue)": unable to parse HashValue: ${h}`,
    );
  }
}
