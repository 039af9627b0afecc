import { readFileSync } from "node:fs";
import {
  DEFAULT_MAX_SHARE_BPS,
  expectedAprEffect,
  normalizeAddress,
  type PoolScore,
  type PreviousReading,
  type ProposalCounts,
  proposeWeights,
  readValidatorPools,
  setWeights,
  type ValidatorPoolReading,
} from "@kofi/core";
import { parseWhole } from "../args.ts";
import type { Ctx } from "../context.ts";
import { UsageError } from "../io.ts";
import type { EpochProposals } from "../keeper/state.ts";
import { fmt } from "../progress.ts";

/** ppm as a percent with 2 decimals ("99.50 %"); display only. */
const pct = (ppm: bigint) => {
  const neg = ppm < 0n;
  const v = neg ? -ppm : ppm;
  return `${neg ? "-" : ""}${v / 10_000n}.${((v % 10_000n) / 100n).toString().padStart(2, "0")} %`;
};
const short = (a: string) => `${a.slice(0, 8)}…${a.slice(-4)}`;

function row(r: ValidatorPoolReading, s: PoolScore): string {
  const proposals = r.proposals ? `${r.proposals.successful}/${r.proposals.failed}` : "-";
  const allowlist = r.allowlistingEnabled ? (r.allowlisted ? "listed" : "NOT LISTED") : "open";
  return [
    short(r.pool),
    (r.validatorState ?? "none").padEnd(16),
    `${r.weightBps}`.padStart(6),
    fmt(r.protocolStake.active + r.protocolStake.pendingInactive, "APT").padStart(16),
    `${r.commissionBps}/${r.nextCommissionBps}`.padStart(10),
    proposals.padStart(9),
    allowlist.padEnd(10),
    (s.rewardRatioPpm === null ? "-" : pct(s.rewardRatioPpm)).padStart(9),
    pct(s.performancePpm).padStart(9),
    pct(s.commissionFactorPpm).padStart(9),
    pct(s.concentrationFactorPpm).padStart(9),
    pct(s.scorePpm).padStart(9),
    `${s.proposedWeightBps}`.padStart(6),
    s.eligible ? "" : s.ineligible.join(","),
  ].join(" ");
}

/**
 * The earlier reading of `--previous <file>`: a saved `kofi validators --json` output (its `reading`: chain time,
 * epoch, and each pool's protocol stake, bigints as decimal strings).
 */
function loadPrevious(path: string): PreviousReading {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UsageError(`--previous: cannot read ${path} as JSON (${(e as Error).message})`);
  }
  const r = (doc as { reading?: Record<string, unknown> }).reading;
  const n = (v: unknown, what: string): bigint => {
    if (typeof v !== "string" || !/^\d+$/.test(v))
      throw new UsageError(`--previous: ${path} is not a kofi validators --json output (${what})`);
    return BigInt(v);
  };
  if (!r || !Array.isArray(r.pools))
    throw new UsageError(`--previous: ${path} is not a kofi validators --json output (reading.pools)`);
  return {
    nowSecs: n(r.nowSecs, "reading.nowSecs"),
    epoch: n(r.epoch, "reading.epoch"),
    pools: (r.pools as Record<string, unknown>[]).map((p) => {
      const st = (p.protocolStake ?? {}) as Record<string, unknown>;
      return {
        pool: String(p.pool),
        protocolStake: {
          active: n(st.active, "protocolStake.active"),
          pendingInactive: n(st.pendingInactive, "protocolStake.pendingInactive"),
        },
      };
    }),
  };
}

/** Per pool, the epochs a keeper state file recorded (epoch and counts as bigints). */
type EpochHistory = Record<string, { epoch: bigint; counts: ProposalCounts }[]>;

/**
 * The proposal history of `--history <file>`: a `kofi keeper --state` file of this deployment (its `history`: per
 * pool, one entry per epoch, integers as decimal strings). Read before any request, so a bad file is a usage error.
 */
