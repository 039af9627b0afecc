import { displayAddress, MoveAbort as MoveAbortInMove, VmFailure } from "@kofi/move";
import {
  accountExists,
  bumpSequenceNumber,
  createAccount,
  initializeOriginatingAddress,
} from "./framework/accounts.ts";
import { aptBalance, burnApt, initializeAptosCoin, mintApt } from "./framework/coin.ts";
import {
  APT_COIN,
  type EventRecord,
  FRAMEWORK,
  T,
  type TxContext,
  ZERO_ADDRESS,
} from "./framework/context.ts";
import * as dp from "./framework/delegation.ts";
import { FrameworkImpl } from "./framework/index.ts";
import * as stake from "./framework/stake.ts";
import {
  type BlockResource,
  type Configuration,
  type CurrentTime,
  DEFAULT_EPOCH_INTERVAL_SECS,
  DEFAULT_LOCKUP_SECS,
  type StakingConfig,
} from "./framework/time.ts";
import { gasFor, MIN_TRANSACTION_GAS_UNITS } from "./gas.ts";
import { Registry } from "./registry.ts";
import { bytesToHex, normalizeAddress, sha3, utf8 } from "./runtime/address.ts";
import { VmError } from "./runtime/errors.ts";
import { type Address, MoveAbort, type Runtime, type Signer } from "./runtime/port.ts";
import { type Change, emptyState, Journal, type StateData, tablesOf } from "./runtime/storage.ts";

/** Reward rate: per epoch as a fraction, per epoch in bps, or an APR in bps spread over the epochs of a year. */
export type RewardRate =
  | { numerator: bigint; denominator: bigint }
  | { bpsPerEpoch: bigint }
  | { aprBps: bigint };

/** The stake limits of `0x1::staking_config::StakingConfig`. */
export interface StakeLimits {
  minimumStake?: bigint;
  maximumStake?: bigint;
  /** Percent of the set's total voting power that may join in one epoch. */
  votingPowerIncreaseLimitPct?: bigint;
}

export interface ChainOptions {
  chainId?: number;
  /** Chain time at genesis (seconds). Default: the host clock at construction, truncated to the second. */
  genesisTimeSecs?: bigint;
  epochIntervalSecs?: bigint;
  recurringLockupSecs?: bigint;
  /** Default `{ aprBps: 700n }` (7 % a year). */
  rewardRate?: RewardRate;
  /**
   * `staking_config` stake limits (octas; percent). Default mainnet's: minimum 1,000,000 APT, maximum
   * 50,000,000 APT, voting power increase limit 20 % per epoch. The Move tests' `initialize_for_test_custom`
   * values (move/tests/test_helpers.move) are 100 APT, 10,000,000 APT and 1,000,000 %.
   */
  stakeLimits?: StakeLimits;
  /**
   * "manual" (default): chain time moves only through advanceSeconds/advanceEpochs (deterministic).
   * "wall": chain time also follows the host clock (plus everything advanced), like a real localnet.
   */
  clock?: "manual" | "wall";
}

/** One committed (or simulated) transaction. JSON rendering lives in `node/txjson.ts`. */
export interface TxRecord {
  type: "user_transaction" | "genesis_transaction";
  version: bigint;
  hash: `0x${string}`;
  sender: Address;
  sequenceNumber: bigint;
  maxGasAmount: bigint;
  gasUnitPrice: bigint;
  expirationTimestampSecs: bigint;
  /** Payload as the node's JSON (`entry_function_payload`). */
  payload: unknown;
  /** Signature as the node's JSON. */
  signature: unknown;
  success: boolean;
  vmStatus: string;
  /** Set for Move aborts: the abort code, for `vm_error_code`-style reporting. */
  abort?: { module: string; name: string; code: bigint };
  gasUsed: bigint;
  events: EventRecord[];
  changes: Change[];
  timestampUs: bigint;
  /** Values returned by the function (views through `simulate` / tests). */
  returned?: unknown[];
}

