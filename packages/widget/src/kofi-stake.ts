/**
 * `<kofi-stake>`: the embeddable Kofi liquid staking widget.
 *
 * This module only declares the class (no `customElements.define`, no DOM access at import time);
 * `define.ts` registers the tag. Safe to import during SSR. The element's API (attributes, properties,
 * events, CSS custom properties and parts) is documented on the class, which is what
 * `custom-elements.json` is generated from (`npm run manifest -w @kofi/widget`).
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import { isAllowedFunction } from "./allowlist.ts";
import {
  checkAmount,
  DEFAULT_GAS_RESERVE,
  formatAmount,
  formatBps,
  formatRate,
  maxSpendable,
  parseAmount,
  toDecimalString,
} from "./amount.ts";
import { renderAmountField } from "./amount-field.ts";
import type {
  AccountInfo,
  ActionKind,
  BackendFactory,
  KofiBackend,
  KofiErrorLike,
  Position,
  ProtocolSummary,
  Quote,
  QuoteRequest,
  StageInfo,
  Token,
  TxStage,
} from "./backend.ts";
import { renderChoiceGroup } from "./choice-group.ts";
import { bestInstant, compareExits } from "./compare.ts";
import { formatCountdown, formatDate, formatDateWithZone } from "./countdown.ts";
import { renderError, renderNotice } from "./error-view.ts";
import { toKofiError, widgetError, withTimeout } from "./errors.ts";
import { amountsOf, type BeforeSubmit, emit, type KofiEventMap } from "./events.ts";
import { type ExitPath, renderExitOptions } from "./exit-options.ts";
import { canConfirm, type Flow, type FlowEvent, IDLE, isExpired, reduceFlow } from "./flow.ts";
import { intlLocale, isRtl, type Messages, messagesFor, translate } from "./i18n.ts";
import { clearPending, loadPending, savePending } from "./pending-store.ts";
import { renderQuote } from "./quote-view.ts";
import { defaultExplorer, renderPending, renderReceipt } from "./receipt-view.ts";
import { renderReview } from "./review.ts";
import { statusText } from "./status.ts";
import { styles as widgetStyles } from "./styles.ts";
import { renderFacts, renderPosition, renderProtocol } from "./summary-view.ts";
import { isTabId, renderTabs, TAB_IDS, type TabId, tabButtonId, tabPanelId } from "./tabs.ts";
import type { ViewContext } from "./view-context.ts";
import type { WalletPicker } from "./wallet-picker.ts";
import { renderWithdrawals } from "./withdrawals-view.ts";

export type Theme = "light" | "dark" | "system";

const REFRESH_MS = 30_000;
const REQUEST_TIMEOUT_MS = 15_000;
const QUOTE_DEBOUNCE_MS = 250;
const WALLET_EVENTS = ["connect", "disconnect", "accountChange", "networkChange"] as const;

let backendFactory: BackendFactory | null = null;

/** Registers how to build a backend from `network` / `node-url` when the host sets no `backend`. */
export function setBackendFactory(factory: BackendFactory | null): void {
  backendFactory = factory;
}

function sameNetwork(a: string, b: string): boolean {
  const norm = (n: string) => {
    const l = n.trim().toLowerCase();
    return l === "localnet" ? "local" : l;
  };
  return norm(a) === norm(b);
}

interface EventSource {
  on(event: string, fn: () => void): unknown;
  off(event: string, fn: () => void): unknown;
}

function isEventSource(x: unknown): x is EventSource {
  return (
    !!x &&
    typeof x === "object" &&
    typeof (x as EventSource).on === "function" &&
    typeof (x as EventSource).off === "function"
  );
}

