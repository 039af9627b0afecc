/**
 * Random multi-user sequences against the Kofi Move on the localnet's chain (the kit's `Chain.execute`, the
 * transaction path the node uses), with the protocol's safety properties checked after every step. Shared by
 * `test/protocol/properties.test.ts` (CI: 500 sequences) and `bench/kofi-properties.ts` (10,000).
 *
 * An action is a plain record with a one-line `toString`, so a failure shrinks to a list that reads as a
 * script: `[deposit(u1, 10 APT), request(u1, 100%), evict(pool0), advance(14d), claim(u1, #0)]`.
 *
 * Properties (each failure message names the step and the figures):
 * - backing: controlled APT >= kAPT supply + open tickets + protocol equity, after every step from the first
 *   (the seeds' equity is what the framework staked; rebalance's add-stake fee is charged to the equity;
 *   stake an eviction paid into the protocol account counts until it is recovered into idle APT);
 * - the stkAPT rate never falls (no action of this protocol may lower it; a shortfall shows in backing);
 * - no value created: an account's value (APT + kAPT + stkAPT at the rate before the step + its tickets'
 *   APT) never rises through its own action; it falls by at most the quoted add-stake fee (deposits) plus a
 *   bounded number of octas of rounding, all kept by the protocol;
 * - nobody moves another's tokens or tickets: every other account's balances and ticket list are unchanged
 *   (a ticket transfer moves exactly that ticket to its recipient);
 * - a rejected transaction changes nothing (the whole committed state is compared) and aborts with an
 *   expected reason: E_PAUSED for every paused action, E_NOT_ADMIN for every admin entry by a non-admin,
 *   E_NOT_TICKET_OWNER for another's ticket, E_TICKET_NOT_FOUND for a claimed one; a ready ticket's claim
 *   always succeeds, paused or not;
 * - at the end (pauses lifted, two lockup cycles later) every open ticket is claimed and pays its APT.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { TxRecord } from "../src/chain.ts";
import { defaultMoveDir } from "../src/move/kofi-package.ts";
import type { Address } from "../src/runtime/port.ts";
import { setStakeLimits, validatorOps } from "../src/validators.ts";
import { APT, DAY, EPOCH, Kit, LOCKUP, snapshot } from "./kofi-testkit.ts";

/** An amount: a percentage of the relevant balance (100 = all of it) or a fixed number of octas. */
export type Qty = { pct: number } | { octas: bigint };

export type Action =
  | { a: "deposit"; u: number; apt: bigint }
  | { a: "depositAndStake"; u: number; apt: bigint }
  | { a: "stake"; u: number; q: Qty }
  | { a: "unstake"; u: number; q: Qty }
  | { a: "request"; u: number; q: Qty }
  | { a: "unstakeAndRequest"; u: number; q: Qty }
  | { a: "claim"; u: number; t: number }
  | { a: "claimAll"; u: number }
  | { a: "transfer"; u: number; t: number; to: number }
  | { a: "claimForeign"; u: number; victim: number; t: number }
  | { a: "transferForeign"; u: number; victim: number; t: number }
  | { a: "advance"; secs: bigint }
  | { a: "sync"; u: number }
  | { a: "pause"; action: number; paused: boolean }
  | { a: "fee"; bps: bigint }
  | { a: "minDeposit"; octas: bigint }
  | { a: "minWithdrawal"; octas: bigint }
  | { a: "weights"; w: [bigint, bigint, bigint] }
  | { a: "cap"; pool: number; cap: bigint }
  | { a: "disable"; pool: number }
  | { a: "rebalance"; u: number }
  | { a: "withdrawInactive"; u: number; pool: number }
  | { a: "maxCommission"; bps: bigint }
  | { a: "notAdmin"; u: number; fn: number }
  | { a: "evict"; pool: number }
  | { a: "commission"; pool: number; bps: bigint; now: boolean }
  | { a: "proposals"; pool: number; ok: bigint; failed: bigint }
  | { a: "leave"; pool: number }
  | { a: "join"; pool: number }
  | { a: "allowlist"; pool: number; op: AllowlistOp }
  | { a: "stakeLimits"; maximumStake?: bigint; votingPowerIncreaseLimitPct?: bigint };

/**
 * A pool owner's allowlist change that evicts nobody (`delegation_pool`'s owner functions), about the protocol's
 * account: `enable` turns allowlisting on (the list starts empty: the protocol is then off it), `add` / `remove`
 * put it on / take it off the list (turning allowlisting on first if it is off), `disable` lets everyone in.
 */
export type AllowlistOp = "enable" | "remove" | "add" | "disable";

export const USERS = 3;

const fmtApt = (o: bigint) => (o % APT === 0n ? `${o / APT} APT` : `${o} octas`);
const fmtQ = (q: Qty) => ("pct" in q ? `${q.pct}%` : `${q.octas} octas`);
const fmtSecs = (s: bigint) =>
  s % DAY === 0n ? `${s / DAY}d` : s % 3600n === 0n ? `${s / 3600n}h` : `${s}s`;

