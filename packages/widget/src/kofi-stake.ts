/**
 * `<kofi-stake>`: the embeddable Kofi liquid staking widget.
 *
 * This module only declares the class (no `customElements.define`, no DOM access at import time);
 * `define.ts` registers the tag. Safe to import during SSR. The element's API (attributes, properties,
 * events, CSS custom properties and parts) is documented on the class, which is what
 * `custom-elements.json` is generated from (`npm run manifest -w @kofi/widget`).
 */
import type { Sponsor } from "@kofi/core";
import { html, LitElement, type PropertyValues, type TemplateResult } from "lit";
import { toDecimalString } from "./amount.ts";
import { type AmountState, amountState } from "./amount-state.ts";
import { renderAmountTab } from "./amount-tab-view.ts";
import type { BackendFactory, KofiBackend, Quote, QuoteRequest, Token } from "./backend.ts";
import { bestInstant } from "./compare.ts";
import { ChainController } from "./controllers/chain-controller.ts";
import type { StakeHost } from "./controllers/host.ts";
import { QuoteController } from "./controllers/quote-controller.ts";
import { TransactionController } from "./controllers/transaction-controller.ts";
import { WalletController } from "./controllers/wallet-controller.ts";
import type { BeforeSubmit, KofiEventMap } from "./events.ts";
import { type ExitPath, renderExitComparison } from "./exit-options.ts";
import {
  type FormChoices,
  inputToken,
  minimumAmount,
  type PausedAction,
  parseExitPaths,
  pausedAction,
} from "./form-rules.ts";
import { isLocaleLoaded, loadLocale, type Messages } from "./i18n.ts";
import { type WrongNetwork, wrongNetwork } from "./network-match.ts";
import { renderAccountTab, renderPanel, renderStatus } from "./panel-view.ts";
import { defaultExplorer } from "./receipt-view.ts";
import { styles as widgetStyles } from "./styles.ts";
import { renderTabs, resolveTab, TAB_IDS, type TabId, tabButtonId, tabPanelId } from "./tabs.ts";
import { makeContext, type ViewContext } from "./view-context.ts";
import { renderHeader } from "./wallet-view.ts";

export type Theme = "light" | "dark" | "system";

let backendFactory: BackendFactory | null = null;

