import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateFromMoveDir } from "./generate-lib.ts";

/** Consistency of the real Move sources, checked through the generator's view of them. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const { modules } = generateFromMoveDir(join(ROOT, "move"), ROOT);

describe("move/sources", () => {
  it("has modules", () => {
    expect(modules.length).toBeGreaterThan(0);
  });

  it("documents every error constant", () => {
    const undocumented = modules.flatMap((m) =>
      m.errors.filter((e) => e.doc === "").map((e) => `${m.abi.name}::${e.name}`),
    );
    expect(undocumented).toEqual([]);
  });

  it("documents every exposed (public, friend, package or entry) function", () => {
    const undocumented = modules.flatMap((m) =>
      Object.entries(m.functionDocs)
        .filter(([, doc]) => doc === "")
        .map(([name]) => `${m.abi.name}::${name}`),
    );
    expect(undocumented).toEqual([]);
  });

  it("uses each error reason once per module", () => {
    const duplicates = modules.flatMap((m) =>
      m.errors
        .filter((e, i) => m.errors.findIndex((x) => x.code === e.code) !== i)
        .map((e) => `${m.abi.name}::${e.name} reuses reason ${e.code}`),
    );
    expect(duplicates).toEqual([]);
  });

  it("declares exactly the error constants of the docs/protocol.md table, with the same reasons", () => {
    const spec = readFileSync(join(ROOT, "docs/protocol.md"), "utf8");
    const rows = [...spec.matchAll(/^\| (\w+) \| (E_\w+) \| (\d+) \|/gm)].map(
      (r) => `${r[1]}::${r[2]}=${r[3]}`,
    );
    const code = modules.flatMap((m) => m.errors.map((e) => `${m.abi.name}::${e.name}=${e.code}`));
    expect(code.sort()).toEqual(rows.sort());
  });

  it("declares exactly the events of docs/protocol.md (Events), fields in the listed order", () => {
    const spec = readFileSync(join(ROOT, "docs/protocol.md"), "utf8");
    const section = spec.slice(spec.indexOf("## Events"));
    const listed: string[] = [];
    for (const m of section.matchAll(/`(\w+)`: ([^`]*?)(?=\n`|\nAll event|$)/gs)) {
      for (const e of (m[2] as string).matchAll(/(\w+)\{([^}]*)\}/g)) {
        const fields = (e[2] as string)
          .replace(/\([^)]*\)/g, "")
          .split(",")
          .map((f) => f.trim().split(/[:\s]/)[0])
          .filter((f) => f !== undefined && f !== "");
        listed.push(`${m[1]}::${e[1]}{${fields.join(", ")}}`);
      }
    }
    const declared = modules.flatMap((m) =>
      m.abi.structs
        .filter((s) => s.is_event)
        .map((s) => `${m.abi.name}::${s.name}{${s.fields.map((f) => f.name).join(", ")}}`),
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(declared.sort()).toEqual(listed.sort());
  });

  it("marks every event struct `has drop, store`", () => {
    for (const m of modules) {
      for (const s of m.abi.structs.filter((x) => x.is_event)) {
        expect(s.abilities, `${m.abi.name}::${s.name}`).toEqual(["drop", "store"]);
      }
    }
  });
});
