import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Account, Ed25519PrivateKey, PrivateKey, PrivateKeyVariants } from "@aptos-labs/ts-sdk";
import {
  assertNetwork,
  claim,
  createKofiClient,
  deposit,
  depositAndStake,
  type ExecuteResult,
  execute,
  formatAmount,
  formatRate,
  getPosition,
  getProtocolState,
  type KofiAction,
  type KofiClient,
  KofiError,
  type KofiNetwork,
  parseAmount,
  requestWithdrawal,
  type StageEvent,
  stake,
  toKofiError,
  unstake,
} from "@kofi/core";
import { EXIT_CODES } from "./exitCodes.ts";

const USAGE = `Usage: kofi <command> [arguments] [options]

Commands
  status                    protocol state: rate, TVL, fee, pauses, validators
  balance <addr>            a position: balances, stkAPT value, tickets
  deposit <apt> [--stake]   deposit APT for kAPT (--stake: deposit_and_stake, stkAPT out)
  stake <kapt>              stake kAPT for stkAPT
  unstake <stkapt>          unstake stkAPT for kAPT
  request <kapt>            burn kAPT, open a withdrawal ticket
  tickets [addr]            withdrawal tickets (default: the key's account)
  claim [ticket...] | --all claim ready tickets

Options
  --network <name>          mainnet | testnet | devnet | local | custom (default: local, or KOFI_NETWORK)
  --node-url <url>          fullnode URL including /v1 (or KOFI_NODE_URL)
  --kofi-address <addr>     Kofi package address (or KOFI_ADDRESS; required outside local)
  --key-file <path>         file holding the private key (otherwise KOFI_PRIVATE_KEY)
  --slippage-bps <n>        slippage tolerance for min_out (default 50)
  --json                    machine-readable result on stdout (progress stays on stderr)
  -h, --help                this text

Exit codes: 0 ok, 2 usage, 1 unknown, 10+ per error code (see README).`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** The process's streams and environment, read when `run` is called (nothing is read at import). */
function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
  };
}

function usageError(message: string): Error {
  return Object.assign(new Error(message), { usage: true });
}

/** `--slippage-bps`: whole basis points, 0..10000. */
function parseSlippageBps(text: string | undefined): bigint | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || BigInt(text) > 10_000n)
    throw usageError(`--slippage-bps takes whole basis points from 0 to 10000 (50 = 0.5 %), got "${text}"`);
  return BigInt(text);
}

