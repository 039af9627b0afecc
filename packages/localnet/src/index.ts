import type { AddressInfo } from "node:net";
import { Chain, type RewardRate, type StakeLimits } from "./chain.ts";
import { type DevAccount, type GenesisInfo, runGenesis } from "./genesis.ts";
import { installKofi, type KofiPackage, loadKofiPackage } from "./move/install.ts";
import { Mempool } from "./node/mempool.ts";
import { createNodeServer } from "./node/server.ts";
import { loadState, saveState } from "./persist.ts";
import type { Registry } from "./registry.ts";
import { normalizeAddress } from "./runtime/address.ts";
import type { Address } from "./runtime/port.ts";
import { type StageResult, setStakeLimits, type ValidatorOps, validatorOps } from "./validators.ts";
import { installVenues, seedVenues } from "./venues/index.ts";

export type { RewardRate, StakeLimits, TxRecord } from "./chain.ts";
export { Chain } from "./chain.ts";
export type { DevAccount, GenesisInfo } from "./genesis.ts";
export type { KofiPackage } from "./move/install.ts";
export type { Proposals, StageResult, ValidatorInfo, ValidatorOps } from "./validators.ts";
export { StageError } from "./validators.ts";
export { ECHELON, HYPERION, THALASWAP_V2, VENUE_LP, venuePackages } from "./venues/index.ts";

export interface LocalnetOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Genesis seed (keys, validator addresses). Default "kofi". */
  seed?: string;
  /** Persist the chain to this file (atomic writes); restored on start when it exists. */
  statePath?: string;
  /** Default 7200 (2 h). */
  epochIntervalSecs?: number | bigint;
  /** Staking reward rate as an APR in bps (default 700 = 7 %), spread over the epochs of a year. */
  rewardRateBps?: number | bigint;
  /** Reward rate in bps per epoch (overrides rewardRateBps): handy for demos where rewards should show. */
  rewardRateBpsPerEpoch?: number | bigint;
  /** Chain time at genesis in seconds (default: host clock). Fix it for fully deterministic runs. */
  genesisTimeSecs?: number | bigint;
  /** "manual" (default): time moves only with advance(); "wall": it also follows the host clock. */
  clock?: "manual" | "wall";
  /** No logging. */
  quiet?: boolean;
  /**
   * Block interval in ms. 0 (default): instant mode, every transaction executes when it is submitted (fast
   * tests and benchmarks). > 0: submitted transactions stay pending (GET by_hash answers the pending shape,
   * wait_by_hash long-polls) until the next block, which runs every `blockTimeMs` while any are pending.
   */
  blockTimeMs?: number;
  /**
   * The Kofi package to deploy: default the generated ABI + move/sources executed by the Move interpreter;
   * `false` for a framework-only chain.
   */
  kofi?: KofiPackage | false;
  /** The Move package directory to run (default the repository's `move/`, or the copy shipped in the package). */
  moveDir?: string;
  /**
   * Host the DEX and lending venues (Hyperion, ThalaSwap v2, Echelon) at their mainnet addresses, seeded with
   * kAPT/stkAPT liquidity at genesis, so the adapters run offline exactly as on mainnet. Default true
   * (needs the Kofi package).
   */
  venues?: boolean;
}

export interface Localnet {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + "/v1" */
  nodeUrl: string;
  /** = url (the ts-sdk posts to `${faucet}/fund`) */
  faucetUrl: string;
  chainId: 4;
  kofiAddress: Address;
  accounts: { dev: DevAccount; admin: DevAccount };
  /** Delegation pool addresses of the genesis validators. */
  validators: string[];
  advance(o: { seconds?: number | bigint; epochs?: number }): Promise<{ nowSecs: bigint; epoch: bigint }>;
  fund(address: string, amount: bigint): Promise<string>;
  /**
   * Stage a validator's behaviour on delegation pool `pool`: allowlisting and eviction, commission changes,
   * the operator's beneficiary, missed proposals, leaving the set (README "Staging validators").
   */
  validator(pool: string): ValidatorOps;
  /** Localnet only: change the staking config's minimum / maximum stake and voting power increase limit. */
  setStakeLimits(l: StakeLimits): Promise<StageResult>;
  stop(): Promise<void>;
  /** In-process access for tests and tools (not part of the HTTP surface). */
  chain: Chain;
  /** The chain's registry (`chain.registry`): modules and functions the node serves. */
  registry: Registry;
}