export function describeAction(x: Action): string {
  switch (x.a) {
    case "deposit":
    case "depositAndStake":
      return `${x.a}(u${x.u}, ${fmtApt(x.apt)})`;
    case "stake":
    case "unstake":
    case "request":
    case "unstakeAndRequest":
      return `${x.a}(u${x.u}, ${fmtQ(x.q)})`;
    case "claim":
      return `claim(u${x.u}, #${x.t})`;
    case "claimAll":
      return `claimAll(u${x.u})`;
    case "transfer":
      return `transfer(u${x.u}, #${x.t} -> u${x.to})`;
    case "claimForeign":
    case "transferForeign":
      return `${x.a}(u${x.u}, u${x.victim}'s #${x.t})`;
    case "advance":
      return `advance(${fmtSecs(x.secs)})`;
    case "sync":
      return `sync(u${x.u})`;
    case "pause":
      return `${x.paused ? "pause" : "unpause"}(${ACTION_NAMES[x.action]})`;
    case "fee":
      return `setFee(${x.bps} bps)`;
    case "minDeposit":
    case "minWithdrawal":
      return `${x.a}(${x.octas})`;
    case "weights":
      return `setWeights(${x.w.join("/")})`;
    case "cap":
      return `setCap(pool${x.pool}, ${fmtApt(x.cap)})`;
    case "disable":
      return `disablePool(pool${x.pool})`;
    case "rebalance":
      return `rebalance(u${x.u})`;
    case "withdrawInactive":
      return `withdrawInactive(u${x.u}, pool${x.pool})`;
    case "maxCommission":
      return `setMaxCommission(${x.bps} bps)`;
    case "notAdmin":
      return `notAdmin(u${x.u}, ${ADMIN_CALLS[x.fn % ADMIN_CALLS.length]?.[1]})`;
    case "evict":
      return `evict(pool${x.pool})`;
    case "commission":
      return `commission(pool${x.pool}, ${x.bps} bps${x.now ? ", now" : ", next cycle"})`;
    case "proposals":
      return `proposals(pool${x.pool}, ${x.ok} ok / ${x.failed} failed)`;
    case "leave":
    case "join":
      return `${x.a}(pool${x.pool})`;
    case "allowlist":
      return `allowlist(pool${x.pool}, ${x.op} protocol)`;
    case "stakeLimits": {
      const parts = [
        x.maximumStake === undefined ? undefined : `max ${fmtApt(x.maximumStake)}`,
        x.votingPowerIncreaseLimitPct === undefined
          ? undefined
          : `increase ${x.votingPowerIncreaseLimitPct}%`,
      ].filter((p) => p !== undefined);
      return `stakeLimits(${parts.join(", ")})`;
    }
  }
}

const ACTION_NAMES = ["deposit", "stake", "unstake", "withdraw"];

/**
 * Every admin entry of move/sources with well-typed arguments (x = the caller, p = a pool); in each the admin
 * check precedes every argument check, so a non-admin's call aborts E_NOT_ADMIN whatever the arguments.
 * `adminEntriesInMove()` reads the same set from the Move source, and the attack test "non-admin on every admin
 * entry" requires the two to be equal, so an admin entry added to the Move cannot be left out of either the
 * property runner's `notAdmin` action or the attack test. `rebalance`, `withdraw_inactive_stake` and
 * `sync_rewards` are permissionless: they move only the protocol's own APT.
 */
export const ADMIN_CALLS: readonly (readonly [string, string, (x: Address, p: Address) => unknown[]])[] = [
  ["config", "transfer_admin", (x) => [x]],
  ["config", "set_paused", () => [0n, true]],
  ["config", "set_fee_bps", () => [100n]],
  ["config", "set_treasury", (x) => [x]],
  ["config", "set_min_deposit", () => [APT]],
  ["config", "set_min_withdrawal", () => [APT]],
  ["config", "set_max_commission_bps", () => [5000n]],
  ["staking_manager", "add_pool", (_x, p) => [p, 1n, 11n * APT]],
  ["staking_manager", "set_weights", (_x, p) => [[p], [10_000n]]],
  ["staking_manager", "set_pool_cap", (_x, p) => [p, 1n]],
  ["staking_manager", "disable_pool", (_x, p) => [p]],
  ["gateway", "seed_vault", () => [APT]],
];

/**
 * The entry functions of move/sources whose body calls `assert_admin` (as `module::function`, sorted): read from
 * the source text, matching braces from each `entry fun` to the end of its body, so a new admin entry shows up
 * here without anyone updating a list.
 */