/**
 * `<kofi-stake>`: stake APT, convert kAPT/stkAPT, unstake (standard vs instant), claim withdrawals, and see the
 * position. Every transaction is reviewed (entry function, amounts, simulation) before the wallet signs.
 *
 * @tag kofi-stake
 * @summary The embeddable Kofi liquid staking widget.
 *
 * @attr {string} network - Expected network (`mainnet`, `testnet`, `local`…); a wallet elsewhere shows `wrong_network`.
 * @attr {string} node-url - Fullnode URL for the built-in backend factory (and the built-in wallet picker).
 * @attr {string} kofi-address - Kofi package address (needed where Kofi has no preset, e.g. before mainnet launch).
 * @attr {"light" | "dark" | "system"} theme - Colour theme (default `light`).
 * @attr {string} locale - BCP 47 tag; bundled: en, fr, ar (RTL). Defaults to the page language.
 * @attr {"stake" | "convert" | "unstake" | "withdrawals" | "position"} default-tab - The tab shown first.
 * @attr {number} slippage-bps - Slippage tolerance for `minOut`, basis points (default 50).
 * @attr {number} max-discount-bps - Instant exits discounted more than this against fair value are blocked (default 300).
 * @attr {"built-in" | "none"} wallet-picker - Without a host `wallet`, Connect opens the built-in picker
 *   (`@aptos-labs/wallet-adapter-core`, loaded on that click; default `built-in`); `none` only fires
 *   `kofi-connect` `request` (so does a `request` listener that calls `preventDefault()`).
 * @attr {string} explorer-url - Explorer link for transaction hashes, with `{hash}` in it
 *   (e.g. `https://explorer.aptoslabs.com/txn/{hash}?network=mainnet`, the default on mainnet, testnet and
 *   devnet); `none` hides the link. A local chain has none unless set.
 * @attr {string} exits - Instant-exit venues the built-in backend quotes, by name: `hyperion`, `panora`
 *   (space-separated). For CDN pages that cannot pass `adapters`; `adapters` wins when both are set.
 * @attr {string} unstake-paths - Paths to offer, in order; the first is preselected: `standard instant` (default),
 *   `instant standard`, `standard` or `instant`.
 *
 * @prop {KofiBackend | undefined} backend - The chain access layer; unset: built from network / node-url / kofi-address.
 * @prop {unknown} wallet - A WalletCore, an AIP-62 wallet, a minimal signer or a ts-sdk Account; passed through untouched.
 * @prop {Partial<Messages> | undefined} strings - Host string overrides, merged over the locale.
 * @prop {BeforeSubmit | undefined} beforeSubmit - Called before every signature; return false to veto.
 * @prop {unknown} adapters - Instant-exit venues for the built-in backend (`@kofi/adapters`).
 *
 * @fires {CustomEvent<KofiTxDetail>} kofi-tx - Each stage of a transaction: `{ stage, action, hash?, amounts }`.
 * @fires {CustomEvent<KofiErrorDetail>} kofi-error - Every error shown: `{ code, message, action? }`.
 * @fires {CustomEvent<KofiConnectDetail>} kofi-connect - `{ phase: request | connected | disconnected, account? }`.
 * @fires {CustomEvent<KofiClaimableDetail>} kofi-claimable - Tickets became claimable: `{ tickets, totalApt }`.
 *
 * @cssprop --kofi-accent - Accent: primary buttons, selected tab, focus accents (light #5b4cdb, dark #a89cff)
 * @cssprop --kofi-accent-foreground - Text on the accent colour
 * @cssprop --kofi-background - Card background
 * @cssprop --kofi-surface - Raised surfaces: quote, review, options
 * @cssprop --kofi-foreground - Main text
 * @cssprop --kofi-muted - Secondary text (kept at 4.5:1 contrast or more on background and surface)
 * @cssprop --kofi-border - Borders and separators
 * @cssprop --kofi-danger - Errors (always with an icon and the word Error)
 * @cssprop --kofi-success - Success
 * @cssprop --kofi-warning - Warnings and notices
 * @cssprop --kofi-focus-ring - Keyboard focus outline
 * @cssprop --kofi-radius - Card radius (12px)
 * @cssprop --kofi-radius-small - Control radius (8px)
 * @cssprop --kofi-space - Base spacing (0.75rem)
 * @cssprop --kofi-shadow - Card shadow
 *
 * @csspart base - the card (carries dir and lang)
 * @csspart header - header row
 * @csspart title - the heading
 * @csspart account - the connected account
 * @csspart connect-button - Connect
 * @csspart connect-prompt - the connect a wallet hint
 * @csspart wallet-picker - the built-in wallet picker (no host wallet; loaded on Connect)
 * @csspart wallet-option - one wallet in the picker
 * @csspart picker-cancel - closes the picker
 * @csspart disconnect-button - disconnects a wallet connected through the picker
 * @csspart tablist - the tab list
 * @csspart tab - every tab
 * @csspart tab-selected - the selected tab
 * @csspart panel - the tab panel (also panel-<tab>)
 * @csspart choice-group - radio groups
 * @csspart choice - one radio choice
 * @csspart amount - amount field
 * @csspart amount-input - the text input
 * @csspart max-button - Max
 * @csspart balance - balance line
 * @csspart field-error - the amount problem
 * @csspart quote - quote summary
 * @csspart quote-loading - quote placeholder
 * @csspart exit-choice - standard vs instant
 * @csspart exit-options - the two options
 * @csspart exit-option - one option (also exit-option-standard, exit-option-instant)
 * @csspart exit-blocked - instant blocked by max discount
 * @csspart exit-difference - difference in APT
 * @csspart tickets - withdrawal list
 * @csspart tickets-empty - no tickets
 * @csspart ticket - one ticket
 * @csspart ticket-ready - a claimable ticket
 * @csspart claim-button - Claim
 * @csspart summary - position tab
 * @csspart position - the users position
 * @csspart protocol - protocol facts
 * @csspart section-title - section headings
 * @csspart review - review panel
 * @csspart review-details - what will be signed
 * @csspart entry-function - the entry function
 * @csspart simulation - simulation result
 * @csspart review-button - Review
 * @csspart confirm-button - Confirm
 * @csspart back-button - Back
 * @csspart status - the aria-live status region
 * @csspart error - an error (role=alert)
 * @csspart notice - a notice
 * @csspart retry-button - Retry
 * @csspart success - the success panel
 * @csspart done-button - Done
 * @csspart button - every button
 * @csspart primary-button - every main action button
 */
export class KofiStakeElement extends LitElement {
  static override styles = widgetStyles;

  static override properties = {
    network: { type: String, reflect: true },
    nodeUrl: { type: String, attribute: "node-url" },
    kofiAddress: { type: String, attribute: "kofi-address" },
    adapters: { attribute: false },
    theme: { type: String, reflect: true },
    locale: { type: String },
    defaultTab: { type: String, attribute: "default-tab" },
    slippageBps: { type: Number, attribute: "slippage-bps" },
    maxDiscountBps: { type: Number, attribute: "max-discount-bps" },
    unstakePaths: { type: String, attribute: "unstake-paths" },
    walletPicker: { type: String, attribute: "wallet-picker" },
    explorerUrl: { type: String, attribute: "explorer-url" },
    exits: { type: String },
    backend: { attribute: false },
    wallet: { attribute: false },
    strings: { attribute: false },
    beforeSubmit: { attribute: false },
    _tab: { state: true },
    _amountText: { state: true },
    _stakeTo: { state: true },
    _convertFrom: { state: true },
    _unstakeFrom: { state: true },
    _exitPath: { state: true },
    _protocol: { state: true },
    _position: { state: true },
    _account: { state: true },
    _loadError: { state: true },
    _quote: { state: true },
    _instant: { state: true },
    _quoteLoading: { state: true },
    _quoteError: { state: true },
    _flow: { state: true },
    _now: { state: true },
    _connecting: { state: true },
    _recovering: { state: true },
    _picker: { state: true },
    _pickerWallet: { state: true },
  };

  /** Expected network; the wallet must be on it. */
  declare network: string;
  declare nodeUrl: string | undefined;
  declare kofiAddress: string | undefined;
  /**
   * Instant-exit venues for the built-in backend: `@kofi/adapters` SwapAdapters, or
   * `({ reader, tokens }) => [hyperionAdapter({ reader, tokens })]`.
   */
  declare adapters:
    | readonly unknown[]
    | ((context: { reader: unknown; tokens: unknown }) => readonly unknown[])
    | undefined;
  declare theme: Theme;
  declare locale: string | undefined;
  declare defaultTab: TabId | undefined;
  declare slippageBps: number;
  declare maxDiscountBps: number;
  declare unstakePaths: string;
  /** Explorer URL template with `{hash}`; `none` hides links. Default: the Aptos explorer on public networks. */
  declare explorerUrl: string | undefined;
  /** Instant-exit venues by name for the built-in backend (`hyperion panora`). */
  declare exits: string | undefined;
  /** `built-in` (default) or `none`: what Connect does when the host gave no `wallet`. */
  declare walletPicker: "built-in" | "none";
  /** The chain access layer. When unset, one is built with the registered factory. */
  declare backend: KofiBackend | undefined;
  /** A WalletCore, an AIP-62 wallet or a minimal signer; passed through untouched. */
  declare wallet: unknown;
  /** Host string overrides, merged over the locale's messages. */
  declare strings: Partial<Messages> | undefined;
  /** Called before every signature; return false to veto. */
  declare beforeSubmit: BeforeSubmit | undefined;

