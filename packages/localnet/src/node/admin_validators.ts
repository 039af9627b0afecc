/**
 * Admin endpoints that stage validator behaviour (see README "Staging validators"):
 * `GET /admin/validators`, `GET /admin/validators/:pool`, `POST /admin/validators/:pool/:action` and
 * `POST /admin/stake_limits`. Failures of the real framework functions answer 400 with their vm_status.
 */
import type { Chain, StakeLimits } from "../chain.ts";
import { FRAMEWORK, T } from "../framework/context.ts";
import type { ValidatorSet } from "../framework/stake.ts";
import { normalizeAddress } from "../runtime/address.ts";
import type { Address } from "../runtime/port.ts";
import { StageError, type StageResult, setStakeLimits, validatorInfo, validatorOps } from "../validators.ts";
import { ApiError, invalidInput } from "./errors.ts";
import { anyToJson } from "./move_type.ts";
import type { Reply, Route, RouteRequest } from "./router.ts";

type Body = Record<string, unknown>;

function json(r: RouteRequest): Body {
  if (r.body.length === 0) return {};
  try {
    const j = JSON.parse(r.body.toString("utf8"));
    if (j && typeof j === "object" && !Array.isArray(j)) return j as Body;
  } catch {
    /* below */
  }
  throw invalidInput("admin: body must be a JSON object");
}

function u64(b: Body, k: string, optional = false): bigint | undefined {
  const v = b[k];
  if (v === undefined && optional) return undefined;
  if (typeof v !== "string" && typeof v !== "number") throw invalidInput(`admin: missing or invalid ${k}`);
  let x: bigint;
  try {
    x = BigInt(v);
  } catch {
    throw invalidInput(`admin: invalid ${k}`);
  }
  if (x < 0n || x >= 1n << 64n) throw invalidInput(`admin: ${k} out of range`);
  return x;
}

function address(b: Body, k: string): string {
  const v = b[k];
  if (typeof v !== "string") throw invalidInput(`admin: missing ${k}`);
  try {
    return normalizeAddress(v);
  } catch {
    throw invalidInput(`admin: invalid ${k}`);
  }
}

function pool(chain: Chain, raw: string): Address {
  let p: Address;
  try {
    p = normalizeAddress(decodeURIComponent(raw));
  } catch {
    throw invalidInput(`admin: invalid pool address ${raw}`);
  }
  if (!chain.resource(p, T.delegationPool)) {
    throw new ApiError(404, "resource_not_found", `no delegation pool at ${p}`);
  }
  return p;
}

async function staged(f: () => Promise<StageResult> | StageResult): Promise<Reply> {
  try {
    const r = await f();
    return { status: 200, body: { hash: r.hash, vm_status: r.vmStatus } };
  } catch (e) {
    if (e instanceof StageError) throw new ApiError(400, "vm_error", e.vmStatus);
    throw e;
  }
}

export function validatorRoutes(chain: Chain, genesisValidators: () => readonly string[]): Route[] {
  const pools = (): Address[] => {
    const vs = chain.resource<ValidatorSet>(FRAMEWORK, T.validatorSet);
    const all = [
      ...genesisValidators().map((a) => normalizeAddress(a)),
      ...(vs?.active_validators ?? []),
      ...(vs?.pending_active ?? []),
      ...(vs?.pending_inactive ?? []),
    ];
    return [...new Set(all)].filter((p) => chain.resource(p, T.delegationPool));
  };
  const action = async (r: RouteRequest): Promise<Reply> => {
    const p = pool(chain, r.params.pool as string);
    const ops = validatorOps(chain, p);
    const b = json(r);
    const proposals = () => ({
      successful: u64(b, "successful") as bigint,
      failed: u64(b, "failed") as bigint,
    });
    switch (r.params.action) {
      case "enable_allowlisting":
        return staged(() => ops.enableAllowlisting());
      case "disable_allowlisting":
        return staged(() => ops.disableAllowlisting());
      case "allowlist":
        return staged(() => ops.allowlist(address(b, "delegator")));
      case "remove_from_allowlist":
        return staged(() => ops.removeFromAllowlist(address(b, "delegator")));
      case "evict":
        return staged(() =>
          b.force === true ? ops.evictNow(address(b, "delegator")) : ops.evict(address(b, "delegator")),
        );
      case "commission": {
        const bps = u64(b, "bps") as bigint;
        return staged(() => (b.immediate === true ? ops.setCommissionNow(bps) : ops.updateCommission(bps)));
      }
      case "beneficiary":
        return staged(() => ops.setBeneficiary(address(b, "beneficiary")));
      case "proposals_per_epoch":
        return staged(() => ops.setProposals(proposals()));
      case "record_proposals":
        return staged(() => ops.recordProposals(proposals()));
      case "leave":
        return staged(() => ops.leave());
      case "join":
        return staged(() => ops.join());
      default:
        throw new ApiError(404, "web_framework_error", `unknown validator action: ${r.params.action}`);
    }
  };
  return [
    {
      method: "GET",
      path: "/admin/validators",
      handler: () => ({ status: 200, body: pools().map((p) => anyToJson(validatorInfo(chain, p))) }),
    },
    {
      method: "GET",
      path: "/admin/validators/:pool",
      handler: (r) => ({
        status: 200,
        body: anyToJson(validatorInfo(chain, pool(chain, r.params.pool as string))),
      }),
    },
    { method: "POST", path: "/admin/validators/:pool/:action", handler: action },
    {
      method: "POST",
      path: "/admin/stake_limits",
      handler: (r) => {
        const b = json(r);
        const l: StakeLimits = {
          minimumStake: u64(b, "minimum_stake", true),
          maximumStake: u64(b, "maximum_stake", true),
          votingPowerIncreaseLimitPct: u64(b, "voting_power_increase_limit", true),
        };
        return staged(() => setStakeLimits(chain, l));
      },
    },
  ];
}
