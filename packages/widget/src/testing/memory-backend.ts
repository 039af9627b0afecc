/**
 * An in-memory `KofiBackend` for designer states (Storybook) and the widget's DOM tests while the SDK and
 * localnet are not wired in. It follows the protocol's arithmetic (docs/protocol.md: floor divisions,
 * kAPT 1:1, stkAPT at the vault rate) but talks to no chain. Real-chain tests use `backend-core.ts`.
 */
import type {
  AccountInfo,
  EntryRoute,
  KofiBackend,
  KofiErrorLike,
  Position,
  ProtocolSummary,
  Quote,
  QuoteOptions,
  QuoteRequest,
  Simulation,
  SubmitRequest,
  SubmitResult,
  Ticket,
} from "../backend.ts";

export const KOFI_ADDRESS = "0x000000000000000000000000000000000000000000000000000000006b6f6669";
export const DEX_FUNCTION = "0xdec0de::router::swap_exact_in";
const APT = 100_000_000n;

export type FailPoint =
  | "getProtocol"
  | "getPosition"
  | "getAccount"
  | "connect"
  | "quote"
  | "quoteInstant"
  | "quoteEntry"
  | "simulate"
  | "submit";

/**
 * A venue selling kAPT / stkAPT, for the Stake tab's entry comparison (issue 15). Its price is relative to the
 * mint quote, so a story states the verdict it shows ("0.4 % more than minting") rather than a pool's reserves.
 */
export interface MemoryEntryVenue {
  /** The adapter id a `buy` request names, e.g. `hyperion`. */
  readonly id: string;
  /** Human name, e.g. "Hyperion". */
  readonly venue: string;
  /** What the same APT buys there against the mint quote, bps: 40 = 0.4 % more, -25 = 0.25 % less. */
  readonly vsMintBps?: number;
  /** The venue's fee, bps of the APT paid (already taken out of the amount bought; shown in review). */
  readonly feeBps?: number;
  readonly priceImpactBps?: number;
  /** The venue gives no quote this time (no pool, failed, timed out), as the real router reports it. */
  readonly unavailable?: "timeout" | "error" | "no-route";
}

export interface MemoryBackendOptions {
  network?: string;
  protocol?: Partial<ProtocolSummary>;
  position?: Partial<Omit<Position, "address">>;
  /** The account a wallet "has"; `null` = not connected. */
  account?: AccountInfo | null;
  /** Instant routes: venue and discount against fair value. Empty: no route. */
  routes?: readonly { venue: string; discountBps: number; priceImpactBps: number }[];
  /**
   * Venues to buy the deposit's token on instead of minting it (the Stake tab's comparison, `quoteEntry`).
   * Absent or empty: no comparison, as with a core backend without venues.
   */
  entries?: readonly MemoryEntryVenue[];
  /** Throw this error from a method. */
  fail?: Partial<Record<FailPoint, KofiErrorLike | Error | string>>;
  /** Never resolve these methods (loading states). */
  hang?: readonly FailPoint[];
  /** Simulations fail with this error. */
  simulationError?: KofiErrorLike;
  /** Artificial latency per call, ms. */
  latencyMs?: number;
  /** Quote lifetime, ms (default 30 s). */
  quoteTtlMs?: number;
  /** Each re-quote pays this many octas less (quote-worsened state). */
  worsenBy?: bigint;
  /** Stop `submit` at this stage and never finish (pending state). */
  stallAt?: "sign" | "submitted";
}

export const DEFAULT_PROTOCOL: ProtocolSummary = {
  rate: { numerator: 10_450_000_000n, denominator: 10_000_000_000n }, // 1 stkAPT = 1.045 kAPT
  aprBps: 712,
  feeBps: 1000,
  paused: { deposit: false, stake: false, unstake: false, withdraw: false },
  lockupSecs: 14 * 86_400,
  minDeposit: 10_000_000n,
  minWithdrawal: 10_000_000n,
  totalStakedApt: 1_234_567n * APT,
  nowSecs: 1_800_000_000,
};

export class MemoryBackend implements KofiBackend {
  readonly network: string;
  readonly protocolAddress = KOFI_ADDRESS;
  readonly allowedFunctions = [DEX_FUNCTION];
  protocol: ProtocolSummary;
  position: Omit<Position, "address">;
  account: AccountInfo | null;
  options: MemoryBackendOptions;
  private quotes = 0;
  private nextHash = 1;
  private nextTicket = 1;

