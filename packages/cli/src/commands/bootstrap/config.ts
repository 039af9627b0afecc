import {
  addPool,
  KofiError,
  type KofiNetwork,
  normalizeAddress,
  parseAmount,
  seedVault,
  setFeeBps,
  setMaxCommissionBps,
  setMinDeposit,
  setMinWithdrawal,
  setPoolCap,
  setWeights,
  type TokenSymbol,
} from "@kofi/core";
import { kofiConstants } from "@kofi/core/abi";

/** One pool of the bootstrap file, validated. */
export interface PoolSpec {
  pool: `0x${string}`;
  /** `false`: the pool must be disabled (`disable_pool`); it then has no weight. */
  enabled: boolean;
  /** Most APT octas kept active there; `undefined`: leave the on-chain cap (only for pools already added). */
  cap: bigint | undefined;
  /** APT octas staked by `add_pool` when the pool is not on chain yet; ignored for pools already added. */
  seed: bigint | undefined;
  /** Weight in bps (0 for a disabled pool). */
  weightBps: bigint;
}

/** The bootstrap file, validated: every field optional; what is absent is left as it is on chain. */
export interface BootstrapConfig {
  network: KofiNetwork | undefined;
  feeBps: bigint | undefined;
  treasury: `0x${string}` | undefined;
  minDeposit: bigint | undefined;
  minWithdrawal: bigint | undefined;
  maxCommissionBps: bigint | undefined;
  pools: PoolSpec[] | undefined;
  vaultSeed: bigint | undefined;
}

const TOP_KEYS = [
  "network",
  "feeBps",
  "treasury",
  "minDeposit",
  "minWithdrawal",
  "maxCommissionBps",
  "pools",
  "vaultSeed",
] as const;
const POOL_KEYS = ["pool", "enabled", "cap", "seed", "weightBps"] as const;
const NETWORKS: readonly KofiNetwork[] = ["mainnet", "testnet", "devnet", "local", "custom"];
const TOTAL_WEIGHT = kofiConstants.staking_manager.TOTAL_WEIGHT_BPS.value;

/** A config error: one line naming the file and the field. */
class ConfigError extends Error {}

function fail(path: string, message: string): never {
  throw new ConfigError(`${path}: ${message}`);
}

/** Runs an SDK builder for its validation; its message, prefixed with the field, on failure. */
function check(path: string, build: () => unknown): void {
  try {
    build();
  } catch (e) {
    fail(path, e instanceof Error ? e.message : String(e));
  }
}

/** An amount: a string of octas (`"1250000000"`) or a decimal with the token (`"12.5 APT"`); never a number. */
function amount(value: unknown, path: string, symbol: TokenSymbol): bigint {
  if (typeof value !== "string")
    fail(
      path,
      `an amount is a string of octas ("1250000000") or "<decimal> ${symbol}", got ${JSON.stringify(value)}`,
    );
  if (/^\d+$/.test(value)) {
    const v = BigInt(value);
    if (v > 2n ** 64n - 1n) fail(path, `${value} octas is above the u64 maximum`);
    return v;
  }
  const m = /^(\S+) (\S+)$/.exec(value);
  if (!m) fail(path, `"${value}" is neither octas (digits only) nor "<decimal> ${symbol}"`);
  if (m[2] !== symbol) fail(path, `"${value}": this amount is in ${symbol}, got unit "${m[2]}"`);
  try {
    return parseAmount(m[1] as string, symbol);
  } catch (e) {
    return fail(path, (e as Error).message);
  }
}

/** Basis points: a whole JSON number or a string of digits. */
function bps(value: unknown, path: string): bigint {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === "string" && /^\d+$/.test(value)) return BigInt(value);
  return fail(path, `basis points are a whole number, got ${JSON.stringify(value)}`);
}

function address(value: unknown, path: string): `0x${string}` {
  if (typeof value !== "string") fail(path, `an address is a string, got ${JSON.stringify(value)}`);
  try {
    return normalizeAddress(value, path);
  } catch (e) {
    return fail(path, (e as Error).message);
  }
}

function object(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    fail(path, `expected an object, got ${JSON.stringify(value)}`);
  for (const k of Object.keys(value)) {
    if (!keys.includes(k)) fail(path, `unknown key "${k}" (known: ${keys.join(", ")})`);
  }
  return value as Record<string, unknown>;
}

