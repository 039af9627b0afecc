/**
 * The Kofi property runner at bench scale: `npx tsx bench/run.ts kofi-properties` runs 10,000 random
 * multi-user sequences (KOFI_PROPERTY_RUNS to change it) through packages/localnet/test/kofi-properties.ts,
 * the same properties CI checks on 500 (packages/localnet/test/protocol/properties.test.ts). A violation fails
 * the bench with fast-check's shrunk sequence.
 */

import { checkSequences, Stats } from "../packages/localnet/test/kofi-properties.ts";
import type { Figure } from "./run.ts";

export async function run(): Promise<Figure[]> {
  const runs = Number(process.env.KOFI_PROPERTY_RUNS ?? 10_000);
  const stats = new Stats();
  const t0 = performance.now();
  await checkSequences({ numRuns: runs, stats });
  const secs = (performance.now() - t0) / 1000;
  const how =
    "random sequences of up to 30 actions on the Kofi Move, every property checked after every step";
  return [
    { name: "sequences", value: stats.sequences, unit: "", how, goal: "10,000" },
    { name: "steps", value: stats.steps, unit: "", how },
    { name: "time", value: secs, unit: "s", how },
    { name: "steps per second", value: stats.steps / secs, unit: "", how },
    {
      name: "largest rounding loss (any action)",
      value: Number([...stats.maxRounding.values()].reduce((a, b) => (b > a ? b : a), 0n)),
      unit: "octas",
      how: "value lost by the acting account beyond the quoted add-stake fee",
    },
    // Per action: staking can lose up to one stkAPT share's worth (ceil(rate) octas), so its maximum follows the
    // highest rate a sequence reached; the others are a few octas (ROUNDING_BOUND in kofi-properties.ts).
    ...[...stats.maxRounding]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([kind, octas]) => ({
        name: `largest rounding loss: ${kind}`,
        value: Number(octas),
        unit: "octas",
        how: "value lost by the acting account beyond the quoted add-stake fee, over every successful step of that kind",
      })),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const f of await run()) console.log(f.name, f.value, f.unit);