/** JSON with bigints as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2);
}

function loadAccount(keyFile: string | undefined, env: CliIo["env"]): Account {
  const raw = (keyFile ? readFileSync(keyFile, "utf8") : env.KOFI_PRIVATE_KEY)?.trim();
  if (!raw) {
    throw new KofiError("invalid_config", "No private key: set KOFI_PRIVATE_KEY or pass --key-file <path>.", {
      hint: "The key is a hex Ed25519 private key (0x… or ed25519-priv-0x…).",
    });
  }
  try {
    const hex = PrivateKey.formatPrivateKey(raw, PrivateKeyVariants.Ed25519);
    return Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(hex) });
  } catch (cause) {
    throw new KofiError("invalid_config", "The private key is not a valid Ed25519 key.", { cause });
  }
}

const fmt = (v: bigint, symbol?: "APT" | "kAPT" | "stkAPT") =>
  formatAmount(v, { locale: "en-US", ...(symbol ? { symbol } : {}) });

function describeQuote(kind: string, q: Record<string, bigint | boolean | unknown>): string {
  const b = (k: string) => q[k] as bigint;
  switch (kind) {
    case "deposit":
      return `${fmt(b("aptIn"), "APT")} -> ${fmt(b("kaptOut"), "kAPT")} (pool fee ${fmt(b("fee"), "APT")})`;
    case "deposit_and_stake":
      return `${fmt(b("aptIn"), "APT")} -> ${fmt(b("stkaptOut"), "stkAPT")}`;
    case "stake":
      return `${fmt(b("kaptIn"), "kAPT")} -> ${fmt(b("stkaptOut"), "stkAPT")}`;
    case "unstake":
      return `${fmt(b("stkaptIn"), "stkAPT")} -> ${fmt(b("kaptOut"), "kAPT")}`;
    case "request_withdrawal":
      return `${fmt(b("kaptIn"), "kAPT")} -> ticket for ${fmt(b("aptOut"), "APT")}, unlocks ~${new Date(Number(b("unlockAt")) * 1000).toISOString()}`;
    case "claim":
      return `${fmt(b("aptOut"), "APT")}${q.ready ? "" : " (not all tickets ready)"}`;
    default:
      return "";
  }
}

function progress(io: CliIo) {
  return (e: StageEvent) => {
    let line = `[${e.stage}]`;
    if (e.stage === "quote" && e.quote)
      line += ` ${describeQuote(e.kind, e.quote as Record<string, unknown>)}`;
    if (e.stage === "simulate" && e.skipped) line += " skipped";
    if (e.stage === "simulate" && e.gasUsed !== undefined) line += ` ok, gas ${e.gasUsed}`;
    if (e.stage === "sign") line += " signing";
    if (e.hash) line += ` ${e.hash}`;
    if (e.stage === "confirmed" && e.gasUsed !== undefined) line += ` (gas ${e.gasUsed})`;
    if (e.stage === "failed" && e.error) line += ` ${e.error.code}: ${e.error.message}`;
    io.stderr(`${line}\n`);
  };
}

function resultJson(r: ExecuteResult): Record<string, unknown> {
  return {
    ok: true,
    kind: r.kind,
    hash: r.hash,
    version: r.version,
    gasUsed: r.gasUsed,
    timestampSecs: r.timestampSecs,
    quote: r.quote,
    minOut: r.minOut,
    events: r.events,
    received: r.received,
  };
}

/** Runs the CLI; returns the exit code. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let json = false;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
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
        help: { type: "boolean", short: "h", default: false },
      },
    });
    json = values.json ?? false;
    const [command, ...args] = positionals;
    if (values.help || !command) {
      (values.help ? io.stdout : io.stderr)(`${USAGE}\n`);
      return values.help ? 0 : EXIT_CODES.usage;
    }
    const network = (values.network ?? io.env.KOFI_NETWORK ?? "local") as KofiNetwork;
    const nodeUrl = values["node-url"] ?? io.env.KOFI_NODE_URL;
    const kofi = values["kofi-address"] ?? io.env.KOFI_ADDRESS;
    const client: KofiClient = createKofiClient({
      network,
      ...(nodeUrl ? { nodeUrl } : {}),
      ...(kofi ? { addresses: { kofi } } : {}),
    });
    const slippageBps = parseSlippageBps(values["slippage-bps"]);
    const out = (human: string, data: unknown) => {
      if (json) io.stdout(`${toJson(data)}\n`);
      else io.stdout(`${human}\n`);
    };
    const needArg = (name: string) => {
      const v = args[0];
      if (v === undefined) throw usageError(`${command} needs <${name}>`);
      return v;
    };
    const runAction = async (action: KofiAction) => {
      const account = loadAccount(values["key-file"], io.env);
      // Fail fast (before quoting or signing) when the node is not on the configured network.
      await assertNetwork(client);
      const r = await execute(client, action, account, { onStage: progress(io) });
      out(`ok ${r.kind} ${r.hash} (version ${r.version})`, resultJson(r));
      return 0;
    };
    const sl = slippageBps === undefined ? {} : { slippageBps };

    switch (command) {
      case "status": {
        const s = await getProtocolState(client);
        const lines = [
          `network        ${client.network} (${client.nodeUrl})`,
          `kofi           ${client.kofiAddress}`,
          `rate           1 stkAPT = ${formatRate(s.rate)} kAPT`,
          `TVL            ${fmt(s.tvlApt, "APT")}`,
          `kAPT supply    ${fmt(s.kaptSupply, "kAPT")}`,
          `stkAPT supply  ${fmt(s.stkaptSupply, "stkAPT")}`,
          `streaming      ${fmt(s.streamingKapt, "kAPT")}`,
          `fee            ${s.feeBps} bps (max ${s.maxFeeBps})`,
          `paused         ${
            Object.entries(s.paused)
              .filter(([, v]) => v)
              .map(([k]) => k)
              .join(", ") || "none"
          }`,
          `lockup         ${s.lockupDurationSecs / 86_400n} days, epoch ${s.epochIntervalSecs} s`,
          `validators     ${s.validators.length}`,
          ...s.validators.map(
            (v) =>
              `  ${v.pool} weight ${v.weightBps} bps, active ${fmt(v.active, "APT")}${v.enabled ? "" : " (disabled)"}`,
          ),
        ];
        out(lines.join("\n"), { ok: true, network: client.network, kofiAddress: client.kofiAddress, ...s });
        return 0;
      }
      case "balance":
      case "tickets": {
        const owner =
          args[0] ??
          (command === "tickets"
            ? loadAccount(values["key-file"], io.env).accountAddress.toString()
            : needArg("addr"));
        const p = await getPosition(client, owner);
        if (command === "tickets") {
          const lines = p.tickets.map(
            (t) =>
              `${t.id}  ${fmt(t.aptAmount, "APT")}  ${t.ready ? "ready" : `unlocks in ${t.countdown.label}`}`,
          );
          out(lines.join("\n") || "no tickets", {
            ok: true,
            address: p.address,
            nowSecs: p.nowSecs,
            tickets: p.tickets,
          });
          return 0;
        }
        const lines = [
          `address   ${p.address}`,
          `APT       ${fmt(p.aptBalance)}`,
          `kAPT      ${fmt(p.kaptBalance)}`,
          `stkAPT    ${fmt(p.stkaptBalance)} (= ${fmt(p.stkaptValueKapt, "kAPT")})`,
          `tickets   ${p.tickets.length} (claimable ${fmt(p.claimableApt, "APT")}, pending ${fmt(p.pendingApt, "APT")})`,
        ];
        out(lines.join("\n"), { ok: true, ...p });
        return 0;
      }
      case "deposit": {
        const amount = parseAmount(needArg("apt"), "APT");
        return await runAction(
          values.stake ? depositAndStake({ amount, ...sl }) : deposit({ amount, ...sl }),
        );
      }
      case "stake":
        return await runAction(stake({ amount: parseAmount(needArg("kapt"), "kAPT"), ...sl }));
      case "unstake":
        return await runAction(unstake({ amount: parseAmount(needArg("stkapt"), "stkAPT"), ...sl }));
      case "request":
        return await runAction(requestWithdrawal({ amount: parseAmount(needArg("kapt"), "kAPT") }));
      case "claim": {
        const account = loadAccount(values["key-file"], io.env);
        const owner = account.accountAddress.toString();
        let tickets = args;
        if (values.all) {
          const p = await getPosition(client, owner);
          tickets = p.readyTickets.map((t) => t.id);
          if (tickets.length === 0) {
            out("no ready tickets", { ok: true, kind: "claim", claimed: [] });
            return 0;
          }
        }
        if (tickets.length === 0) throw usageError("claim needs ticket addresses or --all");
        return await runAction(claim({ tickets, owner }));
      }
      default:
        throw usageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if ((e as { usage?: boolean }).usage || (e as { code?: string }).code?.startsWith?.("ERR_PARSE_ARGS")) {
      io.stderr(`kofi: ${(e as Error).message}\n\n${USAGE}\n`);
      if (json)
        io.stdout(`${toJson({ ok: false, error: { code: "usage", message: (e as Error).message } })}\n`);
      return EXIT_CODES.usage;
    }
    const err = toKofiError(e);
    io.stderr(`kofi: ${err.code}: ${err.message}\n  hint: ${err.hint}\n`);
    if (json) io.stdout(`${toJson({ ok: false, error: err.toJSON() })}\n`);
    return EXIT_CODES[err.code] ?? 1;
  }
}
