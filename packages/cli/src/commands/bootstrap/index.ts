import { readFileSync } from "node:fs";
import { assertNetwork, execute, getProtocolState, getVaultState, KofiError, simulate } from "@kofi/core";
import type { Ctx } from "../../context.ts";
import { EXIT_CODES } from "../../exitCodes.ts";
import { UsageError } from "../../io.ts";
import { progress } from "../../progress.ts";
import { type BootstrapConfig, parseBootstrapConfig } from "./config.ts";
import { type ChainSnapshot, planBootstrap, type Step } from "./plan.ts";

export { type BootstrapConfig, parseBootstrapConfig } from "./config.ts";
export { type ChainSnapshot, planBootstrap, type Step } from "./plan.ts";

/** Reads and validates the file (no request). */
export function loadBootstrapConfig(file: string): BootstrapConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new KofiError(
      "invalid_config",
      `${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? e})`,
    );
  }
  return parseBootstrapConfig(text, file);
}

/** What the plan needs from the chain: two reads (protocol state, vault resource). */
export async function readChainSnapshot(ctx: Ctx): Promise<ChainSnapshot & { admin: `0x${string}` }> {
  const [s, vault] = await Promise.all([getProtocolState(ctx.client), getVaultState(ctx.client)]);
  return { ...s, vaultSeeded: vault.deadShares > 0n };
}

const oneLine = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));

function stepJson(s: Step, kofi: string) {
  return {
    kind: s.kind,
    description: s.description,
    function: `${kofi}::${s.action.call.module}::${s.action.call.function}`,
    arguments: s.action.call.arguments,
  };
}

/**
 * `kofi admin bootstrap --config <file>`: validates the file (before any request), reads the chain, plans only the
 * admin calls whose on-chain value differs, prints the plan; `--dry-run` stops there. Otherwise asks once for
 * confirmation (unless `--yes`), then runs the steps one by one (each simulated, then signed and confirmed before
 * the next). Re-running plans only what is left, so an interrupted run is resumed by running it again.
 */
export async function bootstrapCommand(ctx: Ctx): Promise<number> {
  const file = ctx.values.config;
  if (file === undefined) throw new UsageError("admin bootstrap needs --config <file>");
  if (ctx.args.length > 1) throw new UsageError(`admin bootstrap takes no arguments, got "${ctx.args[1]}"`);
  const config = loadBootstrapConfig(file);
  if (config.network !== undefined && config.network !== ctx.client.network)
    throw new KofiError(
      "invalid_config",
      `${file}: network: the file is for ${config.network}, the CLI is on ${ctx.client.network} (--network)`,
    );
  const signer = ctx.account();
  const sender = signer.accountAddress.toStringLong();
  await assertNetwork(ctx.client);
  const chain = await readChainSnapshot(ctx);
  const steps = planBootstrap(config, chain, file);
  const kofi = ctx.client.kofiAddress;
  const isAdmin = chain.admin === sender;
  const planText = [
    `bootstrap ${file}: ${steps.length === 0 ? "nothing to do, the chain matches the file" : `${steps.length} step(s)`} (kofi ${kofi}, sender ${sender}${isAdmin ? "" : `, NOT the admin ${chain.admin}`})`,
    ...steps.map(
      (s, i) =>
        `  ${i + 1}. ${s.description}\n     ${kofi}::${s.action.call.module}::${s.action.call.function} ${oneLine(s.action.call.arguments)}`,
    ),
  ].join("\n");
  const planJson = steps.map((s) => stepJson(s, kofi));
  const notAdmin = () =>
    new KofiError("not_admin", `The signer ${sender} is not the admin (${chain.admin}).`, {
      hint: "Sign with the admin key, or propose these calls from the admin account (docs/deploy.md).",
    });

  if (ctx.values["dry-run"]) {
    ctx.out(`${planText}\ndry run: nothing signed`, {
      ok: isAdmin || steps.length === 0,
      dryRun: true,
      sender,
      admin: chain.admin,
      steps: planJson,
      ...(isAdmin || steps.length === 0 ? {} : { error: notAdmin().toJSON() }),
    });
    return isAdmin || steps.length === 0 ? 0 : EXIT_CODES.not_admin;
  }
  if (steps.length === 0) {
    ctx.out(planText, { ok: true, dryRun: false, sender, steps: [], done: [] });
    return 0;
  }
  ctx.io.stderr(`${planText}\n`);
  if (!isAdmin) throw notAdmin();
  if (!ctx.values.yes) {
    if (!ctx.io.prompt)
      throw new UsageError("no terminal to confirm on: pass --yes to sign without a prompt");
    const answer = (await ctx.io.prompt(`Sign and submit these ${steps.length} transactions? [y/N] `))
      .trim()
      .toLowerCase();
    if (answer !== "y" && answer !== "yes")
      throw new KofiError("user_rejected", "Not confirmed: nothing was signed.", {
        hint: "Answer y to sign, or pass --yes.",
      });
  }
  const done: Record<string, unknown>[] = [];
  for (const [i, s] of steps.entries()) {
    ctx.io.stderr(`[step ${i + 1}/${steps.length}] ${s.description}\n`);
    const p = progress(ctx.io);
    try {
      const sim = await simulate(ctx.client, s.action, signer);
      if (sim.error) throw sim.error;
      const r = await execute(ctx.client, sim.prepared, signer, { onStage: p.onStage });
      done.push({ ...stepJson(s, kofi), hash: r.hash, version: r.version, gasUsed: r.gasUsed });
    } catch (e) {
      p.stop();
      ctx.io.stderr(
        `bootstrap stopped at step ${i + 1} of ${steps.length} (${i} done); run the same command again to resume\n`,
      );
      throw e;
    } finally {
      p.stop();
    }
  }
  ctx.out(`ok bootstrap: ${steps.length} step(s) done`, {
    ok: true,
    dryRun: false,
    sender,
    steps: planJson,
    done,
  });
  return 0;
}