  declare _tab: TabId;
  declare _amountText: string;
  declare _stakeTo: "kAPT" | "stkAPT";
  declare _convertFrom: "kAPT" | "stkAPT";
  declare _unstakeFrom: "kAPT" | "stkAPT";
  declare _exitPath: ExitPath;
  declare _protocol: ProtocolSummary | null;
  declare _position: Position | null;
  declare _account: AccountInfo | null;
  declare _loadError: KofiErrorLike | null;
  declare _quote: Quote | null;
  declare _instant: readonly Quote[];
  declare _quoteLoading: boolean;
  declare _quoteError: KofiErrorLike | null;
  declare _flow: Flow;
  declare _now: number;
  declare _connecting: boolean;
  declare _recovering: boolean;
  /** The open built-in picker: loading, or the detected wallets. */
  declare _picker: {
    loading: boolean;
    wallets: readonly { name: string; icon: string; web?: boolean }[];
  } | null;
  /** The WalletCore the user connected through the built-in picker (never set when the host gives `wallet`). */
  declare _pickerWallet: unknown;

  private factoryBackend: KofiBackend | null = null;
  private picker: WalletPicker | null = null;
  private ctx: ViewContext = makeContext("en", undefined);
  private loadAbort: AbortController | null = null;
  private quoteAbort: AbortController | null = null;
  private flowAbort: AbortController | null = null;
  private quoteTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private lastRefresh = 0;
  private notifiedReady = new Set<string>();
  private lastLoadErrorCode: string | null = null;
  private loadedOnce = false;
  private refreshQueued = false;
  private focusInside = false;
  private focusOwedByPending = false;
  private subscribedWallet: EventSource | null = null;
  private readonly onWalletEvent = () => void this.refresh();

  constructor() {
    super();
    this.network = "mainnet";
    this.theme = "light";
    this.slippageBps = 50;
    this.maxDiscountBps = 300;
    this.unstakePaths = "standard instant";
    this._tab = "stake";
    this._amountText = "";
    this._stakeTo = "stkAPT";
    this._convertFrom = "kAPT";
    this._unstakeFrom = "stkAPT";
    this._exitPath = "standard";
    this._protocol = null;
    this._position = null;
    this._account = null;
    this._loadError = null;
    this._quote = null;
    this._instant = [];
    this._quoteLoading = false;
    this._quoteError = null;
    this._flow = IDLE;
    this._now = 0;
    this._connecting = false;
    this._recovering = false;
    this.walletPicker = "built-in";
    this._picker = null;
    this._pickerWallet = null;
  }

  // ---------------------------------------------------------------- public API

  /** Fills the amount field: octas as a bigint, or a decimal string as a user would type it. */
  setAmount(value: bigint | string): void {
    if (this._flow.phase === "pending") return; // never under a pending signature
    this._amountText = typeof value === "bigint" ? toDecimalString(value) : value;
    this.scheduleQuote();
  }

  /** Switches tab (ignored while a transaction is in flight). */
  setTab(tab: TabId): void {
    if (!isTabId(tab) || this._flow.phase === "pending") return;
    this.selectTab(tab);
  }

