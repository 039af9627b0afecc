import {
  type AdminAction,
  acceptAdmin,
  addPool,
  assertNetwork,
  disablePool,
  execute,
  KofiError,
  PAUSABLE_ACTIONS,
  pausableActionId,
  rebalance,
  seedVault,
  setFeeBps,
  setMaxCommissionBps,
  setMinDeposit,
  setMinWithdrawal,
  setPaused,
  setPoolCap,
  setTreasury,
  setWeights,
  simulate,
  syncRewards,
  transferAdmin,
  withdrawInactiveStake,
} from "@kofi/core";
import { parseAddressArg, parseAmountArg, parsePositiveAmount, parseWhole, unhide } from "../args.ts";
import { type Ctx, resultJson } from "../context.ts";
import { EXIT_CODES } from "../exitCodes.ts";
import { toJson, UsageError } from "../io.ts";
import { progress } from "../progress.ts";
import { bootstrapCommand } from "./bootstrap/index.ts";

/** Each `kofi admin <action>`: usage, and the typed SDK action built from the arguments (validated, no request). */
const ACTIONS: Record<string, { usage: string; build(ctx: Ctx, a: string[]): AdminAction }> = {
  pause: {
    usage: `pause <${Object.keys(PAUSABLE_ACTIONS).join("|")}>`,
    build: (ctx) => setPaused({ action: pausableActionId(unhide(ctx.arg(1, "action"))), paused: true }),
  },
  unpause: {
    usage: `unpause <${Object.keys(PAUSABLE_ACTIONS).join("|")}>`,
    build: (ctx) => setPaused({ action: pausableActionId(unhide(ctx.arg(1, "action"))), paused: false }),
  },
  "set-fee": {
    usage: "set-fee <bps>",
    build: (ctx) => setFeeBps({ feeBps: parseWhole(ctx.arg(1, "bps"), "set-fee") }),
  },
  "set-max-commission": {
    usage: "set-max-commission <bps>",
    build: (ctx) =>
      setMaxCommissionBps({ maxCommissionBps: parseWhole(ctx.arg(1, "bps"), "set-max-commission") }),
  },
  "set-treasury": {
    usage: "set-treasury <addr>",
    build: (ctx) => setTreasury({ treasury: parseAddressArg(ctx.arg(1, "addr"), "treasury") }),
  },
  "set-min-deposit": {
    usage: "set-min-deposit <apt>",
    build: (ctx) => setMinDeposit({ amount: parseAmountArg(ctx.arg(1, "apt"), "APT") }),
  },
  "set-min-withdrawal": {
    usage: "set-min-withdrawal <kapt>",
    build: (ctx) => setMinWithdrawal({ amount: parseAmountArg(ctx.arg(1, "kapt"), "kAPT") }),
  },
  "transfer-admin": {
    usage: "transfer-admin <addr>",
    build: (ctx) => transferAdmin({ newAdmin: parseAddressArg(ctx.arg(1, "addr"), "new admin") }),
  },
  "accept-admin": { usage: "accept-admin", build: () => acceptAdmin() },
  "add-pool": {
    usage: "add-pool <pool> --cap <apt> --seed <apt>",
    build: (ctx) => {
      if (ctx.values.cap === undefined || ctx.values.seed === undefined)
        throw new UsageError("add-pool needs --cap <apt> and --seed <apt>");
      return addPool({
        pool: parseAddressArg(ctx.arg(1, "pool"), "pool"),
        cap: parseAmountArg(ctx.values.cap, "APT"),
        seedApt: parsePositiveAmount(ctx.values.seed, "APT"),
      });
    },
  },
  "set-weights": {
    usage: "set-weights <pool>=<bps> [<pool>=<bps>...]",
    build: (_ctx, a) => {
      if (a.length === 0) throw new UsageError("set-weights needs <pool>=<bps> pairs");
      return setWeights({
        weights: a.map((pair) => {
          const [pool, bps, extra] = unhide(pair).split("=");
          if (pool === undefined || bps === undefined || extra !== undefined)
            throw new UsageError(`set-weights takes <pool>=<bps>, got "${unhide(pair)}"`);
          return { pool: parseAddressArg(pool, "pool"), weightBps: parseWhole(bps, "a weight") };
        }),
      });
    },
  },
  "set-pool-cap": {
    usage: "set-pool-cap <pool> <apt>",
    build: (ctx) =>
      setPoolCap({
        pool: parseAddressArg(ctx.arg(1, "pool"), "pool"),
        cap: parseAmountArg(ctx.arg(2, "apt"), "APT"),
      }),
  },
  "disable-pool": {
    usage: "disable-pool <pool>",
    build: (ctx) => disablePool({ pool: parseAddressArg(ctx.arg(1, "pool"), "pool") }),
  },
  "seed-vault": {
    usage: "seed-vault <apt>",
    build: (ctx) => seedVault({ amount: parsePositiveAmount(ctx.arg(1, "apt"), "APT") }),
  },
  rebalance: { usage: "rebalance", build: () => rebalance() },
  "withdraw-inactive-stake": {
    usage: "withdraw-inactive-stake <pool>",
    build: (ctx) => withdrawInactiveStake({ pool: parseAddressArg(ctx.arg(1, "pool"), "pool") }),
  },
  "sync-rewards": { usage: "sync-rewards", build: () => syncRewards() },
};

