/**
 * `KofiBackend` over `@kofi/core`: the production backend. Reads with `getProtocolState` / `getPosition`
 * (one view each), quotes with the SDK's `prepare*` (the payload it returns is exactly what is signed),
 * simulates with the ts-sdk, and submits with `execute` (stages, wrong-network check, idempotent retries).
 * Instant exits come from the host's swap adapters (`@kofi/adapters`).
 *
 * Heavy (the ts-sdk): load it lazily through `backend-lazy.ts` unless you build the backend yourself.
 */
import { AccountAddress } from "@aptos-labs/ts-sdk";
import { type ChainReader, hyperionAdapter, type KofiTokens } from "@kofi/adapters";
import {
  type CreateKofiClientOptions,
  createKofiClient,
  execute,
  getPosition,
  getProtocolState,
  type KofiClient,
  type KofiSigner,
  type PreparedAction,
  protocolApr,
  type RegistrySwapAdapter,
  type SwapAdapter,
  signerAddress,
  sponsorAddress,
  toKofiError,
  waitForKofiTransaction,
} from "@kofi/core";
import type {
  AccountInfo,
  EntryRoute,
  KofiBackend,
  Position,
  ProtocolSummary,
  Quote,
  QuoteOptions,
  QuoteRequest,
  SimulateOptions,
  Simulation,
  SubmitRequest,
  SubmitResult,
  TxStage,
} from "./backend.ts";
import { toEntryPayload } from "./entry-payload.ts";
import { quoteProtocolAction } from "./protocol-quotes.ts";
import { boughtFromEvents, receivedFromKofiEvents } from "./receipt-amount.ts";
import { VenueQuotes } from "./venue-quotes.ts";
import { isObject, publicKeyOf, walletNetwork } from "./wallet-introspection.ts";

export interface CoreBackendOptions {
  /** An existing client; otherwise one is created from `network` / `nodeUrl` / `kofiAddress`. */
  client?: KofiClient;
  network?: CreateKofiClientOptions["network"];
  nodeUrl?: string;
  kofiAddress?: string;
  /**
   * Instant-exit venues from `@kofi/adapters`, built from the backend's chain reader and token addresses:
   * `exits: ({ reader, tokens }) => [hyperionAdapter({ reader, tokens })]`. Quoted through the adapters'
   * exit router (one pinned ledger version, per-venue timeout, ranking net of gas).
   */
  exits?: (context: { reader: ChainReader; tokens: KofiTokens }) => readonly SwapAdapter[];
  /** Per-venue quote deadline, ms (default 2500). */
  exitTimeoutMs?: number;
  /**
   * Swap entries of `@kofi/core`'s adapter registry (`RegistrySwapAdapter`), quoted without the router.
   * @deprecated Give venues as `exits` (`SwapAdapter`, the kit's one swap interface, in `@kofi/core`): they are
   * quoted through the exit router (one ledger version, deadlines, gas) and compared in the Stake tab too.
   */
  swaps?: readonly RegistrySwapAdapter[];
  /** How long a quote is considered good, ms (default 30 s). */
  quoteTtlMs?: number;
  /**
   * @deprecated Ignored: the APR now comes with every protocol read (`gateway::protocol_state` carries the
   * reward stream), so nothing is cached.
   */
  aprTtlMs?: number;
}

const NETWORK_NAMES = new Set(["mainnet", "testnet", "devnet", "local", "custom"]);

function asNetwork(name: string | undefined): CreateKofiClientOptions["network"] {
  const n = (name ?? "mainnet").toLowerCase();
  if (n === "localnet") return "local";
  return (NETWORK_NAMES.has(n) ? n : "custom") as CreateKofiClientOptions["network"];
}

const FORWARDED_STAGES = new Set<TxStage>(["sign", "submitted", "confirmed"]);

export class CoreBackend implements KofiBackend {
  readonly client: KofiClient;
  readonly network: string;
  readonly chainId: number | undefined;
  readonly nodeUrl: string;
  readonly protocolAddress: string;
  /** `simulate` and `submit` honour `sponsor` (`execute`'s fee payer flow). */
  readonly sponsorship = true;
  private readonly venues: VenueQuotes;
  private readonly quoteTtlMs: number;
  /** The SDK's prepared action behind each quote the widget holds: signed exactly as quoted. */
  private readonly prepared = new WeakMap<Quote, PreparedAction<unknown>>();
  private readonly swapFunctions = new Set<string>();