  constructor(options: MemoryBackendOptions = {}) {
    this.options = options;
    this.network = options.network ?? "local";
    this.protocol = { ...DEFAULT_PROTOCOL, ...options.protocol };
    this.position = {
      apt: 50n * APT,
      kapt: 20n * APT,
      stkapt: 10n * APT,
      stkaptValueKapt: 0n,
      tickets: [],
      nowSecs: this.protocol.nowSecs,
      ...options.position,
    };
    this.account =
      options.account === undefined ? { address: "0xa11ce", network: this.network } : options.account;
    this.recomputeValue();
  }

  private async gate(point: FailPoint): Promise<void> {
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    if (this.options.hang?.includes(point)) await new Promise(() => {});
    const f = this.options.fail?.[point];
    if (f !== undefined) throw f;
  }

  private recomputeValue(): void {
    const { numerator, denominator } = this.protocol.rate;
    this.position = { ...this.position, stkaptValueKapt: (this.position.stkapt * numerator) / denominator };
  }

  private toShares(kapt: bigint): bigint {
    return (kapt * this.protocol.rate.denominator) / this.protocol.rate.numerator;
  }
  private toKapt(shares: bigint): bigint {
    return (shares * this.protocol.rate.numerator) / this.protocol.rate.denominator;
  }

  async getProtocol(): Promise<ProtocolSummary> {
    await this.gate("getProtocol");
    return this.protocol;
  }

  async getPosition(address: string): Promise<Position> {
    await this.gate("getPosition");
    return { address, ...this.position };
  }

  async getAccount(): Promise<AccountInfo | null> {
    await this.gate("getAccount");
    return this.account;
  }

  async connect(): Promise<AccountInfo | null> {
    await this.gate("connect");
    this.account = { address: "0xa11ce", network: this.network };
    return this.account;
  }

  async quote(request: QuoteRequest, options: QuoteOptions): Promise<Quote> {
    await this.gate("quote");
    const worsen = (this.options.worsenBy ?? 0n) * BigInt(this.quotes++);
    const expiresAt = Date.now() + (this.options.quoteTtlMs ?? 30_000);
    const min = (out: bigint) => (out * BigInt(10_000 - options.slippageBps)) / 10_000n;
    const fn = (name: string) => `${KOFI_ADDRESS}::gateway::${name}`;
    switch (request.action) {
      case "deposit": {
        if (request.amount < this.protocol.minDeposit)
          throw { code: "below_minimum", message: "E_BELOW_MIN_DEPOSIT" } satisfies KofiErrorLike;
        const out = (request.to === "kAPT" ? request.amount : this.toShares(request.amount)) - worsen;
        return {
          request,
          tokenIn: "APT",
          amountIn: request.amount,
          tokenOut: request.to,
          amountOut: out,
          minOut: min(out),
          fee: 0n,
          payload: {
            function: fn(request.to === "kAPT" ? "deposit" : "deposit_and_stake"),
            typeArguments: [],
            functionArguments: [request.amount, min(out)],
          },
          expiresAt,
        };
      }
      case "stake":
      case "unstake": {
        const toStk = request.action === "stake";
        const out = (toStk ? this.toShares(request.amount) : this.toKapt(request.amount)) - worsen;
        return {
          request,
          tokenIn: toStk ? "kAPT" : "stkAPT",
          amountIn: request.amount,
          tokenOut: toStk ? "stkAPT" : "kAPT",
          amountOut: out,
          minOut: min(out),
          fee: 0n,
          payload: {
            function: fn(toStk ? "stake" : "unstake"),
            typeArguments: [],
            functionArguments: [request.amount, min(out)],
          },
          expiresAt,
        };
      }
      case "request_withdrawal":
      case "instant_exit": {
        const apt = request.from === "kAPT" ? request.amount : this.toKapt(request.amount);
        const out = apt - worsen;
        return {
          request,
          tokenIn: request.from,
          amountIn: request.amount,
          tokenOut: "APT",
          amountOut: out,
          minOut: out,
          fee: 0n,
          unlockAt: this.protocol.nowSecs + this.protocol.lockupSecs,
          payload: {
            function: fn(request.from === "kAPT" ? "request_withdrawal" : "unstake_and_request_withdrawal"),
            typeArguments: [],
            functionArguments: request.from === "kAPT" ? [request.amount] : [request.amount, apt],
          },
          expiresAt,
        };
      }
      case "buy": {
        // A re-quote of the venue the user picked: the same venue, or `quote_expired` as the core backend says it.
        const venue = this.options.entries?.find((v) => v.id === request.venue);
        const quote =
          venue && !venue.unavailable ? this.buyQuote(venue, request, options, worsen) : undefined;
        if (!quote)
          throw {
            code: "quote_expired",
            message: `${venue?.venue ?? request.venue} no longer quotes this amount; minting through Kofi is still available.`,
          } satisfies KofiErrorLike;
        return quote;
      }
      case "claim": {
        const tickets = this.position.tickets.filter((t) => request.tickets.includes(t.id));
        const out = tickets.reduce((s, t) => s + t.aptAmount, 0n);
        return {
          request,
          tokenIn: "APT",
          amountIn: 0n,
          tokenOut: "APT",
          amountOut: out,
          minOut: out,
          fee: 0n,
          payload: {
            function: fn("claim"),
            typeArguments: [],
            functionArguments: [request.tickets.map(String)],
          },
          expiresAt,
        };
      }
    }
  }

