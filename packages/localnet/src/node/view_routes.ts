/**
 * Reads of Move state by function or table: `POST /v1/view` (JSON or BCS request) and
 * `POST /v1/tables/:handle/item`.
 */
import type { IncomingMessage } from "node:http";
import { Deserializer, EntryFunction } from "@aptos-labs/ts-sdk";
import { type Chain, describeFailure } from "../chain.ts";
import { Registry } from "../registry.ts";
import { normalizeAddress } from "../runtime/address.ts";
import type { Address } from "../runtime/port.ts";
import { ApiError, invalidInput, VM } from "./errors.ts";
import {
  ArgError,
  anyToJson,
  decodeJsonArg,
  type MoveType,
  parseMoveType,
  substitute,
  toJson,
} from "./move_type.ts";
import { isJsonObject, parseAddressSegment } from "./request_parsing.ts";
import { type Handler, ok, type Route } from "./router.ts";
import { paramTypes, resolveCall } from "./submit.ts";

export function viewRoutes(chain: Chain): Route[] {
  const { registry } = chain;

  /** `POST /v1/view`: a view function called with BCS or JSON arguments; its returns as JSON. */
  function view(req: IncomingMessage, body: Buffer): unknown[] {
    const ct = (req.headers["content-type"] ?? "").split(";")[0]?.trim();
    let address: Address;
    let module: string;
    let name: string;
    let typeArgs: string[];
    let args: unknown[];
    let fnRet: readonly string[];
    if (ct === "application/x.aptos.view_function+bcs") {
      let ef: EntryFunction;
      try {
        const d = new Deserializer(new Uint8Array(body));
        ef = EntryFunction.deserialize(d);
        if (d.remaining() !== 0) throw new Error("trailing bytes");
      } catch (e) {
        throw invalidInput(`Failed to deserialize input into ViewRequest: ${(e as Error).message}`);
      }
      address = ef.module_name.address.toStringLong() as Address;
      module = ef.module_name.name.identifier;
      name = ef.function_name.identifier;
      typeArgs = ef.type_args.map((t) => t.toString());
      const r = resolveCall(
        registry,
        address,
        module,
        name,
        typeArgs,
        ef.args.map((a) => a.bcsToBytes()),
        "view",
      );
      args = r.args;
      fnRet = r.fn.abi.return;
    } else {
      let j: { function?: unknown; type_arguments?: unknown; arguments?: unknown };
      try {
        j = JSON.parse(body.toString("utf8"));
      } catch (e) {
        throw invalidInput(`Failed to parse JSON body: ${(e as Error).message}`);
      }
      if (!isJsonObject(j)) throw invalidInput("Failed to parse JSON body: expected a JSON object");
      if (typeof j.function !== "string") throw invalidInput("missing field `function`");
      try {
        ({ address, module, name } = Registry.splitFunctionId(j.function));
      } catch (e) {
        throw invalidInput((e as Error).message);
      }
      typeArgs = Array.isArray(j.type_arguments) ? j.type_arguments.map(String) : [];
      const jsonArgs = Array.isArray(j.arguments) ? j.arguments : [];
      // resolve with no args first to get the function (and its errors), then decode JSON args
      const fid = `${address}::${module}::${name}`;
      if (!registry.module(address, module)) {
        throw invalidInput(`LINKER_ERROR: module ${address}::${module} does not exist`, VM.LINKER_ERROR);
      }
      const fn = registry.fn(address, module, name);
      if (!fn)
        throw invalidInput(
          `FUNCTION_RESOLUTION_FAILURE: function ${fid} does not exist`,
          VM.FUNCTION_RESOLUTION_FAILURE,
        );
      if (!fn.abi.is_view) throw invalidInput(`function ${fid} is not marked as a view function`);
      if (typeArgs.length !== fn.abi.generic_type_params.length) {
        throw invalidInput(
          `NUMBER_OF_TYPE_ARGUMENTS_MISMATCH: ${fid} expects ${fn.abi.generic_type_params.length} type arguments`,
          VM.NUMBER_OF_TYPE_ARGUMENTS_MISMATCH,
        );
      }
      let targs: MoveType[];
      try {
        targs = typeArgs.map((t) => parseMoveType(t));
      } catch (e) {
        throw invalidInput((e as Error).message);
      }
      const params = paramTypes(registry, fn, targs);
      if (jsonArgs.length !== params.length) {
        throw invalidInput(
          `NUMBER_OF_ARGUMENTS_MISMATCH: ${fid} expects ${params.length} arguments, got ${jsonArgs.length}`,
          VM.NUMBER_OF_ARGUMENTS_MISMATCH,
        );
      }
      args = params.map((t, i) => {
        try {
          return decodeJsonArg(t, jsonArgs[i]);
        } catch (e) {
          if (e instanceof ArgError)
            throw invalidInput(`failed to parse argument ${i} of ${fid}: ${e.message}`);
          throw e;
        }
      });
      fnRet = fn.abi.return;
    }
    const fn = registry.fn(address, module, name);
    if (!fn) throw invalidInput("function not found");
    let out: unknown[] | undefined;
    try {
      out = chain.view((rt) => fn.run(rt, args, undefined, typeArgs)) ?? [];
    } catch (e) {
      const f = describeFailure(e, chain.abortDocs);
      throw invalidInput(
        f.vmStatus,
        f.abort
          ? VM.ABORTED
          : e instanceof Error && /ARITHMETIC/.test(e.message)
            ? VM.ARITHMETIC_ERROR
            : null,
      );
    }
    const targs = typeArgs.map((t) => parseMoveType(t));
    return fnRet.map((r, i) =>
      toJson(substitute(registry.type(r), targs), out?.[i], registry.structResolver),
    );
  }

  /** getTableItem: the model keys tables by the key's string form (addresses long, integers decimal). */
  const tableItem: Handler = ({ params, body }) => {
    let j: { key_type?: string; key?: unknown };
    try {
      j = JSON.parse(body.toString("utf8"));
    } catch {
      throw invalidInput("table item: body must be JSON {key_type, value_type, key}");
    }
    if (!isJsonObject(j)) throw invalidInput("table item: body must be JSON {key_type, value_type, key}");
    let key = typeof j.key === "string" ? j.key : JSON.stringify(j.key);
    if (j.key_type === "address" && typeof j.key === "string") key = parseAddressSegment(j.key);
    const handle = (params.handle as string).toLowerCase();
    const t = chain.state.tables.get(handle) ?? chain.state.tables.get(normalizeHandle(handle));
    if (!t?.has(key)) {
      throw new ApiError(
        404,
        "table_item_not_found",
        `Table Item not found by Table handle(${handle}), Table key(${key}) and Ledger version(${chain.ledgerVersion})`,
      );
    }
    return ok(anyToJson(t.get(key)));
  };

  return [
    { method: "POST", path: "/v1/tables/:handle/item", handler: tableItem },
    { method: "POST", path: "/v1/view", handler: ({ req, body }) => ok(view(req, body)) },
  ];
}

function normalizeHandle(h: string): string {
  try {
    return normalizeAddress(h);
  } catch {
    return h;
  }
}
