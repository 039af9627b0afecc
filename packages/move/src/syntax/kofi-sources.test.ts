import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../diagnostics.ts";
import type { Expr } from "./ast.ts";
import { parseFile } from "./parse-module.ts";
import { forEachExpr } from "./visit.ts";

const MOVE = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../move");
const files = ["sources", "tests"].flatMap((d) =>
  readdirSync(join(MOVE, d))
    .filter((f) => f.endsWith(".move"))
    .map((f) => join(MOVE, d, f)),
);

describe("Kofi's Move parses completely", () => {
  it.each(files.map((f) => [f.slice(MOVE.length + 1), f]))(
    "%s: zero diagnostics, every function has a body",
    (_, file) => {
      const r = parseFile(readFileSync(file, "utf8"), file, { tests: true });
      expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
      expect(r.modules.length).toBeGreaterThan(0);
      for (const m of r.modules) {
        for (const f of m.functions) {
          if (f.isNative) continue;
          expect(f.body, `${m.name}::${f.name}`).toBeDefined();
        }
      }
    },
  );

  it("finds the calls the protocol makes (a sample that would vanish if bodies were skipped)", () => {
    const file = join(MOVE, "sources/gateway.move");
    const [m] = parseFile(readFileSync(file, "utf8"), file).modules;
    const calls = new Set<string>();
    for (const f of m?.functions ?? []) {
      if (!f.body) continue;
      forEachExpr(f.body, (e: Expr) => {
        if (e.kind === "call") calls.add(e.path.segments.join("::"));
      });
    }
    expect(calls.size).toBeGreaterThan(10);
    expect([...calls].some((c) => c.startsWith("staking_manager::"))).toBe(true);
  });

  it("parses the whole package (sources + tests) fast", () => {
    const sources = files.map((f) => [f, readFileSync(f, "utf8")] as const);
    const lines = sources.reduce((n, [, s]) => n + s.split("\n").length, 0);
    const time = () => {
      const t0 = performance.now();
      for (const [f, s] of sources) parseFile(s, f, { tests: true });
      return performance.now() - t0;
    };
    time(); // first pass: the JIT warms up
    const best = Math.min(time(), time(), time());
    expect(lines).toBeGreaterThan(3000);
    // Generous for a shared CI core; measured at a few milliseconds warm.
    expect(best).toBeLessThan(100);
  });
});