  constructor(options: CoreBackendOptions = {}) {
    this.client =
      options.client ??
      createKofiClient({
        network: asNetwork(options.network),
        ...(options.nodeUrl ? { nodeUrl: options.nodeUrl } : {}),
        ...(options.kofiAddress ? { addresses: { kofi: options.kofiAddress } } : {}),
      });
    this.network = this.client.network;
    this.chainId = this.client.chainId;
    this.nodeUrl = this.client.nodeUrl;
    this.protocolAddress = this.client.kofiAddress;
    this.quoteTtlMs = options.quoteTtlMs ?? 30_000;
    this.venues = new VenueQuotes(
      this.client,
      this.network,
      {
        ...(options.exits ? { exits: options.exits } : {}),
        exitTimeoutMs: options.exitTimeoutMs ?? 2_500,
        swaps: options.swaps ?? [],
        quoteTtlMs: this.quoteTtlMs,
      },
      {
        allow: (fn) => this.swapFunctions.add(fn),
        keepSwap: (quote, kind, payload, minOut) =>
          this.prepared.set(quote, { kind, payload, quote: undefined, minOut }),
      },
    );
  }

  /** Swap entry functions built by the host's adapters (the widget allowlists them). */
  get allowedFunctions(): readonly string[] {
    return [...this.swapFunctions];
  }

  async getProtocol(): Promise<ProtocolSummary> {
    try {
      // One request: the protocol view carries the reward stream, so the APR needs no other read.
      const s = await getProtocolState(this.client);
      // The one APR figure the SDK shows (`protocolApr`): withheld, with the reason, when implausible or absent.
      const apr = protocolApr(s);
      const aprBps = apr.available ? Number(apr.aprPpm / 100n) : null;
      return {
        rate: { numerator: s.rate.numerator, denominator: s.rate.denominator },
        aprBps,
        apr: apr.available
          ? { status: "available", bps: Number(apr.aprPpm / 100n) }
          : { status: "unavailable", reason: apr.reason },
        feeBps: Number(s.feeBps),
        paused: { ...s.paused },
        lockupSecs: Number(s.lockupDurationSecs),
        minDeposit: s.minDeposit,
        minWithdrawal: s.minWithdrawal,
        totalStakedApt: s.tvlApt,
        nowSecs: Number(s.nowSecs),
      };
    } catch (e) {
      throw toKofiError(e, { kofiAddress: this.protocolAddress });
    }
  }

  async getPosition(address: string): Promise<Position> {
    try {
      const p = await getPosition(this.client, address);
      return {
        address: p.address,
        apt: p.aptBalance,
        kapt: p.kaptBalance,
        stkapt: p.stkaptBalance,
        stkaptValueKapt: p.stkaptValueKapt,
        tickets: p.tickets.map((t) => ({
          id: t.id,
          aptAmount: t.aptAmount,
          kaptBurned: t.kaptBurned,
          requestedAt: Number(t.requestedAt),
          unlockAt: Number(t.unlockAt),
          ready: t.ready,
        })),
        nowSecs: Number(p.nowSecs),
      };
    } catch (e) {
      throw toKofiError(e, { kofiAddress: this.protocolAddress });
    }
  }

  async getAccount(wallet: unknown): Promise<AccountInfo | null> {
    if (!wallet) return null;
    if (isObject(wallet) && "account" in wallet && !wallet.account && !("address" in wallet)) return null;
    let address: string;
    try {
      address = await signerAddress(wallet as KofiSigner);
    } catch (e) {
      const err = toKofiError(e);
      if (err.code === "user_rejected") return null; // "not connected"
      throw err;
    }
    const net = await walletNetwork(wallet);
    return {
      address,
      ...(net.name ? { network: net.name } : {}),
      ...(net.chainId !== undefined ? { chainId: net.chainId } : {}),
    };
  }

