import {
  type AdminAction,
  addPool,
  disablePool,
  formatRaw,
  KofiError,
  type ProtocolState,
  seedVault,
  setFeeBps,
  setMaxCommissionBps,
  setMinDeposit,
  setMinWithdrawal,
  setPoolCap,
  setTreasury,
  setWeights,
} from "@kofi/core";
import type { BootstrapConfig } from "./config.ts";

/** What the plan reads from the chain (`gateway::protocol_state` and the vault's dead shares). */
export type ChainSnapshot = Pick<
  ProtocolState,
  "feeBps" | "treasury" | "minDeposit" | "minWithdrawal" | "maxCommissionBps" | "validators"
> & {
  /** `vault::Vault.dead_shares > 0`: `seed_vault` ran (it runs once). */
  vaultSeeded: boolean;
};

export interface Step {
  /** The Move function's name. */
  kind: string;
  /** One line: what changes, from what. */
  description: string;
  action: AdminAction;
}

const apt = (octas: bigint, symbol = "APT") => `${formatRaw(octas)} ${symbol}`;

/**
 * The admin transactions that take the chain from `chain` to the file, in a fixed order (config setters, pools
 * added, caps, pools disabled, weights, vault seed), each only when its on-chain value differs: a re-run after
 * completion plans nothing, a re-run after an interruption plans what remains. `invalid_config` when the file
 * asks for something no admin call can do (re-enable a disabled pool, add a pool without a seed).
 */
export function planBootstrap(config: BootstrapConfig, chain: ChainSnapshot, file: string): Step[] {
  const steps: Step[] = [];
  const step = (description: string, action: AdminAction) =>
    steps.push({ kind: action.kind, description, action });
  function bad(message: string): never {
    throw new KofiError("invalid_config", `${file}: ${message}`);
  }

  if (config.feeBps !== undefined && config.feeBps !== chain.feeBps)
    step(`fee ${chain.feeBps} -> ${config.feeBps} bps`, setFeeBps({ feeBps: config.feeBps }));
  if (config.treasury !== undefined && config.treasury !== chain.treasury)
    step(`treasury ${chain.treasury} -> ${config.treasury}`, setTreasury({ treasury: config.treasury }));
  if (config.minDeposit !== undefined && config.minDeposit !== chain.minDeposit)
    step(
      `minimum deposit ${apt(chain.minDeposit)} -> ${apt(config.minDeposit)}`,
      setMinDeposit({ amount: config.minDeposit }),
    );
  if (config.minWithdrawal !== undefined && config.minWithdrawal !== chain.minWithdrawal)
    step(
      `minimum withdrawal ${apt(chain.minWithdrawal, "kAPT")} -> ${apt(config.minWithdrawal, "kAPT")}`,
      setMinWithdrawal({ amount: config.minWithdrawal }),
    );
  if (config.maxCommissionBps !== undefined && config.maxCommissionBps !== chain.maxCommissionBps)
    step(
      `maximum commission ${chain.maxCommissionBps} -> ${config.maxCommissionBps} bps`,
      setMaxCommissionBps({ maxCommissionBps: config.maxCommissionBps }),
    );

  if (config.pools) {
    const onChain = new Map(chain.validators.map((v) => [v.pool, v]));
    // weights as they will be once the pools are added and disabled (added pools start at 0)
    const weights = new Map(chain.validators.map((v) => [v.pool, v.enabled ? v.weightBps : 0n]));
    const enabled = new Set(chain.validators.filter((v) => v.enabled).map((v) => v.pool));
    config.pools.forEach((p, i) => {
      const v = onChain.get(p.pool);
      if (!p.enabled || v) return;
      const { seed, cap } = p;
      if (seed === undefined) bad(`pools[${i}].seed: pool ${p.pool} is not added yet; add_pool needs a seed`);
      if (cap === undefined) bad(`pools[${i}].cap: pool ${p.pool} is not added yet; add_pool needs a cap`);
      step(
        `add pool ${p.pool} (cap ${apt(cap)}, seed ${apt(seed)})`,
        addPool({ pool: p.pool, cap, seedApt: seed }),
      );
      weights.set(p.pool, 0n);
      enabled.add(p.pool);
    });
    config.pools.forEach((p, i) => {
      const v = onChain.get(p.pool);
      if (!v) {
        if (!p.enabled) bad(`pools[${i}]: pool ${p.pool} is not added, so it cannot be disabled`);
        return;
      }
      if (p.enabled && !v.enabled)
        bad(`pools[${i}]: pool ${p.pool} is disabled on chain and Kofi has no entry to enable it again`);
      if (p.cap !== undefined && p.cap !== v.cap)
        step(`cap of ${p.pool} ${apt(v.cap)} -> ${apt(p.cap)}`, setPoolCap({ pool: p.pool, cap: p.cap }));
    });
    for (const p of config.pools) {
      if (!p.enabled && onChain.get(p.pool)?.enabled) {
        step(`disable pool ${p.pool}`, disablePool({ pool: p.pool }));
        weights.set(p.pool, 0n);
        enabled.delete(p.pool);
      }
    }
    // every enabled pool gets the file's weight; enabled pools the file does not list get 0
    const listed = new Set(config.pools.map((p) => p.pool));
    const target = [
      ...config.pools.filter((p) => p.enabled).map((p) => ({ pool: p.pool, weightBps: p.weightBps })),
      ...[...enabled].filter((p) => !listed.has(p)).map((p) => ({ pool: p, weightBps: 0n })),
    ];
    const changed = target.filter((t) => weights.get(t.pool) !== t.weightBps);
    if (changed.length > 0) {
      const entries = target.filter((t) => listed.has(t.pool) || weights.get(t.pool) !== 0n);
      step(
        `weights ${changed.map((t) => `${t.pool.slice(0, 10)}… ${weights.get(t.pool) ?? 0n} -> ${t.weightBps}`).join(", ")} bps`,
        setWeights({ weights: entries }),
      );
    }
  }

  if (config.vaultSeed !== undefined && !chain.vaultSeeded)
    step(`seed the vault with ${apt(config.vaultSeed)}`, seedVault({ amount: config.vaultSeed }));
  return steps;
}
