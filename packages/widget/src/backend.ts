/**
 * What `<kofi-stake>` needs from the chain, and nothing more.
 *
 * The widget never talks to a node, a wallet or a DEX itself: it calls a `KofiBackend`. The production
 * implementation is a thin file over `@kofi/core` (`backend-core.ts`); stories use an in-memory fixture.
 * Amounts are `bigint` octas (8 decimals) everywhere. Times on chain are unix seconds (`number`).
 */
import type { KofiErrorCode as CoreErrorCode, Sponsor } from "@kofi/core";

/** The three tokens the widget moves. All have 8 decimals. */
export type Token = "APT" | "kAPT" | "stkAPT";

/** A ratio of two integers, e.g. the vault rate: kAPT per stkAPT = numerator / denominator. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The codes only the widget raises (the field, the review, the signing allowlist, its configuration). */
export type WidgetErrorCode =
  | "below_minimum"
  | "too_many_decimals"
  | "slippage"
  | "quote_expired"
  | "quote_worsened"
  | "vetoed"
  | "not_allowed"
  | "no_backend"
  | "not_connected";

/**
 * Error codes: one list, `KofiErrorCode` of `@kofi/core` (every code an SDK call throws; a type-only import, no
 * bundle cost), plus the widget's own. Unknown strings from a newer SDK are kept as they come.
 */
export type KofiErrorCode = CoreErrorCode | WidgetErrorCode | (string & {});

/** The shape of every error the widget shows or emits. `KofiError` from `@kofi/core` satisfies it. */
export interface KofiErrorLike {
  readonly code: KofiErrorCode;
  readonly message: string;
  /** Set for `move_abort`: the module and reason, e.g. `gateway::E_BELOW_MIN_DEPOSIT`. */
  readonly abort?: { readonly module?: string; readonly name?: string; readonly code?: number };
  readonly cause?: unknown;
}

/** Why there is no APR to show (see `protocolApr` in `@kofi/core`). */
export type AprUnavailableReason =
  | "not_enough_history"
  | "no_rewards_yet"
  | "stream_ended"
  | "catch_up"
  | (string & {});

/** The APR as the widget shows it: a figure, or the reason there is none yet. Never an implausible figure. */
export type AprView =
  | { readonly status: "available"; readonly bps: number }
  | { readonly status: "unavailable"; readonly reason: AprUnavailableReason };

/** Pausable actions, as in `config::paused`. */
export interface PauseFlags {
  readonly deposit: boolean;
  readonly stake: boolean;
  readonly unstake: boolean;
  readonly withdraw: boolean;
}

/** The read-only protocol view (from `gateway::protocol_state`). */
export interface ProtocolSummary {
  /** kAPT per stkAPT; only ever rises. */
  readonly rate: Fraction;
  /**
   * APR in basis points (e.g. 712 = 7.12 %), or `null` when there is none to show: then `apr` says why.
   * @deprecated Read `apr`, which carries the reason when there is no figure.
   */
  readonly aprBps: number | null;
  /** The APR to show, or why there is none yet (from `protocolApr` in `@kofi/core`). */
  readonly apr?: AprView;
  /** Protocol fee on rewards, in basis points. */
  readonly feeBps: number;
  readonly paused: PauseFlags;
  /** The network's lockup duration (about 14 days on mainnet). */
  readonly lockupSecs: number;
  readonly minDeposit: bigint;
  readonly minWithdrawal: bigint;
  readonly totalStakedApt: bigint;
  /** Chain time of the read, unix seconds. */
  readonly nowSecs: number;
}

/** A withdrawal ticket (from `gateway::user_summary`). */
export interface Ticket {
  /** The ticket object's address. */
  readonly id: string;
  readonly aptAmount: bigint;
  readonly kaptBurned: bigint;
  readonly requestedAt: number;
  /** Estimated unlock, unix seconds. Readiness is decided on chain: trust `ready`. */
  readonly unlockAt: number;
  readonly ready: boolean;
}