  /** Connects an AIP-62 wallet; other kinds are connected by the host (returns null). */
  async connect(wallet: unknown): Promise<AccountInfo | null> {
    if (!isObject(wallet) || !isObject(wallet.features)) return null;
    const feature = wallet.features["aptos:connect"];
    if (!isObject(feature) || typeof feature.connect !== "function") return null;
    try {
      const result = (await (feature.connect as () => Promise<unknown>)()) as { status?: string };
      if (result?.status === "Rejected")
        throw { code: "user_rejected", message: "The wallet rejected the connection." };
    } catch (e) {
      throw toKofiError(e);
    }
    return this.getAccount(wallet);
  }

  async quote(request: QuoteRequest, options: QuoteOptions): Promise<Quote> {
    if (request.action === "buy") return this.quoteBuy(request, options);
    try {
      if (request.action === "instant_exit") {
        const best = (await this.quoteInstant(request, options))[0];
        if (!best) throw { code: "simulation_failed", message: "No instant route for this amount." };
        return best;
      }
      return await quoteProtocolAction(this.client, request, options, (p, q) => this.keep(p, q));
    } catch (e) {
      throw toKofiError(e, { kofiAddress: this.protocolAddress });
    }
  }

  /** A re-quote of the venue the user picked (its quote expired): the same venue, or a clear `quote_expired`. */
  private async quoteBuy(
    request: Extract<QuoteRequest, { action: "buy" }>,
    options: QuoteOptions,
  ): Promise<Quote> {
    const route = this.venues.configured
      ? (await this.venues.entryRoutes(request.amount, request.to, options)).find(
          (r) => r.id === request.venue,
        )
      : undefined;
    if (route?.quote) return route.quote;
    // Thrown as is (not through the SDK's error mapping, which knows no widget code).
    throw {
      code: "quote_expired",
      message: `${route?.venue ?? request.venue} no longer quotes this amount; minting through Kofi is still available.`,
    };
  }

  private keep(prepared: PreparedAction<unknown>, q: Omit<Quote, "payload" | "minOut" | "expiresAt">): Quote {
    const quote: Quote = {
      ...q,
      minOut: prepared.minOut ?? q.amountOut,
      payload: toEntryPayload(prepared.payload),
      expiresAt: Date.now() + this.quoteTtlMs,
    };
    this.prepared.set(quote, prepared);
    return quote;
  }

  async quoteInstant(
    request: Extract<QuoteRequest, { action: "instant_exit" }>,
    options: QuoteOptions,
  ): Promise<readonly Quote[]> {
    const routed = this.venues.configured ? await this.venues.exitQuotesThroughRouter(request, options) : [];
    const simple = await this.venues.exitQuotesThroughSwaps(request, options);
    return [...routed, ...simple].sort((a, b) =>
      b.amountOut > a.amountOut ? 1 : b.amountOut < a.amountOut ? -1 : 0,
    );
  }

  /**
   * Issue 15: buying the deposit's token on the configured venues vs minting it, through `@kofi/adapters`' entry
   * router (one ledger version, per-venue deadline, ranked by protocol value net of gas). Each venue that quoted
   * carries a signable `buy` quote (the adapter's own payload, its function allowlisted) when an account is
   * known; a venue that timed out, failed or had no route is listed as `unavailable`. The mint is the widget's
   * own quote.
   */
  async quoteEntry(
    request: Extract<QuoteRequest, { action: "deposit" }>,
    options: QuoteOptions,
  ): Promise<readonly EntryRoute[]> {
    if (!this.venues.configured) return [];
    try {
      return await this.venues.entryRoutes(request.amount, request.to, options);
    } catch (e) {
      throw toKofiError(e, { kofiAddress: this.protocolAddress });
    }
  }

  private preparedFor(quote: Quote): PreparedAction<unknown> {
    const p = this.prepared.get(quote);
    if (!p) throw { code: "quote_expired", message: "This quote was not made by this backend; quote again." };
    return p;
  }

