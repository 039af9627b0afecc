/**
 * A Kofi view over plain `fetch`: one `POST /v1/view` (JSON), arguments as the node's JSON wants them (u64 as a
 * decimal string, addresses as hex strings, vectors as arrays).
 */
import { type NodeTarget, nodeJson } from "./node.ts";

/** JSON form of an argument: bigints become decimal strings. */
function jsonArg(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(jsonArg);
  return value;
}

/** Calls `<kofi>::<module>::<name>(args)`; resolves the view's return values. */
export function callView(
  target: NodeTarget,
  module: string,
  name: string,
  args: readonly unknown[],
  signal?: AbortSignal,
): Promise<unknown[]> {
  return nodeJson<unknown[]>(target, "/view", {
    json: {
      function: `${target.kofiAddress}::${module}::${name}`,
      type_arguments: [],
      arguments: args.map(jsonArg),
    },
    signal,
  });
}