/** The connected account's position (one `gateway::user_summary` view call). */
export interface Position {
  readonly address: string;
  readonly apt: bigint;
  readonly kapt: bigint;
  readonly stkapt: bigint;
  /** What the stkAPT is worth in kAPT at the current rate. */
  readonly stkaptValueKapt: bigint;
  readonly tickets: readonly Ticket[];
  readonly nowSecs: number;
}

/**
 * What the user can do; also the `action` of `kofi-tx` and `kofi-error` events. The Move's verbs
 * (`gateway::deposit`, `stake`, `unstake`, `request_withdrawal`, `claim`), plus `instant_exit` for a sale on a
 * venue (no Kofi entry function):
 * - `deposit`: APT to kAPT, or to stkAPT (`deposit_and_stake`), the Stake tab.
 * - `stake` / `unstake`: kAPT to stkAPT / stkAPT to kAPT, the Convert tab.
 * - `request_withdrawal`: kAPT (or stkAPT, `unstake_and_request_withdrawal`) to a ticket, standard unstake.
 * - `instant_exit`: kAPT or stkAPT sold for APT now on a venue, instant unstake.
 * - `buy`: APT swapped for kAPT or stkAPT on a venue (no Kofi entry function, nothing minted), the Stake tab's
 *   entry route when the user picks a venue over minting (issue 15).
 * - `claim`: ready tickets to APT.
 */
export type ActionKind =
  | "deposit"
  | "stake"
  | "unstake"
  | "request_withdrawal"
  | "instant_exit"
  | "buy"
  | "claim";

/**
 * The action names before 0.2, where `stake` meant deposit and `convert` meant stake or unstake.
 * @deprecated Read `action` (`ActionKind`); `legacyAction` on events goes away in the next release.
 */
export type LegacyActionKind = "stake" | "convert" | "unstake_standard" | "unstake_instant" | "claim";

const LEGACY_ACTION: Readonly<Record<ActionKind, LegacyActionKind>> = {
  deposit: "stake",
  stake: "convert",
  unstake: "convert",
  request_withdrawal: "unstake_standard",
  instant_exit: "unstake_instant",
  // No pre-0.2 name: a buy came after. Its tab was `stake` then (APT in, kAPT / stkAPT out).
  buy: "stake",
  claim: "claim",
};

/** @deprecated The pre-0.2 name of an action, for `legacyAction` on events during one release. */
export function legacyActionOf(action: ActionKind): LegacyActionKind {
  return LEGACY_ACTION[action];
}

/** What the widget asks a quote for. */
export type QuoteRequest =
  | { readonly action: "deposit"; readonly amount: bigint; readonly to: "kAPT" | "stkAPT" }
  | { readonly action: "stake"; readonly amount: bigint }
  | { readonly action: "unstake"; readonly amount: bigint }
  | { readonly action: "request_withdrawal"; readonly amount: bigint; readonly from: "kAPT" | "stkAPT" }
  | { readonly action: "instant_exit"; readonly amount: bigint; readonly from: "kAPT" | "stkAPT" }
  /** Buying the deposit's token on the venue `venue` (its adapter id) instead of minting it. */
  | {
      readonly action: "buy";
      readonly amount: bigint;
      readonly to: "kAPT" | "stkAPT";
      readonly venue: string;
    }
  | { readonly action: "claim"; readonly tickets: readonly string[] };

/** Options shared by every quote call. */
export interface QuoteOptions {
  /** Tolerance used to compute `minOut`, basis points. */
  readonly slippageBps: number;
  /** The account, when connected (needed for claim quotes and DEX routes). */
  readonly account?: string;
  readonly signal?: AbortSignal;
}

/** An entry function call, shown verbatim in the review panel before signing. */
export interface EntryPayload {
  /** `0xaddr::module::function` */
  readonly function: string;
  readonly typeArguments: readonly string[];
  readonly functionArguments: readonly (string | bigint | boolean | readonly string[])[];
}