  async simulate(quote: Quote, options: SimulateOptions): Promise<Simulation> {
    const prepared = this.preparedFor(quote);
    const aptos = this.client.aptos;
    const publicKey = await publicKeyOf(options.wallet);
    try {
      const transaction = await aptos.transaction.build.simple({
        sender: options.account,
        data: prepared.payload,
        ...(options.sponsor ? { withFeePayer: true } : {}),
      });
      // Sponsored: charged to the sponsor's address (0x0 when it declared none: fullnodes charge nobody).
      if (options.sponsor)
        transaction.feePayerAddress = AccountAddress.from(
          sponsorAddress(options.sponsor) ?? AccountAddress.ZERO,
        );
      const [sim] = await aptos.transaction.simulate.simple({
        transaction,
        ...(publicKey ? { signerPublicKey: publicKey } : {}),
      });
      if (!sim) return { success: true, skipped: true, gasUsed: 0n, gasUnitPrice: 0n, feeOctas: 0n };
      const gasUsed = BigInt(sim.gas_used);
      const gasUnitPrice = BigInt(sim.gas_unit_price);
      const base = { gasUsed, gasUnitPrice, feeOctas: gasUsed * gasUnitPrice };
      if (sim.success) return { ...base, success: true };
      const err = toKofiError(
        { vm_status: sim.vm_status, message: sim.vm_status },
        { kofiAddress: this.protocolAddress },
      );
      return {
        ...base,
        success: false,
        error: {
          code: err.code === "unknown" ? "simulation_failed" : err.code,
          message: err.message,
          ...(err.abort ? { abort: err.abort } : {}),
        },
      };
    } catch (e) {
      const err = toKofiError(e, { kofiAddress: this.protocolAddress });
      // Without the wallet's public key some nodes refuse to simulate: the SDK simulates again at signing
      // when it can, and the wallet shows its own preview.
      if (!publicKey && (err.code === "unknown" || err.code === "invalid_config"))
        return { success: true, skipped: true, gasUsed: 0n, gasUnitPrice: 0n, feeOctas: 0n };
      throw err;
    }
  }

  async submit(request: SubmitRequest): Promise<SubmitResult> {
    const prepared = this.preparedFor(request.quote);
    const result = await execute(this.client, prepared, request.wallet as KofiSigner, {
      ...(request.sponsor ? { sponsor: request.sponsor } : {}),
      onStage: (event) => {
        // The widget already quoted and simulated for the review; forward what happens after.
        if (!FORWARDED_STAGES.has(event.stage)) return;
        request.onStage({ stage: event.stage, ...(event.hash ? { hash: event.hash } : {}) });
      },
    });
    // The receipt: what the events say the user received, per action.
    const r = result.received;
    const q = request.quote.request;
    const amountOut =
      q.action === "buy"
        ? boughtFromEvents(result.transaction, (await this.venues.venueContext()).tokens[q.to])
        : receivedFromKofiEvents(q, r);
    return {
      hash: result.hash,
      ...(amountOut !== undefined && amountOut > 0n ? { amountOut } : {}),
      ...(r.tickets.length
        ? {
            tickets: r.tickets.map((t) => ({
              id: t.id,
              aptAmount: t.aptAmount,
              unlockAt: Number(t.unlockAt),
            })),
          }
        : {}),
    };
  }

  async waitForTransaction(hash: string): Promise<{ success: boolean }> {
    try {
      await waitForKofiTransaction(this.client, hash);
      return { success: true };
    } catch (e) {
      const err = toKofiError(e, { kofiAddress: this.protocolAddress, hash });
      if (err.code === "network" || err.code === "timeout") throw err;
      return { success: false };
    }
  }
}

/** Venues the `exits` attribute can name: the ones that need nothing but the chain (no API key, no pool list). */
export const EXIT_VENUES = {
  hyperion: ({ reader, tokens }: { reader: ChainReader; tokens: KofiTokens }) =>
    hyperionAdapter({ reader, tokens }),
} as const;

/**
 * The `exits` attribute (`exits="hyperion"`) as an `exits` option: CDN pages cannot pass adapter objects. An
 * unknown name is a configuration error, not a silently missing venue.
 */
export function exitsByName(names: readonly string[]): NonNullable<CoreBackendOptions["exits"]> {
  const unknown = names.filter((n) => !Object.hasOwn(EXIT_VENUES, n.toLowerCase()));
  if (unknown.length)
    throw {
      code: "invalid_config",
      message: `exits: unknown venue ${unknown.join(", ")} (known: ${Object.keys(EXIT_VENUES).join(", ")}; others through the adapters property)`,
    };
  return (context) => names.map((n) => EXIT_VENUES[n.toLowerCase() as keyof typeof EXIT_VENUES](context));
}

export function createCoreBackend(options: CoreBackendOptions = {}): CoreBackend {
  return new CoreBackend(options);
}
