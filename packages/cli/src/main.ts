import { parseArgs } from "node:util";
import { createKofiClient, type KofiNetwork, toKofiError } from "@kofi/core";
import { hideNegatives, parseWhole, unhide } from "./args.ts";
import {
  claimCommand,
  depositCommand,
  requestCommand,
  stakeCommand,
  unstakeCommand,
} from "./commands/actions.ts";
import { ADMIN_USAGE, adminCommand } from "./commands/admin.ts";
import { exitCommand } from "./commands/exit.ts";
import { KEEPER_USAGE, keeperCommand } from "./commands/keeper.ts";
import { addresses, balance, tickets } from "./commands/position.ts";
import { status } from "./commands/status.ts";
import { transferCommand } from "./commands/transfer.ts";
import { validatorsCommand } from "./commands/validators.ts";
import { type Ctx, createCtx } from "./context.ts";
import { EXIT_CODES } from "./exitCodes.ts";
import { type CliIo, processIo, toJson, UsageError } from "./io.ts";
import { actionsUsage } from "./usage.ts";

export { type CliIo, toJson } from "./io.ts";

const COMMANDS: Record<string, (ctx: Ctx) => Promise<number>> = {
  status,
  addresses,
  balance,
  tickets,
  deposit: depositCommand,
  stake: stakeCommand,
  unstake: unstakeCommand,
  request: requestCommand,
  claim: claimCommand,
  transfer: transferCommand,
  exit: exitCommand,
  admin: adminCommand,
  keeper: keeperCommand,
  validators: validatorsCommand,
};

export const USAGE = actionsUsage(ADMIN_USAGE, KEEPER_USAGE);

/** Input errors: the message alone is the whole story (one line, nothing was sent). */
const INPUT_CODES = new Set(["invalid_amount", "invalid_address", "invalid_argument", "invalid_config"]);

/** Runs the CLI; returns the exit code. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let json = argv.includes("--json");
  try {
    const { values, positionals } = parseArgs({
      args: hideNegatives(argv),
      allowPositionals: true,
      options: {
        network: { type: "string" },
        "node-url": { type: "string" },
        "kofi-address": { type: "string" },
        "key-file": { type: "string" },
        "slippage-bps": { type: "string" },
        json: { type: "boolean", default: false },
        all: { type: "boolean", default: false },
        stake: { type: "boolean", default: false },
        token: { type: "string" },
        best: { type: "boolean", default: false },
        venue: { type: "string" },
        cap: { type: "string" },
        seed: { type: "string" },
        config: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        state: { type: "string" },
        interval: { type: "string" },
        once: { type: "boolean", default: false },
        propose: { type: "boolean", default: false },
        "max-share-bps": { type: "string" },
        previous: { type: "string" },
        history: { type: "string" },
        "max-failed-ratio": { type: "string" },
        yes: { type: "boolean", short: "y", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    json = values.json ?? false;
    const [command, ...args] = positionals;
    if (values.help || !command) {
      (values.help ? io.stdout : io.stderr)(`${USAGE}\n`);
      return values.help ? 0 : EXIT_CODES.usage;
    }
    const handler = COMMANDS[unhide(command)];
    if (!handler) throw new UsageError(`unknown command "${unhide(command)}"`);
    const slippageBps =
      values["slippage-bps"] === undefined
        ? undefined
        : parseWhole(values["slippage-bps"], "--slippage-bps", 10_000n);
    const network = (values.network ?? io.env.KOFI_NETWORK ?? "local") as KofiNetwork;
    const nodeUrl = values["node-url"] ?? io.env.KOFI_NODE_URL;
    const kofi = values["kofi-address"] ?? io.env.KOFI_ADDRESS;
    const client = createKofiClient({
      network,
      ...(nodeUrl ? { nodeUrl } : {}),
      ...(kofi ? { addresses: { kofi } } : {}),
    });
    const ctx = createCtx({ io, json, client, command, args, values, slippageBps });
    return await handler(ctx);
  } catch (e) {
    const parseError = (e as { code?: string }).code?.startsWith?.("ERR_PARSE_ARGS") === true;
    if (e instanceof UsageError || parseError) {
      const message = parseError ? (e as Error).message.split(". ")[0] : (e as Error).message;
      io.stderr(`kofi: ${message} (kofi --help for usage)\n`);
      if (json) io.stdout(`${toJson({ ok: false, error: { code: "usage", message } })}\n`);
      return EXIT_CODES.usage;
    }
    const err = toKofiError(e);
    io.stderr(
      INPUT_CODES.has(err.code)
        ? `kofi: ${err.message}\n`
        : `kofi: ${err.code}: ${err.message}\n  hint: ${err.hint}\n`,
    );
    if (json) io.stdout(`${toJson({ ok: false, error: err.toJSON() })}\n`);
    return EXIT_CODES[err.code] ?? 1;
  }
}