/** Extra facts for a venue route: a DEX exit (`instant_exit`) or a buy (`buy`). */
export interface InstantRoute {
  /** Human name of the venue or aggregator route, e.g. "Panora". */
  readonly venue: string;
  /** Price impact of the trade itself, when the venue reports it. */
  readonly priceImpactBps?: number;
  /**
   * Exit: discount of `amountOut` against the fair (redemption) value, basis points. Buy: what the APT paid
   * loses against the protocol value of the tokens bought (negative: bought below that value).
   */
  readonly discountBps: number;
  /** Exit: APT the same input is worth at the protocol's rate. Buy: the protocol value of `amountOut` in APT. */
  readonly fairValueApt: bigint;
  /** The venue's own fees, in `tokenIn` octas, as the adapter lists them (already taken out of `amountOut`). */
  readonly feeIn?: bigint;
}

/** A priced, ready-to-sign action. */
export interface Quote {
  readonly request: QuoteRequest;
  readonly tokenIn: Token;
  readonly amountIn: bigint;
  readonly tokenOut: Token;
  readonly amountOut: bigint;
  /** `amountOut` less the slippage tolerance; what the payload enforces on chain. */
  readonly minOut: bigint;
  /** Protocol fee taken, in `tokenIn` octas (0 for most actions). */
  readonly fee: bigint;
  readonly payload: EntryPayload;
  /** Standard unstake: estimated unlock time, unix seconds. */
  readonly unlockAt?: number;
  /** Instant exit: the route. */
  readonly route?: InstantRoute;
  /** When the price stops being good, ms since epoch. Absent: re-quote before signing anyway. */
  readonly expiresAt?: number;
}

/**
 * Buying kAPT / stkAPT on a venue instead of minting it, as the Stake (deposit) tab compares them (the entry
 * router of `@kofi/adapters`, issue 15). The user may pick it: `quote` is then what Review signs.
 */
export interface EntryRoute {
  /** The venue's adapter id, e.g. `hyperion` (what a `buy` request names). */
  readonly id?: string;
  /** Human name of the venue, e.g. "Hyperion". */
  readonly venue: string;
  readonly tokenOut: "kAPT" | "stkAPT";
  /** What the same APT buys there. */
  readonly amountOut: bigint;
  /** Against minting, in bps of the mint's value net of gas: positive when buying gives more. */
  readonly vsMintBps: number | null;
  /** The signable buy (`action: "buy"`), when the venue's payload could be built (a connected account). */
  readonly quote?: Quote;
  /** The venue gave no quote this time (`amountOut` is then 0): timed out, failed or no route. */
  readonly unavailable?: "timeout" | "error" | "no-route";
}

/** Result of simulating a quote's payload for the account. */
export interface Simulation {
  readonly success: boolean;
  /** The node could not simulate without the wallet's public key; the wallet shows its own preview. */
  readonly skipped?: boolean;
  readonly gasUsed: bigint;
  readonly gasUnitPrice: bigint;
  /** gasUsed × gasUnitPrice, APT octas. */
  readonly feeOctas: bigint;
  /** What the simulation says the user receives, in `quote.tokenOut`. */
  readonly amountOut?: bigint;
  readonly error?: KofiErrorLike;
}

/** Stages of one transaction, as `execute` in `@kofi/core` reports them. */
export type TxStage = "quote" | "simulate" | "sign" | "submitted" | "confirmed" | "failed";

export interface StageInfo {
  readonly stage: TxStage;
  readonly hash?: string;
  readonly error?: KofiErrorLike;
}

export interface SubmitRequest {
  readonly quote: Quote;
  /** Whatever the host put in `wallet`: a WalletCore, an AIP-62 wallet or a minimal signer. */
  readonly wallet: unknown;
  readonly onStage: (info: StageInfo) => void;
  readonly signal?: AbortSignal;
  /** The host's `sponsor`: it pays the gas (a fee payer transaction); only for backends with `sponsorship`. */
  readonly sponsor?: Sponsor;
}

/** A withdrawal ticket the transaction created (its receipt shows the id and the unlock date). */
export interface ReceiptTicket {
  readonly id: string;
  readonly aptAmount: bigint;
  /** Unix seconds. */
  readonly unlockAt: number;
}

