import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../diagnostics.ts";
import { parseFile } from "./parse-module.ts";
import { show } from "./show-tree.ts";

/** Binary operators by binding strength, loosest first (Move's table). */
const LEVELS = [
  ["||"],
  ["&&"],
  ["==", "!=", "<", ">", "<=", ">="],
  ["|"],
  ["^"],
  ["&"],
  ["<<", ">>"],
  ["+", "-"],
  ["*", "/", "%"],
];
const PREC = new Map(LEVELS.flatMap((ops, i) => ops.map((op) => [op, i + 1] as const)));

type Tree = { leaf: string } | { op: string; left: Tree; right: Tree } | { not: Tree } | { cast: Tree };

const leaf: fc.Arbitrary<Tree> = fc
  .constantFrom("a", "b", "c", "1", "0xff", "2u64")
  .map((l) => ({ leaf: l }));
/** Trees up to `depth` levels, mostly binary operators so that operators meet each other often. */
function trees(depth: number): fc.Arbitrary<Tree> {
  let t = leaf;
  for (let d = 0; d < depth; d++) {
    const sub = t;
    t = fc.oneof(
      { arbitrary: leaf, weight: 1 },
      { arbitrary: fc.record({ op: fc.constantFrom(...PREC.keys()), left: sub, right: sub }), weight: 5 },
      { arbitrary: fc.record({ not: sub }), weight: 1 },
      { arbitrary: fc.record({ cast: sub }), weight: 1 },
    );
  }
  return t;
}
const tree = trees(5);

const precOf = (t: Tree) => ("op" in t ? (PREC.get(t.op) as number) : 100);

/** Move source with only the parentheses precedence and left-associativity require. */
function source(t: Tree): string {
  if ("leaf" in t) return t.leaf;
  if ("not" in t) return "op" in t.not ? `!(${source(t.not)})` : `!${source(t.not)}`;
  if ("cast" in t) return `(${source(t.cast)} as u64)`;
  const p = precOf(t);
  const l = precOf(t.left) < p ? `(${source(t.left)})` : source(t.left);
  const r = precOf(t.right) <= p ? `(${source(t.right)})` : source(t.right);
  return `${l} ${t.op} ${r}`;
}

/** The tree in show-tree's notation. */
function expected(t: Tree): string {
  if ("leaf" in t) return t.leaf === "0xff" ? "255" : t.leaf;
  if ("not" in t) return `(! ${expected(t.not)})`;
  if ("cast" in t) return `(as ${expected(t.cast)} u64)`;
  return `(${t.op} ${expected(t.left)} ${expected(t.right)})`;
}

describe("operator precedence (property)", () => {
  it("reads minimally parenthesised expressions back into the tree they were printed from", () => {
    fc.assert(
      fc.property(tree, (t) => {
        const src = `module 0x1::p {\n  fun f() {\n    ${source(t)}\n  }\n}`;
        const r = parseFile(src, "p.move");
        expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
        const result = r.modules[0]?.functions[0]?.body?.result;
        expect(result && show(result)).toBe(expected(t));
      }),
      { numRuns: 300 },
    );
  });
});