  async quoteInstant(
    request: Extract<QuoteRequest, { action: "instant_exit" }>,
    options: QuoteOptions,
  ): Promise<readonly Quote[]> {
    await this.gate("quoteInstant");
    const fair = request.from === "kAPT" ? request.amount : this.toKapt(request.amount);
    const routes = this.options.routes ?? [{ venue: "Panora", discountBps: 85, priceImpactBps: 12 }];
    return routes
      .map((r): Quote => {
        const out = (fair * BigInt(10_000 - r.discountBps)) / 10_000n;
        const minOut = (out * BigInt(10_000 - options.slippageBps)) / 10_000n;
        return {
          request,
          tokenIn: request.from,
          amountIn: request.amount,
          tokenOut: "APT",
          amountOut: out,
          minOut,
          fee: 0n,
          route: {
            venue: r.venue,
            discountBps: r.discountBps,
            priceImpactBps: r.priceImpactBps,
            fairValueApt: fair,
          },
          payload: {
            function: DEX_FUNCTION,
            typeArguments: [request.from === "kAPT" ? `${KOFI_ADDRESS}::kapt` : `${KOFI_ADDRESS}::stkapt`],
            functionArguments: [request.amount, minOut],
          },
          expiresAt: Date.now() + (this.options.quoteTtlMs ?? 30_000),
        };
      })
      .sort((a, b) => (b.amountOut > a.amountOut ? 1 : -1));
  }

  /**
   * The Stake tab's comparison: each configured venue priced against the mint quote (`vsMintBps`), with a
   * signable `buy` quote when an account is known (the core backend builds the adapter's payload only then); a
   * venue configured `unavailable` is listed with no amount, as the entry router lists a failed one.
   */
  async quoteEntry(
    request: Extract<QuoteRequest, { action: "deposit" }>,
    options: QuoteOptions,
  ): Promise<readonly EntryRoute[]> {
    await this.gate("quoteEntry");
    const venues = this.options.entries ?? [];
    const routes = venues.map((v): EntryRoute => {
      const base = { id: v.id, venue: v.venue, tokenOut: request.to };
      if (v.unavailable) return { ...base, amountOut: 0n, vsMintBps: null, unavailable: v.unavailable };
      const buy = { action: "buy", amount: request.amount, to: request.to, venue: v.id } as const;
      const amountOut = this.buyAmountOut(v, buy);
      const quote = options.account ? this.buyQuote(v, buy, options, 0n) : undefined;
      return { ...base, amountOut, vsMintBps: v.vsMintBps ?? 0, ...(quote ? { quote } : {}) };
    });
    // Best first, as the router ranks them; the unavailable ones last.
    return routes.sort((a, b) => (b.amountOut > a.amountOut ? 1 : b.amountOut < a.amountOut ? -1 : 0));
  }

  /** The mint's output for the same APT, moved by the venue's `vsMintBps`. */
  private buyAmountOut(v: MemoryEntryVenue, r: Extract<QuoteRequest, { action: "buy" }>): bigint {
    const mint = r.to === "kAPT" ? r.amount : this.toShares(r.amount);
    return (mint * BigInt(10_000 + (v.vsMintBps ?? 0))) / 10_000n;
  }