  /**
   * Coalesces the refreshes that configuration changes ask for: a host that sets `node-url`, `kofi-address`
   * and `wallet` in one task gets one round of reads for the final configuration, not one per property.
   */
  private requestRefresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    setTimeout(() => {
      this.refreshQueued = false;
      if (this.isConnected) void this.refresh();
    }, 0);
  }

  /** Re-reads the protocol, the account and its position, then re-quotes. */
  async refresh(): Promise<void> {
    const backend = this.activeBackend;
    if (!backend) {
      this._loadError = widgetError("no_backend");
      if (this.lastLoadErrorCode !== "no_backend") this.emitError(this._loadError);
      this.lastLoadErrorCode = "no_backend";
      return;
    }
    this.loadAbort?.abort();
    const ac = new AbortController();
    this.loadAbort = ac;
    this.lastRefresh = Date.now();
    try {
      const [protocol, account] = await Promise.all([
        withTimeout(backend.getProtocol(ac.signal), REQUEST_TIMEOUT_MS, "getProtocol"),
        this.activeWallet
          ? withTimeout(backend.getAccount(this.activeWallet), REQUEST_TIMEOUT_MS, "getAccount")
          : null,
      ]);
      if (ac.signal.aborted) return;
      this._protocol = protocol;
      this.setAccount(account);
      this._position = account
        ? await withTimeout(
            backend.getPosition(account.address, ac.signal),
            REQUEST_TIMEOUT_MS,
            "getPosition",
          )
        : null;
      if (ac.signal.aborted) return;
      this._loadError = null;
      this.lastLoadErrorCode = null;
      this._now = Date.now();
      this.checkClaimable();
      this.syncTick();
    } catch (e) {
      if (ac.signal.aborted) return;
      const err = toKofiError(e);
      this._loadError = err;
      if (err.code !== this.lastLoadErrorCode) this.emitError(err);
      this.lastLoadErrorCode = err.code;
    }
    this.scheduleQuote();
  }

  // ---------------------------------------------------------------- lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.refreshTimer = setInterval(() => {
      if (typeof document !== "undefined" && document.visibilityState === "hidden") return;
      if (this._flow.phase === "pending") return;
      void this.refresh();
    }, REFRESH_MS);
    if (this.hasUpdated) {
      this.subscribeWallet();
      void this.refresh();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.refreshTimer);
    clearInterval(this.tickTimer);
    this.tickTimer = undefined;
    clearTimeout(this.quoteTimer);
    this.loadAbort?.abort();
    this.quoteAbort?.abort();
    this.unsubscribeWallet();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before the render removes the focused control: was focus inside the widget?
    this.focusInside = this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== null;
    if (changed.has("locale") || changed.has("strings") || !this.hasUpdated) {
      const tag =
        this.locale || (typeof document !== "undefined" ? document.documentElement.lang : "") || undefined;
      this.ctx = makeContext(tag, this.strings);
    }
    if (changed.has("defaultTab") && isTabId(this.defaultTab) && this._flow.phase !== "pending") {
      this._tab = this.defaultTab;
    }
    if (changed.has("unstakePaths")) this._exitPath = this.exitPaths[0] ?? "standard";
  }

  protected override updated(changed: PropertyValues<this>): void {
    const backendChanged =
      changed.has("backend") ||
      (!this.backend &&
        (changed.has("network") ||
          changed.has("nodeUrl") ||
          changed.has("kofiAddress") ||
          changed.has("adapters") ||
          changed.has("exits")));
    if (backendChanged && !this.backend && backendFactory) {
      this.factoryBackend = backendFactory({
        network: this.network,
        ...(this.nodeUrl ? { nodeUrl: this.nodeUrl } : {}),
        ...(this.kofiAddress ? { kofiAddress: this.kofiAddress } : {}),
        ...(this.adapters ? { adapters: this.adapters } : {}),
        ...(!this.adapters && this.exits?.trim() ? { exitNames: this.exits.trim().split(/[\s,]+/) } : {}),
      });
    }
    const walletChanged = changed.has("wallet") || changed.has("_pickerWallet");
    if (walletChanged) this.subscribeWallet();
    if (changed.has("_flow")) this.moveFocus(changed.get("_flow") as Flow | undefined);
    if (backendChanged || walletChanged || !this.loadedOnce) {
      this.loadedOnce = true;
      this.requestRefresh();
    } else if (changed.has("slippageBps") || changed.has("maxDiscountBps") || changed.has("unstakePaths")) {
      this.scheduleQuote();
    }
  }

  // ---------------------------------------------------------------- derived state

  /** The host's wallet, passed through; else the one connected with the built-in picker. */
  private get activeWallet(): unknown {
    return this.wallet ?? this._pickerWallet ?? undefined;
  }

  /** The explorer URL template in effect, or null (none set on a local chain, or `explorer-url="none"`). */
  private get explorer(): string | null {
    const set = this.explorerUrl?.trim();
    if (set) return set === "none" ? null : set;
    return defaultExplorer(this.activeBackend?.network ?? this.network);
  }

  private get activeBackend(): KofiBackend | null {
    return this.backend ?? this.factoryBackend;
  }

  private get exitPaths(): ExitPath[] {
    // In the host's order: the first one is preselected.
    const paths: ExitPath[] = [];
    for (const token of (this.unstakePaths ?? "").split(/[\s,]+/))
      if ((token === "standard" || token === "instant") && !paths.includes(token)) paths.push(token);
    return paths.length ? paths : ["standard", "instant"];
  }

  private get inputToken(): Token {
    switch (this._tab) {
      case "stake":
        return "APT";
      case "convert":
        return this._convertFrom;
      default:
        return this._unstakeFrom;
    }
  }

  private balanceOf(token: Token): bigint | undefined {
    const p = this._position;
    if (!p) return undefined;
    return token === "APT" ? p.apt : token === "kAPT" ? p.kapt : p.stkapt;
  }

  private get minimum(): bigint | undefined {
    if (this._tab === "stake") return this._protocol?.minDeposit;
    if (this._tab === "unstake" && this._unstakeFrom === "kAPT" && this._exitPath === "standard")
      return this._protocol?.minWithdrawal;
    return undefined;
  }

  private get amountState() {
    const token = this.inputToken;
    const parsed = parseAmount(this._amountText, this.ctx.locale);
    const balance = this.balanceOf(token);
    const gasReserve = token === "APT" ? DEFAULT_GAS_RESERVE : undefined;
    const limits = {
      ...(balance !== undefined ? { balance } : {}),
      ...(this.minimum !== undefined ? { minimum: this.minimum } : {}),
      ...(gasReserve !== undefined ? { gasReserve } : {}),
    };
    const issue = parsed.ok ? checkAmount(parsed.value, limits) : null;
    return {
      token,
      parsed,
      balance,
      issue,
      max: balance === undefined ? undefined : maxSpendable(balance, gasReserve),
    };
  }

  private get pausedKey(): "deposit" | "stake" | "unstake" | "withdraw" | null {
    const paused = this._protocol?.paused;
    if (!paused) return null;
    switch (this._tab) {
      case "stake":
        if (paused.deposit) return "deposit";
        return this._stakeTo === "stkAPT" && paused.stake ? "stake" : null;
      case "convert":
        if (this._convertFrom === "kAPT") return paused.stake ? "stake" : null;
        return paused.unstake ? "unstake" : null;
      case "unstake":
        if (this._exitPath !== "standard") return null;
        if (paused.withdraw) return "withdraw";
        return this._unstakeFrom === "stkAPT" && paused.unstake ? "unstake" : null;
      default:
        return null;
    }
  }

  private get wrongNetwork(): { actual: string; expected: string } | null {
    const account = this._account;
    const backend = this.activeBackend;
    const expected = backend?.network ?? this.network;
    if (!account) return null;
    if (account.chainId !== undefined && backend?.chainId !== undefined) {
      if (account.chainId === backend.chainId) return null;
      return { actual: account.network ?? `chain ${account.chainId}`, expected };
    }
    const actual = account.network;
    if (!actual || !expected || sameNetwork(actual, expected)) return null;
    return { actual, expected };
  }

  /** The quote the primary button would review, per tab. */
  private get selectedQuote(): Quote | null {
    if (this._tab !== "unstake") return this._quote;
    if (this._exitPath === "standard") return this._quote;
    return bestInstant(this._instant, this.maxDiscountBps) ?? null;
  }

  // ---------------------------------------------------------------- data

  private setAccount(account: AccountInfo | null): void {
    const before = this._account?.address ?? null;
    const after = account?.address ?? null;
    this._account = account;
    if (before === after) return;
    this.notifiedReady.clear();
    if (account) {
      emit(this, "kofi-connect", { phase: "connected", account });
      void this.recoverPending(account.address);
    } else {
      emit(this, "kofi-connect", { phase: "disconnected" });
    }
  }

  private subscribeWallet(): void {
    this.unsubscribeWallet();
    const wallet = this.activeWallet;
    if (isEventSource(wallet)) {
      for (const name of WALLET_EVENTS) wallet.on(name, this.onWalletEvent);
      this.subscribedWallet = wallet;
    }
  }

  private unsubscribeWallet(): void {
    const w = this.subscribedWallet;
    if (!w) return;
    for (const name of WALLET_EVENTS) w.off(name, this.onWalletEvent);
    this.subscribedWallet = null;
  }

  private checkClaimable(): void {
    const ready = (this._position?.tickets ?? []).filter((t) => t.ready && !this.notifiedReady.has(t.id));
    if (ready.length === 0) return;
    for (const t of ready) this.notifiedReady.add(t.id);
    emit(this, "kofi-claimable", {
      tickets: ready.map((t) => t.id),
      totalApt: ready.reduce((sum, t) => sum + t.aptAmount, 0n),
    });
  }

  /** Ticks every second while a ticket is counting down; refreshes when one reaches its unlock time. */
  private syncTick(): void {
    const waiting = (this._position?.tickets ?? []).some((t) => !t.ready);
    if (waiting && this.tickTimer === undefined && this.isConnected) {
      this.tickTimer = setInterval(() => {
        this._now = Date.now();
        const due = (this._position?.tickets ?? []).some((t) => !t.ready && t.unlockAt * 1000 <= this._now);
        if (due && this._now - this.lastRefresh > REFRESH_MS && this._flow.phase !== "pending")
          void this.refresh();
      }, 1000);
    } else if (!waiting && this.tickTimer !== undefined) {
      clearInterval(this.tickTimer);
      this.tickTimer = undefined;
    }
  }

  private currentRequest(): QuoteRequest | null {
    if (this._tab === "withdrawals" || this._tab === "position") return null;
    const parsed = parseAmount(this._amountText, this.ctx.locale);
    if (!parsed.ok || parsed.value <= 0n) return null;
    // An amount the field already refuses (over the balance, into the gas reserve, below the minimum) is never
    // quoted: the chain would refuse it too, and two contradictory errors (plus a 400) helped nobody.
    if (this.amountState.issue !== null) return null;
    const amount = parsed.value;
    if (this._tab === "stake") return { action: "stake", amount, to: this._stakeTo };
    if (this._tab === "convert") return { action: "convert", amount, from: this._convertFrom };
    return { action: "unstake_standard", amount, from: this._unstakeFrom };
  }

  private scheduleQuote(): void {
    clearTimeout(this.quoteTimer);
    this.quoteAbort?.abort();
    this._quoteLoading = this.currentRequest() !== null && this.activeBackend !== null;
    this.quoteTimer = setTimeout(() => void this.fetchQuotes(), QUOTE_DEBOUNCE_MS);
  }

  private async fetchQuotes(): Promise<void> {
    const backend = this.activeBackend;
    const request = this.currentRequest();
    if (!backend || !request) {
      this._quote = null;
      this._instant = [];
      this._quoteError = null;
      this._quoteLoading = false;
      return;
    }
    const ac = new AbortController();
    this.quoteAbort = ac;
    const options = {
      slippageBps: this.slippageBps,
      signal: ac.signal,
      ...(this._account ? { account: this._account.address } : {}),
    };
    this._quoteLoading = true;
    try {
      if (request.action === "unstake_standard") {
        const paths = this.exitPaths;
        const [standard, instant] = await Promise.all([
          paths.includes("standard")
            ? withTimeout(backend.quote(request, options), REQUEST_TIMEOUT_MS, "quote")
            : Promise.resolve(null),
          paths.includes("instant")
            ? withTimeout(
                backend.quoteInstant(
                  { action: "unstake_instant", amount: request.amount, from: request.from },
                  options,
                ),
                REQUEST_TIMEOUT_MS,
                "quoteInstant",
              ).catch(() => [] as Quote[]) // no route is not an error: the card says so
            : Promise.resolve([] as Quote[]),
        ]);
        if (ac.signal.aborted) return;
        this._quote = standard;
        this._instant = instant;
      } else {
        const quote = await withTimeout(backend.quote(request, options), REQUEST_TIMEOUT_MS, "quote");
        if (ac.signal.aborted) return;
        this._quote = quote;
        this._instant = [];
      }
      this._quoteError = null;
    } catch (e) {
      if (ac.signal.aborted) return;
      this._quote = null;
      this._instant = [];
      this._quoteError = toKofiError(e);
      this.emitError(this._quoteError);
    } finally {
      if (!ac.signal.aborted) this._quoteLoading = false;
    }
  }

  // ---------------------------------------------------------------- transaction flow

  private dispatch(event: FlowEvent): void {
    this._flow = reduceFlow(this._flow, event);
  }

  private emitError(error: KofiErrorLike, action?: ActionKind): void {
    emit(this, "kofi-error", {
      code: error.code,
      message: error.message,
      ...(action ? { action } : {}),
      ...(error.cause !== undefined ? { cause: error.cause } : {}),
    });
  }

  private emitTx(stage: TxStage, quote: Quote, hash?: string): void {
    emit(this, "kofi-tx", {
      stage,
      action: quote.request.action,
      amounts: amountsOf(quote),
      ...(hash ? { hash } : {}),
    });
  }

  private fail(error: KofiErrorLike, quote?: Quote): void {
    this.dispatch({ type: "failed", error });
    if (quote) this.emitTx("failed", quote);
    this.emitError(error, quote?.request.action);
  }

  /** Pre-checks, opens the review panel and simulates. */
  private async review(quote: Quote): Promise<void> {
    const backend = this.activeBackend;
    const account = this._account;
    if (!backend) return this.fail(widgetError("no_backend"), quote);
    if (!account) return this.fail(widgetError("not_connected"), quote);
    const wrong = this.wrongNetwork;
    if (wrong) return this.fail(widgetError("wrong_network", `wallet on ${wrong.actual}`), quote);
    if (!isAllowedFunction(quote.payload.function, backend.protocolAddress, backend.allowedFunctions))
      return this.fail(widgetError("not_allowed", quote.payload.function), quote);
    this.dispatch({ type: "review", quote });
    await this.simulateCurrent();
  }

  private async simulateCurrent(): Promise<void> {
    const backend = this.activeBackend;
    const flow = this._flow;
    if (!backend || !this._account || flow.phase !== "review") return;
    this.flowAbort?.abort();
    const ac = new AbortController();
    this.flowAbort = ac;
    this.emitTx("simulate", flow.quote);
    try {
      const simulation = await withTimeout(
        backend.simulate(flow.quote, {
          account: this._account.address,
          wallet: this.activeWallet,
          signal: ac.signal,
        }),
        REQUEST_TIMEOUT_MS,
        "simulate",
      );
      if (ac.signal.aborted) return;
      this.dispatch({ type: "simulated", simulation });
      if (!simulation.success)
        this.emitError(simulation.error ?? widgetError("simulation_failed"), flow.quote.request.action);
    } catch (e) {
      if (!ac.signal.aborted) this.fail(toKofiError(e), flow.quote);
    }
  }

  private async confirm(): Promise<void> {
    const backend = this.activeBackend;
    const account = this._account;
    const flow = this._flow;
    if (!backend || !account || !canConfirm(flow) || flow.phase !== "review") return;
    let quote = flow.quote;
    try {
      if (isExpired(quote, Date.now())) {
        this.dispatch({ type: "stage", stage: "quote" });
        this.emitTx("quote", quote);
        const fresh = await withTimeout(
          backend.quote(quote.request, { slippageBps: this.slippageBps, account: account.address }),
          REQUEST_TIMEOUT_MS,
          "quote",
        );
        this.dispatch({ type: "requoted", quote: fresh });
        if (this._flow.phase === "review") {
          // Worse than what the user saw: show both and ask again.
          await this.simulateCurrent();
          return;
        }
        quote = fresh;
      }
      if (!isAllowedFunction(quote.payload.function, backend.protocolAddress, backend.allowedFunctions))
        return this.fail(widgetError("not_allowed", quote.payload.function), quote);
      if (this.beforeSubmit) {
        const verdict = await this.beforeSubmit({
          action: quote.request.action,
          account: account.address,
          quote,
        });
        if (verdict === false) return this.fail(widgetError("vetoed"), quote);
      }
      let lastStage: TxStage | null = null;
      const onStage = (info: StageInfo) => {
        if (info.stage === "failed" || info.stage === lastStage) return;
        lastStage = info.stage;
        this.dispatch(
          info.hash
            ? { type: "stage", stage: info.stage, hash: info.hash }
            : { type: "stage", stage: info.stage },
        );
        this.emitTx(info.stage, quote, info.hash);
        if (info.stage === "submitted" && info.hash)
          savePending(account.address, {
            hash: info.hash,
            action: quote.request.action,
            amounts: amountsOf(quote),
          });
      };
      if (this._flow.phase !== "pending") onStage({ stage: "sign" });
      const result = await backend.submit({ quote, wallet: this.activeWallet, onStage });
      if (lastStage !== "confirmed") onStage({ stage: "confirmed", hash: result.hash });
      this.dispatch({
        type: "succeeded",
        hash: result.hash,
        ...(result.amountOut !== undefined ? { amountOut: result.amountOut } : {}),
        ...(result.tickets ? { tickets: result.tickets } : {}),
      });
      clearPending(account.address);
      this._amountText = "";
      void this.refresh();
    } catch (e) {
      clearPending(account.address);
      this.fail(toKofiError(e), quote);
      void this.refresh();
    }
  }

  /** After a reload: a transaction this tab submitted is still pending; wait for its outcome. */
  private async recoverPending(address: string): Promise<void> {
    const backend = this.activeBackend;
    const pending = loadPending(address);
    if (!pending || !backend?.waitForTransaction) return;
    this._recovering = true;
    const base = { action: pending.action, amounts: pending.amounts, hash: pending.hash };
    try {
      const { success } = await backend.waitForTransaction(pending.hash);
      emit(this, "kofi-tx", { ...base, stage: success ? "confirmed" : "failed" });
      if (!success)
        this.emitError(widgetError("move_abort", `transaction ${pending.hash} failed`), pending.action);
    } catch (e) {
      this.emitError(toKofiError(e), pending.action);
    } finally {
      clearPending(address);
      this._recovering = false;
      void this.refresh();
    }
  }

  private async connectWallet(): Promise<void> {
    const backend = this.activeBackend;
    if (!this.wallet) {
      // No host wallet: tell the host (it may open its own modal and cancel), else the built-in picker.
      const proceed = emit(this, "kofi-connect", { phase: "request" }, { cancelable: true });
      if (proceed && this.walletPicker !== "none") await this.openPicker();
      return;
    }
    if (!backend?.connect) {
      emit(this, "kofi-connect", { phase: "request" });
      return;
    }
    this._connecting = true;
    try {
      const account = await withTimeout(backend.connect(this.wallet), 60_000, "connect");
      if (!account) {
        emit(this, "kofi-connect", { phase: "request" });
        return;
      }
      this.setAccount(account);
      await this.refresh();
    } catch (e) {
      const err = toKofiError(e);
      this._loadError = err;
      this.emitError(err);
    } finally {
      this._connecting = false;
    }
  }

  /** Loads wallet-adapter-core (first time only) and lists the detected wallets. */
  private async openPicker(): Promise<void> {
    this._picker = { loading: true, wallets: [] };
    try {
      if (!this.picker) {
        const { createWalletPicker } = await import("./wallet-picker.ts");
        const picker = createWalletPicker({
          network: this.activeBackend?.network ?? this.network,
          ...(this.nodeUrl ? { nodeUrl: this.nodeUrl } : {}),
        });
        picker.onChange(() => {
          if (this._picker) this._picker = { loading: false, wallets: picker.wallets() };
        });
        this.picker = picker;
      }
      this._picker = { loading: false, wallets: this.picker.wallets() };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("[part~=wallet-option], [part~=picker-cancel]")?.focus();
    } catch (e) {
      this._picker = null;
      this.emitError(toKofiError(e));
    }
  }

  private closePicker(): void {
    this._picker = null;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>("[part~=connect-button]")?.focus(),
    );
  }

  private async pickWallet(name: string): Promise<void> {
    const picker = this.picker;
    if (!picker) return;
    this._connecting = true;
    try {
      const core = await withTimeout(picker.connect(name), 120_000, "connect");
      this._picker = null;
      this._pickerWallet = core;
    } catch (e) {
      const err = toKofiError(e);
      this._loadError = err;
      this.emitError(err);
    } finally {
      this._connecting = false;
    }
  }

  private async disconnectPicked(): Promise<void> {
    try {
      await this.picker?.disconnect();
    } catch {
      // already gone
    }
    this._pickerWallet = null;
  }

  /**
   * Keeps keyboard users in place as the panel changes: into the review, onto the outcome, and back to
   * the action button when the review closes. Only when focus was inside the widget.
   */
  private moveFocus(before: Flow | undefined): void {
    const root = this.renderRoot;
    if (!(root instanceof ShadowRoot) || !before || before.phase === this._flow.phase) return;
    // While pending nothing is focusable in the panel: remember to land focus on the outcome.
    const inside = this.focusInside || this.focusOwedByPending;
    this.focusOwedByPending = inside && this._flow.phase === "pending";
    if (!inside) return;
    const candidates: Record<Flow["phase"], readonly string[]> = {
      review: ["#kofi-review-title"],
      success: ["[part~=done-button]"],
      error: ["[part~=back-button]"],
      // A disabled button cannot take focus (after Done the amount is cleared): then the amount field.
      idle: [
        "[part~=review-button]:not([disabled])",
        "[part~=amount-input]",
        "[part~=claim-button]:not([disabled])",
        "[role=tab][aria-selected=true]",
      ],
      pending: [],
    };
    for (const selector of candidates[this._flow.phase]) {
      const target = root.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
  }

  private selectTab(tab: TabId): void {
    // Nothing changes under a pending signature: the tabs stay put until the wallet answers.
    if (tab === this._tab || this._flow.phase === "pending") return;
    const tokenBefore = this.inputToken;
    this._tab = tab;
    // An amount means nothing in another unit: 85 stkAPT must not become 85 APT.
    if (this.inputToken !== tokenBefore) this._amountText = "";
    this.dispatch({ type: "reset" });
    this._quote = null;
    this._instant = [];
    this._quoteError = null;
    this.scheduleQuote();
    void this.updateComplete.then(() => {
      const button = this.renderRoot.querySelector<HTMLElement>(`#${tabButtonId(tab)}`);
      if (
        button &&
        this.renderRoot instanceof ShadowRoot &&
        this.renderRoot.activeElement?.getAttribute("role") === "tab"
      )
        button.focus();
    });
  }

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    const ctx = this.ctx;
    return html`<div
      part="base"
      lang=${ctx.locale}
      dir=${ctx.rtl ? "rtl" : "ltr"}
      role="group"
      aria-label=${ctx.t("widget.label")}
    >
      ${this.renderHeader()}
      ${renderTabs(ctx, TAB_IDS, this._tab, (tab) => this.selectTab(tab))}
      <div part="panel panel-${this._tab}" role="tabpanel" id=${tabPanelId(this._tab)} aria-labelledby=${tabButtonId(this._tab)}>
        ${this.renderPanel()}
      </div>
      ${this.renderStatus()}
    </div>`;
  }

  private renderStatus(): TemplateResult {
    const text = statusText(this.ctx, this._flow, this._recovering);
    return html`<div part="status" role="status" aria-live="polite" aria-atomic="true" ?data-empty=${text === ""}>
      ${text}
    </div>`;
  }

  private renderHeader(): TemplateResult {
    const ctx = this.ctx;
    const account = this._account;
    return html`<div part="header">
      <h2 part="title">${ctx.t("widget.label")}</h2>
      ${
        account
          ? html`<span part="account">${ctx.t("wallet.connected", { address: shortAddress(account.address) })}</span>
              ${
                !this.wallet && this._pickerWallet
                  ? html`<button part="disconnect-button button" type="button" @click=${() => void this.disconnectPicked()}>
                      ${ctx.t("wallet.disconnect")}
                    </button>`
                  : nothing
              }`
          : html`<button
              part="connect-button button"
              type="button"
              ?disabled=${this._connecting}
              @click=${() => void this.connectWallet()}
            >
              ${ctx.t(this._connecting ? "wallet.connecting" : "wallet.connect")}
            </button>`
      }
    </div>`;
  }

  private renderPicker(picker: NonNullable<KofiStakeElement["_picker"]>): TemplateResult {
    const ctx = this.ctx;
    return html`<div part="wallet-picker" role="group" aria-labelledby="kofi-picker-title">
      <h3 id="kofi-picker-title" part="section-title">${ctx.t("wallet.choose")}</h3>
      ${
        picker.loading
          ? html`<p class="hint">${ctx.t("wallet.loading")}</p>`
          : picker.wallets.length === 0
            ? html`<p part="no-wallet" class="hint">${ctx.t("wallet.none")}</p>`
            : html`${
                picker.wallets.every((w) => w.web)
                  ? html`<p part="no-wallet" class="hint">${ctx.t("wallet.noExtension")}</p>`
                  : nothing
              }<ul class="wallets">
                ${picker.wallets.map(
                  (w) => html`<li>
                    <button
                      part="wallet-option button"
                      type="button"
                      ?disabled=${this._connecting}
                      @click=${() => void this.pickWallet(w.name)}
                    >
                      <img src=${w.icon} alt="" width="24" height="24" />${w.name}
                    </button>
                  </li>`,
                )}
              </ul>`
      }
      <div class="actions">
        <button part="picker-cancel back-button button" type="button" @click=${() => this.closePicker()}>
          ${ctx.t("action.cancel")}
        </button>
      </div>
    </div>`;
  }

  private renderPanel(): TemplateResult | typeof nothing {
    const ctx = this.ctx;
    const flow = this._flow;
    if (this._picker && !this._account) return this.renderPicker(this._picker);
    if (flow.phase === "review")
      return renderReview(ctx, {
        quote: flow.quote,
        simulation: flow.simulation,
        ...(flow.previous ? { previous: flow.previous } : {}),
        canConfirm: canConfirm(flow),
        onConfirm: () => void this.confirm(),
        onBack: () => this.dispatch({ type: "reset" }),
      });
    if (flow.phase === "error") {
      const wrong = this.wrongNetwork;
      return html`${renderError(ctx, flow.error, {
        params: { actual: wrong?.actual ?? "?", expected: wrong?.expected ?? this.network },
      })}
        <div class="actions">
          <button part="back-button button" type="button" @click=${() => this.dispatch({ type: "reset" })}>
            ${ctx.t("action.back")}
          </button>
        </div>`;
    }
    if (flow.phase === "pending")
      return renderPending(ctx, {
        quote: flow.quote,
        stage: flow.stage,
        explorer: this.explorer,
        ...(flow.hash ? { hash: flow.hash } : {}),
      });
    if (flow.phase === "success")
      return renderReceipt(ctx, {
        quote: flow.quote,
        hash: flow.hash,
        explorer: this.explorer,
        ...(flow.amountOut !== undefined ? { amountOut: flow.amountOut } : {}),
        ...(flow.tickets ? { tickets: flow.tickets } : {}),
        onDone: () => this.dispatch({ type: "reset" }),
      });
    return html`${this.renderLoadProblems()}${this.renderTabContent()}`;
  }

  private renderLoadProblems(): TemplateResult | typeof nothing {
    const ctx = this.ctx;
    const parts: TemplateResult[] = [];
    if (this._loadError)
      parts.push(
        renderError(ctx, this._loadError, {
          onRetry: () => void this.refresh(),
          params: { actual: "?", expected: this.network },
        }),
      );
    const wrong = this.wrongNetwork;
    if (wrong)
      parts.push(
        renderError(ctx, widgetError("wrong_network"), {
          params: { actual: wrong.actual, expected: wrong.expected },
        }),
      );
    return parts.length ? html`${parts}` : nothing;
  }

  private renderTabContent(): TemplateResult | typeof nothing {
    const ctx = this.ctx;
    switch (this._tab) {
      case "withdrawals":
        if (!this._account) return this.renderConnectPrompt();
        return renderWithdrawals(ctx, {
          tickets: this._position?.tickets ?? [],
          nowMs: this._now || Date.now(),
          busy: false,
          onClaim: (tickets) => void this.reviewClaim(tickets.map((t) => t.id)),
        });
      case "position":
        return html`${this._account ? renderPosition(ctx, this._position) : this.renderConnectPrompt()}
        ${renderProtocol(ctx, this._protocol, this._loadError === null)}`;
      default:
        return this.renderAmountTab();
    }
  }

  private renderConnectPrompt(): TemplateResult {
    return html`<p part="connect-prompt" class="hint">${this.ctx.t("wallet.needed")}</p>`;
  }

  private renderAmountTab(): TemplateResult {
    const ctx = this.ctx;
    const s = this.amountState;
    const paused = this.pausedKey;
    const choice =
      this._tab === "stake"
        ? renderChoiceGroup(
            "kofi-stake-to",
            ctx.t("stake.receive"),
            [
              { value: "stkAPT", label: ctx.t("stake.toStkapt") },
              { value: "kAPT", label: ctx.t("stake.toKapt") },
            ],
            this._stakeTo,
            (v) => {
              this._stakeTo = v;
              this.scheduleQuote();
            },
          )
        : this._tab === "convert"
          ? renderChoiceGroup(
              "kofi-convert-from",
              ctx.t("convert.direction"),
              [
                { value: "kAPT", label: ctx.t("convert.toStkapt") },
                { value: "stkAPT", label: ctx.t("convert.toKapt") },
              ],
              this._convertFrom,
              (v) => {
                this._convertFrom = v;
                this._amountText = ""; // the unit changed
                this.scheduleQuote();
              },
            )
          : renderChoiceGroup(
              "kofi-unstake-from",
              ctx.t("unstake.from"),
              [
                { value: "stkAPT", label: "stkAPT" },
                { value: "kAPT", label: "kAPT" },
              ],
              this._unstakeFrom,
              (v) => {
                this._unstakeFrom = v;
                this._amountText = ""; // the unit changed
                this.scheduleQuote();
              },
            );
    const field = renderAmountField(ctx, {
      id: `kofi-amount-${this._tab}`,
      token: s.token,
      text: this._amountText,
      parsed: s.parsed,
      issue: s.issue,
      disabled: this._flow.phase === "pending",
      ...(s.balance !== undefined ? { balance: s.balance } : {}),
      ...(s.max !== undefined ? { max: s.max } : {}),
      onInput: (text) => {
        this._amountText = text;
        this.scheduleQuote();
      },
      onMax: () => {
        if (s.max !== undefined) this.setAmount(s.max);
      },
    });
    const quote = this.selectedQuote;
    const rate = this._protocol?.rate;
    const body =
      this._tab === "unstake"
        ? this.renderExitComparison()
        : renderQuote(ctx, this._quote, this._quoteLoading, rate);
    const blocked =
      !this._account ||
      !s.parsed.ok ||
      s.issue !== null ||
      !quote ||
      this._quoteLoading ||
      paused !== null ||
      this.wrongNetwork !== null ||
      (this._tab === "unstake" && this._exitPath === "instant" && this.isInstantBlocked());
    return html`${this._tab === "stake" ? renderFacts(ctx, this._protocol, this._loadError === null) : nothing}
      ${choice}
      ${paused ? renderNotice(ctx.t(`paused.${paused}`), "paused") : nothing} ${field} ${body}
      ${this._quoteError ? renderError(ctx, this._quoteError, { onRetry: () => this.scheduleQuote() }) : nothing}
      ${
        this._account
          ? html`<button
              part="review-button primary-button"
              type="button"
              ?disabled=${blocked}
              @click=${() => quote && void this.review(quote)}
            >
              ${ctx.t("action.review")}
            </button>`
          : html`<button part="connect-button primary-button" type="button" @click=${() => void this.connectWallet()}>
              ${ctx.t("wallet.connect")}
            </button>`
      }`;
  }

  private isInstantBlocked(): boolean {
    const instant = bestInstant(this._instant, this.maxDiscountBps);
    return !instant || (instant.route?.discountBps ?? 0) > this.maxDiscountBps;
  }

  private renderExitComparison(): TemplateResult {
    const standard = this._quote;
    const instant = bestInstant(this._instant, this.maxDiscountBps) ?? null;
    const nowSecs = this._protocol?.nowSecs ?? Math.floor(Date.now() / 1000);
    const comparison =
      standard && instant ? compareExits(standard, instant, this.maxDiscountBps, nowSecs) : null;
    const instantOnlyBlocked =
      !standard && instant ? (instant.route?.discountBps ?? 0) > this.maxDiscountBps : false;
    return renderExitOptions(this.ctx, {
      paths: this.exitPaths,
      selected: this._exitPath,
      standard,
      instant,
      comparison:
        comparison ??
        (instantOnlyBlocked
          ? { differenceApt: 0n, differenceBps: 0, annualisedBps: null, instantBlocked: true }
          : null),
      maxDiscountBps: this.maxDiscountBps,
      loading: this._quoteLoading,
      empty: this.currentRequest() === null,
      standardPaused: !!this._protocol?.paused.withdraw,
      onSelect: (path) => {
        this._exitPath = path;
      },
    });
  }

  private async reviewClaim(tickets: readonly string[]): Promise<void> {
    const backend = this.activeBackend;
    if (!backend || tickets.length === 0) return;
    try {
      const quote = await withTimeout(
        backend.quote(
          { action: "claim", tickets },
          { slippageBps: this.slippageBps, ...(this._account ? { account: this._account.address } : {}) },
        ),
        REQUEST_TIMEOUT_MS,
        "quote",
      );
      await this.review(quote);
    } catch (e) {
      this.fail(toKofiError(e));
    }
  }
}

function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

function makeContext(tag: string | undefined, overrides: Partial<Messages> | undefined): ViewContext {
  const locale = intlLocale(tag);
  const messages = messagesFor(locale, overrides);
  return {
    locale,
    rtl: isRtl(locale),
    t: (key, params) => translate(messages, key, params),
    amount: (value, digits = 4) => formatAmount(value, locale, { maxFractionDigits: digits }),
    tokenAmount: (value, token, digits = 4) =>
      `${formatAmount(value, locale, { maxFractionDigits: digits })} ${token}`,
    bps: (value) => formatBps(value, locale),
    date: (secs) => formatDate(secs, locale),
    dateWithZone: (secs) => formatDateWithZone(secs, locale),
    rate: (rate) => formatRate(rate, locale),
    countdown: (secs) => formatCountdown(secs, locale, translate(messages, "time.now")),
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "kofi-stake": KofiStakeElement;
  }
  interface HTMLElementEventMap extends KofiEventMap {}
}
