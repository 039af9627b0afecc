import { GeneratorError } from "./errors.ts";

/** Named addresses of the Aptos framework packages, as the fullnode prints them. */
export const FRAMEWORK_ADDRESSES: Readonly<Record<string, string>> = {
  std: "0x1",
  aptos_std: "0x1",
  aptos_framework: "0x1",
  aptos_token: "0x3",
  aptos_token_objects: "0x4",
  aptos_experimental: "0x7",
};

/**
 * The fullnode's standard address form (`AccountAddress::to_standard_string`): the special addresses
 * 0x0..0xf are short (`0x1`), every other address is the full 64-hex-digit form. Extra leading zeros
 * are accepted as long as the value fits in 32 bytes.
 */
export function formatAddress(literal: string): string {
  const digits = literal.replace(/_/g, "");
  if (!/^0x[0-9a-fA-F]+$/.test(digits) && !/^[0-9]+$/.test(digits)) {
    throw new GeneratorError(`invalid address literal '${literal}'`);
  }
  const value = BigInt(digits);
  if (value >= 1n << 256n) throw new GeneratorError(`address '${literal}' is longer than 32 bytes`);
  if (value < 16n) return `0x${value.toString(16)}`;
  return `0x${value.toString(16).padStart(64, "0")}`;
}

/**
 * Reads the named addresses of a Move.toml: `[addresses]`, overridden by `[dev-addresses]` (the
 * generator describes the dev/localnet deployment). `"_"` placeholders without a dev value are left out.
 */
export function readMoveTomlAddresses(
  toml: string,
  file: string,
  warnings: string[] = [],
): Record<string, string> {
  const sections: Record<string, Record<string, string>> = {};
  let current = "";
  for (const rawLine of toml.split("\n")) {
    const line = rawLine.replace(/#.*$/, "").trim();
    if (line === "") continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = (header[1] as string).trim();
      continue;
    }
    const kv = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"([^"]*)"$/.exec(line);
    if (kv && (current === "addresses" || current === "dev-addresses")) {
      sections[current] ??= {};
      (sections[current] as Record<string, string>)[kv[1] as string] = kv[2] as string;
    }
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...sections.addresses, ...sections["dev-addresses"] })) {
    if (value === "_") continue;
    const digits = value.replace(/^0x/, "").replace(/_/g, "");
    if (digits.length > 64) {
      warnings.push(
        `${file}: address ${name} = "${value}" has ${digits.length} hex digits; an Aptos address has at most 64 ` +
          "(@aptos-labs/ts-sdk AccountAddress.from rejects it). The ABI uses the 64-digit form the fullnode prints.",
      );
    }
    try {
      out[name] = formatAddress(value);
    } catch (e) {
      throw new GeneratorError(`${file}: named address ${name}: ${(e as Error).message}`);
    }
  }
  return out;
}