/** Start an embedded Aptos node with the Kofi protocol deployed. */
export async function startLocalnet(opts: LocalnetOptions = {}): Promise<Localnet> {
  const seed = opts.seed ?? "kofi";
  const epochIntervalSecs = BigInt(opts.epochIntervalSecs ?? 7200);
  const rewardRate: RewardRate =
    opts.rewardRateBpsPerEpoch !== undefined
      ? { bpsPerEpoch: BigInt(opts.rewardRateBpsPerEpoch) }
      : { aprBps: BigInt(opts.rewardRateBps ?? 700) };
  const chainOpts = {
    chainId: 4,
    epochIntervalSecs,
    rewardRate,
    clock: opts.clock ?? "manual",
    genesisTimeSecs: opts.genesisTimeSecs === undefined ? undefined : BigInt(opts.genesisTimeSecs),
  } as const;
  const pkg =
    opts.kofi === false
      ? undefined
      : (opts.kofi ?? (await loadKofiPackage(opts.moveDir ? { moveDir: opts.moveDir } : {})));

  const withVenues = pkg !== undefined && opts.venues !== false;
  let chain: Chain;
  let genesis: GenesisInfo;
  const restored = opts.statePath ? loadState(opts.statePath, chainOpts) : undefined;
  if (restored) {
    chain = restored.chain;
    genesis = restored.genesis;
    if (pkg) installKofi(chain, pkg);
    if (withVenues) installVenues(chain);
  } else {
    chain = new Chain(chainOpts);
    if (pkg) installKofi(chain, pkg);
    genesis = runGenesis(chain, pkg, seed);
    if (withVenues) {
      installVenues(chain);
      seedVenues(chain, genesis.kofiAddress);
    }
  }

  // persistence: debounced atomic writes after commits, and a final write on stop
  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = undefined;
    if (opts.statePath) saveState(opts.statePath, chain, genesis);
  };
  if (opts.statePath) {
    save();
    chain.onCommit = () => {
      if (!saveTimer) saveTimer = setTimeout(save, 100);
    };
  }

  const fund = (address: Address, amount: bigint) => chain.mint(address, amount);
  const mempool = new Mempool(chain, opts.blockTimeMs ?? 0);
  const advance = (o: { seconds?: bigint; epochs?: number }) => {
    mempool.produceBlock(); // what is pending lands before time moves
    let r = { nowSecs: chain.nowSecs(), epoch: chain.epoch() };
    if (o.seconds !== undefined) r = chain.advanceSeconds(o.seconds);
    if (o.epochs !== undefined) r = chain.advanceEpochs(o.epochs);
    return r;
  };
  const info = () => ({
    chain_id: chain.chainId,
    kofi_address: genesis.kofiAddress,
    validators: genesis.validators,
    accounts: { dev: genesis.accounts.dev.address, admin: genesis.accounts.admin.address },
    now_secs: chain.nowSecs().toString(),
    epoch: chain.epoch().toString(),
    ledger_version: chain.ledgerVersion.toString(),
    epoch_interval_secs: epochIntervalSecs.toString(),
    clock: chain.clock,
    block_time_ms: mempool.blockTimeMs,
    seed: genesis.seed,
  });
  const server = createNodeServer({ chain, fund, advance, info, quiet: opts.quiet, mempool });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 8080, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  let stopped = false;
  return {
    url,
    nodeUrl: `${url}/v1`,
    faucetUrl: url,
    chainId: 4,
    kofiAddress: genesis.kofiAddress,
    accounts: genesis.accounts,
    validators: genesis.validators,
    chain,
    registry: chain.registry,
    advance: async (o) =>
      advance({ seconds: o.seconds === undefined ? undefined : BigInt(o.seconds), epochs: o.epochs }),
    fund: async (address, amount) => fund(normalizeAddress(address), amount),
    validator: (pool) => validatorOps(chain, pool),
    setStakeLimits: async (l) => setStakeLimits(chain, l),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      mempool.stop();
      chain.onCommit = undefined;
      if (opts.statePath) save();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