function loadHistory(path: string, kofiAddress: string): EpochHistory {
  const bad = (what: string) =>
    new UsageError(`--history: ${path} is not a kofi keeper state file (${what})`);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`--history: cannot read ${path} (${(e as Error).message})`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--history: ${path} is not JSON (${(e as Error).message})`);
  }
  const addr = (v: string, what: string) => {
    try {
      return normalizeAddress(v, what);
    } catch {
      throw bad(what);
    }
  };
  const d = (doc ?? {}) as { version?: unknown; kofiAddress?: unknown; history?: unknown };
  if (d.version !== 1) throw bad("version");
  if (typeof d.kofiAddress !== "string") throw bad("kofiAddress");
  if (addr(d.kofiAddress, "kofiAddress") !== normalizeAddress(kofiAddress, "Kofi address"))
    throw new UsageError(
      `--history: ${path} is the keeper state of another deployment (Kofi ${d.kofiAddress}, not ${kofiAddress})`,
    );
  if (typeof d.history !== "object" || d.history === null || Array.isArray(d.history)) throw bad("history");
  const n = (v: unknown, what: string): bigint => {
    if (typeof v !== "string" || !/^\d+$/.test(v)) throw bad(what);
    return BigInt(v);
  };
  const out: EpochHistory = {};
  for (const [pool, entries] of Object.entries(d.history as Record<string, unknown>)) {
    if (!Array.isArray(entries)) throw bad(`history.${pool}`);
    out[addr(pool, `history.${pool}`)] = (entries as Partial<EpochProposals>[]).map((e, i) => ({
      epoch: n(e?.epoch, `history.${pool}[${i}].epoch`),
      counts: {
        successful: n(e?.successful, `history.${pool}[${i}].successful`),
        failed: n(e?.failed, `history.${pool}[${i}].failed`),
      },
    }));
  }
  return out;
}

/**
 * The history `proposeWeights` takes: only epochs before the reading's, since it adds this epoch's counts itself
 * (a keeper that sampled the current epoch would otherwise count it twice).
 */
function historyBefore(h: EpochHistory, epoch: bigint): Record<string, ProposalCounts[]> {
  return Object.fromEntries(
    Object.entries(h).map(([pool, entries]) => [
      pool,
      entries.filter((e) => e.epoch < epoch).map((e) => e.counts),
    ]),
  );
}

/**
 * `kofi validators [--propose]`: reads every protocol pool (`readValidatorPools`), scores it (`proposeWeights`)
 * and prints the table with the score's parts. `--propose`: the `staking_manager::set_weights` call the
 * proposal would send (function and arguments, as `kofi admin set-weights --dry-run` would) and its effect on
 * the expected APR. `--previous <file>` (an earlier `--json` output, ideally one epoch before with no Kofi
 * transaction between) adds each pool's observed reward rate and the reward-based performance. `--history <file>`
 * (the keeper's `--state` file) adds the proposal counts it sampled in earlier epochs to the proposal ratio, as the
 * chain keeps only the current epoch's. Reads only; nothing is signed.
 */
export async function validatorsCommand(ctx: Ctx): Promise<number> {
  const maxShareBps =
    ctx.values["max-share-bps"] === undefined
      ? DEFAULT_MAX_SHARE_BPS
      : parseWhole(ctx.values["max-share-bps"], "--max-share-bps", 10_000n);
  const previous = ctx.values.previous === undefined ? undefined : loadPrevious(ctx.values.previous);
  const history =
    ctx.values.history === undefined ? undefined : loadHistory(ctx.values.history, ctx.client.kofiAddress);
  const reading = await readValidatorPools(ctx.client, previous ? { previous } : {});
  const proposalHistory = history ? historyBefore(history, reading.epoch) : undefined;
  const proposal = proposeWeights(reading, { maxShareBps, ...(proposalHistory ? { proposalHistory } : {}) });
  const effect = expectedAprEffect(proposal, reading.rewardRate, reading.epochIntervalSecs);
  const header = [
    "pool".padEnd(13),
    "state".padEnd(16),
    "weight",
    "protocol stake".padStart(16),
    "comm now/next".padStart(10),
    "ok/failed",
    "allowlist ",
    "rewards".padStart(9),
    "perf".padStart(9),
    "comm f".padStart(9),
    "conc f".padStart(9),
    "score".padStart(9),
    "propos",
  ].join(" ");
  const lines = [
    `epoch ${reading.epoch}, chain gross APR ${pct(effect.grossAprPpm)}, max commission ${reading.maxCommissionBps} bps, max share ${maxShareBps} bps`,
    header,
    ...reading.pools.map((r, i) => row(r, proposal.pools[i] as PoolScore)),
    `score = performance × (1 − max(commission now, next)) × (1 − 0.5 × share of protocol stake); ${reading.requests} requests`,
    ...(proposalHistory
      ? [
          `proposal history from ${ctx.values.history}: ${reading.pools.map((r) => `${short(r.pool)} ${proposalHistory[r.pool]?.length ?? 0}`).join(", ")} earlier epoch(s)`,
        ]
      : []),
  ];
  const table = {
    reading,
    proposal,
    expectedApr: effect,
    ...(proposalHistory
      ? {
          historyEpochs: Object.fromEntries(
            reading.pools.map((r) => [r.pool, proposalHistory[r.pool]?.length ?? 0]),
          ),
        }
      : {}),
  };
  if (!ctx.values.propose) {
    ctx.out(lines.join("\n"), { ok: true, ...table });
    return 0;
  }
  if (!proposal.feasible) {
    ctx.out(`${lines.join("\n")}\nno proposal: ${proposal.infeasibleReason}`, {
      ok: false,
      ...table,
      error: { code: "infeasible", message: proposal.infeasibleReason },
    });
    return 1;
  }
  // Disabled pools must stay at 0 (`E_POOL_DISABLED`); every pool is listed so stale weights are overwritten.
  const action = setWeights({
    weights: proposal.pools.map((s) => ({ pool: s.pool, weightBps: s.proposedWeightBps })),
  });
  const fn = `${ctx.client.kofiAddress}::${action.call.module}::${action.call.function}`;
  const args = action.call.arguments;
  const argText = JSON.stringify(args, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  ctx.out(
    [
      ...lines,
      `function   ${fn}`,
      `arguments  ${argText}`,
      `expected APR of new stake: current weights ${pct(effect.currentWeightsAprPpm)} -> proposed ${pct(effect.proposedWeightsAprPpm)} (${effect.deltaPpm >= 0n ? "+" : ""}${pct(effect.deltaPpm)}; before the ${reading.feeBps} bps fee)`,
      "proposal only: nothing signed (send it with kofi admin set-weights)",
    ].join("\n"),
    { ok: true, propose: true, function: fn, arguments: args, ...table },
  );
  return 0;
}
