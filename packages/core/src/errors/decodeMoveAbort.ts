import type { MoveAbortInfo } from "./KofiError.ts";

/** Shape of the generated `kofiErrors` table: module -> constant -> { code: reason, doc }. */
export type KofiErrorTable = Readonly<
  Record<string, Readonly<Record<string, { readonly code: number; readonly doc: string }>>>
>;

/** Framework constants the SDK maps to friendlier codes (module -> reason -> name, doc). */
const FRAMEWORK_ERRORS: Record<string, Record<number, { name: string; doc: string }>> = {
  coin: { 6: { name: "EINSUFFICIENT_BALANCE", doc: "Not enough coins to complete transaction" } },
  fungible_asset: {
    4: { name: "EINSUFFICIENT_BALANCE", doc: "Insufficient balance to withdraw or transfer." },
  },
  aptos_account: { 1: { name: "EACCOUNT_NOT_FOUND", doc: "Account does not exist." } },
};

const HEX_OR_DEC = "(0x[0-9a-fA-F]+|\\d+)";
/** `Move abort in 0xADDR::module: NAME(0xCODE): doc` (doc optional). */
const NAMED = new RegExp(
  `Move abort in (0x[0-9a-fA-F]+)::(\\w+): (\\w+)\\(${HEX_OR_DEC}\\)(?::\\s*([\\s\\S]*))?`,
);
/** `Move abort in 0xADDR::module: 0xCODE` (no name). */
const NUMERIC_IN = new RegExp(`Move abort in (0x[0-9a-fA-F]+)::(\\w+): ${HEX_OR_DEC}\\b`);
/** `Move abort: code 65539 at 0xADDR::module` / `ABORTED ... code ... location 0xADDR::module`. */
const NUMERIC_AT = new RegExp(
  `(?:Move abort|ABORTED)[^]*?(?:code|sub_status)[:= ]+${HEX_OR_DEC}[^]*?(0x[0-9a-fA-F]+)::(\\w+)`,
);
const NUMERIC_LOC_FIRST = new RegExp(
  `(?:Move abort|ABORTED)[^]*?(0x[0-9a-fA-F]+)::(\\w+)[^]*?(?:code|sub_status)[:= ]+${HEX_OR_DEC}`,
);

function toNumber(text: string): number {
  return text.startsWith("0x") || text.startsWith("0X")
    ? Number.parseInt(text, 16)
    : Number.parseInt(text, 10);
}

/** Normalises `0x00…06b6f6669` and `0x6b6f6669` to the same short lowercase form. */
export function shortAddress(address: string): string {
  const hex = address.toLowerCase().replace(/^0x/, "").replace(/^0+/, "");
  return `0x${hex === "" ? "0" : hex}`;
}

export interface DecodeContext {
  /** The Kofi package address (any form); when set, only aborts from this address use the Kofi table. */
  kofiAddress?: string | undefined;
  /** The Kofi error table (generated `kofiErrors`). */
  errors: KofiErrorTable;
}

function lookup(
  ctx: DecodeContext,
  address: string,
  module: string,
  reason: number,
): { name: string; doc: string } | undefined {
  const isFramework = shortAddress(address) === "0x1";
  if (isFramework) return FRAMEWORK_ERRORS[module]?.[reason];
  if (ctx.kofiAddress !== undefined && shortAddress(ctx.kofiAddress) !== shortAddress(address))
    return undefined;
  const table = ctx.errors[module];
  if (!table) return undefined;
  for (const [name, entry] of Object.entries(table)) {
    if (entry.code === reason) return { name, doc: entry.doc };
  }
  return undefined;
}

function build(
  ctx: DecodeContext,
  address: string,
  module: string,
  code: number,
  name?: string,
  doc?: string,
): MoveAbortInfo {
  const reason = code & 0xffff;
  const known = lookup(ctx, address, module, reason);
  return {
    address,
    module,
    name: name ?? known?.name,
    code,
    reason,
    category: code >>> 16,
    doc: doc?.trim() || known?.doc,
  };
}

/**
 * Decodes a Move abort from a `vm_status` string (or any error message containing one).
 * Handles the named form `Move abort in 0x…::<module>: <NAME>(0x<code>): <doc>` and numeric-only
 * forms, filling name and doc from the error table with `reason = code & 0xffff`.
 */
export function decodeMoveAbort(text: string, ctx: DecodeContext): MoveAbortInfo | undefined {
  const named = NAMED.exec(text);
  if (named) {
    const [, address = "", module = "", name = "", code = "0", doc] = named;
    return build(ctx, address, module, toNumber(code), name, doc);
  }
  const numeric = NUMERIC_IN.exec(text);
  if (numeric) {
    const [, address = "", module = "", code = "0"] = numeric;
    return build(ctx, address, module, toNumber(code));
  }
  const at = NUMERIC_AT.exec(text);
  if (at) {
    const [, code = "0", address = "", module = ""] = at;
    return build(ctx, address, module, toNumber(code));
  }
  const loc = NUMERIC_LOC_FIRST.exec(text);
  if (loc) {
    const [, address = "", module = "", code = "0"] = loc;
    return build(ctx, address, module, toNumber(code));
  }
  return undefined;
}
