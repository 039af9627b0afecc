import { parseFile } from "@kofi/move";
import { describe, expect, it } from "vitest";
import {
  compareVenue,
  normalizeTypeString,
  parseCitation,
  type Report,
  readObjectLiteral,
  verifyVenue,
} from "./verify-venue-fixtures.ts";

/**
 * The fixture checker itself: a checker that reports nothing on any input would make its README record
 * worthless, so each test feeds it a small interface written here (not a venue's) with a known difference.
 */
describe("verify-venue-fixtures", () => {
  it("reads a citation: repository, commit, paths without the parenthesised note", () => {
    expect(parseCitation("Org/repo@0c5a7ce src/a.ts, src/b.ts (fullnode ABI JSON)")).toEqual({
      repo: "Org/repo",
      commit: "0c5a7ce",
      paths: ["src/a.ts", "src/b.ts"],
    });
  });

  it("compares addresses in any length", () => {
    expect(
      normalizeTypeString("0x7730cd28ee1cdc9e999336cbc430f99e7c44397c0aa77516f6f23a78559bb5::pool::Pool"),
    ).toBe("0x007730cd28ee1cdc9e999336cbc430f99e7c44397c0aa77516f6f23a78559bb5::pool::Pool");
  });

  it("reads an SDK ABI object literal as data (unquoted keys, trailing commas, comments)", () => {
    const text = `export const X = {\n  name: "m", // c\n  list: [1, 'two', true, { k: null, },],\n} as const;`;
    expect(readObjectLiteral(text)).toEqual({ name: "m", list: [1, "two", true, { k: null }] });
  });

  const move = `module 0xcafe::pool {
    use std::option::Option;
    use aptos_framework::object::{Self, Object};
    use aptos_framework::fungible_asset::Metadata;
    struct Pool has key { x: u64 }
    #[view]
    public fun preview(p: Object<Pool>, m: Object<Metadata>, t: Option<address>): u64 { abort 0 }
    public entry fun swap<T>(s: &signer, p: object::Object<Pool>, n: u64) { abort 0 }
  }`;
  const fixture = (previewParams: string[]) => ({
    address: "0xcafe",
    source: "Org/repo@abcdef0 sources/pool.move",
    modules: {
      pool: {
        preview: { params: previewParams, return: ["u64"], is_entry: false, is_view: true },
        swap: {
          params: ["&signer", "0x1::object::Object<0xcafe::pool::Pool>", "u64"],
          return: [],
          is_entry: true,
          is_view: false,
          typeParams: 1,
        },
      },
    },
  });
  const run = (fx: ReturnType<typeof fixture>) => {
    const report: Report = { checked: [], mismatches: [] };
    const read = (path: string) => {
      if (path !== "sources/pool.move") throw new Error(`no ${path}`); // no Move.toml: literal address
      return move;
    };
    verifyVenue("v", fx, { commit: "abcdef0", read }, report);
    return report;
  };

  it("resolves Move types to fullnode notation and passes a faithful transcription", () => {
    expect(parseFile(move, "pool.move").diagnostics).toEqual([]);
    const r = run(
      fixture([
        "0x1::object::Object<0xcafe::pool::Pool>",
        "0x1::object::Object<0x1::fungible_asset::Metadata>",
        "0x1::option::Option<address>",
      ]),
    );
    expect(r.mismatches).toEqual([]);
    expect(r.checked).toHaveLength(2);
  });

  it("reports a transcription with two parameters swapped", () => {
    const r = run(
      fixture([
        "0x1::object::Object<0x1::fungible_asset::Metadata>",
        "0x1::object::Object<0xcafe::pool::Pool>",
        "0x1::option::Option<address>",
      ]),
    );
    expect(r.mismatches).toHaveLength(1);
    expect(r.mismatches[0]).toMatch(/^v: pool::preview: params/);
  });

  it("reports a function the fixture marks as absent but the published file has", () => {
    const report: Report = { checked: [], mismatches: [] };
    compareVenue(
      "v",
      {
        address: "0xcafe",
        source: "Org/repo@abcdef0 x.move",
        modules: {
          pool: { f: { params: [], return: [], is_entry: false, is_view: true, source: "NOT in x" } },
        },
      },
      {
        functions: new Map([
          ["pool::f", { params: [], return: [], is_entry: false, is_view: true, typeParams: 0 }],
        ]),
        constants: new Map(),
        structs: new Map(),
      },
      report,
    );
    expect(report.mismatches).toEqual(['v: pool::f is marked "NOT in" but the published file has it']);
  });
});