export interface SubmitResult {
  readonly hash: string;
  /** Amount actually received, from the transaction's events, when known. */
  readonly amountOut?: bigint;
  /** Tickets created (standard unstake), from the transaction's events. */
  readonly tickets?: readonly ReceiptTicket[];
}

/** The account a wallet is connected with. */
export interface AccountInfo {
  readonly address: string;
  /** Network name as the wallet reports it (`mainnet`, `testnet`, `local`, …). */
  readonly network?: string;
  /** Chain id as the wallet reports it; compared first when both sides know one. */
  readonly chainId?: number;
}

export interface SimulateOptions {
  /** The sender. */
  readonly account: string;
  /** The wallet, for its public key. */
  readonly wallet: unknown;
  readonly signal?: AbortSignal;
  /** Simulate the transaction as the host's `sponsor` will pay it (the fee is the sponsor's). */
  readonly sponsor?: Sponsor;
}

/** Everything the widget needs. Every method may throw a `KofiErrorLike` (or anything; it is normalised). */
export interface KofiBackend {
  /** The network this backend reads and writes, for the wrong-network check. */
  readonly network: string;
  /** The chain id of that network, when fixed (1 mainnet, 2 testnet, 4 local). */
  readonly chainId?: number;
  /**
   * The fullnode this backend talks to, when known. The built-in wallet picker points AptosConnect at it
   * (otherwise, on `local` or a custom network, AptosConnect would query a default node that is not the host's).
   */
  readonly nodeUrl?: string;
  /** Entry functions the widget may ask a wallet to sign (besides Kofi's own gateway functions). */
  readonly allowedFunctions?: readonly string[];
  /** The Kofi package address (for the signing allowlist). */
  readonly protocolAddress: string;
  /**
   * The backend honours `sponsor` in `simulate` and `submit` (the sponsor pays the gas). Without it the widget
   * refuses to sign while a sponsor is set, rather than let the user pay a fee the review says the site pays.
   */
  readonly sponsorship?: boolean;

  getProtocol(signal?: AbortSignal): Promise<ProtocolSummary>;
  getPosition(address: string, signal?: AbortSignal): Promise<Position>;
  /** The account of a wallet, or null when it is not connected. */
  getAccount(wallet: unknown): Promise<AccountInfo | null>;
  /**
   * Asks the wallet to connect (only called after the user pressed Connect). Resolves null when this kind
   * of wallet is connected by the host: the widget then fires `kofi-connect` with phase `request`.
   */
  connect?(wallet: unknown): Promise<AccountInfo | null>;

  quote(request: QuoteRequest, options: QuoteOptions): Promise<Quote>;
  /** All instant (DEX) exit options, best first. Empty when no route exists. */
  quoteInstant(
    request: Extract<QuoteRequest, { action: "instant_exit" }>,
    options: QuoteOptions,
  ): Promise<readonly Quote[]>;
  /** Buying the deposit's token on venues, compared with minting it (empty when no venue is configured). */
  quoteEntry?(
    request: Extract<QuoteRequest, { action: "deposit" }>,
    options: QuoteOptions,
  ): Promise<readonly EntryRoute[]>;
  simulate(quote: Quote, options: SimulateOptions): Promise<Simulation>;
  submit(request: SubmitRequest): Promise<SubmitResult>;
  /** Waits for a known hash (a page reloaded while a transaction was pending). */
  waitForTransaction?(hash: string, signal?: AbortSignal): Promise<{ success: boolean }>;
}

/** Creates a backend from the element's `network` / `node-url`; `backend-core.ts` registers one. */
export type BackendFactory = (options: {
  network: string;
  nodeUrl?: string;
  kofiAddress?: string;
  /**
   * Instant-exit venues (`SwapAdapter`s from `@kofi/adapters`), or a function building them from the
   * backend's `{ reader, tokens }`.
   */
  adapters?: readonly unknown[] | ((context: { reader: unknown; tokens: unknown }) => readonly unknown[]);
  /** Venues by name (the `exits` attribute, for CDN pages): `hyperion` (`EXIT_VENUES` in backend-core.ts). */
  exitNames?: readonly string[];
}) => KofiBackend;
