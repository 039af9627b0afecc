import type { Diagnostic } from "./diagnostics.ts";

/** What the loader needs from `Move.toml`: the package name and the named addresses of each section. */
export interface MoveToml {
  name: string;
  /** `[addresses]`: name -> value as written (`"_"` for a placeholder assigned elsewhere). */
  addresses: Map<string, string>;
  /** `[dev-addresses]`: name -> value as written. */
  devAddresses: Map<string, string>;
}

/**
 * Reads the subset of TOML that `Move.toml` uses for these sections: `[section]` headers and
 * `key = "string"` lines (comments after `#`). Other sections and value forms are ignored; a malformed line
 * inside `[package]`, `[addresses]` or `[dev-addresses]` is reported with its line.
 */
export function readMoveToml(text: string, file: string, diagnostics: Diagnostic[]): MoveToml {
  const out: MoveToml = { name: "", addresses: new Map(), devAddresses: new Map() };
  let section = "";
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] as string).replace(/#.*$/, "").trim();
    if (line === "") continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = (header[1] as string).trim();
      continue;
    }
    if (section !== "package" && section !== "addresses" && section !== "dev-addresses") continue;
    const kv = /^([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*"([^"]*)"$/.exec(line);
    if (!kv) {
      if (section === "package") continue; // other value forms (arrays, tables) are not ours to read
      diagnostics.push({
        severity: "error",
        code: "move_toml",
        message: `expected name = "value" in [${section}], found '${line}'`,
        pos: { file, line: n + 1, col: 1 },
      });
      continue;
    }
    const [, key, value] = kv as unknown as [string, string, string];
    if (section === "package") {
      if (key === "name") out.name = value;
    } else (section === "addresses" ? out.addresses : out.devAddresses).set(key, value);
  }
  return out;
}