export const ADMIN_USAGE = [
  ...Object.values(ACTIONS).map((a) => `  kofi admin ${a.usage}`),
  "  kofi admin bootstrap --config <file>   every admin call from one JSON file, only what differs (README)",
  "    --dry-run   simulate only: the function, its arguments and the simulation; nothing is signed",
  "    --yes       sign without the confirmation prompt",
].join("\n");

/**
 * `kofi admin <action>`: builds the typed action (bad input fails here, before any request), simulates it with the
 * signer's key, prints the exact function and arguments with the simulation, then (unless `--dry-run`) asks for
 * confirmation (unless `--yes`) and signs.
 */
export async function adminCommand(ctx: Ctx): Promise<number> {
  const name = ctx.arg(0, "action");
  if (name === "bootstrap") return bootstrapCommand(ctx);
  const spec = ACTIONS[name];
  if (!spec) throw new UsageError(`unknown admin action "${name}" (${Object.keys(ACTIONS).join(", ")})`);
  const action = spec.build(ctx, ctx.args.slice(1));
  return runAdminAction(ctx, action);
}

/** Simulate, show, confirm, sign: one admin action. Exported for `bootstrap`. */
export async function runAdminAction(
  ctx: Ctx,
  action: AdminAction,
  opts: { quietOk?: boolean } = {},
): Promise<number> {
  const signer = ctx.account();
  const sender = signer.accountAddress.toStringLong();
  await assertNetwork(ctx.client);
  const sim = await simulate(ctx.client, action, signer);
  const fn = String(sim.prepared.payload.function);
  const args = sim.prepared.payload.functionArguments;
  const simulation = {
    success: sim.success,
    vmStatus: sim.vmStatus,
    gasUsed: sim.gasUsed,
    fee: sim.fee,
    events: sim.events,
    ...(sim.error ? { error: sim.error.toJSON() } : {}),
  };
  const plan = [
    `function   ${fn}`,
    `arguments  ${toJson(args).replace(/\s*\n\s*/g, " ")}`,
    `sender     ${sender}`,
    `simulation ${sim.success ? `ok, gas ${sim.gasUsed} (fee ${sim.fee} octas)` : `fails: ${sim.error?.code}: ${sim.error?.message}`}`,
    ...sim.events.map((e) => `  event    ${e.type} ${toJson(e.data).replace(/\s*\n\s*/g, " ")}`),
  ].join("\n");
  if (ctx.values["dry-run"]) {
    ctx.out(`${plan}\ndry run: nothing signed`, {
      ok: sim.success,
      dryRun: true,
      kind: action.kind,
      function: fn,
      arguments: args,
      sender,
      simulation,
      ...(sim.error ? { error: sim.error.toJSON() } : {}),
    });
    return sim.success ? 0 : (EXIT_CODES[sim.error?.code ?? "unknown"] ?? 1);
  }
  ctx.io.stderr(`${plan}\n`);
  if (sim.error) throw sim.error;
  if (!ctx.values.yes) {
    if (!ctx.io.prompt)
      throw new UsageError("no terminal to confirm on: pass --yes to sign without a prompt");
    const answer = (await ctx.io.prompt(`Sign and submit ${fn}? [y/N] `)).trim().toLowerCase();
    if (answer !== "y" && answer !== "yes")
      throw new KofiError("user_rejected", "Not confirmed: nothing was signed.", {
        hint: "Answer y to sign, or pass --yes.",
      });
  }
  const p = progress(ctx.io);
  try {
    const r = await execute(ctx.client, sim.prepared, signer, { onStage: p.onStage });
    if (!opts.quietOk)
      ctx.out(`ok ${r.kind} ${r.hash} (version ${r.version})`, {
        ...resultJson(r),
        function: fn,
        arguments: args,
      });
    return 0;
  } finally {
    p.stop();
  }
}