export function adminEntriesInMove(moveDir = defaultMoveDir()): string[] {
  const out: string[] = [];
  const dir = join(moveDir, "sources");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".move"))) {
    const src = readFileSync(join(dir, file), "utf8").replace(/\/\/[^\n]*/g, "");
    const module = /module\s+\w+::(\w+)/.exec(src)?.[1];
    if (!module) continue;
    for (const m of src.matchAll(/\bentry\s+fun\s+(\w+)/g)) {
      const open = src.indexOf("{", m.index);
      let depth = 0;
      let end = open;
      for (; end < src.length; end++) {
        if (src[end] === "{") depth++;
        else if (src[end] === "}" && --depth === 0) break;
      }
      if (/\bassert_admin\s*\(/.test(src.slice(open, end))) out.push(`${module}::${m[1]}`);
    }
  }
  return out.sort();
}

// ------------------------------------------------------------------ arbitraries

const user = fc.integer({ min: 0, max: USERS - 1 });
const pool = fc.integer({ min: 0, max: 2 });
const qty: fc.Arbitrary<Qty> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(100, 50, 10, 1).map((pct) => ({ pct })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 100 }).map((pct) => ({ pct })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(1n, 9_999_999n, 10_000_000n, 1_000_000_001n, 10n * APT)
      .map((octas) => ({ octas })),
  },
);
const depositApt = fc.oneof(
  fc.constantFrom(9_999_999n, 10_000_000n, APT, 10n * APT, 1_000n * APT, 20_000n * APT),
  fc.bigInt({ min: 10_000_000n, max: 5_000n * APT }),
);
const secs = fc.constantFrom(1n, 60n, 3_600n, EPOCH, DAY, LOCKUP / 2n, LOCKUP, LOCKUP + EPOCH);

export interface ArbOptions {
  /**
   * Hostile-validator behaviours (commission, proposals, leave/join, allowlisting without eviction, the staking
   * config's maximum stake and voting-power increase limit, pool disabling); default true.
   */
  validators?: boolean;
  /** Evictions of the protocol's account (needs `validators`); default true. */
  evictions?: boolean;
  maxLength?: number;
}

