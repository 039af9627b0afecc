/**
 * The lean transaction path (issue 14): a `KofiBackend` over plain `fetch` for a host that set `node-url` and
 * `kofi-address` and signs with an AIP-62 wallet (or a minimal `{ address, signAndSubmitTransaction }`).
 * Reads, quotes and receipts come from the chain's views and events, the simulation is BCS-encoded with
 * `@mysten/bcs`, and the wallet builds the transaction from the payload. The ts-sdk is never loaded on it.
 *
 * Everything else goes to the SDK backend (`full`, loaded on first use): a WalletCore (the built-in picker), a
 * ts-sdk `Account`, an AIP-62 wallet whose signing feature is version 1.0.0 (it takes a built transaction), a
 * host `sponsor` (fee payer), and instant-exit venues (the factory does not pick this backend with adapters).
 */
import type {
  AccountInfo,
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
} from "../backend.ts";
import { readProtocolLean } from "../lean-read.ts";
import { longAddress } from "./bcs.ts";
import { senderKeyOf } from "./key.ts";
import type { NodeTarget } from "./node.ts";
import { readPositionLean } from "./position.ts";
import { quoteLean } from "./quote.ts";
import { simulateLean } from "./simulate.ts";
import { submitLean } from "./submit.ts";
import { waitLean } from "./wait.ts";
import { accountInfo, connectWallet, leanWalletKind, walletAccount } from "./wallet.ts";

/** Chain ids of the networks that have one fixed (as `@kofi/core`'s presets). */
const CHAIN_IDS: Readonly<Record<string, number>> = { mainnet: 1, testnet: 2, local: 4, localnet: 4 };

export interface LeanBackendOptions {
  readonly network: string;
  readonly nodeUrl: string;
  readonly kofiAddress: string;
  /** The SDK backend, for what the lean path does not serve. */
  readonly full: () => Promise<KofiBackend>;
  readonly quoteTtlMs?: number;
}

export class LeanBackend implements KofiBackend {
  readonly network: string;
  readonly chainId: number | undefined;
  readonly nodeUrl: string;
  readonly protocolAddress: string;
  private readonly target: NodeTarget;
  private readonly full: () => Promise<KofiBackend>;
  private readonly ttlMs: number;
  /** The wallet last seen by `getAccount` / `connect`: quotes for another kind of wallet come from `full`. */
  private wallet: unknown = null;
  private fullBackend: KofiBackend | null = null;
  /** Quotes made here (signed here), with their options; any other quote was made by `full`. */
  private readonly mine = new WeakMap<Quote, QuoteOptions>();
  /** A host `sponsor` is honoured: such a transaction goes to the SDK backend (fee payer), see `sponsored`. */
  readonly sponsorship = true;

  constructor(options: LeanBackendOptions) {
    this.network = options.network === "localnet" ? "local" : options.network;
    this.chainId = CHAIN_IDS[options.network];
    this.nodeUrl = options.nodeUrl.replace(/\/+$/, "");
    this.protocolAddress = longAddress(options.kofiAddress);
    this.target = { nodeUrl: this.nodeUrl, kofiAddress: this.protocolAddress };
    this.ttlMs = options.quoteTtlMs ?? 30_000;
    this.full = async () => {
      this.fullBackend ??= await options.full();
      return this.fullBackend;
    };
  }

  get allowedFunctions(): readonly string[] {
    return this.fullBackend?.allowedFunctions ?? [];
  }

  private lean(wallet: unknown): boolean {
    return !wallet || leanWalletKind(wallet) !== null;
  }

  getProtocol(signal?: AbortSignal): Promise<ProtocolSummary> {
    return readProtocolLean(this.nodeUrl, this.protocolAddress, signal);
  }

  getPosition(address: string, signal?: AbortSignal): Promise<Position> {
    return readPositionLean(this.target, address, signal);
  }

  async getAccount(wallet: unknown): Promise<AccountInfo | null> {
    this.wallet = wallet;
    if (!wallet) return null;
    if (!this.lean(wallet)) return (await this.full()).getAccount(wallet);
    const account = await walletAccount(wallet);
    return account ? accountInfo(account) : null;
  }

  async connect(wallet: unknown): Promise<AccountInfo | null> {
    this.wallet = wallet;
    if (!this.lean(wallet)) {
      const full = await this.full();
      return full.connect ? full.connect(wallet) : null;
    }
    if (leanWalletKind(wallet) !== "aip62") return null; // the host connects a minimal signer
    await connectWallet(wallet);
    return this.getAccount(wallet);
  }

  async quote(request: QuoteRequest, options: QuoteOptions): Promise<Quote> {
    if (!this.lean(this.wallet)) return (await this.full()).quote(request, options);
    const quote = await quoteLean(this.target, request, options, this.ttlMs);
    this.mine.set(quote, options);
    return quote;
  }

  async quoteInstant(
    request: Extract<QuoteRequest, { action: "instant_exit" }>,
    options: QuoteOptions,
  ): Promise<readonly Quote[]> {
    // No venue is configured when this backend is chosen; a WalletCore's backend has none either.
    if (!this.lean(this.wallet)) return (await this.full()).quoteInstant(request, options);
    return [];
  }

  /**
   * A sponsored transaction (the host's `sponsor` pays the gas: a fee-payer transaction) is built by the SDK
   * backend. It quotes again there and goes on only when the payload is the one the user reviewed.
   */
  private async sponsored(quote: Quote): Promise<{ full: KofiBackend; quote: Quote }> {
    const full = await this.full();
    const again = await full.quote(quote.request, this.mine.get(quote) ?? { slippageBps: 50 });
    const same = (p: Quote["payload"]) =>
      JSON.stringify(p, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    if (same(again.payload) !== same(quote.payload))
      throw { code: "quote_expired", message: "The price moved since the review; review the new quote." };
    return { full, quote: again };
  }

  async simulate(quote: Quote, options: SimulateOptions): Promise<Simulation> {
    if ((options as { sponsor?: unknown }).sponsor && this.mine.has(quote)) {
      const s = await this.sponsored(quote);
      return s.full.simulate(s.quote, options);
    }
    if (!this.mine.has(quote) || !this.lean(options.wallet))
      return (await this.full()).simulate(quote, options);
    const account = await walletAccount(options.wallet);
    const key = senderKeyOf(account?.publicKey);
    // No key from the wallet: the node cannot simulate for it; the wallet shows its own preview (as the SDK path).
    if (!key) return { success: true, skipped: true, gasUsed: 0n, gasUnitPrice: 0n, feeOctas: 0n };
    return simulateLean(this.target, {
      sender: longAddress(options.account),
      payload: quote.payload,
      key,
      chainId: this.chainId,
      signal: options.signal,
    });
  }

  async submit(request: SubmitRequest): Promise<SubmitResult> {
    if ((request as { sponsor?: unknown }).sponsor && this.mine.has(request.quote)) {
      const s = await this.sponsored(request.quote);
      return s.full.submit({ ...request, quote: s.quote });
    }
    if (!this.mine.has(request.quote) || !this.lean(request.wallet))
      return (await this.full()).submit(request);
    return submitLean({ ...this.target, chainId: this.chainId }, request);
  }

  async waitForTransaction(hash: string, signal?: AbortSignal): Promise<{ success: boolean }> {
    try {
      await waitLean(this.target, hash, 30, signal);
      return { success: true };
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "network" || code === "timeout") throw e;
      return { success: false };
    }
  }
}

export function createLeanBackend(options: LeanBackendOptions): LeanBackend {
  return new LeanBackend(options);
}
