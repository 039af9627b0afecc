import type { InputEntryFunctionData } from "@aptos-labs/ts-sdk";
import { entryPayload } from "../client/payload.ts";
import { KofiError } from "../errors/KofiError.ts";
import type { KofiAction, PreparedAction } from "../execute/action.ts";

/** The Move modules with admin or keeper entries. */
export type KofiAdminModule = "config" | "staking_manager" | "gateway" | "rewards";

/**
 * An admin or keeper entry as an action `execute` and `simulate` run like any other. `call` names the Move
 * function and its arguments exactly as they will be signed (after validation), so a host can show them before
 * asking for a signature. `kind` is the Move function's name.
 */
export interface AdminAction extends KofiAction<undefined> {
  readonly call: {
    readonly module: KofiAdminModule;
    readonly function: string;
    readonly arguments: InputEntryFunctionData["functionArguments"];
  };
}

/** Builds an `AdminAction`: arguments are validated by the caller before this (nothing reaches the chain). */
export function adminAction(
  module: KofiAdminModule,
  name: string,
  args: InputEntryFunctionData["functionArguments"],
): AdminAction {
  const key = `${module}::${name}:${JSON.stringify(args, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`;
  return {
    kind: name,
    key,
    call: { module, function: name, arguments: args },
    prepare: async (client): Promise<PreparedAction<undefined>> => ({
      kind: name,
      payload: entryPayload(client, module, name, args),
      quote: undefined,
      minOut: undefined,
    }),
  };
}

/** `invalid_argument` with the bound the Move code enforces (the chain would abort with `abortName`). */
export function outOfRange(
  what: string,
  value: bigint,
  min: bigint,
  max: bigint,
  abortName: string,
): KofiError {
  return new KofiError("invalid_argument", `${what} must be between ${min} and ${max}, got ${value}.`, {
    hint: `The contract aborts ${abortName} outside this range; nothing was sent to the chain.`,
  });
}