/** Actions by weight. */
export function actionArb(opts: ArbOptions = {}): fc.Arbitrary<Action> {
  const withValidators = opts.validators ?? true;
  const arbs: fc.WeightedArbitrary<Action>[] = [
    { weight: 8, arbitrary: fc.record({ a: fc.constant("deposit" as const), u: user, apt: depositApt }) },
    {
      weight: 4,
      arbitrary: fc.record({ a: fc.constant("depositAndStake" as const), u: user, apt: depositApt }),
    },
    { weight: 5, arbitrary: fc.record({ a: fc.constant("stake" as const), u: user, q: qty }) },
    { weight: 4, arbitrary: fc.record({ a: fc.constant("unstake" as const), u: user, q: qty }) },
    { weight: 5, arbitrary: fc.record({ a: fc.constant("request" as const), u: user, q: qty }) },
    {
      weight: 3,
      arbitrary: fc.record({ a: fc.constant("unstakeAndRequest" as const), u: user, q: qty }),
    },
    {
      // a claim pays only after a request and 14 days: weighted up so that single claims still succeed in a
      // CI-sized run with the validator and admin actions diluting the sequences (at weight 4, 500 sequences
      // of seed 12 paid none)
      weight: 6,
      arbitrary: fc.record({ a: fc.constant("claim" as const), u: user, t: fc.nat({ max: 7 }) }),
    },
    { weight: 2, arbitrary: fc.record({ a: fc.constant("claimAll" as const), u: user }) },
    {
      weight: 2,
      arbitrary: fc.record({ a: fc.constant("transfer" as const), u: user, t: fc.nat({ max: 7 }), to: user }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        a: fc.constantFrom("claimForeign" as const, "transferForeign" as const),
        u: user,
        victim: user,
        t: fc.nat({ max: 7 }),
      }),
    },
    { weight: 7, arbitrary: fc.record({ a: fc.constant("advance" as const), secs }) },
    { weight: 2, arbitrary: fc.record({ a: fc.constant("sync" as const), u: user }) },
    {
      weight: 3,
      arbitrary: fc.record({
        a: fc.constant("pause" as const),
        action: fc.integer({ min: 0, max: 3 }),
        paused: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        a: fc.constant("fee" as const),
        bps: fc.constantFrom(0n, 500n, 1000n, 2000n, 2001n),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        a: fc.constantFrom("minDeposit" as const, "minWithdrawal" as const),
        octas: fc.constantFrom(999n, 1_000n, 10_000_000n, APT, 100n * APT),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        a: fc.constant("weights" as const),
        w: fc.constantFrom<[bigint, bigint, bigint]>(
          [4000n, 3500n, 2500n],
          [10_000n, 0n, 0n],
          [0n, 5000n, 5000n],
          [3334n, 3333n, 3333n],
          [5000n, 5000n, 1n],
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        a: fc.constant("cap" as const),
        pool,
        cap: fc.constantFrom(0n, 100n * APT, 10_000n * APT, 100_000_000n * APT),
      }),
    },
    { weight: 1, arbitrary: fc.record({ a: fc.constant("rebalance" as const), u: user }) },
    {
      weight: 1,
      arbitrary: fc.record({ a: fc.constant("withdrawInactive" as const), u: user, pool }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        a: fc.constant("maxCommission" as const),
        // 0: only pool2 (0 %) is eligible; 1000: pool0 (10 %) sits exactly at the limit; 10001: out of bounds
        bps: fc.constantFrom(0n, 500n, 1000n, 5000n, 10_000n, 10_001n),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        a: fc.constant("notAdmin" as const),
        u: user,
        fn: fc.nat({ max: ADMIN_CALLS.length - 1 }),
      }),
    },
  ];
  if (withValidators)
    arbs.push(
      { weight: 1, arbitrary: fc.record({ a: fc.constant("disable" as const), pool }) },
      {
        weight: 1,
        arbitrary: fc.record({
          a: fc.constant("commission" as const),
          pool,
          bps: fc.constantFrom(0n, 1500n, 5000n, 10_000n),
          now: fc.boolean(),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          a: fc.constant("proposals" as const),
          pool,
          ok: fc.constantFrom(0n, 1n),
          failed: fc.constantFrom(0n, 1n, 3n),
        }),
      },
      { weight: 1, arbitrary: fc.record({ a: fc.constantFrom("leave" as const, "join" as const), pool }) },
      {
        weight: 1,
        arbitrary: fc.record({
          a: fc.constant("allowlist" as const),
          pool,
          op: fc.constantFrom<AllowlistOp>("enable", "remove", "add", "disable"),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record(
          {
            a: fc.constant("stakeLimits" as const),
            // each validator holds 2,000,000 APT of its own: 2,000,100 APT leaves ~100 APT of room (a deposit is
            // split or refused), 1,000,000 APT leaves none (the framework would abort ESTAKE_EXCEEDS_MAX),
            // 50,000,000 APT is the localnet's default
            maximumStake: fc.constantFrom(1_000_000n * APT, 2_000_100n * APT, 50_000_000n * APT),
            // percent of the set's ~6,000,000 APT that may join per epoch: 1 % (60,000 APT) is reachable by a few
            // large deposits, which selection does not foresee (EVOTING_POWER_INCREASE_EXCEEDS_LIMIT); 20 %
            // is the default
            votingPowerIncreaseLimitPct: fc.constantFrom(1n, 20n, 50n),
          },
          { requiredKeys: ["a"] },
        ),
      },
    );
  if (withValidators && (opts.evictions ?? true))
    arbs.push({ weight: 1, arbitrary: fc.record({ a: fc.constant("evict" as const), pool }) });
  return fc.oneof(...arbs).map((x) => withToString(x as Action));
}

function withToString(x: Action): Action {
  Object.defineProperty(x, fc.toStringMethod, { value: () => describeAction(x), enumerable: false });
  return x;
}

export function sequenceArb(opts: ArbOptions = {}): fc.Arbitrary<Action[]> {
  return fc.array(actionArb(opts), { minLength: 1, maxLength: opts.maxLength ?? 30, size: "max" });
}

// ------------------------------------------------------------------ the runner

/** What an account holds, raw (APT, kAPT, stkAPT, tickets) and the APT its tickets pay. */
interface Holdings {
  apt: bigint;
  kapt: bigint;
  stkapt: bigint;
  tickets: { id: Address; apt: bigint; ready: boolean }[];
}

interface UserSummary {
  apt_balance: bigint;
  kapt_balance: bigint;
  stkapt_balance: bigint;
  tickets: { id: Address; apt_amount: bigint; ready: boolean }[];
}

/** Statistics over many runs: what ran, what succeeded, and why the rest aborted. */
export class Stats {
  steps = 0;
  sequences = 0;
  ok = new Map<string, number>();
  rejected = new Map<string, number>();
  /** Largest rounding loss (octas beyond the quoted fee) seen per action. */
  maxRounding = new Map<string, bigint>();
  record(kind: string, outcome: string | undefined): void {
    this.steps++;
    if (outcome === undefined) this.ok.set(kind, (this.ok.get(kind) ?? 0) + 1);
    else {
      const key = `${kind}: ${outcome}`;
      this.rejected.set(key, (this.rejected.get(key) ?? 0) + 1);
    }
  }
  rounding(kind: string, octas: bigint): void {
    if (octas > (this.maxRounding.get(kind) ?? -1n)) this.maxRounding.set(kind, octas);
  }
}

/** Aborts a random sequence may legitimately meet (the amount, the balance, the lockup, a validator's limit). */
const ALLOWED_ABORTS = new Set([
  "E_ZERO_AMOUNT",
  "E_BELOW_MIN_DEPOSIT",
  "E_BELOW_MIN_WITHDRAWAL",
  "E_ZERO_SHARES",
  "E_INSUFFICIENT_UNLOCKABLE",
  "E_NO_ELIGIBLE_POOL",
  "E_INSUFFICIENT_CAPACITY", // issue 12: the eligible pools together cannot take the deposit
  "E_TICKET_NOT_READY",
  "E_FEE_TOO_HIGH",
  "E_OUT_OF_BOUNDS",
  "E_BAD_WEIGHTS",
  "E_POOL_DISABLED",
  "E_SELF_TRANSFER",
  "EINSUFFICIENT_BALANCE",
  // the framework's limits on a pool a hostile validator shaped
  "ESTAKE_EXCEEDS_MAX",
  "EVOTING_POWER_INCREASE_EXCEEDS_LIMIT",
  "EDELEGATOR_NOT_ALLOWLISTED",
]);

export class PropertyFailure extends Error {}

function fail(step: number, action: Action, msg: string): never {
  throw new PropertyFailure(`step ${step} ${describeAction(action)}: ${msg}`);
}

/**
 * Octas of value an account may lose to rounding in one of its actions beyond the quoted add-stake fee. Minting
 * stkAPT floors to a whole share, so staking may lose up to one share's worth (`ceil(rate)` octas, added where
 * `perShare` is set); every other floor costs at most one octa, and valuing stkAPT at a fixed rate one more.
 * A withdrawal request bears the framework's share rounding of each unlocked part (`perPart` octas per
 * `Unlocked` event: the measured drop of the protocol's stake there, up to 2 octas, docs/protocol.md).
 */
const ROUNDING_BOUND: Record<string, { octas: bigint; perShare?: boolean; perPart?: bigint }> = {
  deposit: { octas: 1n },
  depositAndStake: { octas: 2n, perShare: true },
  stake: { octas: 2n, perShare: true },
  unstake: { octas: 2n },
  request: { octas: 1n, perPart: 2n },
  unstakeAndRequest: { octas: 3n, perPart: 2n },
  claim: { octas: 0n },
  claimAll: { octas: 0n },
};

export class SequenceRunner {
  readonly k: Kit;
  readonly users: Address[];
  readonly protocol: Address;
  private rate: [bigint, bigint];
  private paused = [false, false, false, false];

  /** Compare the whole committed state around every rejected transaction (a JSON dump of the chain). */
  checkRejections = true;

  constructor(readonly stats?: Stats) {
    this.k = new Kit();
    this.k.checkInvariant = false;
    this.users = Array.from({ length: USERS }, (_, i) => this.k.user(i + 1));
    this.protocol = this.k.protocolAddress();
    this.rate = this.k.rate();
  }

  private holdings(u: Address): Holdings {
    const s = this.k.view("user_summary", [u])[0] as UserSummary;
    return {
      apt: s.apt_balance,
      kapt: s.kapt_balance,
      stkapt: s.stkapt_balance,
      tickets: s.tickets
        .map((t) => ({ id: t.id, apt: t.apt_amount, ready: t.ready }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    };
  }

  /** Value at a fixed rate (the one before the step), floor. */
  private value(h: Holdings, [n, d]: [bigint, bigint]): bigint {
    return h.apt + h.kapt + (h.stkapt * n) / d + h.tickets.reduce((a, t) => a + t.apt, 0n);
  }

  private exec(sender: Address, module: string, fn: string, args: unknown[]): TxRecord {
    return this.k.exec(sender, module, fn, args);
  }

  private amount(q: Qty, balance: bigint): bigint {
    return "pct" in q ? (balance * BigInt(q.pct)) / 100n : q.octas;
  }

  async run(actions: Action[]): Promise<void> {
    for (let i = 0; i < actions.length; i++) await this.step(i, actions[i] as Action);
    this.finish(actions.length, actions[actions.length - 1] as Action);
  }

  /** Runs one action and checks every property. */
  async step(i: number, x: Action): Promise<void> {
    const k = this.k;
    const before = this.users.map((u) => this.holdings(u));
    const rateBefore = this.rate;
    const actor = "u" in x ? (this.users[x.u] as Address) : undefined;
    /** An abort this step must produce (undefined: success or an allowed abort). */
    let mustFail: string | undefined;
    let mustSucceed = false;
    let quotedFee = 0n;
    let transferTo: number | undefined;
    let movedTicket: Address | undefined;
    let r: TxRecord | undefined;
    let staged: string | undefined; // outcome of a validator staging call (undefined = ok)
    const pausedFor = (...ids: number[]) => ids.some((id) => this.paused[id]);
    const hb = actor ? (before[(x as { u: number }).u] as Holdings) : undefined;
    const stateBefore = this.checkRejections ? snapshot(k.chain) : undefined;

    const quoteFee = (apt: bigint): bigint => {
      try {
        return (k.view("quote_deposit", [apt]) as [bigint, bigint])[0];
      } catch {
        return 0n;
      }
    };

    switch (x.a) {
      case "deposit":
        if (pausedFor(0)) mustFail = "E_PAUSED";
        else quotedFee = quoteFee(x.apt);
        r = this.exec(actor as Address, "gateway", "deposit", [x.apt, 0n]);
        break;
      case "depositAndStake":
        if (pausedFor(0, 1)) mustFail = "E_PAUSED";
        else quotedFee = quoteFee(x.apt);
        r = this.exec(actor as Address, "gateway", "deposit_and_stake", [x.apt, 0n]);
        break;
      case "stake": {
        if (pausedFor(1)) mustFail = "E_PAUSED";
        r = this.exec(actor as Address, "gateway", "stake", [this.amount(x.q, hb?.kapt ?? 0n), 0n]);
        break;
      }
      case "unstake":
        if (pausedFor(2)) mustFail = "E_PAUSED";
        r = this.exec(actor as Address, "gateway", "unstake", [this.amount(x.q, hb?.stkapt ?? 0n), 0n]);
        break;
      case "request": {
        const amt = this.amount(x.q, hb?.kapt ?? 0n);
        if (pausedFor(3)) mustFail = "E_PAUSED";
        r = this.exec(actor as Address, "gateway", "request_withdrawal", [amt]);
        break;
      }
      case "unstakeAndRequest":
        if (pausedFor(2, 3)) mustFail = "E_PAUSED";
        r = this.exec(actor as Address, "gateway", "unstake_and_request_withdrawal", [
          this.amount(x.q, hb?.stkapt ?? 0n),
          0n,
        ]);
        break;
      case "claim": {
        const ts = hb?.tickets ?? [];
        if (ts.length === 0) {
          mustFail = "E_EMPTY_BATCH";
          r = this.exec(actor as Address, "gateway", "claim", [[]]);
          break;
        }
        const t = ts[x.t % ts.length] as Holdings["tickets"][number];
        // claims are never paused: a ready ticket is always paid, a ticket that is not ready never is
        if (t.ready) mustSucceed = true;
        else mustFail = "E_TICKET_NOT_READY";
        r = this.exec(actor as Address, "gateway", "claim", [[t.id]]);
        break;
      }
      case "claimAll": {
        const ready = (hb?.tickets ?? []).filter((t) => t.ready).slice(0, 20);
        if (ready.length === 0) {
          mustFail = "E_EMPTY_BATCH";
          r = this.exec(actor as Address, "gateway", "claim", [[]]);
          break;
        }
        mustSucceed = true;
        r = this.exec(actor as Address, "gateway", "claim", [ready.map((t) => t.id)]);
        break;
      }
      case "transfer": {
        const ts = hb?.tickets ?? [];
        const t = ts[x.t % Math.max(ts.length, 1)];
        if (!t) return this.skip(x);
        transferTo = x.to;
        movedTicket = t.id;
        if (x.to === x.u) mustFail = "E_SELF_TRANSFER";
        else mustSucceed = true;
        r = this.exec(actor as Address, "gateway", "transfer_ticket", [t.id, this.users[x.to]]);
        break;
      }
      case "claimForeign":
      case "transferForeign": {
        const ts = (before[x.victim] as Holdings).tickets;
        const t = ts[x.t % Math.max(ts.length, 1)];
        if (!t || x.victim === x.u) return this.skip(x);
        mustFail = "E_NOT_TICKET_OWNER";
        r =
          x.a === "claimForeign"
            ? this.exec(actor as Address, "gateway", "claim", [[t.id]])
            : this.exec(actor as Address, "gateway", "transfer_ticket", [t.id, actor]);
        break;
      }
      case "advance":
        k.chain.advanceSeconds(x.secs);
        break;
      case "sync":
        mustSucceed = true;
        r = this.exec(actor as Address, "rewards", "sync_rewards", []);
        break;
      case "pause":
        mustSucceed = true;
        r = this.exec(k.admin, "config", "set_paused", [BigInt(x.action), x.paused]);
        if (r.success) this.paused[x.action] = x.paused;
        break;
      case "fee":
        if (x.bps > 2000n) mustFail = "E_FEE_TOO_HIGH";
        else mustSucceed = true;
        r = this.exec(k.admin, "config", "set_fee_bps", [x.bps]);
        break;
      case "minDeposit":
      case "minWithdrawal":
        if (x.octas < 1_000n) mustFail = "E_OUT_OF_BOUNDS";
        else mustSucceed = true;
        r = this.exec(k.admin, "config", x.a === "minDeposit" ? "set_min_deposit" : "set_min_withdrawal", [
          x.octas,
        ]);
        break;
      case "weights":
        r = this.exec(k.admin, "staking_manager", "set_weights", [k.pools, x.w]);
        break;
      case "cap":
        mustSucceed = true;
        r = this.exec(k.admin, "staking_manager", "set_pool_cap", [k.pools[x.pool], x.cap]);
        break;
      case "disable":
        r = this.exec(k.admin, "staking_manager", "disable_pool", [k.pools[x.pool]]);
        break;
      case "rebalance":
        // permissionless: any user may run it (it moves only the protocol's own APT)
        r = this.exec(actor as Address, "staking_manager", "rebalance", []);
        break;
      case "withdrawInactive":
        // permissionless, on any pool of the set: it only sweeps the protocol's withdrawable stake into idle APT
        mustSucceed = true;
        r = this.exec(actor as Address, "staking_manager", "withdraw_inactive_stake", [k.pools[x.pool]]);
        break;
      case "maxCommission":
        if (x.bps > 10_000n) mustFail = "E_OUT_OF_BOUNDS";
        else mustSucceed = true;
        r = this.exec(k.admin, "config", "set_max_commission_bps", [x.bps]);
        break;
      case "notAdmin": {
        const [m, f, args] = ADMIN_CALLS[x.fn % ADMIN_CALLS.length] as (typeof ADMIN_CALLS)[number];
        mustFail = "E_NOT_ADMIN";
        r = this.exec(actor as Address, m, f, args(actor as Address, k.pools[0] as Address));
        break;
      }
      case "stakeLimits":
        try {
          setStakeLimits(k.chain, {
            maximumStake: x.maximumStake,
            votingPowerIncreaseLimitPct: x.votingPowerIncreaseLimitPct,
          });
        } catch (e) {
          staged = e instanceof Error ? e.message.slice(0, 60) : String(e);
        }
        break;
      case "evict":
      case "commission":
      case "proposals":
      case "leave":
      case "join":
      case "allowlist": {
        const v = validatorOps(k.chain, k.pools[x.pool] as Address);
        try {
          if (x.a === "allowlist") {
            // the framework only edits the list while allowlisting is on: add/remove turn it on first, so the
            // action reaches the state that matters (the protocol off the list, its stake left in place)
            const on = (await v.info()).allowlisting_enabled;
            if (x.op === "disable") await v.disableAllowlisting();
            else if (!on) await v.enableAllowlisting();
            if (x.op === "add") await v.allowlist(this.protocol);
            else if (x.op === "remove") await v.removeFromAllowlist(this.protocol);
          } else if (x.a === "evict") await v.evictNow(this.protocol);
          else if (x.a === "commission")
            await (x.now ? v.setCommissionNow(x.bps) : v.updateCommission(x.bps));
          else if (x.a === "proposals") await v.setProposals({ successful: x.ok, failed: x.failed });
          else if (x.a === "leave") await v.leave();
          else await v.join();
        } catch (e) {
          staged = e instanceof Error ? e.message.slice(0, 60) : String(e);
        }
        break;
      }
    }

    // ---- outcome
    const outcome = r && !r.success ? (r.abort?.name ?? r.vmStatus) : staged;
    this.stats?.record(x.a, outcome);
    if (r && !r.success) {
      if (mustSucceed) fail(i, x, `must succeed, aborted ${r.vmStatus}`);
      if (mustFail && r.abort?.name !== mustFail) fail(i, x, `must abort ${mustFail}, aborted ${r.vmStatus}`);
      if (!mustFail && !ALLOWED_ABORTS.has(r.abort?.name ?? "")) fail(i, x, `unexpected abort ${r.vmStatus}`);
      if (stateBefore !== undefined && snapshot(k.chain) !== stateBefore)
        fail(i, x, `rejected (${r.vmStatus}) but the state changed`);
    } else if (r && mustFail) fail(i, x, `must abort ${mustFail}, succeeded`);

    // ---- properties
    this.checkBacking(i, x);
    const rateAfter = k.rate();
    if (rateAfter[0] * rateBefore[1] < rateBefore[0] * rateAfter[1])
      fail(i, x, `rate fell from ${rateBefore[0]}/${rateBefore[1]} to ${rateAfter[0]}/${rateAfter[1]}`);
    this.rate = rateAfter;

    const after = this.users.map((u) => this.holdings(u));
    const actorIdx = actor ? (x as { u: number }).u : -1;
    for (let j = 0; j < USERS; j++) {
      const b = before[j] as Holdings;
      const a = after[j] as Holdings;
      if (j === actorIdx && r?.success) continue;
      if (j === transferTo && r?.success && movedTicket) {
        const moved = (before[actorIdx] as Holdings).tickets.find((t) => t.id === movedTicket);
        const tickets = moved ? [...b.tickets, moved] : b.tickets;
        const expected: Holdings = { ...b, tickets: tickets.sort((p, q) => (p.id < q.id ? -1 : 1)) };
        if (moved && same(a, expected)) continue;
        fail(i, x, `recipient u${j}: ${show(b)} -> ${show(a)}`);
      }
      // a step's time can make tickets ready; that is no movement
      if (!same(a, b)) fail(i, x, `u${j}'s holdings changed: ${show(b)} -> ${show(a)}`);
    }
    if (actorIdx >= 0 && r?.success) {
      const vb = this.value(before[actorIdx] as Holdings, rateBefore);
      const va = this.value(after[actorIdx] as Holdings, rateBefore);
      if (x.a === "transfer") {
        const moved = (before[actorIdx] as Holdings).tickets.find((t) => t.id === movedTicket);
        if (vb - va !== moved?.apt)
          fail(i, x, `sender's value fell by ${vb - va}, ticket pays ${moved?.apt}`);
      } else {
        if (va > vb) fail(i, x, `value created: u${actorIdx} ${vb} -> ${va} (+${va - vb} octas)`);
        const rule = ROUNDING_BOUND[x.a];
        if (rule !== undefined) {
          const [n, d] = rateBefore;
          const parts = r ? BigInt(k.events(r, "staking_manager::Unlocked").length) : 0n;
          const bound = rule.octas + (rule.perShare ? (n + d - 1n) / d : 0n) + (rule.perPart ?? 0n) * parts;
          const rounding = vb - va - quotedFee;
          this.stats?.rounding(x.a, rounding);
          if (rounding > bound)
            fail(
              i,
              x,
              `u${actorIdx} lost ${vb - va} octas: fee quoted ${quotedFee}, rounding ${rounding} > ${bound}`,
            );
        } else if (va !== vb) fail(i, x, `u${actorIdx}'s value changed ${vb} -> ${va}`);
      }
    }
  }

  private skip(x: Action): void {
    this.stats?.record(x.a, "skipped (nothing to act on)");
  }

  private checkBacking(i: number, x: Action): void {
    const s = this.k.solvency();
    if (s.controlled < s.userLiabilities)
      fail(
        i,
        x,
        `controlled ${s.controlled} < kAPT + tickets ${s.userLiabilities} (short ${s.userLiabilities - s.controlled})`,
      );
    const owed = s.userLiabilities + s.equity;
    if (s.controlled < owed)
      fail(
        i,
        x,
        `controlled ${s.controlled} < kAPT + tickets + equity ${owed} (short ${owed - s.controlled})`,
      );
  }

  /** Lift every pause, let two lockup cycles pass, and claim every ticket: each must pay its APT. */
  finish(i: number, last: Action): void {
    const k = this.k;
    for (let a = 0n; a < 4n; a++) k.exec(k.admin, "config", "set_paused", [a, false]);
    k.chain.advanceSeconds(2n * (LOCKUP + EPOCH));
    for (let j = 0; j < USERS; j++) {
      const u = this.users[j] as Address;
      const h = this.holdings(u);
      for (let s = 0; s < h.tickets.length; s += 20) {
        const batch = h.tickets.slice(s, s + 20);
        const owed = batch.reduce((a, t) => a + t.apt, 0n);
        const aptBefore = k.apt(u);
        const r = k.exec(u, "gateway", "claim", [batch.map((t) => t.id)]);
        if (!r.success)
          fail(i, last, `after the sequence: u${j} cannot claim ${batch.length} tickets: ${r.vmStatus}`);
        if (k.apt(u) - aptBefore !== owed)
          fail(i, last, `after the sequence: u${j} paid ${k.apt(u) - aptBefore}, owed ${owed}`);
      }
    }
    this.checkBacking(i, last);
  }
}

function same(a: Holdings, b: Holdings): boolean {
  return (
    a.apt === b.apt &&
    a.kapt === b.kapt &&
    a.stkapt === b.stkapt &&
    a.tickets.length === b.tickets.length &&
    a.tickets.every((t, n) => t.id === b.tickets[n]?.id && t.apt === b.tickets[n]?.apt)
  );
}

function show(h: Holdings): string {
  return `{apt ${h.apt}, kAPT ${h.kapt}, stkAPT ${h.stkapt}, tickets ${h.tickets.map((t) => `${t.id.slice(0, 8)}…=${t.apt}`).join(",") || "none"}}`;
}

/** Runs `numRuns` random sequences; throws fast-check's report (the shrunk sequence) on a failure. */
export async function checkSequences(
  opts: ArbOptions & { numRuns: number; seed?: number; stats?: Stats },
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(sequenceArb(opts), async (actions) => {
      const runner = new SequenceRunner(opts.stats);
      if (opts.stats) opts.stats.sequences++;
      await runner.run(actions);
    }),
    { numRuns: opts.numRuns, seed: opts.seed, endOnFailure: false },
  );
}
