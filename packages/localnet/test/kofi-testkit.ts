/**
 * In-process test kit for the Kofi protocol: a Chain with three validators, move/sources published through the
 * Move interpreter, pools added and weighted, the vault seeded. Calls go through the bindings the node runs
 * (the interpreter) inside `Chain.execute`, so every call is one atomic transaction; reads of protocol state
 * call the Move's own functions (`move()`), never a TypeScript copy. Test-only: it lives in test/, outside the
 * published build (tsconfig.build.json compiles src/ only).
 */

import { KOFI_DEV_ADDRESS } from "@kofi/core/abi";
import type { Value } from "@kofi/move";
import { expect } from "vitest";
import { Chain, type ChainOptions, type TxRecord } from "../src/chain.ts";
import type { FrameworkImpl } from "../src/framework/index.ts";
import { moveEnvForTx } from "../src/framework/natives/index.ts";
import { type LoadedKofiMove, loadKofiMove } from "../src/move/kofi-package.ts";
import { namedObjectAddress, utf8 } from "../src/runtime/address.ts";
import type { Address, Runtime } from "../src/runtime/port.ts";

export const KOFI = KOFI_DEV_ADDRESS as Address;

/** move/sources, parsed, checked and compiled (once per process: `loadKofiMove` caches it). */
export function kofiMove(): LoadedKofiMove {
  return loadKofiMove();
}

/** `vault::Vault` as stored (Move field names, u64 as bigint). */
export interface VaultResource {
  total_kapt: bigint;
  total_shares: bigint;
  dead_shares: bigint;
  stream_amount: bigint;
  stream_released: bigint;
  stream_start: bigint;
  stream_end: bigint;
}

export const APT = 100_000_000n;
export const DAY = 86_400n;
export const EPOCH = 7_200n;
export const LOCKUP = 14n * DAY;

export const addr = (n: number): Address => `0x${n.toString(16).padStart(64, "0")}` as Address;

export interface KitOptions extends ChainOptions {
  /** Validator commissions (bps); one pool per entry. Default [1000, 500, 0]. */
  commissions?: bigint[];
  weights?: bigint[];
  /** Skip adding pools / seeding the vault. */
  bare?: boolean;
  seedVault?: bigint;
  /** Each validator's own stake (active at genesis). Default 2,000,000 APT. */
  validatorStake?: bigint;
}

export class Kit {
  readonly chain: Chain;
  readonly admin: Address = KOFI;
  pools: Address[] = [];
  readonly kaptMeta = namedObjectAddress(KOFI, utf8("kAPT"));
  readonly stkaptMeta = namedObjectAddress(KOFI, utf8("stkAPT"));
  /** Set false to skip the invariant check after successful calls. */
  checkInvariant = true;

  constructor(opts: KitOptions = {}) {
    this.chain = new Chain({
      genesisTimeSecs: 1_800_000_000n,
      epochIntervalSecs: EPOCH,
      recurringLockupSecs: LOCKUP,
      rewardRate: { bpsPerEpoch: 10n },
      ...opts,
    });
    this.chain.mint(KOFI, 10_000n * APT);
    const r = this.chain.execute(KOFI, (rt, s) => kofiMove().publish(rt, s), { chargeGas: false });
    if (!r.success) throw new Error(`publish failed: ${r.vmStatus}`);
    const commissions = opts.commissions ?? [1000n, 500n, 0n];
    commissions.forEach((c, i) => {
      this.pools.push(
        this.chain.createValidator(
          addr(0x100 + i),
          c,
          opts.validatorStake ?? 2_000_000n * APT,
          utf8(`pool${i}`),
        ),
      );
    });
    if (opts.bare) return;
    for (const p of this.pools)
      this.call(KOFI, "staking_manager", "add_pool", [p, 100_000_000n * APT, 11n * APT]);
    const weights = opts.weights ?? defaultWeights(this.pools.length);
    this.call(KOFI, "staking_manager", "set_weights", [this.pools, weights]);
    this.call(KOFI, "gateway", "seed_vault", [opts.seedVault ?? 1n * APT]);
  }

  /** A fresh funded account. */
  user(n: number, apt = 100_000n * APT): Address {
    const a = addr(0x1000 + n);
    this.chain.mint(a, apt);
    return a;
  }

  private binding(module: string, fn: string) {
    const b = kofiMove().bindings.find((x) => x.module === module && x.name === fn);
    if (!b) throw new Error(`no binding ${module}::${fn}`);
    return b;
  }

  /** Runs an entry function as `sender` without gas; returns the record (success or failure). */
  exec(sender: Address, module: string, fn: string, args: unknown[]): TxRecord {
    const b = this.binding(module, fn);
    return this.chain.execute(sender, (rt, s) => b.run(rt, args, s), { chargeGas: false });
  }