function pool(value: unknown, path: string): PoolSpec {
  const o = object(value, path, POOL_KEYS);
  if (o.pool === undefined) fail(path, `"pool" (the delegation pool address) is required`);
  const addr = address(o.pool, `${path}.pool`);
  if (o.enabled !== undefined && typeof o.enabled !== "boolean")
    fail(`${path}.enabled`, `expected true or false, got ${JSON.stringify(o.enabled)}`);
  const enabled = o.enabled !== false;
  const cap = o.cap === undefined ? undefined : amount(o.cap, `${path}.cap`, "APT");
  if (cap !== undefined) check(`${path}.cap`, () => setPoolCap({ pool: addr, cap }));
  const seed = o.seed === undefined ? undefined : amount(o.seed, `${path}.seed`, "APT");
  if (seed !== undefined) check(`${path}.seed`, () => addPool({ pool: addr, cap: 0n, seedApt: seed }));
  if (enabled && o.weightBps === undefined) fail(path, `"weightBps" is required for an enabled pool`);
  const weightBps = o.weightBps === undefined ? 0n : bps(o.weightBps, `${path}.weightBps`);
  if (!enabled && weightBps !== 0n) fail(`${path}.weightBps`, "a disabled pool has weight 0");
  return { pool: addr, enabled, cap, seed, weightBps };
}

/**
 * Parses and validates the bootstrap file's text (no request): every value against the contract's bounds through
 * the SDK's typed builders, and the enabled pools' weights summing to 10000. `invalid_config` with one line
 * (`<file>: <field>: <what is wrong>`) otherwise.
 */
export function parseBootstrapConfig(text: string, file: string): BootstrapConfig {
  try {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      fail("(file)", `not JSON: ${(e as Error).message}`);
    }
    const o = object(raw, "(top level)", TOP_KEYS);
    if (o.network !== undefined && !NETWORKS.includes(o.network as KofiNetwork))
      fail("network", `expected one of ${NETWORKS.join(", ")}, got ${JSON.stringify(o.network)}`);
    const feeBps = o.feeBps === undefined ? undefined : bps(o.feeBps, "feeBps");
    if (feeBps !== undefined) check("feeBps", () => setFeeBps({ feeBps }));
    const treasury = o.treasury === undefined ? undefined : address(o.treasury, "treasury");
    const minDeposit = o.minDeposit === undefined ? undefined : amount(o.minDeposit, "minDeposit", "APT");
    if (minDeposit !== undefined) check("minDeposit", () => setMinDeposit({ amount: minDeposit }));
    const minWithdrawal =
      o.minWithdrawal === undefined ? undefined : amount(o.minWithdrawal, "minWithdrawal", "kAPT");
    if (minWithdrawal !== undefined)
      check("minWithdrawal", () => setMinWithdrawal({ amount: minWithdrawal }));
    const maxCommissionBps =
      o.maxCommissionBps === undefined ? undefined : bps(o.maxCommissionBps, "maxCommissionBps");
    if (maxCommissionBps !== undefined)
      check("maxCommissionBps", () => setMaxCommissionBps({ maxCommissionBps }));
    const vaultSeed = o.vaultSeed === undefined ? undefined : amount(o.vaultSeed, "vaultSeed", "APT");
    if (vaultSeed !== undefined) check("vaultSeed", () => seedVault({ amount: vaultSeed }));
    let pools: PoolSpec[] | undefined;
    if (o.pools !== undefined) {
      if (!Array.isArray(o.pools) || o.pools.length === 0)
        fail("pools", "expected a non-empty array of { pool, cap, seed, weightBps }");
      pools = o.pools.map((p, i) => pool(p, `pools[${i}]`));
      const seen = new Set<string>();
      pools.forEach((p, i) => {
        if (seen.has(p.pool)) fail(`pools[${i}].pool`, `${p.pool} is listed twice`);
        seen.add(p.pool);
      });
      const enabled = pools.filter((p) => p.enabled);
      if (enabled.length === 0) fail("pools", "no enabled pool: at least one must take the deposits");
      check("pools", () =>
        setWeights({ weights: enabled.map((p) => ({ pool: p.pool, weightBps: p.weightBps })) }),
      );
      const sum = enabled.reduce((s, p) => s + p.weightBps, 0n);
      if (sum !== TOTAL_WEIGHT)
        fail("pools", `the enabled pools' weightBps sum to ${sum}; they must sum to ${TOTAL_WEIGHT}`);
    }
    return {
      network: o.network as KofiNetwork | undefined,
      feeBps,
      treasury,
      minDeposit,
      minWithdrawal,
      maxCommissionBps,
      pools,
      vaultSeed,
    };
  } catch (e) {
    if (e instanceof ConfigError) throw new KofiError("invalid_config", `${file}: ${e.message}`);
    throw e;
  }
}