export interface ExecuteMeta {
  hash?: `0x${string}`;
  sequenceNumber?: bigint;
  maxGasAmount?: bigint;
  gasUnitPrice?: bigint;
  expirationTimestampSecs?: bigint;
  payload?: unknown;
  signature?: unknown;
  /** Charge gas and bump the sequence number (default true); false for internal (genesis) calls. */
  chargeGas?: boolean;
  /** Simulation: run and report, never commit or record. */
  simulate?: boolean;
  /**
   * Record a failed call as a failed transaction (default true). False for staged actions (the admin
   * endpoints): a call that aborts commits nothing and leaves no transaction in the log.
   */
  recordFailure?: boolean;
  /** Who pays gas: the fee payer of a sponsored transaction (default the sender). */
  gasPayer?: Address;
  /**
   * Sponsored transaction of an account that does not exist yet: create it first (transaction_validation.move
   * v1.39, sponsored automatic account creation).
   */
  createSender?: boolean;
}

const SECONDS_PER_YEAR = 31_536_000n;
const US = 1_000_000n;

/**
 * Turn a failure into the node's vm_status. `docs` (by `<long address>::<module>::<NAME>`) overrides the
 * abort's doc: the node takes error docs from the package's error table (the generated `kofiErrors`).
 */
export function describeFailure(
  e: unknown,
  docs?: ReadonlyMap<string, string>,
): { vmStatus: string; abort?: TxRecord["abort"] } {
  if (e instanceof MoveAbort) {
    // `e.name` may be reset by older port.ts versions: the message always carries the constant name.
    const m = /^Move abort in [^:]+::[^:]+: ([A-Za-z0-9_]+)\(/.exec(e.message);
    const name = m?.[1] ?? e.name;
    // The node prints the module address as a hex literal without leading zeros (`to_hex_literal`),
    // e.g. `Move abort in 0x6b6f6669::gateway: E_PAUSED(0x30004): This action is paused by the admin.`
    const [addr = "0x0", mod = ""] = e.module.split("::");
    let loc = e.module;
    try {
      loc = `0x${BigInt(addr).toString(16)}::${mod}`;
    } catch {
      /* keep as given */
    }
    const doc = docs?.get(`${e.module}::${name}`) ?? e.doc;
    return {
      vmStatus: `Move abort in ${loc}: ${name}(0x${e.code.toString(16)}): ${doc}`,
      abort: { module: e.module, name, code: e.code },
    };
  }
  if (e instanceof MoveAbortInMove) {
    // The interpreter's abort (Kofi's Move) or a framework native's: same vm_status form as the real node.
    const [addr = "0x0", mod = ""] = e.module.split("::");
    const loc = `0x${BigInt(addr).toString(16)}::${mod}`;
    const name = e.errorName || "UNKNOWN_ABORT_CODE";
    // Records name framework modules as the node prints them (`0x1::coin`), packages in long form.
    const module = `${displayAddress(addr)}::${mod}`;
    const doc = docs?.get(`${module}::${name}`) ?? e.doc;
    return {
      vmStatus: `Move abort in ${loc}: ${name}(0x${e.code.toString(16)}): ${doc}`,
      abort: { module, name, code: e.code },
    };
  }
  if (e instanceof VmFailure)
    return { vmStatus: `${e.status}: ${e.detail}${e.module ? ` in ${e.module}` : ""}` };
  if (e instanceof VmError) return { vmStatus: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  return { vmStatus: `UNKNOWN_INVARIANT_VIOLATION_ERROR: localnet model error: ${msg}` };
}

/**
 * The chain: committed state, the transaction log, atomic execution with gas, views, and time control.
 * Everything is synchronous and single-threaded, so transactions execute in submission order.
 */
export class Chain {
  state: StateData = emptyState();
  readonly txs: TxRecord[] = [];
  readonly byHash = new Map<string, TxRecord>();
  readonly byAccount = new Map<Address, TxRecord[]>();
  /** The published modules and their functions (0x1 from the start; packages add theirs when installed). */
  readonly registry = new Registry();
  readonly chainId: number;
  clock: "manual" | "wall";
  /** wall mode: chain time = host time + offset. */
  wallOffsetUs = 0n;
  internalNonce = 0n;
  /** Error docs by `<module id>::<NAME>` (from the generated kofiErrors) used in vm_status. */
  readonly abortDocs = new Map<string, string>();
  /** Called after every commit (transactions, time changes): persistence hooks in here. */
  onCommit: (() => void) | undefined;

  constructor(opts: ChainOptions = {}) {
    this.chainId = opts.chainId ?? 4;
    this.clock = opts.clock ?? "manual";
    const genesisSecs = opts.genesisTimeSecs ?? BigInt(Math.floor(Date.now() / 1000));
    const epochSecs = opts.epochIntervalSecs ?? DEFAULT_EPOCH_INTERVAL_SECS;
    const rate = rewardFraction(opts.rewardRate ?? { aprBps: 700n }, epochSecs);
    if (this.clock === "wall") this.wallOffsetUs = genesisSecs * US - hostNowUs();
    this.internalTx(
      FRAMEWORK,
      (ctx) => {
        const j = ctx.journal;
        createAccount(ctx, FRAMEWORK);
        j.moveTo<CurrentTime>(FRAMEWORK, T.timestamp, { microseconds: genesisSecs * US });
        j.moveTo<Configuration>(FRAMEWORK, T.reconfig, {
          epoch: 1n,
          last_reconfiguration_time: genesisSecs * US,
        });
        j.moveTo<BlockResource>(FRAMEWORK, T.block, { height: 0n, epoch_interval: epochSecs * US });
        j.moveTo<StakingConfig>(FRAMEWORK, T.stakingConfig, {
          minimum_stake: opts.stakeLimits?.minimumStake ?? 1_000_000n * 100_000_000n,
          maximum_stake: opts.stakeLimits?.maximumStake ?? 50_000_000n * 100_000_000n,
          recurring_lockup_duration_secs: opts.recurringLockupSecs ?? DEFAULT_LOCKUP_SECS,
          allow_validator_set_change: true,
          rewards_rate: rate.numerator,
          rewards_rate_denominator: rate.denominator,
          voting_power_increase_limit: opts.stakeLimits?.votingPowerIncreaseLimitPct ?? 20n,
        });
        j.moveTo(FRAMEWORK, T.validatorSet, {
          active_validators: [],
          pending_inactive: [],
          pending_active: [],
        });
        initializeAptosCoin(ctx);
        j.moveTo(FRAMEWORK, T.chainId, { id: BigInt(this.chainId) });
        initializeOriginatingAddress(ctx);
      },
      "genesis_transaction",
    );
  }

  // ---------------------------------------------------------------- contexts

  private newContext(hash: Uint8Array): TxContext {
    return { journal: new Journal(this.state), events: [], txHash: hash, auidCounter: 0n };
  }

  runtimeOf(ctx: TxContext): Runtime {
    return {
      storage: ctx.journal,
      tables: tablesOf(ctx.journal),
      framework: new FrameworkImpl(ctx),
      emit: (type, data) => ctx.events.push({ type, data }),
    };
  }

  get version(): bigint {
    return BigInt(this.txs.length);
  }

  /** The latest committed version (ledger_version). */
  get ledgerVersion(): bigint {
    return BigInt(this.txs.length - 1);
  }

  /** A committed framework resource at 0x1 (always present after genesis). */
  private fw<R>(type: string): R {
    return this.state.resources.get(FRAMEWORK)?.get(type) as R;
  }

  nowMicros(): bigint {
    return this.fw<CurrentTime>(T.timestamp).microseconds;
  }
  nowSecs(): bigint {
    return this.nowMicros() / US;
  }
  epoch(): bigint {
    return this.fw<Configuration>(T.reconfig).epoch;
  }

  /** A read-only context over the committed state (for the node's reads). */
  readContext(): TxContext {
    return this.newContext(new Uint8Array(32));
  }

  // ---------------------------------------------------------------- execution

  private record(r: TxRecord): void {
    this.txs.push(r);
    this.byHash.set(r.hash, r);
    let l = this.byAccount.get(r.sender);
    if (!l) {
      l = [];
      this.byAccount.set(r.sender, l);
    }
    l.push(r);
    this.onCommit?.();
  }

  private nextInternalHash(): `0x${string}` {
    this.internalNonce += 1n;
    return bytesToHex(
      sha3(utf8("KOFI_LOCALNET::internal"), utf8(this.internalNonce.toString())),
    ) as `0x${string}`;
  }

  /** Runs framework-level code as a committed, unsigned, gas-free transaction (genesis, faucet). Throws on failure. */
  internalTx(
    sender: Address,
    fn: (ctx: TxContext) => void,
    type: TxRecord["type"] = "user_transaction",
    payload: unknown = {
      type: "entry_function_payload",
      function: "0x1::localnet::internal",
      type_arguments: [],
      arguments: [],
    },
  ): TxRecord {
    this.syncClock();
    const hash = this.nextInternalHash();
    const ctx = this.newContext(Buffer.from(hash.slice(2), "hex"));
    fn(ctx);
    // internal transactions do not use the sender's sequence number; report the current one
    const seq = this.sequenceNumberOf(sender);
    const changes = ctx.journal.commit();
    const r: TxRecord = {
      type,
      version: this.version,
      hash,
      sender,
      sequenceNumber: seq,
      maxGasAmount: 0n,
      gasUnitPrice: 0n,
      expirationTimestampSecs: this.nowSecs() + 600n,
      payload,
      signature: nullSignature(),
      success: true,
      vmStatus: "Executed successfully",
      gasUsed: 0n,
      events: ctx.events,
      changes,
      timestampUs: this.nowMicros(),
    };
    this.record(r);
    return r;
  }

  /**
   * Execute `fn` as a transaction of `sender`: atomic (a failure discards every write and only charges gas
   * and bumps the sequence number), gas from the deterministic schedule in `gas.ts`, charged as
   * gas_used * gas_unit_price and burned. The node validates (signature, sequence number, balance for max
   * gas) before calling this; direct callers get sensible defaults.
   */
  execute(
    sender: Address,
    fn: (rt: Runtime, signer: Signer) => unknown[] | void,
    meta: ExecuteMeta = {},
  ): TxRecord {
    this.syncClock();
    const charge = meta.chargeGas ?? true;
    // a simulation with fee payer 0x0 reports gas but charges nobody (transaction_validation.move `skip_gas_payment`)
    const pays = !(meta.simulate && meta.gasPayer === ZERO_ADDRESS);
    const gasUnitPrice = meta.gasUnitPrice ?? 100n;
    const maxGas = meta.maxGasAmount ?? 200_000n;
    const hash = meta.hash ?? this.nextInternalHash();
    const hashBytes = Buffer.from(hash.slice(2), "hex");
    const seq = meta.sequenceNumber ?? this.sequenceNumberOf(sender);
    const payer = meta.gasPayer ?? sender;
    const fresh = (): TxContext => {
      const c = this.newContext(hashBytes);
      if (meta.createSender && !accountExists(c, sender)) createAccount(c, sender);
      return c;
    };
    let ctx = fresh();
    let success = true;
    let failure: ReturnType<typeof describeFailure> | undefined;
    let returned: unknown[] | undefined;
    let gasUsed = 0n;
    try {
      const out = fn(this.runtimeOf(ctx), { address: sender });
      if (Array.isArray(out)) returned = out;
      gasUsed = gasFor(ctx.journal.changes().length, ctx.events.length);
      if (charge && gasUsed > maxGas) {
        success = false;
        failure = { vmStatus: "Out of gas" };
        gasUsed = maxGas;
      }
    } catch (e) {
      success = false;
      failure = describeFailure(e, this.abortDocs);
      gasUsed = MIN_TRANSACTION_GAS_UNITS;
    }
    if (!success) ctx = fresh(); // discard every write of the failed call
    if (charge) {
      let fee = gasUsed * gasUnitPrice;
      if (pays && success && aptBalance(ctx, payer) < fee) {
        // the call spent the APT reserved for gas: fail it and charge the minimum
        ctx = fresh();
        success = false;
        failure = { vmStatus: "INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE" };
        gasUsed = MIN_TRANSACTION_GAS_UNITS;
        fee = gasUsed * gasUnitPrice;
      }
      if (fee > aptBalance(ctx, payer)) fee = aptBalance(ctx, payer);
      if (pays && accountExists(ctx, payer)) burnApt(ctx, payer, fee);
      if (accountExists(ctx, sender)) bumpSequenceNumber(ctx, sender);
      ctx.events.push({
        type: "0x1::transaction_fee::FeeStatement",
        data: {
          total_charge_gas_units: gasUsed,
          execution_gas_units: gasUsed > 2n ? gasUsed - 2n : gasUsed,
          io_gas_units: gasUsed > 2n ? 2n : 0n,
          storage_fee_octas: 0n,
          storage_fee_refund_octas: 0n,
        },
      });
    } else if (success && accountExists(ctx, sender)) {
      bumpSequenceNumber(ctx, sender);
    }
    const discard = meta.simulate || (!success && meta.recordFailure === false);
    const changes = discard ? ctx.journal.changes() : ctx.journal.commit();
    const r: TxRecord = {
      type: "user_transaction",
      version: this.version,
      hash,
      sender,
      sequenceNumber: seq,
      maxGasAmount: maxGas,
      gasUnitPrice,
      expirationTimestampSecs: meta.expirationTimestampSecs ?? this.nowSecs() + 600n,
      payload: meta.payload ?? {
        type: "entry_function_payload",
        function: "0x1::localnet::call",
        type_arguments: [],
        arguments: [],
      },
      signature: meta.signature ?? nullSignature(),
      success,
      vmStatus: success ? "Executed successfully" : (failure?.vmStatus ?? "UNKNOWN"),
      abort: failure?.abort,
      gasUsed,
      events: ctx.events,
      changes,
      timestampUs: this.nowMicros(),
      returned,
    };
    if (!discard) this.record(r);
    // a discarded failure leaves no trace, not even a consumed internal hash
    else if (!meta.simulate && meta.hash === undefined) this.internalNonce -= 1n;
    return r;
  }

  /** Run a read-only function against the committed state; every write is discarded. Throws MoveAbort etc. */
  view<R>(fn: (rt: Runtime) => R): R {
    this.syncClock();
    return fn(this.runtimeOf(this.newContext(new Uint8Array(32))));
  }

  sequenceNumberOf(a: Address): bigint {
    return (
      (this.state.resources.get(a)?.get(T.account) as { sequence_number: bigint } | undefined)
        ?.sequence_number ?? 0n
    );
  }

  // ---------------------------------------------------------------- internal calls (runAs)

  /**
   * Internal call of a registered function as `sender` (no signature, no gas; the sequence number is bumped
   * like a real transaction). `module` is `"config"` (resolved against `packageAddress`) or `"0x1::coin"`.
   * Throws the failure (MoveAbort...) instead of recording a failed transaction.
   */
  runAs(
    sender: Address,
    module: string,
    fn: string,
    args: readonly unknown[],
    packageAddress?: Address,
  ): TxRecord {
    let addr: Address;
    let mod = module;
    if (module.includes("::")) {
      const [a, m] = module.split("::") as [string, string];
      addr = normalizeAddress(a);
      mod = m;
    } else {
      if (!packageAddress) throw new Error(`runAs: no package address for module ${module}`);
      addr = packageAddress;
    }
    const b = this.registry.fn(addr, mod, fn);
    if (!b) throw new Error(`runAs: no binding for ${addr}::${mod}::${fn}`);
    let thrown: unknown;
    const r = this.execute(
      sender,
      (rt, signer) => {
        try {
          return b.run(rt, args, signer, []);
        } catch (e) {
          thrown = e;
          throw e;
        }
      },
      {
        chargeGas: false,
        payload: {
          type: "entry_function_payload",
          function: `${addr}::${mod}::${fn}`,
          type_arguments: [],
          arguments: args.map(String),
        },
      },
    );
    if (!r.success) throw thrown ?? new Error(r.vmStatus);
    return r;
  }

  // ---------------------------------------------------------------- time

  /** Wall mode: catch chain time up with the host clock. */
  syncClock(): void {
    if (this.clock !== "wall" || this.txs.length === 0) return;
    const target = hostNowUs() + this.wallOffsetUs;
    if (target > this.nowMicros()) this.advanceTo(target);
  }

  /** Move chain time to `targetUs`, running every epoch change on the way (at its exact boundary). */
  private advanceTo(targetUs: bigint): void {
    const ctx = this.newContext(new Uint8Array(32));
    const j = ctx.journal;
    for (;;) {
      const cfg = j.borrow<Configuration>(FRAMEWORK, T.reconfig);
      const interval = j.borrow<BlockResource>(FRAMEWORK, T.block).epoch_interval;
      const next = cfg.last_reconfiguration_time + interval;
      if (next > targetUs) break;
      j.borrowMut<CurrentTime>(FRAMEWORK, T.timestamp).microseconds = next;
      stake.onNewEpoch(ctx);
      const c = j.borrowMut<Configuration>(FRAMEWORK, T.reconfig);
      c.epoch += 1n;
      c.last_reconfiguration_time = next;
    }
    j.borrowMut<CurrentTime>(FRAMEWORK, T.timestamp).microseconds = targetUs;
    j.commit();
    this.onCommit?.();
  }

  advanceSeconds(secs: bigint): { nowSecs: bigint; epoch: bigint } {
    this.syncClock();
    if (secs < 0n) throw new Error("cannot go back in time");
    if (this.clock === "wall") this.wallOffsetUs += secs * US;
    this.advanceTo(this.nowMicros() + secs * US);
    return { nowSecs: this.nowSecs(), epoch: this.epoch() };
  }

  /** End `n` epochs: time jumps to each next epoch boundary. */
  advanceEpochs(n: number): { nowSecs: bigint; epoch: bigint } {
    this.syncClock();
    for (let i = 0; i < n; i++) {
      const cfg = this.fw<Configuration>(T.reconfig);
      const interval = this.fw<BlockResource>(T.block).epoch_interval;
      const target = cfg.last_reconfiguration_time + interval;
      const delta = target - this.nowMicros();
      if (this.clock === "wall" && delta > 0n) this.wallOffsetUs += delta;
      this.advanceTo(target > this.nowMicros() ? target : this.nowMicros());
    }
    return { nowSecs: this.nowSecs(), epoch: this.epoch() };
  }

  // ---------------------------------------------------------------- genesis helpers

  /** Mint APT to an account (creating it): a committed faucet transaction. Returns its hash. */
  mint(to: Address, amount: bigint, faucet: Address = FRAMEWORK): `0x${string}` {
    return this.internalTx(faucet, (ctx) => mintApt(ctx, to, amount), "user_transaction", {
      type: "entry_function_payload",
      function: "0x1::aptos_coin::mint",
      type_arguments: [],
      arguments: [to, amount.toString()],
    }).hash;
  }

  /**
   * Create a validator: `owner` gets `stake` APT, initialises a delegation pool with `commissionBps` and
   * `seed`, adds the stake itself and joins the active set at once (genesis). Returns the pool address.
   */
  createValidator(
    owner: Address,
    commissionBps: bigint,
    stakeAmount: bigint,
    seed: Uint8Array = new Uint8Array(),
  ): Address {
    let pool: Address = FRAMEWORK;
    this.internalTx(owner, (ctx) => {
      mintApt(ctx, owner, stakeAmount);
      pool = dp.initializeDelegationPool(ctx, owner, commissionBps, seed);
      dp.addStake(ctx, owner, pool, stakeAmount);
      stake.activateAtGenesis(ctx, pool);
    });
    return pool;
  }

  /** Validator leaves the set (pending_inactive now, inactive from the next epoch): for lockup edge cases. */
  leaveValidatorSet(pool: Address): void {
    this.internalTx(pool, (ctx) => stake.leaveValidatorSet(ctx, pool));
  }
  joinValidatorSet(pool: Address): void {
    this.internalTx(pool, (ctx) => stake.joinValidatorSet(ctx, pool));
  }

  /** Raw committed resource (model form) or undefined. */
  resource<T>(addr: Address, type: string): T | undefined {
    return this.state.resources.get(addr)?.get(type) as T | undefined;
  }

  aptBalance(a: Address): bigint {
    return this.resource<{ coin: { value: bigint } }>(a, T.coinStore)?.coin.value ?? 0n;
  }

  aptCoinType(): string {
    return APT_COIN;
  }
}

function hostNowUs(): bigint {
  return BigInt(Date.now()) * 1000n;
}

function nullSignature() {
  return { type: "ed25519_signature", public_key: `0x${"00".repeat(32)}`, signature: `0x${"00".repeat(64)}` };
}

export function rewardFraction(r: RewardRate, epochSecs: bigint): { numerator: bigint; denominator: bigint } {
  if ("numerator" in r) return r;
  if ("bpsPerEpoch" in r) return { numerator: r.bpsPerEpoch, denominator: 10_000n };
  return { numerator: r.aprBps * epochSecs, denominator: 10_000n * SECONDS_PER_YEAR };
}