  /** Runs an entry function and expects success; checks the solvency invariant afterwards. */
  call(sender: Address, module: string, fn: string, args: unknown[]): TxRecord {
    const r = this.exec(sender, module, fn, args);
    if (!r.success) throw new Error(`${module}::${fn} failed: ${r.vmStatus}`);
    if (this.checkInvariant) this.assertSolvent();
    return r;
  }

  /** Expects `module::fn` to abort with `errModule::errName` and to leave the state unchanged. */
  fails(
    sender: Address,
    module: string,
    fn: string,
    args: unknown[],
    errModule: string,
    errName: string,
  ): TxRecord {
    const before = snapshot(this.chain);
    const r = this.exec(sender, module, fn, args);
    expect(r.success, `${module}::${fn} should fail with ${errName}`).toBe(false);
    expect(r.abort?.name, r.vmStatus).toBe(errName);
    const mod = errModule.includes("::") ? errModule : `${KOFI}::${errModule}`;
    expect(r.abort?.module).toBe(mod);
    expect(snapshot(this.chain)).toBe(before);
    return r;
  }

  /** Calls a view binding. */
  view(fn: string, args: unknown[] = [], module = "gateway"): unknown[] {
    const b = this.binding(module, fn);
    return this.chain.view((rt) => b.run(rt, args) as unknown[]);
  }

  /** Expects a view to abort with `errName`. */
  viewFails(fn: string, args: unknown[], errName: string): void {
    expect(() => this.view(fn, args)).toThrow(errName);
  }

  /** Reads state through a runtime over the committed state. */
  read<T>(f: (rt: Runtime) => T): T {
    return this.chain.view(f);
  }

  /** Calls any function of the package (public(package) included) through the interpreter, read-only. */
  move(module: string, fn: string, args: Value[] = []): Value[] {
    return this.read((rt) =>
      kofiMove().interpreter.call(moveEnvForTx((rt.framework as FrameworkImpl).ctx), module, fn, [], args),
    );
  }

  kapt(a: Address): bigint {
    return this.read((rt) => rt.framework.faBalance(a, this.kaptMeta));
  }
  stkapt(a: Address): bigint {
    return this.read((rt) => rt.framework.faBalance(a, this.stkaptMeta));
  }
  apt(a: Address): bigint {
    return this.chain.aptBalance(a);
  }
  rate(): [bigint, bigint] {
    return this.view("exchange_rate") as [bigint, bigint];
  }
  vault(): VaultResource {
    return this.read((rt) => ({ ...rt.storage.borrow<VaultResource>(KOFI, `${KOFI}::vault::Vault`) }));
  }
  protocolAddress(): Address {
    return this.move("config", "protocol_address")[0] as Address;
  }
  /** (controlled, user liabilities = kAPT supply + ticket liabilities, protocol equity) */
  solvency(): { controlled: bigint; userLiabilities: bigint; equity: bigint } {
    const one = (module: string, fn: string) => this.move(module, fn)[0] as bigint;
    return {
      controlled: one("staking_manager", "controlled_apt"),
      userLiabilities: one("kapt", "supply") + one("withdrawals", "liabilities"),
      equity: one("staking_manager", "protocol_equity"),
    };
  }
  /**
   * Invariant: controlled APT covers kAPT supply + open tickets + protocol equity (the seeds' equity is what the
   * framework staked, and `rebalance` charges its add-stake fee to the equity).
   */
  assertSolvent(): void {
    const s = this.solvency();
    expect(
      s.controlled >= s.userLiabilities + s.equity,
      `controlled ${s.controlled} < kAPT + tickets ${s.userLiabilities} + equity ${s.equity}`,
    ).toBe(true);
  }
  /** Events of `type` (`module::Struct`) in a record. */
  events(r: TxRecord, type: string): Record<string, unknown>[] {
    return r.events.filter((e) => e.type === `${KOFI}::${type}`).map((e) => e.data);
  }
  ticketsOf(owner: Address): Address[] {
    return this.move("withdrawals", "tickets_of", [owner])[0] as Address[];
  }
}

export function defaultWeights(n: number): bigint[] {
  if (n === 3) return [4000n, 3500n, 2500n];
  const w = Array.from({ length: n }, () => 10_000n / BigInt(n));
  w[0] = (w[0] as bigint) + 10_000n - w.reduce((a, b) => a + b, 0n);
  return w;
}

/** A canonical dump of the committed state (resources and table items). */
export function snapshot(chain: Chain): string {
  const replacer = (_k: string, v: unknown): unknown => {
    if (typeof v === "bigint") return `${v}n`;
    if (v instanceof Map) return [...v.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
    if (v instanceof Uint8Array) return Buffer.from(v).toString("hex");
    return v;
  };
  return JSON.stringify(chain.state, replacer);
}
