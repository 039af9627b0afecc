/**
 * `KofiBackend` over `@kofi/core`: the production backend. Reads with `getProtocolState` / `getPosition`
 * (one view each), quotes with the SDK's `prepare*` (the payload it returns is exactly what is signed),
 * simulates with the ts-sdk, and submits with `execute` (stages, wrong-network check, idempotent retries).
 * Instant exits come from the host's swap adapters (`@kofi/adapters`).
 *
 * Heavy (the ts-sdk): load it lazily through `backend-lazy.ts` unless you build the backend yourself.
 */
import { AccountAddress, type InputEntryFunctionData, type PublicKey } from "@aptos-labs/ts-sdk";
import {
  type ChainReader,
  chainReader,
  createEntryRouter,
  createExitRouter,
  hyperionAdapter,
  type KofiTokens,
  kofiRateProvider,
  kofiVenueAdapter,
  resolveKofiTokens,
} from "@kofi/adapters";
import {
  type CreateKofiClientOptions,
  createKofiClient,
  execute,
  getPosition,
  getProtocolState,
  type KofiClient,
  type KofiSigner,
  minOutFromQuote,
  type PreparedAction,
  prepareClaim,
  prepareDeposit,
  prepareDepositAndStake,
  prepareRequestWithdrawal,
  prepareStake,
  prepareUnstake,
  prepareUnstakeAndRequestWithdrawal,
  primaryStoreAddress,
  protocolApr,
  quoteUnstake,
  type RegistrySwapAdapter,
  type SwapAdapter,
  signerAddress,
  sponsorAddress,
  toKofiError,
  waitForKofiTransaction,
} from "@kofi/core";
import { normalizeAddress } from "./allowlist.ts";
import type {
  AccountInfo,
  EntryPayload,
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function isPublicKey(v: unknown): v is PublicKey {
  return isObject(v) && typeof v.toUint8Array === "function" && typeof v.verifySignature === "function";
}

/** The public key a signer exposes, when it exposes one (enables simulation with the real key). */
async function publicKeyOf(wallet: unknown): Promise<PublicKey | undefined> {
  if (!isObject(wallet)) return undefined;
  if (isPublicKey(wallet.publicKey)) return wallet.publicKey;
  const account = wallet.account;
  if (isObject(account) && isPublicKey(account.publicKey)) return account.publicKey;
  const features = wallet.features;
  if (isObject(features) && isObject(features["aptos:account"])) {
    try {
      const acc = await (
        features["aptos:account"] as { account(): Promise<{ publicKey?: unknown }> }
      ).account();
      if (isPublicKey(acc.publicKey)) return acc.publicKey;
    } catch {
      // not connected
    }
  }
  return undefined;
}

/** The network a wallet says it is on: name and chain id, when it says. */
async function walletNetwork(wallet: unknown): Promise<{ name?: string; chainId?: number }> {
  if (!isObject(wallet)) return {};
  const pick = (n: unknown) => {
    if (!isObject(n)) return {};
    const out: { name?: string; chainId?: number } = {};
    if (typeof n.name === "string") out.name = n.name.toLowerCase();
    if (n.chainId !== undefined && n.chainId !== null) out.chainId = Number(n.chainId);
    return out;
  };
  if (isObject(wallet.network)) return pick(wallet.network);
  if (typeof wallet.chainId === "number") return { chainId: wallet.chainId };
  const features = wallet.features;
  if (isObject(features) && isObject(features["aptos:network"])) {
    try {
      return pick(await (features["aptos:network"] as { network(): Promise<unknown> }).network());
    } catch {
      return {};
    }
  }
  return {};
}

function toEntryPayload(payload: InputEntryFunctionData): EntryPayload {
  const arg = (a: unknown): string | bigint | boolean | readonly string[] =>
    typeof a === "bigint" || typeof a === "boolean" || typeof a === "string"
      ? a
      : Array.isArray(a)
        ? a.map(String)
        : typeof a === "number"
          ? BigInt(a)
          : String(a);
  return {
    function: payload.function,
    typeArguments: (payload.typeArguments ?? []).map(String),
    functionArguments: (payload.functionArguments ?? []).map(arg),
  };
}

/** The quote inside a prepared action (the SDK's prepare* always sets it for these actions). */
function quoted<Q>(p: PreparedAction<Q>): Q {
  if (p.quote === undefined) throw { code: "unknown", message: "The SDK returned no quote." };
  return p.quote;
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
  private readonly swaps: readonly RegistrySwapAdapter[];
  private readonly exitsFactory: CoreBackendOptions["exits"];
  private readonly exitTimeoutMs: number;
  private exitContext: Promise<{
    reader: ChainReader;
    tokens: KofiTokens;
    adapters: readonly SwapAdapter[];
  }> | null = null;
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
    this.swaps = options.swaps ?? [];
    this.exitsFactory = options.exits;
    this.exitTimeoutMs = options.exitTimeoutMs ?? 2_500;
    this.quoteTtlMs = options.quoteTtlMs ?? 30_000;
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
    const slippageBps = options.slippageBps;
    const c = this.client;
    if (request.action === "buy") return this.quoteBuy(request, options);
    try {
      switch (request.action) {
        case "deposit": {
          if (request.to === "kAPT") {
            const p = await prepareDeposit(c, { amount: request.amount, slippageBps });
            return this.keep(p, {
              request,
              tokenIn: "APT",
              amountIn: request.amount,
              tokenOut: "kAPT",
              amountOut: quoted(p).kaptOut,
              fee: quoted(p).fee,
            });
          }
          const p = await prepareDepositAndStake(c, { amount: request.amount, slippageBps });
          return this.keep(p, {
            request,
            tokenIn: "APT",
            amountIn: request.amount,
            tokenOut: "stkAPT",
            amountOut: quoted(p).stkaptOut,
            fee: quoted(p).fee,
          });
        }
        case "stake": {
          const p = await prepareStake(c, { amount: request.amount, slippageBps });
          return this.keep(p, {
            request,
            tokenIn: "kAPT",
            amountIn: request.amount,
            tokenOut: "stkAPT",
            amountOut: quoted(p).stkaptOut,
            fee: 0n,
          });
        }
        case "unstake": {
          const p = await prepareUnstake(c, { amount: request.amount, slippageBps });
          return this.keep(p, {
            request,
            tokenIn: "stkAPT",
            amountIn: request.amount,
            tokenOut: "kAPT",
            amountOut: quoted(p).kaptOut,
            fee: 0n,
          });
        }
        case "request_withdrawal": {
          if (request.from === "kAPT") {
            const p = await prepareRequestWithdrawal(c, { amount: request.amount });
            return this.keep(p, {
              request,
              tokenIn: "kAPT",
              amountIn: request.amount,
              tokenOut: "APT",
              amountOut: quoted(p).aptOut,
              fee: 0n,
              unlockAt: Number(quoted(p).unlockAt),
            });
          }
          const p = await prepareUnstakeAndRequestWithdrawal(c, { amount: request.amount, slippageBps });
          return this.keep(p, {
            request,
            tokenIn: "stkAPT",
            amountIn: request.amount,
            tokenOut: "APT",
            amountOut: quoted(p).aptOut,
            fee: 0n,
            unlockAt: Number(quoted(p).unlockAt),
          });
        }
        case "instant_exit": {
          const best = (await this.quoteInstant(request, options))[0];
          if (!best) throw { code: "simulation_failed", message: "No instant route for this amount." };
          return best;
        }
        case "claim": {
          const p = await prepareClaim(c, {
            tickets: request.tickets,
            ...(options.account ? { owner: options.account } : {}),
          });
          const out = p.quote?.aptOut ?? 0n;
          return this.keep(p, {
            request,
            tokenIn: "APT",
            amountIn: 0n,
            tokenOut: "APT",
            amountOut: out,
            fee: 0n,
          });
        }
      }
    } catch (e) {
      throw toKofiError(e, { kofiAddress: this.protocolAddress });
    }
  }

  /** A re-quote of the venue the user picked (its quote expired): the same venue, or a clear `quote_expired`. */
  private async quoteBuy(
    request: Extract<QuoteRequest, { action: "buy" }>,
    options: QuoteOptions,
  ): Promise<Quote> {
    const route = this.exitsFactory
      ? (await this.entryRoutes(request.amount, request.to, options)).find((r) => r.id === request.venue)
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
    const routed = this.exitsFactory ? await this.quoteThroughRouter(request, options) : [];
    const simple = await this.quoteThroughSwaps(request, options);
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
    if (!this.exitsFactory) return [];
    try {
      return await this.entryRoutes(request.amount, request.to, options);
    } catch (e) {
      throw toKofiError(e, { kofiAddress: this.protocolAddress });
    }
  }

  private venueContext(): Promise<{
    reader: ChainReader;
    tokens: KofiTokens;
    adapters: readonly SwapAdapter[];
  }> {
    const factory = this.exitsFactory;
    if (!factory) throw { code: "invalid_config", message: "No venue is configured." };
    this.exitContext ??= (async () => {
      const reader = chainReader(this.client.aptos);
      const tokens = await resolveKofiTokens(this.client);
      return { reader, tokens, adapters: factory({ reader, tokens }) };
    })().catch((e: unknown) => {
      this.exitContext = null;
      throw e;
    });
    return this.exitContext;
  }

  private async entryRoutes(
    amount: bigint,
    to: "kAPT" | "stkAPT",
    options: QuoteOptions,
  ): Promise<EntryRoute[]> {
    const ctx = await this.venueContext();
    const router = createEntryRouter({
      reader: ctx.reader,
      tokens: ctx.tokens,
      rates: kofiRateProvider(this.client),
      kofi: kofiVenueAdapter({ client: this.client, reader: ctx.reader, tokens: ctx.tokens }),
      adapters: ctx.adapters,
      timeoutMs: this.exitTimeoutMs,
      ...(options.account ? { sender: options.account as `0x${string}` } : {}),
    });
    const x = await router.getEntryOptions({
      token: to,
      amountApt: amount,
      slippageBps: options.slippageBps,
    });
    const name = (id: string) => ctx.adapters.find((a) => a.meta.id === id)?.meta.name ?? id;
    const routes: EntryRoute[] = [];
    for (const r of x.ranked) {
      if (r.adapterId === "kofi") continue;
      const adapter = ctx.adapters.find((a) => a.meta.id === r.adapterId);
      const base = {
        id: r.adapterId,
        venue: name(r.adapterId),
        tokenOut: to,
        amountOut: r.quote.amountOut,
        vsMintBps: r.vsMintBps === undefined ? null : Number(r.vsMintBps),
      };
      let quote: Quote | undefined;
      if (adapter && options.account) {
        try {
          const built = await adapter.buildPayload(r.quote, { recipient: options.account as `0x${string}` });
          this.swapFunctions.add(built.data.function);
          const q = r.quote;
          // The protocol value of what is bought, from the router's own reading of the rate (net value + gas).
          const fairOut = r.netValueApt + q.gas.octas;
          const aptAddress = normalizeAddress(ctx.tokens.APT);
          const feeIn = q.fees
            .filter((f) => normalizeAddress(f.token) === aptAddress)
            .reduce((sum, f) => sum + f.amount, 0n);
          quote = {
            request: { action: "buy", amount, to, venue: r.adapterId },
            tokenIn: "APT",
            amountIn: amount,
            tokenOut: to,
            amountOut: q.amountOut,
            minOut: built.minAmountOut,
            fee: 0n,
            payload: toEntryPayload(built.data),
            route: {
              venue: base.venue,
              priceImpactBps: Number(q.priceImpactBps),
              discountBps: amount > 0n ? Number(((amount - fairOut) * 10_000n) / amount) : 0,
              fairValueApt: fairOut,
              ...(feeIn > 0n ? { feeIn } : {}),
            },
            expiresAt: q.expiresAtMs,
          };
          this.prepared.set(quote, {
            kind: `buy:${r.adapterId}`,
            payload: built.data,
            quote: undefined,
            minOut: built.minAmountOut,
          });
        } catch {
          quote = undefined; // shown for comparison, not offered: its payload cannot be built
        }
      }
      routes.push(quote ? { ...base, quote } : base);
    }
    for (const v of x.venues) {
      if (v.adapterId === "kofi" || v.status === "ok" || v.status === "unsupported" || v.status === "skipped")
        continue;
      routes.push({
        id: v.adapterId,
        venue: name(v.adapterId),
        tokenOut: to,
        amountOut: 0n,
        vsMintBps: null,
        unavailable: v.status,
      });
    }
    return routes;
  }

  /** `@kofi/adapters` exit router: every venue in parallel at one ledger version; failures are skipped. */
  private async quoteThroughRouter(
    request: Extract<QuoteRequest, { action: "instant_exit" }>,
    options: QuoteOptions,
  ): Promise<Quote[]> {
    if (!this.exitsFactory) return [];
    let ctx: Awaited<NonNullable<typeof this.exitContext>>;
    try {
      ctx = await this.venueContext();
    } catch (e) {
      throw toKofiError(e, { kofiAddress: this.protocolAddress });
    }
    const router = createExitRouter({
      client: this.client,
      reader: ctx.reader,
      tokens: ctx.tokens,
      rates: kofiRateProvider(this.client),
      adapters: ctx.adapters,
      timeoutMs: this.exitTimeoutMs,
      ...(options.account ? { sender: options.account as `0x${string}` } : {}),
    });
    const x = await router.getExitOptions({
      token: request.from,
      amount: request.amount,
      slippageBps: options.slippageBps,
    });
    const out: Quote[] = [];
    for (const venue of x.ranked) {
      const adapter = ctx.adapters.find((a) => a.meta.id === venue.adapterId);
      if (!adapter) continue;
      try {
        const built = await adapter.buildPayload(
          venue.quote,
          options.account ? { recipient: options.account as `0x${string}` } : {},
        );
        this.swapFunctions.add(built.data.function);
        const q = venue.quote;
        const quote: Quote = {
          request,
          tokenIn: request.from,
          amountIn: request.amount,
          tokenOut: "APT",
          amountOut: q.amountOut,
          minOut: built.minAmountOut,
          fee: 0n,
          payload: toEntryPayload(built.data),
          route: {
            venue: adapter.meta.name,
            discountBps: Number(q.discountToFairBps ?? 0n),
            priceImpactBps: Number(q.priceImpactBps),
            fairValueApt: x.fairValueApt,
          },
          expiresAt: q.expiresAtMs,
        };
        this.prepared.set(quote, {
          kind: `swap:${adapter.meta.id}`,
          payload: built.data,
          quote: undefined,
          minOut: built.minAmountOut,
        });
        out.push(quote);
      } catch {
        // a venue whose payload cannot be built is not offered
      }
    }
    return out;
  }

  private async quoteThroughSwaps(
    request: Extract<QuoteRequest, { action: "instant_exit" }>,
    options: QuoteOptions,
  ): Promise<Quote[]> {
    const swaps = this.swaps.filter((s) => !s.networks || s.networks.includes(this.network));
    if (swaps.length === 0) return [];
    // Fair value: kAPT redeems 1:1 for APT; stkAPT at the vault rate.
    const fair =
      request.from === "kAPT" ? request.amount : (await quoteUnstake(this.client, request.amount)).kaptOut;
    const quotes = await Promise.all(
      swaps.map(async (swap): Promise<Quote | null> => {
        try {
          const { amountOut } = await swap.quote(this.client, {
            from: request.from,
            to: "APT",
            amountIn: request.amount,
          });
          if (amountOut <= 0n) return null;
          const minOut = minOutFromQuote(amountOut, options.slippageBps);
          const payload = await swap.buildSwap(this.client, {
            from: request.from,
            to: "APT",
            amountIn: request.amount,
            minAmountOut: minOut,
          });
          this.swapFunctions.add(payload.function);
          const discountBps = fair > amountOut ? Number(((fair - amountOut) * 10_000n) / fair) : 0;
          const quote: Quote = {
            request,
            tokenIn: request.from,
            amountIn: request.amount,
            tokenOut: "APT",
            amountOut,
            minOut,
            fee: 0n,
            payload: toEntryPayload(payload),
            route: { venue: swap.name, discountBps, fairValueApt: fair },
            expiresAt: Date.now() + Math.min(this.quoteTtlMs, 15_000),
          };
          this.prepared.set(quote, { kind: `swap:${swap.id}`, payload, quote: undefined, minOut });
          return quote;
        } catch {
          return null; // one venue failing is not an error: the others may still route
        }
      }),
    );
    return quotes.filter((q): q is Quote => q !== null);
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
        ? await this.boughtFromEvents(result.transaction, q.to)
        : q.action === "deposit"
          ? q.to === "stkAPT"
            ? r.stkaptMinted
            : r.kaptMinted
          : q.action === "stake"
            ? r.stkaptMinted
            : q.action === "unstake"
              ? r.kaptOut
              : q.action === "request_withdrawal"
                ? r.tickets.reduce((sum, t) => sum + t.aptAmount, 0n)
                : q.action === "claim"
                  ? r.aptClaimed
                  : undefined; // a DEX swap emits no Kofi event: the receipt shows the quote as expected
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

  /**
   * A buy emits no Kofi event: what the sender received is the net of the `0x1::fungible_asset` Deposit and
   * Withdraw events on the sender's primary store of the token bought (the chain's own record of the transfer).
   */
  private async boughtFromEvents(
    tx: { readonly sender: string; readonly events: readonly { type: string; data: unknown }[] },
    to: "kAPT" | "stkAPT",
  ): Promise<bigint | undefined> {
    const { tokens } = await this.venueContext();
    const store = normalizeAddress(primaryStoreAddress(tx.sender, tokens[to]));
    let net = 0n;
    let seen = false;
    for (const e of tx.events) {
      const deposit = e.type === "0x1::fungible_asset::Deposit";
      if (!deposit && e.type !== "0x1::fungible_asset::Withdraw") continue;
      const data = e.data as { store?: unknown; amount?: unknown };
      if (typeof data.store !== "string" || normalizeAddress(data.store) !== store) continue;
      const amount = BigInt(String(data.amount));
      net += deposit ? amount : -amount;
      seen = true;
    }
    return seen ? net : undefined;
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