  private buyQuote(
    v: MemoryEntryVenue,
    request: Extract<QuoteRequest, { action: "buy" }>,
    options: QuoteOptions,
    worsen: bigint,
  ): Quote {
    const out = this.buyAmountOut(v, request) - worsen;
    const minOut = (out * BigInt(10_000 - options.slippageBps)) / 10_000n;
    // The protocol value of what is bought, in APT (kAPT is 1:1; stkAPT at the vault rate).
    const fair = request.to === "kAPT" ? out : this.toKapt(out);
    const feeIn = (request.amount * BigInt(v.feeBps ?? 0)) / 10_000n;
    return {
      request,
      tokenIn: "APT",
      amountIn: request.amount,
      tokenOut: request.to,
      amountOut: out,
      minOut,
      fee: 0n,
      route: {
        venue: v.venue,
        ...(v.priceImpactBps !== undefined ? { priceImpactBps: v.priceImpactBps } : {}),
        discountBps: request.amount > 0n ? Number(((request.amount - fair) * 10_000n) / request.amount) : 0,
        fairValueApt: fair,
        ...(feeIn > 0n ? { feeIn } : {}),
      },
      payload: {
        function: DEX_FUNCTION,
        typeArguments: [
          "0x1::aptos_coin::AptosCoin",
          `${KOFI_ADDRESS}::${request.to === "kAPT" ? "kapt" : "stkapt"}`,
        ],
        functionArguments: [request.amount, minOut],
      },
      expiresAt: Date.now() + (this.options.quoteTtlMs ?? 30_000),
    };
  }

  async simulate(quote: Quote): Promise<Simulation> {
    await this.gate("simulate");
    const base = { gasUsed: 1_200n, gasUnitPrice: 100n, feeOctas: 120_000n };
    if (this.options.simulationError) return { ...base, success: false, error: this.options.simulationError };
    return { ...base, success: true, amountOut: quote.amountOut };
  }

  async submit({ quote, onStage }: SubmitRequest): Promise<SubmitResult> {
    onStage({ stage: "sign" });
    if (this.options.stallAt === "sign") await new Promise(() => {});
    await this.gate("submit");
    const hash = `0x${(this.nextHash++).toString(16).padStart(64, "0")}`;
    onStage({ stage: "submitted", hash });
    if (this.options.stallAt === "submitted") await new Promise(() => {});
    this.apply(quote);
    onStage({ stage: "confirmed", hash });
    return { hash, amountOut: quote.amountOut };
  }

  async waitForTransaction(): Promise<{ success: boolean }> {
    return { success: true };
  }

  /** Moves the balances as the chain would. */
  private apply(q: Quote): void {
    const p = { ...this.position };
    const sub = (t: string, v: bigint) => {
      if (t === "APT") p.apt -= v;
      else if (t === "kAPT") p.kapt -= v;
      else p.stkapt -= v;
    };
    const add = (t: string, v: bigint) => sub(t, -v);
    const r = q.request;
    if (r.action === "claim") {
      p.apt += q.amountOut;
      p.tickets = p.tickets.filter((t) => !r.tickets.includes(t.id));
    } else if (r.action === "request_withdrawal") {
      sub(q.tokenIn, q.amountIn);
      const ticket: Ticket = {
        id: `0x7${(this.nextTicket++).toString(16)}`,
        aptAmount: q.amountOut,
        kaptBurned: q.amountOut,
        requestedAt: this.protocol.nowSecs,
        unlockAt: q.unlockAt ?? this.protocol.nowSecs,
        ready: false,
      };
      p.tickets = [...p.tickets, ticket];
    } else {
      sub(q.tokenIn, q.amountIn);
      add(q.tokenOut, q.amountOut);
    }
    this.position = p;
    this.recomputeValue();
  }
}

/** Tickets for withdrawal states: one ready, one counting down from `nowSecs`. */
export function sampleTickets(nowSecs: number): Ticket[] {
  return [
    {
      id: "0x71",
      aptAmount: 25n * APT,
      kaptBurned: 25n * APT,
      requestedAt: nowSecs - 15 * 86_400,
      unlockAt: nowSecs - 86_400,
      ready: true,
    },
    {
      id: "0x72",
      aptAmount: 1_234_500_000n,
      kaptBurned: 1_234_500_000n,
      requestedAt: nowSecs - 86_400,
      unlockAt: nowSecs + 13 * 86_400 + 4 * 3_600,
      ready: false,
    },
  ];
}
