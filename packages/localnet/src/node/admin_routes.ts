/**
 * The localnet's own endpoints beside the fullnode API: the faucet (`POST /fund`, `POST /mint`), moving the
 * clock (`POST /admin/advance`) and `GET /admin/info`. The validator staging endpoints are in admin_validators.ts.
 */
import type { Address } from "../runtime/port.ts";
import { invalidInput } from "./errors.ts";
import { isJsonObject, parseAddressSegment } from "./request_parsing.ts";
import { type Handler, ok, type Route } from "./router.ts";

/** What the admin endpoints do to the node (the embedding localnet implements them). */
export interface AdminHooks {
  /** Faucet: mints `amount` to `address`, returns the transaction hash. */
  fund(address: Address, amount: bigint): `0x${string}`;
  advance(o: { seconds?: bigint; epochs?: number }): { nowSecs: bigint; epoch: bigint };
  info(): Record<string, unknown>;
}

/**
 * Largest `POST /admin/advance` (400 `invalid_input` above): 400 days, a year plus a lockup cycle. Every epoch
 * boundary on the way is walked (rewards, lockups, validator set), so an unbounded value held the node.
 */
export const MAX_ADVANCE_SECS = 400n * 86_400n;
/** Largest `epochs` of `POST /admin/advance`: 400 days of the default 2 h epochs. */
export const MAX_ADVANCE_EPOCHS = 4_800;

export function adminRoutes(o: AdminHooks): Route[] {
  /** POST /fund (ts-sdk faucet: `{ txn_hashes }`) and /mint (aptos CLI faucet: `[hash]`). */
  const faucet =
    (shape: "fund" | "mint"): Handler =>
    ({ body, query }) => {
      let address: string | null = query.get("address");
      let amountRaw: unknown = query.get("amount");
      if (body.length > 0) {
        try {
          const j = JSON.parse(body.toString("utf8"));
          address = j.address ?? address;
          amountRaw = j.amount ?? amountRaw;
        } catch {
          throw invalidInput("faucet: body must be JSON {address, amount}");
        }
      }
      if (!address) throw invalidInput("faucet: missing address");
      let amount: bigint;
      try {
        amount = BigInt(amountRaw as string | number);
      } catch {
        throw invalidInput("faucet: invalid amount");
      }
      if (amount <= 0n || amount >= 1n << 64n) throw invalidInput("faucet: amount out of range");
      const hash = o.fund(parseAddressSegment(address), amount);
      return ok(shape === "mint" ? [hash] : { txn_hashes: [hash] });
    };

  const advance: Handler = ({ body }) => {
    let j: { seconds?: unknown; epochs?: unknown } = {};
    if (body.length > 0) {
      try {
        j = JSON.parse(body.toString("utf8"));
      } catch {
        throw invalidInput("advance: body must be JSON {seconds?|epochs?}");
      }
      if (!isJsonObject(j)) throw invalidInput("advance: body must be JSON {seconds?|epochs?}");
    }
    let seconds: bigint | undefined;
    try {
      seconds = j.seconds === undefined ? undefined : BigInt(j.seconds as string | number);
    } catch {
      throw invalidInput("advance: invalid seconds");
    }
    const epochs = j.epochs === undefined ? undefined : Number(j.epochs);
    if (
      (seconds !== undefined && seconds < 0n) ||
      (epochs !== undefined && (!Number.isInteger(epochs) || epochs < 0))
    ) {
      throw invalidInput("advance: seconds/epochs must be non-negative integers");
    }
    if (seconds !== undefined && seconds > MAX_ADVANCE_SECS)
      throw invalidInput(`advance: seconds must be at most ${MAX_ADVANCE_SECS} (400 days)`);
    if (epochs !== undefined && epochs > MAX_ADVANCE_EPOCHS)
      throw invalidInput(`advance: epochs must be at most ${MAX_ADVANCE_EPOCHS}`);
    const r = o.advance({ seconds, epochs });
    return ok({ now_secs: r.nowSecs.toString(), epoch: r.epoch.toString() });
  };

  return [
    { method: "POST", path: "/fund", handler: faucet("fund") },
    { method: "POST", path: "/mint", handler: faucet("mint") },
    { method: "POST", path: "/admin/advance", handler: advance },
    { method: "GET", path: "/admin/info", handler: () => ok(o.info()) },
  ];
}
