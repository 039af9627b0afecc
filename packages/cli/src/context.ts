import type { Account } from "@aptos-labs/ts-sdk";
import { assertNetwork, type ExecuteResult, execute, type KofiAction, type KofiClient } from "@kofi/core";
import { loadAccount } from "./account.ts";
import { type CliIo, toJson, UsageError } from "./io.ts";
import { progress } from "./progress.ts";

/** The parsed options every command sees. */
export interface Options {
  "key-file"?: string | undefined;
  json?: boolean | undefined;
  all?: boolean | undefined;
  stake?: boolean | undefined;
  token?: string | undefined;
  to?: string | undefined;
  best?: boolean | undefined;
  venue?: string | undefined;
  cap?: string | undefined;
  seed?: string | undefined;
  /** admin bootstrap: the JSON file */
  config?: string | undefined;
  "dry-run"?: boolean | undefined;
  yes?: boolean | undefined;
  /** keeper */
  state?: string | undefined;
  interval?: string | undefined;
  once?: boolean | undefined;
  "max-failed-ratio"?: string | undefined;
  /** validators */
  propose?: boolean | undefined;
  "max-share-bps"?: string | undefined;
  previous?: string | undefined;
  history?: string | undefined;
}

export interface Ctx {
  io: CliIo;
  json: boolean;
  client: KofiClient;
  command: string;
  args: string[];
  values: Options;
  slippageBps: bigint | undefined;
  /** Human text, or the JSON document with `--json`. */
  out(human: string, data: unknown): void;
  /** The signer (`--key-file` / `KOFI_PRIVATE_KEY`); read on first use. */
  account(): Account;
  /** The `n`th positional, or a usage error naming it. */
  arg(n: number, name: string): string;
  /** Runs an action with per-stage progress and prints the result. */
  runAction(action: KofiAction): Promise<number>;
}

export function resultJson(r: ExecuteResult): Record<string, unknown> {
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

export function createCtx(base: Omit<Ctx, "out" | "account" | "arg" | "runAction">): Ctx {
  let account: Account | undefined;
  const ctx: Ctx = {
    ...base,
    out(human, data) {
      base.io.stdout(`${base.json ? toJson(data) : human}\n`);
    },
    account() {
      account ??= loadAccount(base.values["key-file"], base.io.env);
      return account;
    },
    arg(n, name) {
      const v = base.args[n];
      if (v === undefined) throw new UsageError(`${base.command} needs <${name}>`);
      return v;
    },
    async runAction(action) {
      const signer = ctx.account();
      // Fail fast (before quoting or signing) when the node is not on the configured network.
      await assertNetwork(base.client);
      const p = progress(base.io);
      try {
        const r = await execute(base.client, action, signer, { onStage: p.onStage });
        ctx.out(`ok ${r.kind} ${r.hash} (version ${r.version})`, resultJson(r));
        return 0;
      } finally {
        p.stop();
      }
    },
  };
  return ctx;
}