/** Registers how to build a backend from `network` / `node-url` when the host sets no `backend`. */
export function setBackendFactory(factory: BackendFactory | null): void {
  backendFactory = factory;
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
 * @attr {"deposit" | "stake" | "unstake" | "withdrawals" | "position"} default-tab - The tab shown first, by the Move's
 *   verbs: `deposit` (labelled Stake: APT in), `stake` (labelled Convert: kAPT and stkAPT), `unstake` (back to APT).
 *   `convert` is a deprecated alias of `stake` (console warning; removed in the next release). Before 0.2 `stake`
 *   meant the deposit tab: write `deposit`.
 * @attr {number} slippage-bps - Slippage tolerance for `minOut`, basis points (default 50).
 * @attr {number} max-discount-bps - Instant exits discounted more than this against fair value are blocked (default 300).
 * @attr {"built-in" | "none"} wallet-picker - Without a host `wallet`, Connect opens the built-in picker
 *   (`@aptos-labs/wallet-adapter-core`, loaded on that click; default `built-in`); `none` only fires
 *   `kofi-connect` `request` (so does a `request` listener that calls `preventDefault()`).
 * @attr {string} explorer-url - Explorer link for transaction hashes, with `{hash}` in it
 *   (e.g. `https://explorer.aptoslabs.com/txn/{hash}?network=mainnet`, the default on mainnet, testnet and
 *   devnet); `none` hides the link. A local chain has none unless set.
 * @attr {string} exits - Instant-exit venues the built-in backend quotes, by name (space- or comma-separated):
 *   `hyperion`, the only one that needs nothing but the chain. Another name is an `invalid_config` error;
 *   Panora needs an API key and its HTTP API, so it is given through `adapters`. For CDN pages that cannot pass
 *   `adapters`; `adapters` wins when both are set.
 * @attr {string} unstake-paths - Paths to offer, in order; the first is preselected: `standard instant` (default),
 *   `instant standard`, `standard` or `instant`.
 *
 * @prop {KofiBackend | undefined} backend - The chain access layer; unset: built from network / node-url / kofi-address.
 * @prop {unknown} wallet - A WalletCore, an AIP-62 wallet, a minimal signer or a ts-sdk Account; passed through untouched.
 * @prop {Partial<Messages> | undefined} strings - Host string overrides, merged over the locale.
 * @prop {BeforeSubmit | undefined} beforeSubmit - Called before every signature; return false to veto.
 * @prop {Sponsor | undefined} sponsor - Pays the user's gas (`Sponsor` of `@kofi/core`): the review says the site pays.
 * @prop {unknown} adapters - Instant-exit venues for the built-in backend (`@kofi/adapters`).
 *
 * @fires {CustomEvent<KofiTxDetail>} kofi-tx - Each stage of a transaction: `{ stage, action, hash?, amounts }`;
 *   a venue buy from the Stake tab is `action: "buy"` (tokenIn APT, tokenOut kAPT or stkAPT, minOut the swap's min-out).
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
 * @csspart entry-options - Stake tab: buying the token on venues, compared with minting
 * @csspart entry-option - one venue (also entry-option-buy): a radio when its buy can be signed
 * @csspart entry-option-mint - minting through Kofi, the preselected entry route
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
 * @csspart review-route - the venue a buy goes through
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
export class KofiStakeElement extends LitElement implements StakeHost {
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
    sponsor: { attribute: false },
    _tab: { state: true },
    _amountText: { state: true },
    _depositTo: { state: true },
    _stakeDirection: { state: true },
    _unstakeFrom: { state: true },
    _exitPath: { state: true },
    _entryRoute: { state: true },
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
  /** Instant-exit venues by name for the built-in backend: `hyperion` (others through `adapters`). */
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
  /** Pays the user's gas: a `Sponsor` of `@kofi/core` (a gas station); the user's APT then needs no gas reserve. */
  declare sponsor: Sponsor | undefined;

  // The form: what the user chose and typed.
  declare _tab: TabId;
  declare _amountText: string;
  /** Deposit tab: what the APT becomes (stkAPT is `deposit_and_stake`). */
  declare _depositTo: "kAPT" | "stkAPT";
  /** Convert (stake) tab: kAPT to stkAPT (`stake`) or back (`unstake`). */
  declare _stakeDirection: "stake" | "unstake";
  declare _unstakeFrom: "kAPT" | "stkAPT";
  declare _exitPath: ExitPath;
  /** Deposit tab: `mint` (the default, as Unstake preselects the standard path) or the venue id to buy on. */
  declare _entryRoute: string;

  /** @internal The wallet and the built-in picker. */
  readonly _wallets = new WalletController(this);
  /** @internal Protocol and position reads, refresh and countdown timers. */
  readonly _chain = new ChainController(this);
  /** @internal Debounced, abortable quotes. */
  readonly _quotes = new QuoteController(this);
  /** @internal Review, signing (the signing lock), stages, receipt. */
  readonly _tx = new TransactionController(this);

  private factoryBackend: KofiBackend | null = null;
  private ctx: ViewContext = makeContext("en", undefined);
  private loadedOnce = false;

  constructor() {
    super();
    this.network = "mainnet";
    this.theme = "light";
    this.slippageBps = 50;
    this.maxDiscountBps = 300;
    this.unstakePaths = "standard instant";
    this.walletPicker = "built-in";
    this._tab = "deposit";
    this._amountText = "";
    this._depositTo = "stkAPT";
    this._stakeDirection = "stake";
    this._unstakeFrom = "stkAPT";
    this._exitPath = "standard";
    this._entryRoute = "mint";
  }

  // ---------------------------------------------------------------- public API

  /** Fills the amount field: octas as a bigint, or a decimal string as a user would type it. */
  setAmount(value: bigint | string): void {
    if (this._tx.signing) return; // never under a pending signature
    this._amountText = typeof value === "bigint" ? toDecimalString(value) : value;
    this._quotes.schedule();
  }

  /** Switches tab (ignored while a transaction is in flight). */
  setTab(tab: TabId): void {
    const resolved = resolveTab(tab);
    if (!resolved || this._tx.signing) return;
    this.selectTab(resolved);
  }

  /** Re-reads the protocol, the account and its position, then re-quotes. */
  refresh(): Promise<void> {
    return this._chain.refresh();
  }

  // ---------------------------------------------------------------- lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("locale") || changed.has("strings") || !this.hasUpdated) {
      const tag = this.localeTag;
      this.ctx = makeContext(tag, this.strings);
      // Another bundled locale is a chunk of its own: render in English meanwhile, then in the locale.
      if (!isLocaleLoaded(tag))
        void loadLocale(tag).then(() => {
          if (this.localeTag !== tag) return;
          this.ctx = makeContext(tag, this.strings);
          this.requestUpdate();
        });
    }
    const defaultTab = changed.has("defaultTab") ? resolveTab(this.defaultTab) : null;
    if (defaultTab && !this._tx.signing) this._tab = defaultTab;
    if (changed.has("unstakePaths")) this._exitPath = this._exitPaths[0] ?? "standard";
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
    if (changed.has("wallet")) this._wallets.walletChanged();
    else if (backendChanged || !this.loadedOnce) this._chain.requestRefresh();
    else if (changed.has("slippageBps") || changed.has("maxDiscountBps") || changed.has("unstakePaths"))
      this._quotes.schedule();
    this.loadedOnce = true;
  }

  // ---------------------------------------------------------------- derived state (StakeHost)

  /** @internal */
  get _backend(): KofiBackend | null {
    return this.backend ?? this.factoryBackend;
  }

  /** @internal The unstake paths offered, in the host's order: the first one is preselected. */
  get _exitPaths(): ExitPath[] {
    return parseExitPaths(this.unstakePaths);
  }

  /** @internal */
  get _wrongNetwork(): WrongNetwork | null {
    return wrongNetwork(this._wallets.account, this._backend, this.network);
  }

  /** @internal */
  _quoteRequest(): QuoteRequest | null {
    if (this._tab === "withdrawals" || this._tab === "position") return null;
    const state = this.amountState;
    if (!state.parsed.ok || state.parsed.value <= 0n) return null;
    // An amount the field already refuses (over the balance, into the gas reserve, below the minimum) is never
    // quoted: the chain would refuse it too, and two contradictory errors (plus a 400) helped nobody.
    if (state.issue !== null) return null;
    const amount = state.parsed.value;
    if (this._tab === "deposit") return { action: "deposit", amount, to: this._depositTo };
    if (this._tab === "stake") return { action: this._stakeDirection, amount };
    return { action: "request_withdrawal", amount, from: this._unstakeFrom };
  }

  /** @internal */
  _clearAmount(): void {
    this._amountText = "";
  }

  /** The `locale` attribute, else the page's language. */
  private get localeTag(): string | undefined {
    return this.locale || (typeof document !== "undefined" ? document.documentElement.lang : "") || undefined;
  }

  /** The explorer URL template in effect, or null (none set on a local chain, or `explorer-url="none"`). */
  private get explorer(): string | null {
    const set = this.explorerUrl?.trim();
    if (set) return set === "none" ? null : set;
    return defaultExplorer(this._backend?.network ?? this.network);
  }

  /** The form's choices, for the rules that follow from them (`form-rules.ts`). */
  private get choices(): FormChoices {
    return {
      tab: this._tab,
      depositTo: this._depositTo,
      stakeDirection: this._stakeDirection,
      unstakeFrom: this._unstakeFrom,
      exitPath: this._exitPath,
    };
  }

  private get inputToken(): Token {
    return inputToken(this.choices);
  }

  private get amountState(): AmountState {
    return amountState({
      token: this.inputToken,
      text: this._amountText,
      locale: this.ctx.locale,
      position: this._chain.position,
      sponsored: this.sponsor !== undefined && this._backend?.sponsorship === true,
      minimum: minimumAmount(this.choices, this._chain.protocol),
    });
  }

  private get pausedKey(): PausedAction | null {
    const buying = this._tab === "deposit" && this.selectedQuote?.request.action === "buy";
    return pausedAction(this.choices, this._chain.protocol?.paused, buying);
  }

  /** The quote the primary button would review, per tab. */
  private get selectedQuote(): Quote | null {
    const quotes = this._quotes;
    // A venue picked on Stake: its buy quote; gone (timed out, failed, re-quoted without it): the mint.
    if (this._tab === "deposit" && this._entryRoute !== "mint")
      return quotes.entries.find((e) => e.id === this._entryRoute)?.quote ?? quotes.quote;
    if (this._tab !== "unstake" || this._exitPath === "standard") return quotes.quote;
    return bestInstant(quotes.instant, this.maxDiscountBps) ?? null;
  }

  private selectTab(tab: TabId): void {
    // Nothing changes under a pending signature: the tabs stay put until the wallet answers.
    if (tab === this._tab || this._tx.signing) return;
    const tokenBefore = this.inputToken;
    this._tab = tab;
    // An amount means nothing in another unit: 85 stkAPT must not become 85 APT.
    if (this.inputToken !== tokenBefore) this._amountText = "";
    this._tx.reset();
    this._quotes.clear();
    this._quotes.schedule();
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
    const wallets = this._wallets;
    return html`<div
      part="base"
      lang=${ctx.locale}
      dir=${ctx.rtl ? "rtl" : "ltr"}
      role="group"
      aria-label=${ctx.t("widget.label")}
    >
      ${renderHeader(ctx, {
        account: wallets.account,
        connecting: wallets.connecting,
        canDisconnect: !this.wallet && !!wallets.pickerWallet,
        onConnect: () => void wallets.connect(),
        onDisconnect: () => void wallets.disconnectPicked(),
      })}
      ${renderTabs(ctx, TAB_IDS, this._tab, (tab) => this.selectTab(tab))}
      <div part="panel panel-${this._tab}" role="tabpanel" id=${tabPanelId(this._tab)} aria-labelledby=${tabButtonId(this._tab)}>
        ${renderPanel(ctx, {
          wallets,
          tx: this._tx,
          chain: this._chain,
          network: this.network,
          wrongNetwork: this._wrongNetwork,
          explorer: this.explorer,
          sponsor: this.sponsor,
          onRetryLoad: () => void this.refresh(),
          tabContent: () => this.renderTabContent(),
        })}
      </div>
      ${renderStatus(ctx, this._tx)}
    </div>`;
  }

  /** The selected tab's content: the account tabs, or the amount form. */
  private renderTabContent(): TemplateResult {
    const ctx = this.ctx;
    const tab = this._tab;
    if (tab === "withdrawals" || tab === "position")
      return renderAccountTab(ctx, tab, {
        chain: this._chain,
        account: this._wallets.account,
        onClaim: (ids) => void this._tx.reviewClaim(ids),
      });
    const quotes = this._quotes;
    const s = this.amountState;
    const unitChanged = () => {
      this._amountText = ""; // an amount means nothing in another unit
      quotes.schedule();
    };
    return renderAmountTab(ctx, {
      tab,
      form: {
        depositTo: this._depositTo,
        stakeDirection: this._stakeDirection,
        unstakeFrom: this._unstakeFrom,
        amountText: this._amountText,
        entryRoute: this._entryRoute,
      },
      amount: s,
      quotes,
      quote: this.selectedQuote,
      protocol: this._chain.protocol,
      protocolLoaded: this._chain.loadError === null,
      account: this._wallets.account,
      signing: this._tx.signing,
      paused: this.pausedKey,
      otherwiseBlocked:
        this._wrongNetwork !== null ||
        (tab === "unstake" && this._exitPath === "instant" && this.isInstantBlocked()),
      exitComparison: () =>
        renderExitComparison(ctx, {
          paths: this._exitPaths,
          selected: this._exitPath,
          standard: quotes.quote,
          instantQuotes: quotes.instant,
          maxDiscountBps: this.maxDiscountBps,
          protocol: this._chain.protocol,
          loading: quotes.loading,
          empty: this._quoteRequest() === null,
          onSelect: (path) => {
            this._exitPath = path;
          },
        }),
      onDepositTo: (to) => {
        this._depositTo = to;
        quotes.schedule();
      },
      onStakeDirection: (direction) => {
        this._stakeDirection = direction;
        unitChanged();
      },
      onUnstakeFrom: (from) => {
        this._unstakeFrom = from;
        unitChanged();
      },
      onAmountInput: (text) => {
        this._amountText = text;
        quotes.schedule();
      },
      onMax: () => {
        if (s.max !== undefined) this.setAmount(s.max);
      },
      onEntryRoute: (route) => {
        this._entryRoute = route;
      },
      onReview: (quote) => void this._tx.review(quote),
      onConnect: () => void this._wallets.connect(),
    });
  }

  private isInstantBlocked(): boolean {
    const instant = bestInstant(this._quotes.instant, this.maxDiscountBps);
    return !instant || (instant.route?.discountBps ?? 0) > this.maxDiscountBps;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "kofi-stake": KofiStakeElement;
  }
  interface HTMLElementEventMap extends KofiEventMap {}
}
